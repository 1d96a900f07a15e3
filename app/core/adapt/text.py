"""Parent text made the county's: the passes run in order and their edits merged.

Each pass (level words, units, targets) proposes edits on the parent text;
targets win over words inside them, earlier and longer edits over overlapping
ones. The result is the county text and one record per change (span in the
new text, old, new, reason, kind), so the user can see every change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

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
from app.core.adapt.powers import clause_around
from app.core.adapt.targets import TargetBook, kept_figures_noted, target_edits
from app.core.adapt.units import unit_text_edits
from app.core.adapt.whole_words import whole_words
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

QuestionPass = Callable[[str, PassContext], list[Question]]


def question_passes() -> tuple[QuestionPass, ...]:
    """The passes that ask, in order (each module of app/core/adapt/ that asks adds itself here)."""
    from app.core.adapt import coast, facilities, figures, places, powers, self_reference, units

    return (
        figures.figure_questions,
        powers.power_questions,
        self_reference.self_questions,
        units.sub_level_unit_questions,
        places.place_questions,
        coast.sea_questions,
        coast.coastal_province_questions,
        facilities.facility_questions,
    )


YieldingPass = Callable[[str, PassContext, list[tuple[int, int]]], list[Question]]


def yielding_passes() -> tuple[YieldingPass, ...]:
    """The passes that ask only where no other pass asks of the same words: a name the places
    or powers pass asks about (“科技强区”, 银川经济技术开发区) is asked once, by that pass."""
    from app.core.adapt import facilities, geography, names

    return (names.name_questions, geography.geography_questions, facilities.site_questions)


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
        unit_text_edits(text, catalogue, county) if level else []
    )
    questions = _questions(text, level, county, catalogue) if level and ask else []
    if book is not None:
        targets = target_edits(text, book, source, questions)
        questions = kept_figures_noted(text, questions, targets)
        edits += targets
    # Target spans win over words inside them; then words held as they are (各市发改委).
    targets_first = sorted(
        edits,
        key=lambda e: (e.kind is not ChangeKind.TARGET, e.new != text[e.start : e.end]),
    )
    chosen: list[Edit] = []
    for edit in targets_first:
        if any(edit.start < c.end and c.start < edit.end for c in chosen):
            continue
        chosen.append(edit)
    chosen = non_overlapping(chosen)
    return _apply(text, chosen, questions)


def _questions(
    text: str, level: str, county: CountyContext, catalogue: Catalogue
) -> list[Question]:
    """Every pass's questions on the parent text, before any edit."""
    questions: list[Question] = []
    context = PassContext(level, county, catalogue)
    for find in question_passes():
        questions += find(text, context)
    # the parent's names and geography yield to what the other passes ask of the same words
    for find in yielding_passes():
        questions += find(text, context, [(q.start, q.end) for q in questions])
    return questions


EACH_ASKED = ("figure",)
"""Kinds asked at each place they stand in a sentence: each figure is a value of its own."""
_SENTENCE_ENDS = "。；;！？!?\n"


def _sentence_of(text: str, offset: int) -> int:
    """Which sentence of the text an offset stands in (count of sentence ends before it)."""
    return sum(text.count(mark, 0, offset) for mark in _SENTENCE_ENDS)


def _apply(text: str, chosen: list[Edit], questions: list[Question]) -> AdaptedText:
    """The new text, with each change and question placed in it."""
    out: list[str] = []
    changes: list[TextChange] = []
    position = 0
    length = 0
    placed_edits: list[tuple[Edit, int, int]] = []  # each edit with its span in the new text
    for edit in chosen:
        out.append(text[position : edit.start])
        length += edit.start - position
        out.append(edit.new)
        # words an edit holds as they are (各市发改委) are no change to record
        if edit.new != text[edit.start : edit.end]:
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
        placed_edits.append((edit, length, length + len(edit.new)))
        length += len(edit.new)
        position = edit.end
    out.append(text[position:])
    new_text = "".join(out)

    def moved(offset: int, *, end: bool) -> int:
        """Where a parent offset lands in the new text; inside an edit, at the edit's edge."""
        delta = 0
        for edit, new_start, new_end in placed_edits:
            if offset < edit.start or (end and offset == edit.start):
                break
            if offset < edit.end:
                return new_end if end else new_start
            delta = new_end - edit.end
        return offset + delta

    placed: list[TextQuestion] = []
    taken: list[tuple[int, int]] = []
    # (sentence, kind, message; "" for names) → the question asked for them
    said: dict[tuple[int, str, str], int] = {}
    repeats: list[tuple[int, TextQuestion]] = []  # each with the question it repeats
    # after another city or county: (its end, its clause's end, the question asked of it)
    others_clauses: list[tuple[int, int, int]] = []
    targets = [(e.start, e.end) for e in chosen if e.kind is ChangeKind.TARGET]
    # words a level-word rule rewrote are the county's now: no self-reference on them
    rewritten = [(e.start, e.end) for e in chosen if e.kind is ChangeKind.LEVEL_WORD]
    for question in sorted(questions, key=lambda q: (q.start, -(q.end - q.start))):
        span = _beside_targets(question, targets)
        if span is None or any(span[0] < end and start < span[1] for start, end in taken):
            continue  # one question for one stretch of words; a target is the table's to decide
        trimmed = span != (question.start, question.end)
        if (
            question.kind == "self_reference"
            and not question.whole_clause
            and any(span[0] < end and start < span[1] for start, end in rewritten)
        ):
            continue
        whole = _whole_words_span(text, span[0], span[1], question.kind)
        if whole is None:
            continue  # 资本【市】场 holds 本市 and is no city speaking of itself
        span = whole
        start, end = moved(span[0], end=False), moved(span[1], end=True)
        quote = new_text[start:end]
        if not quote.strip():
            continue
        suggestions = question.suggestions
        if trimmed:  # a rewording was for all of its words: only 删去 and 保留 fit the rest
            suggestions = tuple(s for s in suggestions if s.replacement in (None, ""))
        asked = TextQuestion(start, end, quote, question.kind, question.message, suggestions)
        # the names of one sentence are one question, whichever pass found them
        said_as = "" if question.named else question.message
        key = (_sentence_of(text, question.start), question.kind, said_as)
        other = (
            _in_other_places_clause(text, question, others_clauses)
            if question.kind not in EACH_ASKED
            else None
        )
        if other is not None:
            # 支持深圳加快建设国家气候投融资促进中心: 深圳's clause is asked once, of 深圳; the
            # sentence's question of this kind is that one (a later 核心区 is a repeat still)
            said.setdefault(key, other)
            continue
        if question.kind not in EACH_ASKED and key in said:
            # one question per sentence and kind: 织密城市…宜居城市
            repeats.append((said[key], asked))
            continue
        said[key] = len(placed)
        taken.append(span)
        placed.append(asked)
        if question.message == _other_place_message():
            clause_end = clause_around(text, question.start)[1]
            others_clauses.append((question.end, clause_end, len(placed) - 1))
    kept = _kept_for_placing(placed, [repeat for _first, repeat in repeats])
    placed = _naming_the_rest(
        placed, [(first, r) for first, r in repeats if not any(r is k for k in kept)]
    )
    placed += kept
    fixed = [n_start for e, n_start, _n_end in placed_edits if e.kind is ChangeKind.TARGET]
    placed = _landing_on_own_words(new_text, placed, fixed)
    return AdaptedText(new_text, tuple(changes), tuple(sorted(placed, key=lambda q: q.start)))


def _other_place_message() -> str:
    from app.core.adapt.places import place_rules

    return place_rules().messages["division"]


def _in_other_places_clause(
    text: str, question: Question, after: list[tuple[int, int, int]]
) -> int | None:
    """A question in a clause already asked of the other city or county acting in it: the
    county deletes or rewrites that clause as a whole (支持深圳加快建设国家气候投融资促进中心;
    支持…汕头、湛江市积极对接粤港澳大湾区), so a second question there asks nothing new. Not an
    item of a list after it (以上杭县蛟洋工业区、福建（龙岩）稀土工业园区…: each item is asked).
    The index of the question asked of that place, or None."""
    for end, clause_end, asked in after:
        if (
            end <= question.start
            and question.end <= clause_end
            and not re.search("[、和及与]", text[end : question.start])
        ):
            return asked
    return None


def _beside_targets(question: Question, targets: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The question's words beside the targets it overlaps: a target's figure is the table's
    to decide, the words around it are not (the sea in "12条入海河流消劣成果巩固提升" is asked of
    an inland district while "12条" is the table's). A figure counts what follows it
    ("打造3条美丽公路、12个绿色机场"): the words after the target, else those before; None
    when nothing of two characters or more is left, or for a figure or a whole clause (its
    answers reword all of it)."""
    start, end = question.start, question.end
    for t_start, t_end in sorted(targets):
        if not (start < t_end and t_start < end):
            continue
        if question.kind in EACH_ASKED or question.whole_clause:
            return None
        start, end = (t_end, end) if end - t_end >= 2 else (start, t_start)
    if end - start < 2:
        return None
    return start, end


def _whole_words_span(text: str, start: int, end: int, kind: str) -> tuple[int, int] | None:
    """The question's span on whole words (resources/adapt/whole_words.json): a start inside a
    word moves past it (推【动昆明市…】 → 昆明市…); an end inside one, or nothing left, and the
    words are not what the pass took them for (None). Figures keep their own units."""
    if kind in EACH_ASKED:
        return start, end
    for w_start, w_end in whole_words(text, start, end):
        if w_start < start < w_end:
            start = w_end
    if start >= end or any(
        w_start < end < w_end for w_start, w_end in whole_words(text, start, end)
    ):
        return None
    return start, end


def _kept_for_placing(
    placed: list[TextQuestion], repeats: list[TextQuestion]
) -> list[TextQuestion]:
    """The repeats asked all the same: those whose words hold a later question's quote. A
    comment finds its words by their text (app/export/word/questions.py), so 漳平 asked further
    on would land on this earlier, unasked 漳平."""
    kept: list[TextQuestion] = []
    for repeat in repeats:
        if any(q.start > repeat.start and q.quote in repeat.quote for q in placed) and not any(
            q.start < repeat.end and repeat.start < q.end for q in placed + kept
        ):
            kept.append(repeat)
    return kept


def _naming_the_rest(
    placed: list[TextQuestion], dropped: list[tuple[int, TextQuestion]]
) -> list[TextQuestion]:
    """Each question that stands for its sentence's others names the words they asked about
    (本句还有“1+3”（…）), so none is left unsaid; an answer acting on its own words names them
    (删去“四沿”): the others are the user's to settle in the same go. A repeat of the same
    question on the same words (城市…城市, 梧州…梧州市) is said already."""
    rest: dict[int, list[TextQuestion]] = {}
    for first, repeat in dropped:
        others = rest.setdefault(first, [])
        if not (_said(placed[first], repeat) or any(_said(o, repeat) for o in others)):
            others.append(repeat)
    out = list(placed)
    for first, others in rest.items():
        if not others:
            continue
        question = out[first]
        lines = [question.message]
        for message in dict.fromkeys(o.message for o in others):
            words = "、".join(_quoted(o.quote) for o in others if o.message == message)
            lines.append(
                f"本句还有{words}，请一并处理"
                if message == question.message
                else f"本句还有{words}（{message}）"
            )
        suggestions = tuple(
            s
            if s.replacement is None
            else s.model_copy(update={"label": f"{s.label}{_quoted(question.quote)}"})
            for s in question.suggestions
        )
        out[first] = replace(
            question,
            message="\n".join(lines),
            suggestions=suggestions,
            also=tuple(others),
        )
    return out


def _said(question: TextQuestion, repeat: TextQuestion) -> bool:
    """Does the question say what the repeat would: its words, or the same message on words
    one holds the other of?"""
    if repeat.quote in question.quote:
        return True
    return question.message == repeat.message and question.quote in repeat.quote


def _quoted(words: str) -> str:
    """Words as a message names them: in “”, unless they are quoted already."""
    return words if words.startswith("“") and words.endswith("”") else f"“{words}”"


def _first_free(text: str, quote: str, taken: list[tuple[int, int]]) -> int:
    """Where the Word export puts a quote: its first occurrence no longer quote took."""
    start = text.find(quote)
    while start >= 0 and any(start < e and s < start + len(quote) for s, e in taken):
        start = text.find(quote, start + 1)
    return start


_CLAUSE_MARKS = "，。；：、,;:！？!?\n"
_GROW_MAX = 24


def _landing_on_own_words(
    text: str, placed: list[TextQuestion], stops: list[int]
) -> list[TextQuestion]:
    """Each question's quote widened until the Word export, which finds a comment's words by
    their text (longest quotes first, app/export/word/questions.py), lands it on its own
    place: a 城市 asked in a later sentence would land on an earlier 城市 nobody asked about
    (织密城市绿地网络，建设绿色宜居城市。…提升城市防洪排涝能力), a comment where the draft has no
    question. The quote grows to the end of its clause (城市防洪排涝能力), never into another
    question or a target (stops: where targets start); a suggestion replacing it keeps the
    words it grew by."""
    questions = sorted(placed, key=lambda q: q.start)
    for _round in range(4):
        taken: list[tuple[int, int]] = []
        astray: list[int] = []
        for index in sorted(range(len(questions)), key=lambda i: -len(questions[i].quote)):
            question = questions[index]
            at = _first_free(text, question.quote, taken)
            if at >= 0:
                taken.append((at, at + len(question.quote)))
            if at != question.start:
                astray.append(index)
        if not astray:
            break
        for index in astray:
            questions[index] = _grown(text, questions[index], questions, stops)
    return questions


def _grown(
    text: str, question: TextQuestion, others: list[TextQuestion], stops: list[int]
) -> TextQuestion:
    """The question over its words up to the end of their clause (or the next question)."""
    limit = min(
        [len(text), question.end + _GROW_MAX]
        + [q.start for q in others if q.start >= question.end and q is not question]
        + [at for at in stops if at >= question.end]
    )
    end = question.end
    while end < limit and text[end] not in _CLAUSE_MARKS:
        end += 1
    if end == question.end:
        return question
    added = text[question.end : end]
    suggestions = tuple(
        s if s.replacement is None else s.model_copy(update={"replacement": s.replacement + added})
        for s in question.suggestions
    )
    return replace(question, end=end, quote=text[question.start : end], suggestions=suggestions)
