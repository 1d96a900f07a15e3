"""The parent clause beside a county measure, word by word: what adaptation changed in it.

The measure editor shows the parent text with each changed word struck
through and its replacement after it, and marks the replacements in the
county text. Both come from the adaptation's own change records (offsets
and kinds), not from searching the text for the words again.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.adapt.changes import ChangeKind
from app.core.adapt.text import adapt_text
from app.core.draft.model import Draft, Node, county_of
from app.core.plans.resolver import PlanResolver
from app.core.text.clause_label import clause_label
from app.core.text.diff import Mark


@dataclass(frozen=True)
class DiffPiece:
    text: str
    mark: Mark
    """SAME: parent words kept; DELETED: parent words adaptation replaced; INSERTED: the county's."""
    kind: ChangeKind | None = None
    reason: str = ""


@dataclass(frozen=True)
class SourceDiff:
    """One parent clause a node takes up, as adapted for the draft's county."""

    source: str
    plan_title: str = ""
    heading: str = ""
    paragraphs: tuple[tuple[DiffPiece, ...], ...] = ()
    clause: str = ""
    found: bool = True


@dataclass(frozen=True)
class NodeDiff:
    sources: tuple[SourceDiff, ...]
    added_words: frozenset[str]
    """County words adaptation put in (targets aside): the editor marks them in the text."""


def node_diff(draft: Draft, node: Node, plans: PlanResolver) -> NodeDiff:
    """Each parent clause of the node with the level-word and unit changes marked."""
    county = county_of(draft)
    sources: list[SourceDiff] = []
    added: set[str] = set()
    for source in node.sources:
        plan = plans(source.plan_id)
        section = plan.find(source.node) if plan else None
        if plan is None or section is None:
            # named as the user knows it: the plan's title from the draft, the clause's number
            known = next((p.title for p in draft.parents if p.id == source.plan_id), "")
            title = plan.title if plan else known
            label = clause_label(source.node)
            sources.append(
                SourceDiff(source=source.node, plan_title=title, heading=label, found=False)
            )
            continue
        paragraphs = []
        for paragraph in section.paragraphs:
            # the changes only: what is asked is stored with the node, not asked again here
            adapted = adapt_text(
                paragraph, level=plan.level, county=county, catalogue=draft.catalogue, ask=False
            )
            pieces: list[DiffPiece] = []
            position = 0
            for change in adapted.changes:
                if change.kind is ChangeKind.TARGET or change.old_start < position:
                    continue
                if change.old_start > position:
                    pieces.append(DiffPiece(paragraph[position : change.old_start], Mark.SAME))
                pieces.append(DiffPiece(change.old, Mark.DELETED, change.kind, change.reason))
                pieces.append(DiffPiece(change.new, Mark.INSERTED, change.kind, change.reason))
                added.add(change.new)
                position = change.old_start + len(change.old)
            if position < len(paragraph):
                pieces.append(DiffPiece(paragraph[position:], Mark.SAME))
            paragraphs.append(tuple(pieces))
        sources.append(
            SourceDiff(
                source=source.node,
                plan_title=plan.title,
                heading=section.heading,
                paragraphs=tuple(paragraphs),
                clause=section.clause.text if section.clause else "",
            )
        )
    return NodeDiff(tuple(sources), frozenset(added))
