"""How long exporting takes, against the libraries' floor, and how it scales.

    uv run python benchmarks/bench_export.py [--repeat N]

1. The demo exported to both files (Word + Excel, in memory), against the
   floor: python-docx and openpyxl writing the same paragraphs and cells (every
   paragraph and table cell of our .docx, every cell of every sheet of our
   .xlsx) with no formatting at all, measured in the same run. Target: at most
   1.5 × floor.
2. Synthetic drafts of 250, 500 and 1,000 measures (the demo's measures
   repeated), each exported in a fresh process: time and peak memory.
   Target for 1,000: under 10 s and 400 MB, time growing linearly.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from app.core.draft.demo import load_demo  # noqa: E402
from app.core.draft.model import Draft  # noqa: E402
from app.core.plans.resolver import PlanResolver  # noqa: E402
from app.export.excel import excel_bytes  # noqa: E402
from app.export.word.document import word_bytes  # noqa: E402
from benchmarks.drafts import synthetic  # noqa: E402

PLANS = PlanResolver.library()


def floor_content(
    draft: Draft,
) -> tuple[list[str], list[list[list[str]]], dict[str, list[list[object]]]]:
    """What our export writes: every paragraph, every table cell, every sheet cell."""
    from openpyxl import load_workbook

    document = Document(io.BytesIO(word_bytes(draft)))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    workbook = load_workbook(io.BytesIO(excel_bytes(draft, plans=PLANS)))
    sheets = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook}
    return paragraphs, tables, sheets


def floor(content) -> None:
    """The same paragraphs and cells through python-docx and openpyxl, with no formatting at all."""
    paragraphs, tables, sheets = content
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for cells in tables:
        table = document.add_table(rows=len(cells), cols=len(cells[0]))
        for tr, values in zip(table._tbl.tr_lst, cells, strict=True):
            for tc, value in zip(tr.tc_lst, values, strict=False):
                if value:
                    tc.p_lst[0].add_r().text = value
    document.save(io.BytesIO())
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(io.BytesIO())


def ours(draft: Draft) -> None:
    word_bytes(draft)
    excel_bytes(draft, plans=PLANS)


def _child(measures: int) -> None:
    draft = synthetic(measures)
    draft = draft.model_copy(
        update={"layout": draft.layout.model_copy(update={"attachment": True})}
    )
    start = time.perf_counter()
    ours(draft)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"measures": measures, "seconds": seconds, "peak_mb": peak_mb}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0
    demo = load_demo()
    demo = demo.model_copy(update={"layout": demo.layout.model_copy(update={"attachment": True})})
    content = floor_content(demo)
    ours(demo), floor(content)
    ours_times, floor_times = [], []
    # Alternate the two, each after a full collection, so that neither pays for the other's garbage.
    for _ in range(args.repeat):
        for work, times in (
            (lambda: floor(content), floor_times),
            (lambda: ours(demo), ours_times),
        ):
            gc.collect()
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
    ours_ms, floor_ms = statistics.median(ours_times) * 1000, statistics.median(floor_times) * 1000
    print(f"demo export (Word + Excel, with 附件)     median {ours_ms:6.0f} ms")
    print(f"floor (same text, no formatting)          median {floor_ms:6.0f} ms")
    print(f"ratio                                     {ours_ms / floor_ms:6.2f}")
    for measures in (250, 500, 1000):
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(measures)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout)
        print(
            f"{measures:5d} measures: {result['seconds']:6.2f} s, peak {result['peak_mb']:5.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
