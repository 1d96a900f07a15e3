"""How a draft's own units print: the prefix they carry and the lead-unit note. Shared by the
readout (clauses as they print) and the operations that map printed words back (opinions)."""

from __future__ import annotations

from app.core.draft.model import Draft, Responsibility, county_of
from app.core.text.unit_lists import naming_rules

LEAD_NOTE = "列首位的为牵头单位，下同"
LEADS_BEFORE_COMMA = "逗号前为牵头单位"
"""The note of a clause with several leads (成都's wording): a measure whose parent named
several (山西's clauses ending each sentence, merged) lists them before the comma."""


def comma_leads(responsibility: Responsibility) -> tuple[str, ...]:
    """The units a clause's note names as leads, those before its comma; () where its first
    unit alone leads (no such note, or the list has lost its comma in an edit)."""
    groups = responsibility.groups
    if LEADS_BEFORE_COMMA not in responsibility.note or len(set(groups)) < 2:
        return ()
    return tuple(u for u, g in zip(responsibility.units, groups, strict=True) if g == groups[0])


def printed_note(responsibility: Responsibility) -> str:
    """The clause's own note as it prints: a lead rule that no longer holds is left out."""
    if LEADS_BEFORE_COMMA in responsibility.note and not comma_leads(responsibility):
        parts = [p for p in responsibility.note.split("；") if LEADS_BEFORE_COMMA not in p]
        return "；".join(parts)
    return responsibility.note


def states_leads(responsibility: Responsibility) -> bool:
    """Does the clause say its leads itself? Then the document's 列首位 note is not put on it."""
    return bool(comma_leads(responsibility))


def home_prefix(draft: Draft) -> str:
    """The prefix the draft's own units carry: 县 (or 区/旗), 市, 自治区 …"""
    if draft.meta.level == "county":
        return county_of(draft).level_word
    return naming_rules().home_prefix_by_level.get(draft.meta.level, "")
