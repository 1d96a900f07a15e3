"""Why an export could not write a file, in the user's words, naming the file (or the folder)."""

from __future__ import annotations

import errno
from pathlib import Path

from app.core.files import READ_ONLY_HINT, FileWriteError, read_only_reason


class FileInUseError(FileWriteError):
    """A file of the export is open in Word, WPS or Excel: Windows locks it, so it cannot be
    replaced. Nothing of the export was written (pair.py puts back what was renamed)."""

    def __init__(self, message: str, *, path: Path, problems: list[str] | None = None) -> None:
        super().__init__(message, problems=problems)
        self.path = path


def export_error(exc: OSError, path: Path, *, folder_only: bool = False) -> FileWriteError:
    """The reason in the user's words, naming the file (or the folder)."""
    where = str(path.parent) if folder_only else path.name
    if in_use(exc, path, folder_only):
        return FileInUseError("无法导出", path=path, problems=[f"{where}：{in_use_reason(path)}"])
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        # the folder refuses new files: named whole, with what to do
        if exc.errno == errno.EROFS:
            return FileWriteError(
                "无法导出", problems=[f"磁盘或文件夹只读：{path.parent}。{READ_ONLY_HINT}"]
            )
        if not (not folder_only and _is_dir(path)):
            return FileWriteError("无法导出", problems=[read_only_reason(path.parent)])
    return FileWriteError("无法导出", problems=[f"{where}：{_reason(exc, path, folder_only)}"])


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def in_use(exc: OSError, path: Path, folder_only: bool = False) -> bool:
    """A file that exists and cannot be replaced for want of permission: on Windows, another
    program has it open (a read-only file is refused before, core/files.refuse_protected)."""
    if folder_only or not isinstance(exc, PermissionError):
        return False
    try:
        return path.is_file()
    except OSError:
        return False


def in_use_reason(path: Path) -> str:
    program = "Excel/WPS" if path.suffix.lower() in (".xlsx", ".xls", ".et") else "Word/WPS"
    return (
        f"文件正被 {program} 打开（或被其他程序占用），无法替换；本次导出的文件都未写入，"
        f"已有的文件保持原样。请在 {program} 中关闭它后重试，或另名保存"
    )


def _reason(exc: OSError, path: Path, folder_only: bool) -> str:
    if isinstance(exc, IsADirectoryError) or (not folder_only and path.is_dir()):
        return "已有同名文件夹占用这个文件名"
    if isinstance(exc, PermissionError):
        return "文件夹不可写（没有写入权限）"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno == getattr(errno, "EDQUOT", -1):
        return "磁盘配额已用完"
    if exc.errno == errno.EROFS:
        return "文件夹只读，无法写入"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "文件夹不存在"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径过长"
    return f"写入失败（错误号 {exc.errno}）"
