"""修改对照表: what changed between two versions of a draft, row by row, as it prints.

Node ids stay with a node for its life, so two versions of one draft are compared node by
node. A measure (a level-3 node, its items with it) is one row: its heading, paragraphs and
责任单位 clause as printed (app/core/readout/render.py, targets filled in, never stored
tokens; the clause without the 列首位 note, which only follows the first clause). A chapter's or action's text is compared paragraph by paragraph, a row each
paragraph that changed, and its heading when renamed; the preamble likewise. 修改说明 says
what changed: 新增, 删除, 修改 (标题, 内容, 责任单位), 调整顺序. The changed words are
marked from the character diff (app/core/text/diff.py): deleted in 原文, inserted in 修改后.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.draft.model import Draft, Node
from app.core.readout.render import RenderedNode, clause_text, home_prefix, rendered_nodes
from app.core.text.clause_label import printed_place
from app.core.text.diff import Piece, common, pairs, sides

REVISION_HEADERS = ("序号", "条款", "原文", "修改后", "修改说明")
MEASURE_LEVEL = 3
"""Nodes this deep and deeper are compared whole, with their items: one row a measure."""


@dataclass(frozen=True)
class RevisionRow:
    """One changed measure or paragraph."""

    place: str
    """条款: 三（一）2 as the revised draft numbers it (the original's for a removal)."""
    original: tuple[Piece, ...]
    revised: tuple[Piece, ...]
    note: str
    """修改说明: 新增, 删除, 修改（内容、责任单位）, 调整顺序 …"""
    node_id: str = ""
    kinds: tuple[str, ...] = field(default=())

    @property
    def original_text(self) -> str:
        return "".join(p.text for p in self.original)

    @property
    def revised_text(self) -> str:
        return "".join(p.text for p in self.revised)


@dataclass(frozen=True)
class _Unit:
    """What one node prints, as compared."""

    node: Node
    place: str
    heading: str
    paragraphs: tuple[str, ...]
    clause: str
    whole: bool
    """A measure: compared and shown whole, its items with it."""
    parent: str
    """The id of the node it stands under ('' for a chapter)."""

    def text(self) -> str:
        body = list(self.paragraphs)
        if self.clause:
            body = [*body[:-1], (body[-1] if body else "") + self.clause]
        return "\n".join([self.heading, *body])


def _places(draft: Draft, rendered: list[RenderedNode]) -> dict[str, str]:
    """三（一）2: each node's labels down from its chapter, printed (a node without a label
    by the beginning of its title)."""
    out: dict[str, str] = {}
    parents: list[str] = []
    for item in rendered:
        label = item.label.strip("、.．（）() ")
        parents[item.depth :] = [label or item.node.title[:8]]
        out[item.node.id] = printed_place(parents)
    return out


def _clause(node: Node, home: str) -> str:
    """The clause as printed, without the 列首位 note: it goes with whichever clause comes
    first, and its moving is no change of the measure's."""
    if node.responsibility is None:
        return ""
    return clause_text(node.responsibility, home=home, lead_note=False)


def _units(draft: Draft) -> dict[str, _Unit]:
    rendered = list(rendered_nodes(draft))
    places = _places(draft, rendered)
    by_id = {item.node.id: item for item in rendered}
    parent_of: dict[str, str] = {}
    for node in draft.walk():
        for child in node.children:
            parent_of[child.id] = node.id
    home = home_prefix(draft)
    out: dict[str, _Unit] = {}
    for item in rendered:
        node = item.node
        if node.level > MEASURE_LEVEL:
            continue  # folded into its measure
        whole = node.level == MEASURE_LEVEL
        paragraphs = list(item.paragraphs)
        clause = _clause(node, home)
        if whole:
            for child in list(node.walk())[1:]:
                sub = by_id[child.id]
                body = list(sub.paragraphs)
                sub_clause = _clause(child, home)
                if sub_clause:
                    body = [*body[:-1], (body[-1] if body else "") + sub_clause]
                paragraphs.append(sub.heading)
                paragraphs.extend(body)
        out[node.id] = _Unit(
            node,
            places[node.id],
            item.heading,
            tuple(paragraphs),
            clause,
            whole,
            parent_of.get(node.id, ""),
        )
    return out


def _moved(old: dict[str, _Unit], new: dict[str, _Unit]) -> set[str]:
    """Nodes in both whose place among the nodes of both changed: another parent, or out of
    the order the others keep."""
    both = [i for i in new if i in old]
    moved = {i for i in both if old[i].parent != new[i].parent}
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for i in old:
        if i in new and i not in moved:
            groups.setdefault(old[i].parent, ([], []))[0].append(i)
    for i in new:
        if i in old and i not in moved:
            groups.setdefault(new[i].parent, ([], []))[1].append(i)
    for before, after in groups.values():
        kept = {after[j] for j in common(before, after).values()}
        moved.update(i for i in after if i not in kept)
    return moved


def _paragraph_rows(place: str, old: tuple[str, ...], new: tuple[str, ...]) -> list[RevisionRow]:
    """A chapter's or action's paragraphs compared: a row each paragraph changed, added or
    removed (第2段 of the revised text; of the original for a removal)."""
    rows = []
    for pair in pairs(old, new):
        before, after = pair.old, pair.new
        if pair.same:
            continue
        if before is not None and after is not None:
            a, b = sides(before, after)
            rows.append(
                RevisionRow(f"{place}第{pair.new_index + 1}段", a, b, "修改", "", ("修改",))
            )
        elif after is not None:
            rows.append(
                RevisionRow(
                    f"{place}第{pair.new_index + 1}段", (), (Piece(after),), "新增", "", ("新增",)
                )
            )
        elif before is not None:
            rows.append(
                RevisionRow(
                    f"{place}原第{pair.old_index + 1}段",
                    (Piece(before),),
                    (),
                    "删除",
                    "",
                    ("删除",),
                )
            )
    return rows


def _changed_row(old: _Unit, new: _Unit, moved: bool) -> list[RevisionRow]:
    kinds = ["调整顺序"] if moved else []
    if new.whole:
        what = [
            name
            for name, a, b in (
                ("标题", old.node.title, new.node.title),
                ("内容", old.paragraphs, new.paragraphs),
                ("责任单位", old.clause, new.clause),
            )
            if a != b
        ]
        if what:
            kinds.append(f"修改（{'、'.join(what)}）")
        if not kinds:
            return []
        a, b = sides(old.text(), new.text())
        if not what:  # only moved: the text as it stands, labels aside
            a, b = (Piece(old.text()),), (Piece(new.text()),)
        return [RevisionRow(new.place, a, b, "；".join(kinds), new.node.id, tuple(kinds))]
    rows = []
    if old.node.title != new.node.title or moved:
        if old.node.title != new.node.title:
            kinds.append("修改（标题）")
        a, b = sides(old.heading, new.heading)
        rows.append(RevisionRow(new.place, a, b, "；".join(kinds), new.node.id, tuple(kinds)))
    for row in _paragraph_rows(new.place, old.paragraphs, new.paragraphs):
        rows.append(
            RevisionRow(row.place, row.original, row.revised, row.note, new.node.id, row.kinds)
        )
    return rows


def _whole_row(unit: _Unit, kind: str) -> RevisionRow:
    text = (Piece(unit.text()),)
    if kind == "新增":
        return RevisionRow(unit.place, (), text, kind, unit.node.id, (kind,))
    return RevisionRow(unit.place, text, (), kind, unit.node.id, (kind,))


def revision_rows(old: Draft, new: Draft) -> list[RevisionRow]:
    """Every changed measure or paragraph from `old` to `new`, in the revised draft's order
    (a removed one where it stood)."""
    before, after = _units(old), _units(new)
    moved = _moved(before, after)
    rows = _paragraph_rows("前言", old.meta.preamble, new.meta.preamble)
    # a removed node is listed after the node it followed that is still there
    removed_after: dict[str, list[str]] = {}
    last = ""
    for node_id in before:
        if node_id in after:
            last = node_id
        else:
            removed_after.setdefault(last, []).append(node_id)
    for node_id in removed_after.get("", []):
        rows.append(_whole_row(before[node_id], "删除"))
    for node_id, unit in after.items():
        if node_id in before:
            rows.extend(_changed_row(before[node_id], unit, node_id in moved))
        else:
            rows.append(_whole_row(unit, "新增"))
        for gone in removed_after.get(node_id, []):
            rows.append(_whole_row(before[gone], "删除"))
    return rows
