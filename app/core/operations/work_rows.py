"""A measure's pieces of work (任务分工 rows) added and reordered, as the 任务分工 page does.

Removing one is content.remove_work_row. A row belongs to its measure: it moves
among the measure's rows only (moving a measure is the outline's business), and
a new row takes the measure's units until the county names others.
"""

from __future__ import annotations

from app.core.draft.model import Draft, WorkRow
from app.core.draft.tree import EditError, existing_node
from app.core.operations.content import set_work_rows

NEW_WORK = "（新增主要工作，请填写）"
"""What a new row says until the county writes its work: visible, never an empty cell."""


def add_work_row(draft: Draft, node_id: str, after: int, work: str = NEW_WORK) -> Draft:
    """A new piece of work under the measure's 序号, after its row `after` (-1: first)."""
    node = existing_node(draft, node_id)
    if not -1 <= after < len(node.work_rows):
        raise EditError(f"“{node.title}”没有第 {after + 1} 项主要工作")
    text = work.strip() or NEW_WORK
    rows = (*node.work_rows[: after + 1], WorkRow(work=text), *node.work_rows[after + 1 :])
    return set_work_rows(draft, node_id, rows)


def move_work_row(draft: Draft, node_id: str, index: int, step: int) -> Draft:
    """A piece of work one place up (step -1) or down (+1) among its measure's rows."""
    node = existing_node(draft, node_id)
    if not 0 <= index < len(node.work_rows):
        raise EditError(f"“{node.title}”没有第 {index + 1} 项主要工作")
    target = index + step
    if not 0 <= target < len(node.work_rows):
        where = "第一" if step < 0 else "最后"
        raise EditError(f"已是“{node.title}”的{where}项主要工作：只能在本条措施内调整顺序")
    rows = list(node.work_rows)
    rows[index], rows[target] = rows[target], rows[index]
    return set_work_rows(draft, node_id, tuple(rows))
