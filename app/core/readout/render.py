"""A draft as it reads: labels from positions, clauses written out, targets filled in.

Everything that prints the draft — the export, the preview, the checks, the
command line's outline — reads it through here, so they all say the same.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.core.draft.mentions import TextRenderer
from app.core.draft.model import Draft, Node, Responsibility, county_of
from app.core.draft.units_printed import LEAD_NOTE, home_prefix, printed_note, states_leads
from app.core.text.numbering import label_for
from app.core.text.unit_lists import format_unit_list


def labels(draft: Draft) -> dict[str, str]:
    """Each node's label as it will print: 一、 （一） 1. （1）; empty for sub-items."""
    out: dict[str, str] = {}

    def visit(nodes: tuple[Node, ...]) -> None:
        number = 0
        for node in nodes:
            if node.numbered:
                number += 1
                out[node.id] = label_for(node.level, number)
            else:
                out[node.id] = ""
            visit(node.children)

    visit(draft.chapters)
    return out


@lru_cache(maxsize=4096)
def unit_list_text(units: tuple[str, ...], groups: tuple[int, ...], home: str) -> str:
    """A clause's unit list as written (remembered: drafts repeat their lists, and the
    preview renders the whole draft again after each edit)."""
    return format_unit_list(list(units), home=home, groups=list(groups) if groups else None)


def clause_text(responsibility: Responsibility, *, home: str, lead_note: bool) -> str:
    """（责任单位：县发改局、财政局；列首位的为牵头单位，下同）, as the plans write it.

    A joint plan's clause lists each government's units apart, separated by "；", and
    states its own lead rule (两省市列首位的为牵头单位，下同) instead of the usual one.
    """
    sides = responsibility.sides
    if sides and len(set(sides)) > 1:
        lists: dict[int, list[str]] = {}
        for unit, side in zip(responsibility.units, sides, strict=True):
            lists.setdefault(side, []).append(unit)
        units = "；".join(unit_list_text(tuple(names), (), "") for names in lists.values())
        lead_note = lead_note and not responsibility.note
    else:
        units = unit_list_text(responsibility.units, responsibility.groups, home)
    inner = units + responsibility.duty
    lead_note = lead_note and not states_leads(responsibility)
    notes = [n for n in (LEAD_NOTE if lead_note else "", printed_note(responsibility)) if n]
    if notes:
        inner += ("。" if responsibility.duty else "；") + "；".join(notes)
    if responsibility.labelled:
        inner = f"责任单位：{inner}"
    return f"（{inner}）"


@dataclass(frozen=True)
class RenderedNode:
    """One node as it reads."""

    node: Node
    label: str
    depth: int
    paragraphs: tuple[str, ...]
    clause: str

    @property
    def heading(self) -> str:
        return f"{self.label}{self.node.title}"


def rendered_nodes(draft: Draft, only: Container[str] | None = None) -> Iterator[RenderedNode]:
    """Every node in document order with its label, filled-in text and clause.

    `only`: the ids of the nodes wanted (a view showing part of a big draft);
    the others are passed over unrendered, their labels and the first clause's
    lead note still counted as in the whole draft.
    """
    label_of = labels(draft)
    home = home_prefix(draft)
    renderer = TextRenderer(draft, county_of(draft))
    first_clause = draft.meta.lead_note

    def visit(nodes: tuple[Node, ...], depth: int) -> Iterator[RenderedNode]:
        nonlocal first_clause
        for node in nodes:
            wanted = only is None or node.id in only
            clause = ""
            if node.responsibility is not None:
                if wanted:
                    clause = clause_text(node.responsibility, home=home, lead_note=first_clause)
                # the 列首位 note goes on the first clause that does not name its leads itself
                first_clause = first_clause and states_leads(node.responsibility)
            if wanted:
                yield RenderedNode(
                    node,
                    label_of[node.id],
                    depth,
                    tuple(renderer(p) for p in node.paragraphs),
                    clause,
                )
            yield from visit(node.children, depth + 1)

    yield from visit(draft.chapters, 0)
