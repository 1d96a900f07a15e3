"""Look at an export: convert .docx/.xlsx to PDF with LibreOffice, then pages to PNG.

    uv run python tools/render_pages.py FILE [--out DIR] [--dpi 60] [--pages 1-8]

Uses tools/fonts.conf so that the official font names map to the stand-ins
installed here (AR PL, Noto CJK, Liberation), as LAYOUT.md describes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.importer.convert import find_soffice  # noqa: E402

FONTS_CONF = ROOT / "tools" / "fonts.conf"


def to_pdf(path: Path, out_dir: Path, timeout: int = 300) -> Path:
    """PDF of a .docx/.xlsx, rendered by LibreOffice with the stand-in fonts."""
    soffice = find_soffice()
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    profile = Path(tempfile.mkdtemp(prefix="peakplan-lo-"))
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    try:
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = out_dir / (path.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"LibreOffice could not convert {path.name}: {done.stderr.strip()}")
    return pdf


def to_png(
    pdf: Path, out_dir: Path, dpi: int = 60, first: int | None = None, last: int | None = None
) -> list[Path]:
    command = ["pdftoppm", "-r", str(dpi), "-png"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    subprocess.run([*command, str(pdf), str(out_dir / pdf.stem)], check=True)
    return sorted(out_dir.glob(f"{pdf.stem}*.png"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--out", type=Path, default=Path("rendered"))
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--pages", default="", help="e.g. 1-8")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pdf = to_pdf(args.file.resolve(), args.out)
    first = last = None
    if args.pages:
        first_text, _, last_text = args.pages.partition("-")
        first, last = int(first_text), int(last_text or first_text)
    for png in to_png(pdf, args.out, args.dpi, first, last):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
