"""Look at an export: convert .docx/.xlsx to PDF with LibreOffice, then pages to PNG.

    uv run python tools/render_pages.py FILE [--out DIR] [--dpi 60] [--pages 1-8] [--comments]

Uses tools/fonts.conf so that the official font names map to the stand-ins
installed here (AR PL, Noto CJK, Liberation), as LAYOUT.md describes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export import pdf  # noqa: E402

FONTS_CONF = ROOT / "tools" / "fonts.conf"


def to_pdf(path: Path, out_dir: Path, comments: bool = False) -> Path:
    """PDF of a .docx/.xlsx, rendered by LibreOffice with the stand-in fonts (and comments)."""
    return pdf.to_pdf(path, out_dir, fonts_conf=FONTS_CONF, comments=comments)


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
    parser.add_argument("--comments", action="store_true", help="show a .docx's comments")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rendered = to_pdf(args.file.resolve(), args.out, args.comments)
    first = last = None
    if args.pages:
        first_text, _, last_text = args.pages.partition("-")
        first, last = int(first_text), int(last_text or first_text)
    for png in to_png(rendered, args.out, args.dpi, first, last):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
