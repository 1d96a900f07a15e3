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
from app.core.files import os_reason
from app.soffice import find_soffice, soffice_convert

PDF_SECONDS = 300


class PdfError(PeakPlanError):
    """LibreOffice is missing or could not convert the file."""


WRITER_COMMENTS = (
    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
    '"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
)
"""A Word file's comments as PDF notes at their words, and in the margin where LibreOffice can
(7.5 and later; earlier ones ignore the option and draw a note mark at the words)."""


def to_pdf(
    path: Path, out_dir: Path, *, fonts_conf: Path | None = None, comments: bool = False
) -> Path:
    """The PDF LibreOffice makes of a .docx/.xlsx; with `comments`, a .docx's comments show."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("没有安装 LibreOffice，无法转换为 PDF")
    env = dict(os.environ)
    if fonts_conf is not None:
        env["FONTCONFIG_FILE"] = str(fonts_conf)
    try:
        fmt = WRITER_COMMENTS if comments and path.suffix.lower() == ".docx" else "pdf"
        pdf, stderr = soffice_convert(soffice, path, fmt, out_dir, timeout=PDF_SECONDS, env=env)
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"LibreOffice 转换 {path.name} 超时") from exc
    except OSError as exc:
        raise PdfError(f"无法启动 LibreOffice：{os_reason(exc)}") from exc
    if pdf is None:
        raise PdfError(f"LibreOffice 无法转换 {path.name}：{stderr.strip()[:200]}")
    return pdf
