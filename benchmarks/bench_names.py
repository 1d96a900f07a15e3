"""How long the name spread takes to load and the names and geography passes to read a plan.

    uv run python benchmarks/bench_names.py [--repeat N]

Both passes run on every paragraph a county takes up, after the other passes; the
spread (resources/adapt/name_spread.json, ~0.8 MB) loads once per process. Each the
median and best of N runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.adapt import common_words  # noqa: E402
from app.core.adapt.changes import PassContext  # noqa: E402
from app.core.adapt.geography import geography_questions  # noqa: E402
from app.core.adapt.names import name_questions  # noqa: E402
from app.core.draft.model import Catalogue  # noqa: E402
from app.core.plans.library import find_plan  # noqa: E402
from app.core.text.county import CountyContext  # noqa: E402
from benchmarks.timing import time_it  # noqa: E402


def _cold_load() -> None:
    """Load name_spread.json as a new process would."""
    common_words._spread_data.cache_clear()
    common_words.name_spread.cache_clear()
    common_words.common_pairs.cache_clear()
    common_words.name_spread()
    common_words.common_pairs()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    county = CountyContext("永宁县", "银川市", "宁夏回族自治区")
    time_it("load the name spread", args.repeat, _cold_load)
    for plan_id in ("ningxia-region", "yinchuan-city"):
        plan = find_plan(plan_id)
        context = PassContext(plan.level, county, Catalogue())
        texts = [t for s in plan.walk() for t in (s.title, *s.paragraphs)]

        def both(texts=texts, context=context) -> int:
            return sum(
                len(name_questions(t, context)) + len(geography_questions(t, context))
                for t in texts
            )

        time_it(
            f"names and geography passes, all of {plan_id} ({len(texts)} texts, {both()} asked)",
            args.repeat,
            both,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
