"""One writer at a time: an exclusive lock on a file the user keeps (a draft), between
processes — two `peakplan` commands, a command and the window.

The lock is an operating-system lock (flock on Linux/macOS, a byte-range lock through
msvcrt on Windows) on a small file beside the target (平罗.peakplan → 平罗.peakplan.lock).
The system drops such a lock when its process ends, however it ends: a lock file left by
a killed process is stale by construction and is taken over at once, without guessing
from ages. What the file holds (process id, computer, time) is only for the message a
waiting writer gets when the holder is alive but takes too long.

Where the folder allows no lock file, or the file system no locks (some network shares),
the write goes ahead unlocked: the content-hash check before writing (compare-and-swap,
app/core/draft/store/files.py) still refuses to overwrite a change made since reading.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import PeakPlanError

LOCK_SUFFIX = ".lock"
WAIT_SECONDS = 30.0
"""How long a writer waits for another to finish before it gives up with a message."""
POLL_SECONDS = 0.05
_LOCK_BYTE = 0x7FFF_0000
"""Windows locks are mandatory: the lock sits on a byte far past the end, so the holder's
note at the start of the file stays readable for the message of whoever waits."""
_WINDOWS = os.name == "nt"
_BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}


class FileBusyError(PeakPlanError):
    """Another process is writing the file and did not finish in time."""


def lock_path(path: str | Path) -> Path:
    """The lock file of a target: beside it, the target's real name plus .lock."""
    target = Path(path)
    with contextlib.suppress(OSError):
        if target.is_symlink():
            target = target.resolve()
    return target.with_name(target.name + LOCK_SUFFIX)


# Held locks of this process: path → how deep it is held. A process that holds a draft's
# lock (update_draft) may save it again inside without waiting for itself.
_held: dict[str, int] = {}
_held_guard = threading.Lock()


@contextlib.contextmanager
def file_lock(path: str | Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the target's lock for the block; wait up to `wait` seconds for another holder,
    then raise FileBusyError naming who holds it."""
    where = lock_path(path)
    key = os.path.normcase(os.path.abspath(where))
    with _held_guard:
        if key in _held:
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                _held[key] -= 1
        return
    fd = _acquire(where, wait)
    with _held_guard:
        _held[key] = 1
    try:
        yield
    finally:
        with _held_guard:
            del _held[key]
        if fd is not None:
            _release(where, fd)


def _acquire(where: Path, wait: float) -> int | None:
    """An fd holding the lock on `where`; None when this place allows no lock."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None  # a read-only folder, a share without rights: hash check only
        try:
            got = _try_lock(fd)
        except OSError:
            os.close(fd)
            return None  # the file system has no locks
        if got and _still_there(where, fd):
            _note_holder(fd)
            return fd
        if got:  # the previous holder removed the file as we took it: take the new one
            _unlock(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise FileBusyError("起草文件正被另一个程序写入，请稍后再试", problems=[_holder(where)])
        time.sleep(POLL_SECONDS)


def _still_there(where: Path, fd: int) -> bool:
    """Is the locked file still the one at `where` (not unlinked by its last holder)?"""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(where))
    except OSError:
        return False


def _release(where: Path, fd: int) -> None:
    """Unlink while still holding (POSIX), so a waiter that opened the old file notices;
    Windows refuses to unlink an open file, so there the file goes after closing, if no
    one else has it open (a leftover lock file holds no lock and is simply reused)."""
    if not _WINDOWS:
        with contextlib.suppress(OSError):
            os.unlink(where)
    with contextlib.suppress(OSError):
        _unlock(fd)
    os.close(fd)
    if _WINDOWS:
        with contextlib.suppress(OSError):
            os.unlink(where)


def _try_lock(fd: int) -> bool:
    """Take the lock without waiting: True if taken, False if another holds it; OSError
    when the file system cannot lock at all."""
    try:
        if _WINDOWS:
            import msvcrt

            os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _BUSY or isinstance(exc, PermissionError | BlockingIOError):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if _WINDOWS:
        import msvcrt

        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _note_holder(fd: int) -> None:
    """Who holds the lock, for the message of a writer that waits in vain."""
    note = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(note, ensure_ascii=False).encode("utf-8"))


def _holder(where: Path) -> str:
    try:
        note = json.loads(where.read_bytes()[:1000].decode("utf-8"))
        return f"写入者：{note['host']} 上的进程 {note['pid']}，始于 {note['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return f"锁文件：{where}"
