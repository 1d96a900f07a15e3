"""Parent text made the county's: the passes run in order and their edits merged.

Each pass (level words, units, targets) proposes edits on the parent text;
targets win over words inside them, earlier and longer edits over overlapping
ones. The result is the county text and one record per change (span in the
new text, old, new, reason, kind), so the user can see every change.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.adapt.changes import (
    AdaptedText,
    ChangeKind,
    Edit,
    PassContext,
    Question,
    TextChange,
    TextQuestion,
    non_overlapping,
)
from app.core.adapt.level_words import level_word_edits
from app.core.adapt.targets import TargetBook, target_edits
from app.core.adapt.units import unit_text_edits
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

QuestionPass = Callable[[str, PassContext], list[Question]]


def question_passes() -> tuple[QuestionPass, ...]:
    """The passes that ask, in order (each module of app/core/adapt/ that asks adds itself here)."""
    from app.core.adapt import figures, self_reference

    return (figures.figure_questions, self_reference.self_questions)


def adapt_text(
    text: str,
    *,
    level: str,
    county: CountyContext,
    catalogue: Catalogue,
    book: TargetBook | None = None,
    source: str = "",
    ask: bool = True,
) -> AdaptedText:
    """County text from parent text, every change made to it and every question left open.

    With a target book, each target the text states becomes a mention of a
    county target-table entry (pending the county's decision). Without a
    level (a plan opened as it is) or with ask=False, no questions are asked.
    """
    # No level: the text is taken as it stands (a plan opened as it is), only targets are linked.
    edits = level_word_edits(text, level, county) + (
        unit_text_edits(text, catalogue) if level else []
    )
    if book is not None:
        edits += target_edits(text, book, source)
    # Target spans win over words inside them.
    targets_first = sorted(edits, key=lambda e: e.kind is not ChangeKind.TARGET)
    chosen: list[Edit] = []
    for edit in targets_first:
        if any(edit.start < c.end and c.start < edit.end for c in chosen):
            continue
        chosen.append(edit)
    chosen = non_overlapping(chosen)
    questions: list[Question] = []
    if level and ask:
        context = PassContext(level, county, catalogue)
        for find in question_passes():
            questions += find(text, context)
    return _apply(text, chosen, questions)


def _apply(text: str, chosen: list[Edit], questions: list[Question]) -> AdaptedText:
    """The new text, with each change and question placed in it."""
    out: list[str] = []
    changes: list[TextChange] = []
    position = 0
    length = 0
    shift: list[tuple[int, int]] = []  # (old offset, new offset) after each edit
    for edit in chosen:
        out.append(text[position : edit.start])
        length += edit.start - position
        out.append(edit.new)
        changes.append(
            TextChange(
                length,
                length + len(edit.new),
                text[edit.start : edit.end],
                edit.new,
                edit.reason,
                edit.kind,
                edit.start,
            )
        )
        length += len(edit.new)
        position = edit.end
        shift.append((edit.end, length))
    out.append(text[position:])
    new_text = "".join(out)

    def moved(offset: int) -> int:
        """Where a parent offset lands in the new text (offsets inside an edit go to its end)."""
        new = offset
        for old_end, new_end in shift:
            if old_end <= offset:
                new = new_end + (offset - old_end)
        return new

    placed: list[TextQuestion] = []
    taken: list[tuple[int, int]] = []
    for question in sorted(questions, key=lambda q: (q.start, -(q.end - q.start))):
        if any(question.start < end and start < question.end for start, end in taken):
            continue  # one question for one stretch of words
        start, end = moved(question.start), moved(question.end)
        quote = new_text[start:end]
        if not quote.strip() or "⟦" in quote:
            continue  # the words became a target mention: the target table decides them
        taken.append((question.start, question.end))
        placed.append(
            TextQuestion(start, end, quote, question.kind, question.message, question.suggestions)
        )
    return AdaptedText(new_text, tuple(changes), tuple(placed))
