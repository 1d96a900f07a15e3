"""Outline edits: rename, remove, move, add a measure of the county's own, merge two.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

from app.core.draft.model import (
    MAX_TITLE,
    Draft,
    Node,
    Responsibility,
    WorkRow,
)
from app.core.draft.tree import (
    EditError,
    existing_node,
    insert_node,
    move_node,
    parent_of,
    remove_node,
    update_node,
)
from app.core.operations.targets import prune_targets
from app.core.operations.work_summary import summary_work


def rename(draft: Draft, node_id: str, title: str) -> Draft:
    """A new title (平罗 renamed 生态碳汇建设行动 to 碳汇能力巩固提升行动)."""
    title = title.strip()
    if not title:
        raise EditError("标题不能为空")
    if len(title) > MAX_TITLE:
        raise EditError(f"标题过长（{len(title)} 字，最多 {MAX_TITLE} 字），未改动")
    return update_node(draft, node_id, lambda n: n.model_copy(update={"title": title}))


def remove(draft: Draft, node_id: str) -> Draft:
    """Remove a node and everything under it; targets only it stated go too."""
    existing_node(draft, node_id)
    return prune_targets(remove_node(draft, node_id))


def move(draft: Draft, node_id: str, new_parent_id: str | None, index: int | None) -> Draft:
    return move_node(draft, node_id, new_parent_id, index)


def reorder(draft: Draft, node_id: str, index: int) -> Draft:
    """Move a node among its siblings."""
    parent = parent_of(draft, node_id)
    return move_node(draft, node_id, parent.id if parent else None, index)


def add_measure(
    draft: Draft,
    action_id: str,
    title: str,
    *,
    paragraphs: tuple[str, ...] = (),
    units: tuple[str, ...] = (),
    index: int | None = None,
) -> tuple[Draft, str]:
    """A county-only measure (taken up from no parent clause) under an action."""
    action = existing_node(draft, action_id)
    if action.level >= 4:
        raise EditError("不能在第四级标题下再添加措施")
    title = title.strip()
    if not title:
        raise EditError("措施标题不能为空")
    node_id = f"n{draft.next_id}"
    node = Node(
        id=node_id,
        level=action.level + 1,
        title=title,
        title_style=action.children[0].title_style if action.children else "own_line",
        paragraphs=paragraphs,
        responsibility=Responsibility(units=units) if units else None,
        work_rows=(WorkRow(work=summary_work(paragraphs, title)),),
    )
    draft = draft.model_copy(update={"next_id": draft.next_id + 1})
    return insert_node(draft, action_id, index, node), node_id


def merge(draft: Draft, keep_id: str, other_id: str) -> Draft:
    """Two measures as one county measure: keep's title, both texts, sources, units and rows."""
    if keep_id == other_id:
        raise EditError("不能把措施与自身合并")
    keep = existing_node(draft, keep_id)
    other = existing_node(draft, other_id)
    if any(n.id == keep_id for n in other.walk()) or any(n.id == other_id for n in keep.walk()):
        raise EditError("不能合并上下级节点")
    units = list(keep.responsibility.units) if keep.responsibility else []
    for unit in other.responsibility.units if other.responsibility else ():
        if unit not in units:
            units.append(unit)
    responsibility = None
    if units:
        base = keep.responsibility or other.responsibility
        assert base is not None
        responsibility = base.model_copy(update={"units": tuple(units), "groups": ()})
    sources = keep.sources + tuple(s for s in other.sources if s not in keep.sources)
    merged = keep.model_copy(
        update={
            "paragraphs": keep.paragraphs + other.paragraphs,
            "sources": sources,
            "responsibility": responsibility,
            "work_rows": keep.work_rows + other.work_rows,
            "children": keep.children
            + tuple(c.model_copy(update={"level": keep.level + 1}) for c in other.children),
        }
    )
    draft = remove_node(draft, other_id)
    return update_node(draft, keep_id, lambda _n: merged)


# ---------------------------------------------------------------- content
