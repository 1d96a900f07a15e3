"""The 主要目标's statements asked about as the measures are (app/core/adapt/goal_words.py).

Run when the chapter states new indicators (a new draft, a parent's 主要目标 taken up): the
questions it adds are those not asked already, so nothing the user answered or the chapter
was asked before is lost; a question whose words the user rewrote prints nothing.
"""

from __future__ import annotations

from app.core.adapt.goal_words import goal_questions
from app.core.draft.model import Draft, county_of
from app.core.draft.tree import update_node


def ask_of_goals(draft: Draft) -> Draft:
    """The goals chapter with the questions its statements' words raise."""
    chapter = draft.chapter("goals")
    if chapter is None or not draft.parents:
        return draft
    asked = goal_questions(
        chapter.paragraphs,
        level=draft.parents[0].level,
        county=county_of(draft),
        catalogue=draft.catalogue,
    )
    held = {(q.kind, q.quote, q.where, q.index, q.message) for q in chapter.questions}
    seen: dict[tuple[str, str, str, int, str], int] = {}
    new = []
    for q in asked:
        key = (q.kind, q.quote, q.where, q.index, q.message)
        seen[key] = seen.get(key, 0) + 1
        if key in held and seen[key] <= sum(
            1 for h in chapter.questions if (h.kind, h.quote, h.where, h.index, h.message) == key
        ):
            continue
        new.append(q)
    if not new:
        return draft
    return update_node(
        draft, chapter.id, lambda n: n.model_copy(update={"questions": (*n.questions, *new)})
    )
