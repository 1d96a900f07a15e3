"""Rebuild reference_plans/*.json from the sources in reference_plans/sources/.

    uv run python tools/build_library.py          # write the JSON files
    uv run python tools/build_library.py --check  # exit 1 if any file would change

The importer does the reading; index.json adds what was checked by hand
(issuer where the text does not say it, where the plan was published, notes);
then each plan's measures are linked to those of the built-in plans above it
(app/core/plans/lineage.py: 银川, 宁东 and 平罗 to 宁夏).
A test runs the --check path so the shipped library never drifts from the importer.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.plans.library import plan_json, save_plan  # noqa: E402
from app.core.plans.lineage import link_plan, plans_above  # noqa: E402
from app.core.plans.model import Plan  # noqa: E402
from app.importer import import_plan  # noqa: E402

LIBRARY = ROOT / "reference_plans"
SOURCES = LIBRARY / "sources"


def build_plan(entry: dict) -> Plan:
    result = import_plan(SOURCES / entry["source"], plan_id=entry["id"], level=entry["level"])
    plan = result.plan
    provenance = plan.provenance.model_copy(
        update={
            "published": entry.get("published", ""),
            "checked_by_hand": True,
            "notes": list(entry.get("notes", [])),
        }
    )
    updates: dict = {"provenance": provenance}
    if entry.get("issuer"):
        updates["issuer"] = entry["issuer"]
    return plan.model_copy(update=updates)


def entries() -> list[dict]:
    return json.loads((SOURCES / "index.json").read_text(encoding="utf-8"))["plans"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    built = [build_plan(entry) for entry in entries()]
    for entry, unlinked in zip(entries(), built, strict=True):
        plan = link_plan(unlinked, plans_above(unlinked, built))
        target = LIBRARY / f"{entry['id']}.json"
        if args.check:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != plan_json(plan):
                stale.append(target.name)
        else:
            save_plan(plan, target)
            print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run tools/build_library.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
