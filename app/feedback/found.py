"""What a returned file is read into (feedback_match, feedback_table): each opinion as found
is the core's record (FoundOpinion), what a file gave, and where a printed part of the draft
sits in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.draft.consultation import FoundOpinion, OpinionKind

SIMILAR = 60
"""The least similarity (0–100) at which a paragraph without bookmark is taken for a sent one."""
NO_OPINION = re.compile(r"^[\s。.]*(?:无意见|没有意见|无修改意见|无其他意见|无异议|无)[\s。.！!]*$")


def Found(kind: OpinionKind, **fields: object) -> FoundOpinion:
    """One opinion as found: the core's record (app/core/draft/consultation.FoundOpinion), its
    kind first; an unknown field is an error, never dropped."""
    return FoundOpinion(kind=kind, **fields)  # type: ignore[arg-type]


@dataclass
class Matched:
    opinions: list[FoundOpinion] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def where(key: str, node_id: str) -> tuple[str, str, int]:
    """A part's key (t, p2, c, pre0, doc) as (node id, place, index) of an opinion."""
    if key.startswith("pre"):
        return "", "preamble", int(key[3:])
    if key == "doc":
        return "", "title", 0
    if key.startswith("p"):
        return node_id, "paragraph", int(key[1:])
    return node_id, {"t": "title", "c": "clause"}.get(key, "section"), 0
