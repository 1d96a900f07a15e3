"""The questions still open in a draft: what the editor marks, `check` lists and the export comments.

Two sources: the questions adaptation stored with a node (a parent figure, a
place of elsewhere, the parent speaking of itself, a unit with no county
counterpart) while their words are still there, and every target mention
whose value the county has not decided yet — it prints the parent's figure,
which is never the county's commitment until the target table says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.core.draft.adaptation import OpenQuestion
from app.core.draft.mentions import TextRenderer, mentions
from app.core.draft.model import Draft, Node, county_of

PENDING_MESSAGE = (
    "上级数值，本县尚未在主要目标指标表中确定：填本县数值、选“完成上级下达任务”，或不列此目标"
)


@dataclass(frozen=True)
class FoundQuestion:
    node: Node
    question: OpenQuestion
    stored: int | None
    """Its index in node.questions; None for a target the table has not decided."""


def question_text(node: Node, question: OpenQuestion) -> str:
    """The stored text a question's quote stands in ('' if that text is gone)."""
    if question.where == "title":
        return node.title
    if question.where == "paragraph":
        return node.paragraphs[question.index] if question.index < len(node.paragraphs) else ""
    if question.where == "work":
        rows = node.work_rows
        return rows[question.index].work if question.index < len(rows) else ""
    units = node.responsibility.units if node.responsibility else ()
    return "、".join(units)


def is_open(node: Node, question: OpenQuestion) -> bool:
    """Are the question's words still there? Rewritten words close it."""
    if question.where == "clause":
        units = node.responsibility.units if node.responsibility else ()
        return question.quote in units
    return question.quote in question_text(node, question)


def _texts(node: Node) -> Iterator[tuple[str, int, str]]:
    yield "title", 0, node.title
    for i, paragraph in enumerate(node.paragraphs):
        yield "paragraph", i, paragraph
    for i, row in enumerate(node.work_rows):
        yield "work", i, row.work


def pending_targets(draft: Draft, node: Node, renderer: TextRenderer) -> Iterator[OpenQuestion]:
    """A question for each mention in the node whose value is still 待定."""
    for where, index, text in _texts(node):
        for mention in mentions(text):
            target = draft.target(mention.target)
            year = target.year(mention.year) if target else None
            if year is None or year.decision != "pending" or not year.parent_value:
                continue  # decided, or "完成上级下达任务" already: that is the county's wording
            words = renderer(text[mention.start : mention.end])
            if words.strip():
                yield OpenQuestion(
                    kind="figure", quote=words, where=where, index=index, message=PENDING_MESSAGE
                )


def open_questions(draft: Draft) -> list[FoundQuestion]:
    """Every open question of the draft, in document order."""
    renderer = TextRenderer(draft, county_of(draft))
    out: list[FoundQuestion] = []
    for node in draft.walk():
        for i, question in enumerate(node.questions):
            if is_open(node, question):
                out.append(FoundQuestion(node, question, i))
        out += [FoundQuestion(node, q, None) for q in pending_targets(draft, node, renderer)]
    return out
