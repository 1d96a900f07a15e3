"""How often the proposed lead of a measure is the one a county would name.

Labels: tests/cases/leads.json — measures of the ten labelled county drafts whose parent
named no 责任单位, each with the body that should lead it (judged by hand). The proposal is
app/core/adapt/duties.py's, from resources/units/duties.json (generated from
resources/units/source/county_bodies.json by tools/build_units.py).

    uv run python tools/eval_leads.py        # accuracy, and every miss
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.adapt.duties import propose_units  # noqa: E402
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue  # noqa: E402
from app.core.draft.named_units import named_units  # noqa: E402
from app.core.text.county import CountyContext  # noqa: E402

LABELS = ROOT / "tests" / "cases" / "leads.json"


def proposed_leads(labels: dict) -> list[tuple[dict, str]]:
    """(label, the body id the app proposes to lead it) for every labelled measure."""
    out = []
    counties = {}
    for case, c in labels["counties"].items():
        county = CountyContext(c["county"], c["city"], c["region"])
        catalogue = load_catalogue(GENERIC_CATALOGUE, county)
        ids = {name: body for body, name in named_units(county, catalogue).items()}
        counties[case] = county, catalogue, ids
    for row in labels["measures"]:
        county, catalogue, ids = counties[row["case"]]
        proposal = propose_units(row["title"], [row["text"]], catalogue, county)
        lead = proposal.lead if proposal else ""
        out.append((row, ids.get(lead, lead)))
    return out


def main() -> int:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    results = proposed_leads(labels)
    right = sum(1 for row, lead in results if lead == row["lead"])
    misses = Counter()
    for row, lead in results:
        if lead != row["lead"]:
            misses[(row["lead"], lead)] += 1
            print(f"✗ {row['case']}：{row['title']}  拟定 {lead}，应为 {row['lead']}")
    print(f"\n拟定牵头单位正确 {right}/{len(results)}（{right / len(results):.1%}）")
    for (want, got), n in misses.most_common():
        print(f"  应为 {want} 而拟定 {got}：{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
