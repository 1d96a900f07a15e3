"""How long the gazetteer takes to load and the places pass to read a whole parent plan.

    uv run python benchmarks/bench_places.py [--repeat N]

The pass runs on every paragraph a county takes up, so reading all of the
宁夏 plan (titles and paragraphs) for 永宁县 must take well under a second;
loading the gazetteer happens once per process. Each the median and best of
N runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.adapt.changes import PassContext  # noqa: E402
from app.core.adapt.places import place_questions, place_rules  # noqa: E402
from app.core.draft.model import Catalogue  # noqa: E402
from app.core.plans.library import find_plan  # noqa: E402
from app.core.text import places  # noqa: E402
from app.core.text.county import CountyContext  # noqa: E402
from benchmarks.timing import time_it  # noqa: E402


def _cold_load() -> None:
    """Load divisions.json and patterns.json as a new process would."""
    places.gazetteer.cache_clear()
    places._division_data.cache_clear()
    place_rules.cache_clear()
    places.gazetteer()
    place_rules()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    county = CountyContext("永宁县", "银川市", "宁夏回族自治区")
    time_it("load the gazetteer and the place patterns", args.repeat, _cold_load)
    for plan_id in ("ningxia-region", "yinchuan-city"):
        plan = find_plan(plan_id)
        context = PassContext(plan.level, county, Catalogue())
        texts = [t for s in plan.walk() for t in (s.title, *s.paragraphs)]
        asked = sum(len(place_questions(t, context)) for t in texts)
        time_it(
            f"places pass, all of {plan_id} ({len(texts)} texts, {asked} asked)",
            args.repeat,
            lambda texts=texts, context=context: [place_questions(t, context) for t in texts],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
