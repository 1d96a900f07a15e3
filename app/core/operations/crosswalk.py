"""The 上级方案任务承接对照表: the county's reason for a parent measure it does not take up.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

from app.core.draft.model import MAX_PARAGRAPH, Draft, NotTakenUp
from app.core.draft.tree import EditError
from app.core.text.clause_label import clause_label, plan_of


def set_not_taken_reason(draft: Draft, parent_node_id: str, reason: str) -> Draft:
    """The county's reason (理由) for not taking up a parent measure; empty text takes it away.

    The measure must be of one of the draft's parent plans. A reason stays with the
    parent measure if the county later takes it up (the 对照表 then no longer prints it).
    """
    plan_id = plan_of(parent_node_id)
    has_path = ":" in parent_node_id and not parent_node_id.endswith(":")
    if not has_path or not any(parent.id == plan_id for parent in draft.parents):
        raise EditError(f"{clause_label(parent_node_id)} 不是本方案上级方案中的条款")
    text = reason.strip()
    if len(text) > MAX_PARAGRAPH:
        raise EditError(f"理由过长（{len(text)} 字，最多 {MAX_PARAGRAPH} 字）")
    if text == draft.not_taken_reason(parent_node_id):
        return draft
    entry = NotTakenUp(node=parent_node_id, reason=text) if text else None
    entries = [e for e in draft.not_taken_up if e.node != parent_node_id]
    if entry is not None:  # in its old place, or last
        at = next(
            (i for i, e in enumerate(draft.not_taken_up) if e.node == parent_node_id),
            len(entries),
        )
        entries.insert(at, entry)
    return draft.model_copy(update={"not_taken_up": tuple(entries)})
