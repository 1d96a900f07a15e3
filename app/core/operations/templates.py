"""Boilerplate chapters back to the text of the template they came from.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

from app.core.draft.model import (
    Draft,
)
from app.core.draft.tree import (
    EditError,
    existing_node,
    update_node,
)
from app.core.operations.targets import prune_targets


def reset_to_template(draft: Draft, chapter_id: str) -> Draft:
    """A boilerplate chapter's text back to what its template gives for this county.

    Sub-sections are rewritten too; targets stated in 主要目标 keep their
    table entries (the same mentions are stated again).
    """
    from app.core.draft.boilerplate import GOALS, context_for, render_template, template_nodes
    from app.core.draft.model import county_of

    chapter = existing_node(draft, chapter_id)
    if not chapter.template:
        raise EditError(f"“{chapter.title}”不是由模板生成的")
    context = context_for(county_of(draft), [p.title for p in draft.parents], draft.catalogue)
    if chapter.template == GOALS:
        from app.core.operations.goals import template_statements

        context["targets"] = template_statements(draft, chapter)
    rendered = render_template(chapter.template, context)
    children, next_id = template_nodes(rendered, chapter.level, draft.next_id)
    updated = chapter.model_copy(
        update={"paragraphs": tuple(rendered.paragraphs), "children": children}
    )
    draft = draft.model_copy(update={"next_id": next_id})
    return prune_targets(update_node(draft, chapter_id, lambda _n: updated))
