"""A node's content and the draft's cover fields: text, responsibility units, work rows, meta.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

from app.core.draft.model import (
    Draft,
    DraftMeta,
    Node,
    Responsibility,
    WorkRow,
)
from app.core.draft.tree import (
    update_node,
)
from app.core.operations.targets import prune_targets


def set_paragraphs(draft: Draft, node_id: str, paragraphs: tuple[str, ...]) -> Draft:
    """New text for a node; target entries no text states any more are dropped."""
    cleaned = tuple(p for p in (p.strip() for p in paragraphs) if p)
    draft = update_node(draft, node_id, lambda n: n.model_copy(update={"paragraphs": cleaned}))
    return prune_targets(draft)


def set_units(
    draft: Draft, node_id: str, units: tuple[str, ...], *, groups: tuple[int, ...] = ()
) -> Draft:
    """The node's responsibility units, lead first (empty: no clause)."""
    units = tuple(dict.fromkeys(u.strip() for u in units if u.strip()))

    def change(node: Node) -> Node:
        if not units:
            return node.model_copy(update={"responsibility": None})
        base = node.responsibility or Responsibility(units=units)
        kept_groups = groups if groups and len(groups) == len(units) else ()
        return node.model_copy(
            update={
                "responsibility": base.model_copy(update={"units": units, "groups": kept_groups})
            }
        )

    return update_node(draft, node_id, change)


def set_work_rows(draft: Draft, node_id: str, rows: tuple[WorkRow, ...]) -> Draft:
    draft = update_node(draft, node_id, lambda n: n.model_copy(update={"work_rows": tuple(rows)}))
    return prune_targets(draft)


def set_meta(draft: Draft, **fields: object) -> Draft:
    """Cover fields: county, stage, date, 委托单位, 编制单位, committee …"""
    meta = DraftMeta.model_validate({**draft.meta.model_dump(), **fields})
    return draft.model_copy(update={"meta": meta})
