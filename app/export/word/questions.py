"""Open questions on the printed words: which characters of which run each one marks.

A draft node keeps the questions adaptation could not decide (app/core/draft/
adaptation.py), each anchored by its quote in the title, a paragraph, the
责任单位 clause or a work row. The Word draft prints each one whose quote still
stands in the printed text as a comment (批注) on exactly those words, so a
reviewer sees what the county has still to decide; a question whose words
the user has since rewritten is gone with them and prints nothing.

Each question marks the first occurrence of its quote that no other question
marks, longer quotes first: two questions on "85%" in one paragraph mark both,
and 藤县 is not marked inside 藤县陆贝风电、西江机场 while the next 藤县 goes bare.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from app.core.draft.adaptation import OpenQuestion
from app.core.draft.mentions import TextRenderer
from app.core.draft.model import Draft, county_of
from app.core.readout.deadlines import deadline_questions, draft_year
from app.core.readout.questions import asked_in_body, is_open, pending_targets, repeats_body
from app.export.content import Block, Run, TaskLine, coalesce
from app.export.unit_notes import clause_text, is_unit, runs, span_of

AUTHOR = "碳达峰方案起草助手"
INITIALS = "助手"


@dataclass(frozen=True)
class Note:
    """One open question as printed: a comment on its words."""

    node_id: str
    question: OpenQuestion
    again: bool = False
    """The same question once more (a proposed unit in the 附件's unit columns): one question."""
    says: str = ""
    """The comment's words where they are not the question's own (a clause's kept units
    said together, app/export/unit_notes.py)."""
    also: int = 0
    """How many more questions the comment answers for (the clause's other kept units)."""

    @property
    def text(self) -> str:
        """The comment: the question as a reviewer reads it, then what to do about it."""
        return self.says or f"{self.question.title}\n{self.question.message}"


@dataclass(frozen=True)
class Marked:
    """The body's blocks and the task table's 主要工作 cells with the notes' marks, and the notes."""

    blocks: list[Block]
    cells: dict[tuple[int, int], tuple[Run, ...]]
    """(Task line index, column) → the runs of that cell, where a note marks words in it
    (主要工作, where the row asks what the body does not: a published table's own words)."""

    @property
    def questions(self) -> int:
        """How many open questions the notes mark (a proposal marked in the 附件 too counts once)."""
        return sum(1 + note.also for note in self.notes if not note.again)

    notes: list[Note]


def unmarked(blocks: list[Block]) -> Marked:
    """The blocks as printed without comments (--clean)."""
    return Marked([replace(block, runs=coalesce(block.runs)) for block in blocks], {}, [])


def mark_questions(
    draft: Draft, blocks: list[Block], lines: list[TaskLine], *, work_style: str = "table_body"
) -> Marked:
    """Every open question whose quote is found, marked on its words, in document order."""
    renderer = TextRenderer(draft, county_of(draft))
    now = draft_year(draft)
    questions: dict[str, tuple[OpenQuestion, ...]] = {}
    for node in draft.walk():
        # stored questions, and the targets the table has not decided: they print the parent's figure
        # a question whose words went (a proposed lead the county replaced) prints nothing
        stored = (q for q in node.questions if q.kind != "proposed_unit" or is_open(node, q))
        asked = (
            *stored,
            *pending_targets(draft, node, renderer),
            *deadline_questions(node, now),
        )
        if asked:
            questions[node.id] = asked
    notes: list[Note] = []
    marked_blocks = []
    for block in blocks:
        asked = questions.get(block.node_id, ())
        runs = block.runs
        if asked and any(run.place for run in runs):
            runs = tuple(
                piece
                for run in runs
                for piece in _mark(run, _spans(block.node_id, asked, run, notes))
            )
        marked_blocks.append(replace(block, runs=coalesce(runs)))
    cells: dict[tuple[int, int], tuple[Run, ...]] = {}
    for index, line in enumerate(lines):
        asked = _not_in_body(questions.get(line.node_id, ()))
        if not asked:
            continue
        run = Run(str(line.values[3] or ""), work_style, place=("work", line.work_index))
        spans = _spans(line.node_id, asked, run, notes)
        if spans:
            cells[(index, 3)] = _mark(run, spans)
    _mark_proposals(lines, questions, cells, notes, work_style)
    return Marked(marked_blocks, cells, notes)


def _mark_proposals(
    lines: list[TaskLine],
    questions: dict[str, tuple[OpenQuestion, ...]],
    cells: dict[tuple[int, int], tuple[Run, ...]],
    notes: list[Note],
    style: str,
) -> None:
    """A unit the app proposed, marked again where the 附件 names it first: the table is what
    the units read, so the proposal must be seen there too (other questions the body carries)."""
    rows_of: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        rows_of.setdefault(line.node_id, []).append(index)
    for node_id, asked in questions.items():
        for question in (q for q in asked if q.kind == "proposed_unit" and q.where == "clause"):
            for index in rows_of.get(node_id, ()):
                line = lines[index]
                column = next(
                    (c for c in (4, 5) if question.quote in str(line.values[c] or "")), None
                )
                if column is None or (index, column) in cells:
                    continue
                text = str(line.values[column])
                start = text.find(question.quote)
                cells[(index, column)] = _mark(
                    Run(text, style), [(start, start + len(question.quote), len(notes))]
                )
                notes.append(Note(node_id, question, again=True))
                break


def _not_in_body(asked: tuple[OpenQuestion, ...]) -> tuple[OpenQuestion, ...]:
    """The questions on a node's 附件 rows that its body does not ask already."""
    body = asked_in_body(asked)
    return tuple(q for q in asked if q.where == "work" and not repeats_body(q, body))


def _spans(
    node_id: str, asked: Iterable[OpenQuestion], run: Run, notes: list[Note]
) -> list[tuple[int, int, int]]:
    """(start, end, note) for each question on this run's part of its node found in its text."""
    if run.place is None:
        return []
    where, index = run.place
    here = [q for q in asked if q.where == where and q.index == index]
    together: dict[int, list[OpenQuestion]] = {}
    if where == "clause":  # one comment for kept units side by side, on all their words
        kept = [q for q in here if is_unit(q)]
        here = [q for q in here if not is_unit(q)]
        for units in runs(kept, run.text):
            one = units[0]
            if len(units) > 1:
                one = one.model_copy(update={"quote": span_of(units, run.text)})
                together[id(one)] = units
            here.append(one)
    placed: list[tuple[int, int, OpenQuestion]] = []
    # longer quotes first: 藤县 must not take the place of 藤县陆贝风电、西江机场's words
    for question in sorted(here, key=lambda q: -len(q.quote)):
        start = _free(run.text, question.quote, [(s, e) for s, e, _q in placed])
        if start >= 0:
            placed.append((start, start + len(question.quote), question))
    spans = []
    for start, end, question in sorted(placed, key=lambda p: p[0]):
        spans.append((start, end, len(notes)))
        units = together.get(id(question))
        if units:
            notes.append(Note(node_id, question, says=clause_text(units), also=len(units) - 1))
        else:
            notes.append(Note(node_id, question))
    return spans


def _free(text: str, quote: str, taken: list[tuple[int, int]]) -> int:
    """Where the first occurrence of quote not overlapping a taken span starts; -1 if none:
    two questions on "85%" in one paragraph mark its two places, each once."""
    start = text.find(quote)
    while start >= 0:
        end = start + len(quote)
        if not any(start < e and s < end for s, e in taken):
            return start
        start = text.find(quote, start + 1)
    return -1


def _mark(run: Run, spans: list[tuple[int, int, int]]) -> tuple[Run, ...]:
    """The run cut where a note's words begin or end; each piece knows the notes it opens and closes."""
    if not spans:
        return (run,)
    cuts = sorted({0, len(run.text), *(s for s, _e, _n in spans), *(e for _s, e, _n in spans)})
    pieces = []
    for start, end in pairwise(cuts):
        pieces.append(
            replace(
                run,
                text=run.text[start:end],
                opens=tuple(n for s, _e, n in spans if s == start),
                closes=tuple(n for _s, e, n in spans if e == end),
            )
        )
    return tuple(pieces)
