"""Write files the way a user's work deserves: completely or not at all.

Data is written to a temporary file in the same folder, flushed to disk, then
renamed over the target, so a crash, a full disk or a file held open by Word
never leaves a half-written file and never destroys the previous version.
Renames are retried briefly because Word, WPS or a virus scanner may hold the
target for a moment on Windows.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from pathlib import Path

from app.core.errors import PeakPlanError

RETRIES = 10
RETRY_SECONDS = 0.1
TEMPORARY_PREFIX = ".~pd"
STALE_SECONDS = 3600
"""A temporary file of ours older than this was left by a killed save: the next save into
that folder removes it (a younger one may be another save in progress)."""


class FileWriteError(PeakPlanError):
    """A file could not be written; the message says why in the user's terms."""


WINDOWS = os.name == "nt"
"""Windows' limits apply (the tests set it to simulate Windows)."""
MAX_PATH = 259
"""The longest full path Windows programs — Word and WPS among them — open: MAX_PATH (260)
less its closing NUL. A longer one could be written but not opened, so it is refused."""
READ_ONLY_HINT = "请换一个自己可写入的文件夹（如“文档”或桌面），或请管理员开放写入权限"


def check_path_length(path: Path, action: str = "无法写入") -> None:
    """On Windows, a path too long for Word to open is refused before anything is written."""
    if not WINDOWS:
        return
    full = str(Path(os.path.abspath(path)))
    if len(full) > MAX_PATH:
        raise FileWriteError(
            action,
            problems=[
                f"路径过长（{len(full)} 个字符，Windows 和 Word 最多打开 {MAX_PATH} 个）："
                f"{Path(full).parent}。请换一个路径较短的文件夹（如 D:\\碳达峰方案），"
                "或缩短文件夹名和文件名"
            ],
        )


def read_only_reason(folder: Path) -> str:
    """A folder that refuses a new file: read-only, a read-only network drive, no permission."""
    return f"文件夹不可写（只读文件夹、只读的网络驱动器或没有写入权限）：{folder}。{READ_ONLY_HINT}"


_REASONS: dict[int, str] = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘或文件夹只读",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "同名的文件已存在",
    errno.ELOOP: "符号链接循环",
    errno.EBUSY: "文件正被占用",
    errno.EMFILE: "打开的文件过多",
    errno.EIO: "磁盘读写错误",
    errno.EDQUOT: "磁盘配额已用完",
    errno.ETXTBSY: "文件正被占用",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Chinese (strerror is English, "Is a directory")."""
    reason = _REASONS.get(exc.errno or 0)
    if reason is None and isinstance(exc, PermissionError):
        reason = "没有权限"
    return reason or f"系统错误（错误号 {exc.errno}）"


def _explain(exc: OSError, path: Path) -> str:
    if isinstance(exc, PermissionError):
        if path.exists():
            return "文件被其他程序占用（如 Word、WPS 或 Excel 正打开它），请关闭后重试"
        return read_only_reason(path.parent)
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno in (errno.EROFS,):
        return f"磁盘或文件夹只读，无法写入：{path.parent}。{READ_ONLY_HINT}"
    if exc.errno == errno.ENOENT:
        return "文件夹不存在"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名过长"
    return f"写入失败：{os_reason(exc)}"


def _copy_mode(path: Path, fd: int) -> None:
    """Give the new file the old one's permissions, or the usual ones (mkstemp makes 0600)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    # No fchmod on Windows, where the folder's ACLs are inherited anyway.
    with contextlib.suppress(AttributeError, OSError):
        os.fchmod(fd, mode)


def replace_with_retry(source: Path, target: Path) -> None:
    """os.replace, retried while another program briefly holds the target."""
    for attempt in range(RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == RETRIES - 1:
                raise
            time.sleep(RETRY_SECONDS)


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed save left behind in the folder, removed."""
    now = time.time()
    try:
        names = [
            n for n in os.listdir(folder) if n.startswith(TEMPORARY_PREFIX) and n.endswith(".tmp")
        ]
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            path = folder / name
            if now - path.lstat().st_mtime > STALE_SECONDS:
                path.unlink()


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write data to path atomically; raise FileWriteError with the reason on failure."""
    path = Path(path)
    if path.is_symlink() and path.resolve().is_file():
        path = path.resolve()  # a linked draft: the file it points to is the one replaced
    folder = path.parent
    if not folder.exists():
        raise FileWriteError("无法写入", problems=["文件夹不存在"])
    check_path_length(path)
    refuse_protected(path)
    tmp_name = None
    try:
        remove_stale_temporaries(folder)
        # a short name of its own: the target's name in it made long names too long
        fd, tmp_name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=folder)
        _copy_mode(path, fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_with_retry(Path(tmp_name), path)
        tmp_name = None
    except OSError as exc:
        raise FileWriteError("无法写入", problems=[_explain(exc, path)]) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path


def refuse_protected(path: Path) -> None:
    """A file the user made read-only, or a folder or special file in the way, is never
    replaced: a rename would succeed over it, since renaming needs only the folder."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileWriteError("无法写入", problems=[_explain(exc, path)]) from exc
    if stat.S_ISDIR(info.st_mode):
        raise FileWriteError("无法写入", problems=["同名的文件夹占用了这个位置"])
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise FileWriteError("无法写入", problems=["同名的链接或特殊文件占用了这个位置，未覆盖"])
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):  # marked read-only
        raise FileWriteError(
            "无法写入", problems=["文件是只读的，未覆盖（如需覆盖，请先取消只读）"]
        )


def same_file(a: str | Path, b: str | Path) -> bool:
    """Are the two paths one file (the same name, a link, another spelling)?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def write_text_atomic(path: str | Path, text: str) -> Path:
    return write_atomic(path, text.encode("utf-8"))


class FileReadError(PeakPlanError):
    """A file the user named could not be read safely; the message says why."""


MB = 1024 * 1024
READ_LIMITS: dict[str, int] = {
    "draft": 200 * MB,
    "plan-json": 50 * MB,
    "plan-document": 200 * MB,
    "settings": 5 * MB,
}
"""The largest file read per kind (bytes), documented in the README: a county draft of
10,000 measures is about 30 MB, the largest published plan PDF a few MB."""


def check_readable(path: str | Path, kind: str) -> Path:
    """Refuse what is not an ordinary file of sensible size before any byte is read:
    a FIFO, a device, /dev/zero behind a symlink would hang or eat memory."""
    path = Path(path)
    try:
        info = path.stat()  # follows symlinks: the file they point to is what is read
    except FileNotFoundError as exc:
        raise FileReadError("无法读取", problems=["文件不存在"]) from exc
    except PermissionError as exc:
        raise FileReadError("无法读取", problems=["没有读取权限"]) from exc
    except OSError as exc:
        raise FileReadError("无法读取", problems=[_explain_read(exc)]) from exc

    if stat.S_ISDIR(info.st_mode):
        raise FileReadError("无法读取", problems=["这是一个文件夹，不是文件"])
    if not stat.S_ISREG(info.st_mode):
        raise FileReadError("无法读取", problems=["这不是普通文件（管道、设备等特殊文件不能打开）"])
    limit = READ_LIMITS[kind]
    if info.st_size > limit:
        raise FileReadError(
            "无法读取",
            problems=[f"文件过大（{info.st_size / MB:.0f} MB，此类文件最大 {limit // MB} MB）"],
        )
    return path


def read_limited(path: str | Path, kind: str) -> bytes:
    """The bytes of an ordinary file no larger than the kind's limit."""
    path = check_readable(path, kind)
    limit = READ_LIMITS[kind]
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError as exc:
        raise FileReadError("无法读取", problems=["没有读取权限"]) from exc
    except OSError as exc:
        raise FileReadError("无法读取", problems=[_explain_read(exc)]) from exc
    if len(data) > limit:  # grew while being read
        raise FileReadError("无法读取", problems=[f"文件过大（此类文件最大 {limit // MB} MB）"])
    return data


def _explain_read(exc: OSError) -> str:
    return os_reason(exc)


def set_aside(path: Path, folder: Path | None = None) -> Path | None:
    """A damaged file of the user's moved into damaged/ beside it (or into folder) under a
    free name, never deleted; None when it could not be moved (it stays where it is)."""
    folder = folder or path.parent / "damaged"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / path.name
        n = 1
        while target.exists() or target.is_symlink():
            target = folder / f"{path.stem}-{n}{path.suffix}"
            n += 1
        os.replace(path, target)
    except OSError:
        return None
    return target
