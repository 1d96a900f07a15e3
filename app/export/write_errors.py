"""Why an export could not write a file, in the user's words, naming the file (or the folder)."""

from __future__ import annotations

import errno
from pathlib import Path

from app.core.files import FileWriteError


def export_error(exc: OSError, path: Path, *, folder_only: bool = False) -> FileWriteError:
    """The reason in the user's words, naming the file (or the folder)."""
    where = str(path.parent) if folder_only else path.name
    return FileWriteError("无法导出", problems=[f"{where}：{_reason(exc, path, folder_only)}"])


def _reason(exc: OSError, path: Path, folder_only: bool) -> str:
    if isinstance(exc, IsADirectoryError) or (not folder_only and path.is_dir()):
        return "已有同名文件夹占用这个文件名"
    if isinstance(exc, PermissionError):
        if not folder_only and path.exists():
            return "文件被其他程序占用（如 Word、WPS 或 Excel 正打开它），请关闭后重试"
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
