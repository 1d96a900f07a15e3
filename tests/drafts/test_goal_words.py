"""The county's 主要目标 states each indicator by its parent's name; the parent's world in that
name is asked about as in a measure (issue 25, labelled county set: 长汀县's 主要目标 printed
"市、县生活垃圾无害化处理率", the city's rate for itself and its counties, as the county's).
Fixture: the 主要目标 of 龙岩市…实施方案 (corpus 354), a few lines.
"""

from __future__ import annotations

from pathlib import Path

from app.core import operations as ops
from app.core.draft.mentions import render
from app.core.draft.model import county_of
from app.core.operations.new_draft import new_draft
from app.importer import import_plan

LONGYAN = Path(__file__).parent / "fixtures" / "goal_words" / "longyan.txt"


def _draft():
    plan = import_plan(LONGYAN).plan
    draft, _ = new_draft(county="长汀县", city="龙岩市", region="福建省", plan=plan)
    return draft


def test_the_parents_levels_in_an_indicators_name_are_asked_in_the_goals():
    draft = _draft()
    goals = draft.chapter("goals")
    asked = {q.quote: q for q in goals.questions}
    assert set(asked) == {"市、县生活垃圾无害化处理率", "市、县污水处理率"}
    answers = [s.replacement for s in asked["市、县污水处理率"].suggestions]
    assert "县城污水处理率" in answers
    assert None in answers  # 保留


def test_answering_rewrites_the_name_and_keeps_the_target():
    draft = _draft()
    goals = draft.chapter("goals")
    index = next(i for i, q in enumerate(goals.questions) if q.quote == "市、县污水处理率")
    question = goals.questions[index]
    choice = next(
        i for i, s in enumerate(question.suggestions) if s.replacement == "县城污水处理率"
    )
    answered = ops.answer_question(draft, goals.id, index, choice)
    text = "".join(
        render(p, answered, county_of(answered)) for p in answered.chapter("goals").paragraphs
    )
    assert "县城污水处理率达到【待定】%" in text
    assert "市、县污水处理率" not in text
    assert len(answered.chapter("goals").questions) == 1
