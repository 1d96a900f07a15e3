"""`peakplan export --demo` as a whole process, against a floor in a fresh process too.

    uv run python benchmarks/bench_export_floor.py [--repeat N] [--bundle DIR]

What a user waits for on the command line is the whole process: the interpreter,
the imports, the export, the files on disk. The floor is the least any program
doing this job pays: a fresh Python process that imports python-docx and openpyxl
and writes the same text — every paragraph and table cell of our .docx, every cell
of every sheet of our .xlsx (bench_export.floor_content), no formatting — to two
files on disk. Target: export ≤ 1.5 × floor.

Both run with bytecode compiled, as an installed app or the bundle runs
(`python -m compileall` over app/ and the libraries first; uv does not compile
on install). `--bundle DIR` times the built bundle's `peakplan` instead of the
source checkout. The two are run alternately, `--repeat` times each; medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = ("docx", "openpyxl", "jinja2", "pydantic", "pydantic_core", "rapidfuzz", "lxml")


def floor_child(content_file: str, folder: str) -> None:
    """The floor itself (in its own process): only python-docx and openpyxl are imported."""
    from docx import Document
    from openpyxl import Workbook

    with open(content_file, encoding="utf-8") as handle:
        paragraphs, tables, sheets = json.load(handle)
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for cells in tables:
        table = document.add_table(rows=len(cells), cols=len(cells[0]))
        for tr, values in zip(table._tbl.tr_lst, cells, strict=True):
            for tc, value in zip(tr.tc_lst, values, strict=False):
                if value:
                    tc.p_lst[0].add_r().text = value
    document.save(os.path.join(folder, "floor.docx"))
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(os.path.join(folder, "floor.xlsx"))


def write_content(path: Path) -> None:
    """The demo's text as our export writes it (with the 附件, as `export --demo` prints it)."""
    sys.path.insert(0, str(ROOT))
    from app.core.draft.demo import load_demo
    from benchmarks.bench_export import floor_content

    demo = load_demo()
    paragraphs, tables, sheets = floor_content(demo)
    sheets = {t: [[_plain(v) for v in row] for row in rows] for t, rows in sheets.items()}
    path.write_text(json.dumps([paragraphs, tables, sheets], ensure_ascii=False), encoding="utf-8")


def _plain(value: object) -> object:
    return value if value is None or isinstance(value, (str, int, float)) else str(value)


def compile_bytecode() -> None:
    """Bytecode for app/ and the libraries, as an installed app has it."""
    site = Path(sysconfig.get_paths()["purelib"])
    targets = [str(ROOT / "app")] + [str(site / n) for n in LIBRARIES if (site / n).is_dir()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *targets], check=False)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run; CPU time varies less on a
    machine other work shares."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument(
        "--bundle", type=Path, help="the built bundle's folder (dist/碳达峰方案起草助手)"
    )
    parser.add_argument("--floor-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_child:
        floor_child(*args.floor_child)
        return 0
    compile_bytecode()
    with tempfile.TemporaryDirectory() as work:
        content = Path(work) / "content.json"
        write_content(content)
        ours_dir, floor_dir = Path(work) / "ours", Path(work) / "floor"
        ours_dir.mkdir(), floor_dir.mkdir()
        program = [str(args.bundle / "peakplan")] if args.bundle else [sys.executable, "-m", "app"]
        ours_cmd = [*program, "export", "--demo", "-o", str(ours_dir)]
        floor_cmd = [sys.executable, __file__, "--floor-child", str(content), str(floor_dir)]
        timed(ours_cmd), timed(floor_cmd)  # warm the file cache
        ours_times, floor_times = [], []
        for _ in range(args.repeat):  # alternately, so that load on the machine hits both
            floor_times.append(timed(floor_cmd))
            ours_times.append(timed(ours_cmd))
    label = "bundle peakplan" if args.bundle else "peakplan"
    for kind, index in (("wall clock", 0), ("CPU time", 1)):
        ours_s = statistics.median(t[index] for t in ours_times)
        floor_s = statistics.median(t[index] for t in floor_times)
        print(f"{kind}, median of {args.repeat}:")
        print(f"  {label} export --demo (whole process)  {ours_s:5.2f} s")
        print(f"  floor: python-docx + openpyxl, same text  {floor_s:5.2f} s")
        print(f"  ratio (target ≤ 1.5)                      {ours_s / floor_s:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
