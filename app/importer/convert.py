"""Convert .doc and .wps files to .docx with LibreOffice, when it is installed.

Many government offices still save in the old formats. LibreOffice runs with
a private profile (so it neither disturbs nor waits for a running instance)
and a time limit; without it the user is told to save as .docx from Word/WPS.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from app.core.errors import PlanImportError
from app.soffice import find_soffice, soffice_convert

CONVERT_SECONDS = 120


def convert_to_docx(path: Path) -> Path:
    """A .docx copy of a .doc/.wps file in a fresh temporary folder (caller removes it)."""
    soffice = find_soffice()
    kind = path.suffix.lower()
    if soffice is None:
        raise PlanImportError(
            f"无法直接读取 {kind} 文件：请用 Word 或 WPS 打开后另存为 .docx 再导入（或安装 LibreOffice）"
        )
    out_dir = Path(tempfile.mkdtemp(prefix="peakplan-convert-"))
    try:
        produced, _stderr = soffice_convert(soffice, path, "docx", out_dir, timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        shutil.rmtree(out_dir, ignore_errors=True)
        raise PlanImportError(
            f"LibreOffice 转换 {kind} 文件超时（{CONVERT_SECONDS} 秒），请在 Word 或 WPS 中另存为 .docx"
        ) from exc
    except OSError as exc:
        shutil.rmtree(out_dir, ignore_errors=True)
        raise PlanImportError(f"无法启动 LibreOffice：{exc.strerror or exc}") from exc
    if produced is None:
        shutil.rmtree(out_dir, ignore_errors=True)
        raise PlanImportError(
            f"LibreOffice 无法转换此 {kind} 文件（文件可能已损坏），请在 Word 或 WPS 中另存为 .docx"
        )
    return produced
