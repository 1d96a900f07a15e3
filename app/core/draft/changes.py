"""What changed between two drafts: which parts, which nodes, which targets.

Drafts are immutable and an operation shares every untouched branch with the
draft it started from, so comparing two drafts is mostly identity checks: a
subtree that is the same object is skipped whole. Views get the result and
refresh only what they show (anki's OpChanges, computed instead of declared,
so no operation can forget to report what it touched).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.draft.model import Draft, Node


class Part(StrEnum):
    """The parts of a draft a view may show."""

    META = "meta"  # cover fields, stage, preamble (DraftMeta)
    PARENTS = "parents"  # the parent plans the draft draws on
    OUTLINE = "outline"  # which nodes exist, their order, levels and titles
    NODES = "nodes"  # a node's own content: text, units, work rows, sources …
    TARGETS = "targets"  # the county target table
    CATALOGUE = "catalogue"  # the unit catalogue and the parent→county mapping
    LAYOUT = "layout"  # export layout choices
    OPINIONS = "opinions"  # the opinions sent back in the consultation round, their decisions


@dataclass(frozen=True)
class DraftChange:
    """One change to the open draft, as views need to know it."""

    parts: frozenset[Part] = frozenset()
    nodes: frozenset[str] = frozenset()
    """Nodes added, removed, or whose own content changed (children aside)."""
    targets: frozenset[str] = frozenset()
    """Target-table entries added, removed or changed."""

    def __bool__(self) -> bool:
        return bool(self.parts)

    def touches(self, *parts: Part) -> bool:
        return any(part in self.parts for part in parts)

    def touches_node(self, node_id: str) -> bool:
        return node_id in self.nodes


EVERYTHING = DraftChange(parts=frozenset(Part))
"""A whole new draft (opened, replaced): every view refreshes."""

_OWN_FIELDS = tuple(name for name in Node.model_fields if name != "children")


def _own(node: Node) -> tuple:
    return tuple(getattr(node, name) for name in _OWN_FIELDS)


def _shape(node: Node) -> tuple:
    """What the outline shows of a node."""
    return (node.level, node.numbered, node.title, node.title_style, node.role)


def _index(nodes: tuple[Node, ...], out: dict[str, Node]) -> None:
    for node in nodes:
        out[node.id] = node
        _index(node.children, out)


def _compare(
    before: tuple[Node, ...], after: tuple[Node, ...], nodes: set[str], outline: list[bool]
) -> None:
    """Walk both trees; a subtree that is the same object did not change."""
    if before is after:
        return
    old: dict[str, Node] = {n.id: n for n in before}
    if [n.id for n in before] != [n.id for n in after]:
        outline[0] = True
    for node in after:
        previous = old.pop(node.id, None)
        if previous is node:
            continue
        if previous is None:
            outline[0] = True
            added: dict[str, Node] = {}
            _index((node,), added)
            nodes.update(added)
            continue
        if _own(previous) != _own(node):
            nodes.add(node.id)
            if _shape(previous) != _shape(node):
                outline[0] = True
        _compare(previous.children, node.children, nodes, outline)
    for gone in old.values():
        outline[0] = True
        removed: dict[str, Node] = {}
        _index((gone,), removed)
        nodes.update(removed)


def draft_change(before: Draft, after: Draft) -> DraftChange:
    """What a view must refresh when `before` becomes `after`."""
    if before is after:
        return DraftChange()
    parts: set[Part] = set()
    nodes: set[str] = set()
    outline = [False]
    # A node moved to another parent shows up as removed there and added here; it is
    # only in `nodes` if its own content changed too (its new place is an outline change).
    _compare(before.chapters, after.chapters, nodes, outline)
    if outline[0] and nodes:
        old_index: dict[str, Node] = {}
        new_index: dict[str, Node] = {}
        _index(before.chapters, old_index)
        _index(after.chapters, new_index)
        nodes -= {
            n
            for n in nodes
            if n in old_index and n in new_index and _own(old_index[n]) == _own(new_index[n])
        }
    if outline[0]:
        parts.add(Part.OUTLINE)
    if nodes:
        parts.add(Part.NODES)
    if before.meta != after.meta:
        parts.add(Part.META)
    if before.parents != after.parents or before.not_taken_up != after.not_taken_up:
        parts.add(Part.PARENTS)
    if before.catalogue != after.catalogue:
        parts.add(Part.CATALOGUE)
    if before.layout != after.layout:
        parts.add(Part.LAYOUT)
    if before.opinions is not after.opinions and before.opinions != after.opinions:
        parts.add(Part.OPINIONS)
    targets: set[str] = set()
    if before.targets is not after.targets and before.targets != after.targets:
        parts.add(Part.TARGETS)
        old_targets = {t.id: t for t in before.targets}
        new_targets = {t.id: t for t in after.targets}
        targets = {
            t
            for t in old_targets.keys() | new_targets.keys()
            if old_targets.get(t) != new_targets.get(t)
        }
    return DraftChange(frozenset(parts), frozenset(nodes), frozenset(targets))
