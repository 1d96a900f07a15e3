"""Convert .doc and .wps files to .docx with LibreOffice, when it is installed, else with
Word or WPS (office_com.py).

Many government offices still save in the old formats. LibreOffice runs with
a private profile (so it neither disturbs nor waits for a running instance)
and a time limit; without it Word or WPS converts the file on Windows; without
either the user is told to save as .docx from Word/WPS.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.errors import PlanImportError
from app.core.files import FileReadError, read_limited
from app.importer.readers.office_com import office_convert
from app.soffice import find_soffice, soffice_convert

CONVERT_SECONDS = 120


def convert_to_docx(data: bytes, suffix: str) -> bytes:
    """The bytes of a .docx copy of a .doc/.wps file's bytes.

    The copy LibreOffice reads and the one it writes get short fixed names in a fresh
    temporary folder (removed afterwards): the user's file name may be as long as the
    file system allows, and LibreOffice adds its own lock and temporary names to it.
    """
    soffice = find_soffice()
    kind = suffix.lower()
    with _copy_in_temp(data, kind) as source:
        if soffice is None:
            return _through_office(source, kind)
        try:
            produced, _stderr = soffice_convert(
                soffice, source, "docx", source.parent, timeout=CONVERT_SECONDS
            )
        except subprocess.TimeoutExpired as exc:
            raise PlanImportError(
                f"LibreOffice 转换 {kind} 文件超时（{CONVERT_SECONDS} 秒），请在 Word 或 WPS 中另存为 .docx"
            ) from exc
        except OSError as exc:
            raise PlanImportError(f"无法启动 LibreOffice（{soffice}）：{_os_reason(exc)}") from exc
        if produced is None:
            raise PlanImportError(
                f"LibreOffice 无法转换此 {kind} 文件（文件可能已损坏），请在 Word 或 WPS 中另存为 .docx"
            )
        return _converted(produced, "LibreOffice")


@contextmanager
def _copy_in_temp(data: bytes, kind: str) -> Iterator[Path]:
    """The file's bytes as plan.doc/.wps in a fresh temporary folder, removed afterwards."""
    out_dir = Path(tempfile.mkdtemp(prefix="peakplan-convert-"))
    try:
        source = out_dir / f"plan{kind}"
        try:
            source.write_bytes(data)
        except OSError as exc:
            raise PlanImportError(
                f"无法把 {kind} 文件复制到临时文件夹（{out_dir}）以便转换：{_os_reason(exc)}"
            ) from exc
        yield source
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def _converted(path: Path, converter: str) -> bytes:
    try:
        return read_limited(path, "plan-document")
    except FileReadError as exc:
        raise PlanImportError(
            f"{converter} 转换出的 .docx 无法读取：{'；'.join(exc.problems) or exc.message}"
        ) from exc


def _through_office(source: Path, kind: str) -> bytes:
    """No LibreOffice: Word or WPS converts it where installed (office_com.py), else the user
    is told to save it as .docx there."""
    target = source.parent / "plan.docx"
    if office_convert(source, target):
        return _converted(target, "Word/WPS")
    raise PlanImportError(
        f"无法直接读取 {kind} 文件：请用 Word 或 WPS 打开它，另存为 .docx（文件 › 另存为 › "
        "Word 文档）后再导入"
    )


def _os_reason(exc: OSError) -> str:
    """An OSError in the user's words (its own text may be English)."""
    if isinstance(exc, PermissionError):
        return "没有权限"
    if isinstance(exc, FileNotFoundError):
        return "找不到程序或文件"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno == errno.ENAMETOOLONG:
        return "路径过长"
    return f"系统错误（错误号 {exc.errno}）"
