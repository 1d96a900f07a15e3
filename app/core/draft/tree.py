"""Structural edits of a draft's node tree, as pure functions.

Each returns a new Draft sharing every untouched branch with the old one; the
old draft is the undo state. Levels of moved nodes are adjusted to their new
place, so a measure dragged under another action stays a measure.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.draft.model import Draft, Node
from app.core.errors import PeakPlanError


class EditError(PeakPlanError):
    """An edit that cannot be made (a node that does not exist, a move into itself)."""


def _replace_in(
    nodes: tuple[Node, ...], node_id: str, fn: Callable[[Node], Node | None]
) -> tuple[tuple[Node, ...], bool]:
    out: list[Node] = []
    found = False
    for node in nodes:
        if found:
            out.append(node)
            continue
        if node.id == node_id:
            found = True
            replaced = fn(node)
            if replaced is not None:
                out.append(replaced)
            continue
        children, inside = _replace_in(node.children, node_id, fn)
        if inside:
            found = True
            out.append(node.model_copy(update={"children": children}))
        else:
            out.append(node)
    return tuple(out), found


def existing_node(draft: Draft, node_id: str) -> Node:
    """The node, or an EditError naming the id an operation was given."""
    node = draft.find(node_id)
    if node is None:
        raise EditError(f"找不到节点 {node_id}")
    return node


def update_node(draft: Draft, node_id: str, fn: Callable[[Node], Node | None]) -> Draft:
    """The draft with one node replaced by fn(node) (None removes it)."""
    chapters, found = _replace_in(draft.chapters, node_id, fn)
    if not found:
        raise EditError(f"找不到节点 {node_id}")
    return draft.model_copy(update={"chapters": chapters})


def parent_of(draft: Draft, node_id: str) -> Node | None:
    """The node holding node_id; None for a chapter (or an unknown id)."""
    for node in draft.walk():
        if any(child.id == node_id for child in node.children):
            return node
    return None


def relevel(node: Node, level: int) -> Node:
    if node.level == level:
        return node
    return node.model_copy(
        update={"level": level, "children": tuple(relevel(c, level + 1) for c in node.children)}
    )


def insert_node(draft: Draft, parent_id: str | None, index: int | None, node: Node) -> Draft:
    """node inserted under parent_id (None: a chapter) at index (None: at the end)."""
    if parent_id is None:
        chapters = list(draft.chapters)
        chapters.insert(len(chapters) if index is None else index, relevel(node, 1))
        return draft.model_copy(update={"chapters": tuple(chapters)})

    def add(parent: Node) -> Node:
        children = list(parent.children)
        position = len(children) if index is None else max(0, min(index, len(children)))
        children.insert(position, relevel(node, parent.level + 1))
        return parent.model_copy(update={"children": tuple(children)})

    return update_node(draft, parent_id, add)


def remove_node(draft: Draft, node_id: str) -> Draft:
    return update_node(draft, node_id, lambda _node: None)


def index_in_parent(draft: Draft, node_id: str) -> tuple[str | None, int]:
    parent = parent_of(draft, node_id)
    siblings = parent.children if parent is not None else draft.chapters
    for i, sibling in enumerate(siblings):
        if sibling.id == node_id:
            return (parent.id if parent is not None else None), i
    raise EditError(f"找不到节点 {node_id}")


def move_node(draft: Draft, node_id: str, new_parent_id: str | None, index: int | None) -> Draft:
    """node_id moved under new_parent_id at index (counted after the node is taken out)."""
    node = draft.find(node_id)
    if node is None:
        raise EditError(f"找不到节点 {node_id}")
    if new_parent_id is not None and any(n.id == new_parent_id for n in node.walk()):
        raise EditError("不能把节点移到它自己下面")
    if new_parent_id is not None and draft.find(new_parent_id) is None:
        raise EditError(f"找不到节点 {new_parent_id}")
    return insert_node(remove_node(draft, node_id), new_parent_id, index, node)


def renumber_ids(node: Node, next_id: int) -> tuple[Node, int]:
    """A copy of a subtree with fresh ids from next_id (for nodes built outside the draft)."""
    children: list[Node] = []
    own = f"n{next_id}"
    next_id += 1
    for child in node.children:
        child, next_id = renumber_ids(child, next_id)
        children.append(child)
    return node.model_copy(update={"id": own, "children": tuple(children)}), next_id
