"""PDF of an export through LibreOffice: to check a file opens and renders, or to print it.

Runs soffice headless with a private profile and a time limit, as the
importer's conversion does; a font configuration may be given so that the
official Chinese font names map to fonts installed on this machine.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from app.core.errors import PeakPlanError
from app.soffice import find_soffice, soffice_convert

PDF_SECONDS = 300


class PdfError(PeakPlanError):
    """LibreOffice is missing or could not convert the file."""


def to_pdf(path: Path, out_dir: Path, *, fonts_conf: Path | None = None) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("没有安装 LibreOffice，无法转换为 PDF")
    env = dict(os.environ)
    if fonts_conf is not None:
        env["FONTCONFIG_FILE"] = str(fonts_conf)
    try:
        pdf, stderr = soffice_convert(soffice, path, "pdf", out_dir, timeout=PDF_SECONDS, env=env)
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"LibreOffice 转换 {path.name} 超时") from exc
    except OSError as exc:
        raise PdfError(f"无法启动 LibreOffice：{exc.strerror or exc}") from exc
    if pdf is None:
        raise PdfError(f"LibreOffice 无法转换 {path.name}：{stderr.strip()[:200]}")
    return pdf
