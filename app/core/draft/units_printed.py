"""How a draft's own units print: the prefix they carry and the lead-unit note. Shared by the
readout (clauses as they print) and the operations that map printed words back (opinions)."""

from __future__ import annotations

from app.core.draft.model import Draft, county_of
from app.core.text.unit_lists import naming_rules

LEAD_NOTE = "列首位的为牵头单位，下同"


def home_prefix(draft: Draft) -> str:
    """The prefix the draft's own units carry: 县 (or 区/旗), 市, 自治区 …"""
    if draft.meta.level == "county":
        return county_of(draft).level_word
    return naming_rules().home_prefix_by_level.get(draft.meta.level, "")
