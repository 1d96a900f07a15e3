"""How long the draft operations a user waits for take, in process.

    uv run python benchmarks/bench_drafts.py [--repeat N]

Starting a draft from the whole 银川 plan (adapting every measure), opening,
saving and checking the demo, and one target edit with its re-render: each the
median and best of N runs. An edit must feel instant in the window; starting
a draft may take a moment.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.draft.demo import demo_path, load_demo  # noqa: E402
from app.core.draft.files import load_draft, save_draft  # noqa: E402
from app.core.operations.new_draft import new_draft  # noqa: E402
from app.core.operations.targets import set_target  # noqa: E402
from app.core.plans.library import find_plan  # noqa: E402
from app.core.plans.resolver import PlanResolver  # noqa: E402
from app.core.readout.checks import check_draft  # noqa: E402
from app.core.readout.render import rendered_nodes  # noqa: E402
from benchmarks.bench_export import synthetic  # noqa: E402
from benchmarks.timing import time_it  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    yinchuan = find_plan("yinchuan-city")
    ningxia = find_plan("ningxia-region")
    ningxia_draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=ningxia
    )
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
        for size in (200, 1000):
            big = synthetic(size, ningxia_draft)
            plans = PlanResolver.of([ningxia])
            time_it(
                f"check {size} measures from 宁夏 (open questions too)",
                max(3, args.repeat // 4),
                lambda big=big, plans=plans: check_draft(big, plans),
            )
        time_it(
            "change one target and re-render the draft",
            args.repeat,
            lambda: list(
                rendered_nodes(set_target(demo, target.id, 2025, decision="value", value="120"))
            ),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
