"""Writing the files of one export into a folder: all of them or none, never a mixed pair.

The Word draft and its task table belong together; a failure between the two
must not leave the new .docx beside the old .xlsx. So:

1. Everything is written to short temporary names in the target folder first
   (``.~pp<token>0.docx.tmp`` …), flushed to disk — a long title cannot make a
   temporary name too long, and a full disk fails here, before any file of the
   user's is touched.
2. Each existing file is kept under a temporary name too (a hard link, or a copy
   where the disk has none), so that it can be put back.
3. A journal (``.~pp<token>.pair.tmp``) names the files; from here the export
   counts as done: if the program dies during the renames, the next export into
   the folder finishes them (`recover`).
4. The new files are renamed over the old ones. If one rename fails (a folder of
   that name, a file Word or Excel holds open), those already renamed are put
   back: the folder holds the previous files, byte for byte, and no file of ours.
   Files to remove (an earlier package's: written_set.py) go the same way.

A lock file (``.~pp.lock``, locked by the operating system, so a killed program
leaves no lock behind) keeps two exports into one folder — two windows, the
window and the command line — from interleaving: the second waits up to
LOCK_WAIT_SECONDS, then is refused. Temporary files of ours that an export
killed midway left behind are removed by the next export into the folder.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import json
import os
import re
import secrets
import shutil
import string
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.files import FileWriteError, check_path_length, replace_with_retry
from app.export.write_errors import export_error

PREFIX = ".~pp"
LOCK_NAME = ".~pp.lock"
LOCK_WAIT_SECONDS = 10.0
"""How long an export waits for another export into the same folder to finish."""
STALE_SECONDS = 3600
"""Where the folder cannot be locked, temporary files of ours older than this are leftovers."""

_OURS = re.compile(r"^\.~pp[0-9a-z]{8}[0-9a-z.]*\.tmp$")
_JOURNAL = re.compile(r"^\.~pp[0-9a-z]{8}\.pair\.tmp$")
_TOKEN_CHARS = string.digits + string.ascii_lowercase


class ExportBusyError(FileWriteError):
    """Another export is writing into the same folder."""


@dataclass(frozen=True)
class _Entry:
    target: Path
    new: Path | None
    """None: the target is removed (a document of an earlier set)."""
    old: Path | None
    """The previous file, kept under a temporary name until all are in place (None: there was none)."""


def is_ours(name: str) -> bool:
    """A temporary file name of ours (not the lock file)."""
    return bool(_OURS.match(name))


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write each (path, data) — all in one folder — so that either all are new or none is.

    Raises FileWriteError naming the file and the reason; the folder then holds
    exactly what it held before.
    """
    if not files:
        return
    folder = files[0][0].parent
    with folder_lock(folder) as exclusive:
        recover(folder, all_leftovers=exclusive)
        write_unlocked(folder, files)


# ---------------------------------------------------------------- the lock


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float | None = None) -> Iterator[bool]:
    """Hold the folder's export lock; yields whether the lock is exclusive (False where the
    file system cannot lock files: then the export goes ahead unlocked)."""
    path = folder / LOCK_NAME
    deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise export_error(exc, path, folder_only=True) from exc
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if locked is None:
            exclusive = False
            break
        if locked:
            # The holder before us may have removed the file as it let go: lock the one in place.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except OSError:
                same = False
            if same:
                exclusive = True
                break
            _unlock(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise ExportBusyError(
                "无法导出",
                problems=[f"另一个导出正在写入文件夹 {folder}，请稍后重试"],
            )
        time.sleep(0.05)
    try:
        yield exclusive
    finally:
        # Removed while still locked: whoever waits for it sees it gone and locks a new one.
        # (Windows refuses to remove a file another program has open: it then stays.)
        removed = True
        try:
            os.unlink(path)
        except OSError:
            removed = False
        if exclusive:
            _unlock(fd)
        os.close(fd)
        if not removed:  # Windows: once closed, unless another export has it open now
            with contextlib.suppress(OSError):
                os.unlink(path)


def _try_lock(fd: int) -> bool | None:
    """True: locked; False: another export holds it; None: this file system cannot lock."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return None
        raise
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


# ---------------------------------------------------------------- what a killed export left


def recover(folder: Path, *, all_leftovers: bool = True) -> None:
    """Finish what an export killed during its renames began, then remove its leftovers.

    With `all_leftovers` (the folder's lock held) every temporary file of ours is a
    leftover; without, only those older than STALE_SECONDS are.
    """
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if _JOURNAL.match(name):
            _finish(folder, folder / name)
    now = time.time()
    for name in os.listdir(folder):
        if not is_ours(name):
            continue
        path = folder / name
        with contextlib.suppress(OSError):
            if all_leftovers or now - path.lstat().st_mtime > STALE_SECONDS:
                path.unlink()


def _finish(folder: Path, journal: Path) -> None:
    """Roll a committed export forward: its new files onto their names (put back if one fails)."""
    try:
        entries = _read_journal(folder, journal)
    except (OSError, ValueError, KeyError, TypeError):
        entries = []  # written only partly: the export had not begun renaming
    if entries:
        with contextlib.suppress(FileWriteError):
            _rename_all(entries)
    with contextlib.suppress(OSError):
        journal.unlink()


def _read_journal(folder: Path, journal: Path) -> list[_Entry]:
    data = json.loads(journal.read_text(encoding="utf-8"))
    entries = []
    for item in data["files"]:
        target, new, old = item["target"], item["new"], item["old"]
        # Names in this folder only, and only our temporary files are moved.
        if not isinstance(target, str) or os.path.basename(target) != target or is_ours(target):
            raise ValueError(target)
        if new is None and old is None:
            raise ValueError(target)
        if (new is not None and not is_ours(new)) or (old is not None and not is_ours(old)):
            raise ValueError(new)
        entries.append(
            _Entry(folder / target, folder / new if new else None, folder / old if old else None)
        )
    return entries


# ---------------------------------------------------------------- writing


def _token() -> str:
    return "".join(secrets.choice(_TOKEN_CHARS) for _ in range(8))


def write_unlocked(
    folder: Path, files: Sequence[tuple[Path, bytes]], remove: Sequence[str] = ()
) -> None:
    token = _token()
    for path, _data in files:
        _check_name(path)
    entries: list[_Entry] = []
    journal = folder / f"{PREFIX}{token}.pair.tmp"
    made: list[Path] = []
    try:
        for index, (path, data) in enumerate(files):
            new = folder / f"{PREFIX}{token}{index}{path.suffix}.tmp"
            made.append(new)
            _write_new(new, path, data)
            old = None
            if os.path.lexists(path):
                old = folder / f"{PREFIX}{token}{index}.old.tmp"
                made.append(old)
                _keep(path, old)
            entries.append(_Entry(path, new, old))
        for index, name in enumerate(remove, start=len(files)):
            old = folder / f"{PREFIX}{token}{index}.old.tmp"
            made.append(old)
            _keep(folder / name, old)
            entries.append(_Entry(folder / name, None, old))
        made.append(journal)
        _write_journal(journal, entries)
        _sync_folder(folder)
        _rename_all(entries)
        _sync_folder(folder)
    finally:
        for path in reversed(made):  # the journal first: from then on the renames are done
            with contextlib.suppress(OSError):
                path.unlink()


def _check_name(path: Path) -> None:
    """A name the file system takes, and no folder in its way — or the reason, before anything is written."""
    if len(path.name.encode("utf-8")) > 255:
        raise FileWriteError("无法导出", problems=[f"{path.name}：文件名或路径过长"])
    check_path_length(path, "无法导出")
    try:
        in_the_way = path.is_dir()
    except OSError as exc:
        raise export_error(exc, path) from exc
    if in_the_way:
        raise FileWriteError("无法导出", problems=[f"{path.name}：已有同名文件夹占用这个文件名"])


def _write_new(tmp: Path, target: Path, data: bytes) -> None:
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise export_error(exc, target) from exc
    with contextlib.suppress(OSError):  # the permissions of the file it replaces
        shutil.copymode(target, tmp)


def _keep(target: Path, old: Path) -> None:
    """The previous file under a temporary name: a second link to it, or a copy."""
    try:
        os.link(target, old, follow_symlinks=False)
        return
    except OSError:
        pass
    try:
        shutil.copy2(target, old, follow_symlinks=False)
    except OSError as exc:
        raise export_error(exc, target) from exc


def _write_journal(journal: Path, entries: list[_Entry]) -> None:
    text = json.dumps(
        {
            "files": [
                {
                    "target": e.target.name,
                    "new": e.new.name if e.new else None,
                    "old": e.old.name if e.old else None,
                }
                for e in entries
            ]
        },
        ensure_ascii=False,
    )
    try:
        fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise export_error(exc, journal, folder_only=True) from exc


def _rename_all(entries: list[_Entry]) -> None:
    """Each new file onto its name; if one fails, those already moved are put back."""
    done: list[_Entry] = []
    for entry in entries:
        try:
            if entry.new is None:
                if not _remove(entry):
                    continue
            elif not os.path.lexists(entry.new):
                continue  # moved before the program was stopped (recovery)
            else:
                replace_with_retry(entry.new, entry.target)
        except OSError as exc:
            _put_back(done)
            raise export_error(exc, entry.target) from exc
        done.append(entry)


def _remove(entry: _Entry) -> bool:
    """Remove a document of an earlier set — only while it is still the file kept aside
    (in recovery the user may have put another file of that name there since)."""
    assert entry.old is not None
    if not os.path.lexists(entry.target) or not os.path.lexists(entry.old):
        return False
    same = os.path.samestat(os.lstat(entry.target), os.lstat(entry.old))
    if not same and not filecmp.cmp(entry.target, entry.old, shallow=False):
        return False
    os.unlink(entry.target)
    return True


def _put_back(done: list[_Entry]) -> None:
    for entry in reversed(done):
        with contextlib.suppress(OSError):
            if entry.old is not None:
                replace_with_retry(entry.old, entry.target)
            else:
                entry.target.unlink()


def _sync_folder(folder: Path) -> None:
    """The renames on disk too (POSIX; Windows has no handle on a folder for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
