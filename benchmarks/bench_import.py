"""How long importing a seed plan takes, in process (the importer, not Python's start-up).

    uv run python benchmarks/bench_import.py [--repeat N]

Prints the median and best of N runs for each seed, largest first. The figure
the README quotes is the median for the largest seed. Then PDF plans: the
first 20 of the 23 typeset pages of the 宁东 excerpt in the test fixtures
(made a PDF of their own with pypdfium2; target: under 1 s), and the OCR'd
published PDFs of the fixtures, with the time a page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.importer import import_plan  # noqa: E402

SOURCES = ROOT / "reference_plans" / "sources"
PDFS = ROOT / "tests" / "importer" / "fixtures" / "pdf"


def twenty_page_pdf(folder: Path) -> Path:
    """The first 20 pages of the typeset 宁东 excerpt, as a PDF of their own."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(PDFS / "ningdong_excerpt.pdf"), list(range(20)))
    document.save(folder / "ningdong-20-pages.pdf")
    return folder / "ningdong-20-pages.pdf"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    seeds = sorted(SOURCES.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)
    import_plan(seeds[0])  # warm imports and caches once, as a running app has them
    for path in seeds:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            import_plan(path)
            times.append((time.perf_counter() - start) * 1000)
        size = path.stat().st_size / 1024
        print(
            f"{path.name:50s} {size:6.1f} KB  median {statistics.median(times):6.1f} ms"
            f"  best {min(times):6.1f} ms"
        )
    with tempfile.TemporaryDirectory() as folder:
        published = [p for p in sorted(PDFS.glob("*.pdf")) if p.stem != "ningdong_excerpt"]
        pdfs = [twenty_page_pdf(Path(folder)), *published]
        for path in pdfs:
            import_plan(path)
            times = []
            for _ in range(max(3, args.repeat // 3)):
                start = time.perf_counter()
                import_plan(path)
                times.append((time.perf_counter() - start) * 1000)
            import pypdfium2 as pdfium

            pages = len(pdfium.PdfDocument(path))
            print(
                f"{path.name:50s} {pages:3d} pages  median {statistics.median(times):6.1f} ms"
                f"  best {min(times):6.1f} ms  ({statistics.median(times) / pages:.1f} ms a page)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
