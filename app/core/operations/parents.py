"""The parent plans a draft draws on.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

from app.core.draft.model import (
    Draft,
)


def add_parent(draft: Draft, plan_id: str, title: str, level: str) -> Draft:
    """A plan of the library made a parent of the draft (its measures can then be taken up)."""
    from app.core.draft.model import ParentPlan

    if any(p.id == plan_id for p in draft.parents):
        return draft
    return draft.model_copy(
        update={"parents": (*draft.parents, ParentPlan(id=plan_id, title=title, level=level))}
    )
