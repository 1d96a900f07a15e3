"""The user's corrections of lineage, kept beside the library (lineage.json in the user's
folder; not in plans/, where every .json is a plan).

A link found automatically may be wrong (银川 三.一.3 descends from 宁夏 三.一.5, not
三.一.1). The correction is the county team's knowledge, not the plan's text: it is
kept apart from the plan files, so a built-in plan or a re-imported one gets it too,
and applied whenever a plan is taken from the library.
"""

from __future__ import annotations

import json
from pathlib import Path

from app import paths
from app.core.files import FileReadError, read_limited, write_text_atomic
from app.core.plans.model import Plan

Corrections = dict[str, dict[str, list[str]]]
"""plan id → section id → the parent clauses it descends from ([]: from none above)."""


def corrections_path() -> Path:
    return paths.user_data_dir() / "lineage.json"


def load_corrections() -> Corrections:
    """What the user has corrected; a damaged file reads as none (it is rewritten on the next
    correction, the damaged one kept as lineage.json.damaged)."""
    path = corrections_path()
    if not path.is_file():
        return {}
    try:
        data = json.loads(read_limited(path, "settings").decode("utf-8"))
    except (FileReadError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(plan): {
            str(section): [str(n) for n in nodes if isinstance(n, str)]
            for section, nodes in sections.items()
            if isinstance(nodes, list)
        }
        for plan, sections in data.items()
        if isinstance(sections, dict)
    }


def save_correction(plan_id: str, section_id: str, parents: list[str]) -> Path:
    """The user says: this section descends from these parent clauses (none: [])."""
    corrections = load_corrections()
    path = corrections_path()
    if path.is_file() and not corrections:
        path.replace(path.with_name("lineage.json.damaged"))  # unreadable: kept, not lost
    corrections.setdefault(plan_id, {})[section_id] = list(parents)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(corrections, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return write_text_atomic(path, text)


def apply_corrections(plan: Plan, above: list[Plan] | None = None) -> Plan:
    """The plan with the user's corrections of its lineage; sections no longer in the plan
    are passed over."""
    corrections = load_corrections().get(plan.id, {})
    if not corrections:
        return plan
    from app.core.plans.lineage import set_link  # rapidfuzz: only where the user corrected

    for section_id, parents in corrections.items():
        if plan.find(section_id) is None:
            continue
        if not parents:
            plan = set_link(plan, section_id, None)
            continue
        for i, parent in enumerate(parents):
            plan = set_link(plan, section_id, parent, above=above, add=i > 0)
    return plan
