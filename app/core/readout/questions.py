"""The questions still open in a draft: what the editor marks, `check` lists and the export comments.

Two sources: the questions adaptation stored with a node (a parent figure, a
place of elsewhere, the parent speaking of itself, a unit with no county
counterpart) while their words are still there, and every target mention
whose value the county has not decided yet — it prints a blank (达到【待定】%),
and the question names the parent's figure as the reference to decide from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.core.adapt.targets import is_allocated
from app.core.draft.adaptation import OpenQuestion
from app.core.draft.mentions import TextRenderer, assigned_words, mentions, phrase
from app.core.draft.model import Draft, Node, county_of
from app.core.readout.deadlines import deadline_questions, draft_year

PENDING_MESSAGE = "“{indicator}”{year}年本县目标值待定（{parent}）：在主要目标指标表中填本县数值、选“完成上级下达任务”，或不列此目标"
ALLOCATED_HINT = "；此为上级分解下达的指标，县级方案一般写“{assigned}”"


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
        if question.kind == "proposed_unit":
            # a proposed lead is settled once the county names another lead
            return units[:1] == (question.quote,)
        return question.quote in units
    return question.quote in question_text(node, question)


def _texts(node: Node) -> Iterator[tuple[str, int, str]]:
    yield "title", 0, node.title
    for i, paragraph in enumerate(node.paragraphs):
        yield "paragraph", i, paragraph
    for i, row in enumerate(node.work_rows):
        yield "work", i, row.work


def pending_targets(
    draft: Draft,
    node: Node,
    renderer: TextRenderer,
    asked: dict[tuple, OpenQuestion | None] | None = None,
) -> Iterator[OpenQuestion]:
    """A question for each mention in the node whose value is still 待定.

    `asked` remembers, across the nodes of one draft, what each mention (target,
    year, lead, at which place of its node) asks, if anything: questions are
    immutable, so a target stated in many places is looked up and its question
    made once.
    """
    asked = {} if asked is None else asked
    for where, index, text in _texts(node):
        if "⟦" not in text:
            continue
        for mention in mentions(text):
            key = (mention.target, mention.year, mention.lead, where, index)
            if key in asked:
                question = asked[key]
            else:
                words = _pending_words(renderer, mention.target, mention.year, mention.lead)
                question = asked[key] = (
                    OpenQuestion(
                        kind="figure",
                        quote=words,
                        where=where,
                        index=index,
                        message=pending_message(renderer, mention.target, mention.year),
                    )
                    if words
                    else None
                )
            if question is not None:
                yield question


def pending_message(renderer: TextRenderer, target_id: str, year: int) -> str:
    """What the comment on a blank asks: the parent's figure as reference, and for an
    indicator allocated from above (能耗强度, 碳排放强度) the customary wording."""
    target = renderer.targets[target_id]
    stated = target.year(year)
    parent = (
        f"上级为 {stated.parent_value}{target.unit}{stated.parent_after}，仅供参考"
        if stated is not None and stated.parent_value
        else "上级未给数值"
    )
    message = PENDING_MESSAGE.format(indicator=target.indicator, year=year, parent=parent)
    if stated is not None and is_allocated(target.indicator):
        message += ALLOCATED_HINT.format(assigned=assigned_words(stated, renderer.county))
    return message


def _pending_words(renderer: TextRenderer, target_id: str, year: int, lead: str) -> str:
    """What the mention prints while the county has not decided it ('' when decided)."""
    target = renderer.targets.get(target_id)
    stated = target.year(year) if target else None
    if stated is None or stated.decision != "pending" or not stated.parent_value:
        return ""  # decided, or "完成上级下达任务" already: that is the county's wording
    # what the renderer makes of the mention alone: the blank with its lead and unit
    words = phrase(target, stated, lead, renderer.county) or ""
    return words if words.strip() else ""


def open_questions(draft: Draft) -> list[FoundQuestion]:
    """Every open question of the draft, in document order."""
    renderer = TextRenderer(draft, county_of(draft))
    now = draft_year(draft)
    asked: dict[tuple, OpenQuestion | None] = {}
    out: list[FoundQuestion] = []
    for node in draft.walk():
        found = [
            FoundQuestion(node, question, i)
            for i, question in enumerate(node.questions)
            if is_open(node, question)
        ]
        found += [
            FoundQuestion(node, q, None) for q in pending_targets(draft, node, renderer, asked)
        ]
        found += [FoundQuestion(node, q, None) for q in deadline_questions(node, now)]
        body = asked_in_body(f.question for f in found)
        out += [f for f in found if not repeats_body(f.question, body)]
    return out


def asked_in_body(questions: Iterable[OpenQuestion]) -> set[tuple[str, str]]:
    """(kind, quote) of the questions on a node's title, paragraphs and clause."""
    return {(q.kind, q.quote) for q in questions if q.where != "work"}


def repeats_body(question: OpenQuestion, body: set[tuple[str, str]]) -> bool:
    """A 附件 row's question on words the body asks about already: the body's is the one a
    reviewer answers (answering it answers the row's too), the row repeats nothing."""
    if question.kind == "proposed_unit":
        return False  # a unit the app proposed is marked where it stands: clause, 附件 and sheet
    return question.where == "work" and (question.kind, question.quote) in body
