"""How long the draft operations a user waits for take, in process.

    uv run python benchmarks/bench_drafts.py [--repeat N] [--sizes 200 1000 10000]

Starting a draft from the whole 银川 plan (adapting every measure), opening,
saving and checking the demo, and one target edit with its re-render: each the
median and best of N runs. An edit must feel instant in the window; starting
a draft may take a moment.

Scale: drafts of 200, 1,000 and 10,000 measures taken up from 宁夏
(benchmarks/drafts.py) — `check` (target at 200: under 200 ms), the open
questions, the task rows and the whole draft rendered; and `peakplan check
FILE` on the 10,000-measure draft saved as a file, in a process of its own as
a user runs it (start-up, loading and validating the file, checking, printing;
target under 2 s).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.draft.demo import demo_path, load_demo  # noqa: E402
from app.core.draft.store.files import load_draft, save_draft  # noqa: E402
from app.core.operations.new_draft import new_draft  # noqa: E402
from app.core.operations.targets import set_target  # noqa: E402
from app.core.plans.library import find_plan  # noqa: E402
from app.core.plans.resolver import PlanResolver  # noqa: E402
from app.core.readout.checks import check_draft  # noqa: E402
from app.core.readout.questions import open_questions  # noqa: E402
from app.core.readout.render import rendered_nodes  # noqa: E402
from app.core.readout.task_rows import task_rows  # noqa: E402
from benchmarks.drafts import ningxia_draft, taken_up  # noqa: E402
from benchmarks.timing import time_it  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 10000])
    args = parser.parse_args()
    yinchuan = find_plan("yinchuan-city")
    ningxia = find_plan("ningxia-region")
    ningxia_draft()
    demo = load_demo()
    target = next(t for t in demo.targets if t.indicator == "新能源发电总装机容量")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "demo.peakplan"
        time_it(
            "new draft from 银川 (all 10 actions, adapted)",
            args.repeat,
            lambda: new_draft(
                county="永宁县", city="银川市", region="宁夏回族自治区", plan=yinchuan
            ),
        )
        time_it(
            "open the demo (.peakplan, validated)", args.repeat, lambda: load_draft(demo_path())
        )
        time_it("save the demo (atomic)", args.repeat, lambda: save_draft(demo, out))
        time_it(
            "check the demo (all findings)",
            args.repeat,
            lambda: check_draft(demo, PlanResolver.library()),
        )
        plans = PlanResolver.of([ningxia])
        for size in args.sizes:
            big = taken_up(size)
            repeat = max(3, args.repeat // 4) if size <= 1000 else 3
            time_it(
                f"check {size} measures from 宁夏 (open questions too)",
                repeat,
                lambda big=big: check_draft(big, plans),
            )
            time_it(f"  open questions of {size}", repeat, lambda big=big: open_questions(big))
            time_it(f"  task rows of {size}", repeat, lambda big=big: task_rows(big))
            time_it(f"  render all of {size}", repeat, lambda big=big: list(rendered_nodes(big)))
        size = max(args.sizes)
        path = save_draft(taken_up(size), Path(folder) / f"big{size}.peakplan")
        _cli_check(path, size)
        time_it(
            "change one target and re-render the draft",
            args.repeat,
            lambda: list(
                rendered_nodes(set_target(demo, target.id, 2025, decision="value", value="120"))
            ),
        )
    return 0


def _cli_check(path: Path, size: int, runs: int = 5) -> None:
    """`peakplan check FILE` as a user runs it: a process of its own, wall time."""
    command = [sys.executable, "-m", "app", "check", str(path)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"{f'peakplan check FILE ({size} measures)':44s} median {statistics.median(times):7.1f} ms"
        f"  best {min(times):7.1f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
