"""How long importing a plan and linking it to two plans above it takes (issue 17: under 1 s).

    uv run python benchmarks/bench_lineage.py [--repeat N]

Three figures, median and best of N runs, in process:

- import + link: the 银川 seed read (`import_plan`) and its measures linked to 宁夏's and
  宁东's (`link_plan`; 宁东 stands in for a second plan above, as a sector plan would);
- link only: the same linking without the reading;
- import_to_library: the whole path of an imported plan — read, the library's plans above
  it found (`plans_above`), linked, stored — in a fresh per-user folder.

The gazetteer is loaded once first, as a running app has it (its first load is printed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.plans.library import load_plan  # noqa: E402
from app.core.plans.lineage import link_plan  # noqa: E402
from app.core.text.places import gazetteer  # noqa: E402
from app.importer import import_plan, import_to_library  # noqa: E402

SOURCES = ROOT / "reference_plans" / "sources"
YINCHUAN = SOURCES / "yinchuan_city_plan_2023_draft_for_comment.txt"


def timed(run, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    start = time.perf_counter()
    gazetteer()
    print(f"gazetteer first load                 {(time.perf_counter() - start) * 1000:7.1f} ms")
    above = [
        load_plan(ROOT / "reference_plans" / f"{pid}.json")
        for pid in ("ningxia-region", "ningdong-base")
    ]
    plan = import_plan(YINCHUAN).plan
    linked = link_plan(plan, above)
    count = sum(1 for s in linked.walk() if s.lineage)

    def import_and_link() -> None:
        link_plan(import_plan(YINCHUAN).plan, above)

    rows = [
        ("import + link (银川 → 宁夏, 宁东)", import_and_link),
        ("link only", lambda: link_plan(plan, above)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PEAKPLAN_DATA_DIR"] = folder
        rows.append(("import_to_library (银川)", lambda: import_to_library(YINCHUAN)))
        for name, run in rows:
            median, best = timed(run, args.repeat)
            print(f"{name:36s} median {median:7.1f} ms  best {best:7.1f} ms")
    print(f"{count} sections of 银川 linked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
