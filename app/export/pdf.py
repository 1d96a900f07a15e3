"""PDF of an export through LibreOffice: to check a file opens and renders, or to print it.

Runs soffice headless with a private profile and a time limit, as the
importer's conversion does; a font configuration may be given so that the
official Chinese font names map to fonts installed on this machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from app.core.errors import PeakPlanError
from app.importer.convert import find_soffice

PDF_SECONDS = 300


class PdfError(PeakPlanError):
    """LibreOffice is missing or could not convert the file."""


def to_pdf(path: Path, out_dir: Path, *, fonts_conf: Path | None = None) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("没有安装 LibreOffice，无法转换为 PDF")
    profile = Path(tempfile.mkdtemp(prefix="peakplan-lo-"))
    env = dict(os.environ)
    if fonts_conf is not None:
        env["FONTCONFIG_FILE"] = str(fonts_conf)
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(path),
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PDF_SECONDS, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"LibreOffice 转换 {path.name} 超时") from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = out_dir / (path.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise PdfError(f"LibreOffice 无法转换 {path.name}：{done.stderr.strip()[:200]}")
    return pdf
