"""LibreOffice, run headless: the importer converts .doc/.wps with it, the export renders PDF.

Both layers use it, so it sits beside paths.py rather than in either of them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def find_soffice() -> str | None:
    """The LibreOffice executable, or None (PEAKPLAN_SOFFICE names it explicitly)."""
    explicit = os.environ.get("PEAKPLAN_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
            candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
            if base and candidate.exists():
                return str(candidate)
    return None


def soffice_convert(
    soffice: str,
    path: Path,
    fmt: str,
    out_dir: Path,
    *,
    timeout: int,
    env: dict[str, str] | None = None,
) -> tuple[Path | None, str]:
    """Run LibreOffice headless with a private profile (it neither disturbs nor waits for a
    running instance); the converted file (None if it made none) and what it said.

    Raises subprocess.TimeoutExpired and OSError for the caller to explain in its own terms.
    """
    profile = Path(tempfile.mkdtemp(prefix="peakplan-lo-profile-"))
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        fmt,
        "--outdir",
        str(out_dir),
        str(path),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=timeout, env=env, check=False, text=True
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    # A format with its filter and options ("pdf:writer_pdf_Export:{…}") makes a .pdf.
    produced = out_dir / f"{path.stem}.{fmt.split(':', 1)[0]}"
    return (produced if result.returncode == 0 and produced.exists() else None), result.stderr
