"""The facilities pass: ports, waterways, airports and UHV lines, asked about once a sentence.

"加强港口岸电设施建设", "支持机场开展飞机辅助动力装置替代", "推进内河航运船舶电气化替代",
"全力推进送浙第四回特高压直流通道建设": a mountain county of 河源 or 衢州 has none of these, yet
they printed as its own. Which county has a port or an airport is not in the gazetteer, so
the county is asked (本县有无…？); the terms, questions and the counties known to have a
facility are data (resources/adapt/facilities.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.adapt.level_words import in_book_title
from app.core.adapt.powers import clause_around, sentence_start
from app.core.draft.adaptation import Suggestion


@dataclass(frozen=True)
class Facility:
    id: str
    find: re.Pattern[str]
    message: str
    has: frozenset[str]
    """Counties (full names) known to have it: not asked."""
    suggestions: tuple[tuple[str, str | None], ...]
    first_clause: bool = False
    """Asked on the sentence's first clause naming it only: a later clause's figure keeps its
    own question (加快红松资源…研发，推动10个红松绿色产业基地建设)."""
    item: bool = False
    """Asked on the term alone where it is one item of a list (抽水蓄能、新型储能): 删去 takes
    the item, not the clause."""
    yields: bool = False
    """Asked only where no other pass asks of the same words (牛首山抽水蓄能电站: a named site
    of elsewhere, asked once, by the names pass)."""


@lru_cache(maxsize=1)
def facilities() -> tuple[Facility, ...]:
    path = paths.resource("adapt", "facilities.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Facility(
            f["id"],
            re.compile(f["find"]),
            f["message"],
            frozenset(f.get("has", ())),
            tuple((s["label"], s["replace"]) for s in f["suggestions"]),
            f.get("first_clause", False),
            f.get("item", False),
            f.get("yields", False),
        )
        for f in data["facilities"]
    )


def facility_questions(text: str, context: PassContext) -> list[Question]:
    """One question for each sentence and facility, on the clauses naming it."""
    return _asked(text, context, [f for f in facilities() if not f.yields], [])


def site_questions(text: str, context: PassContext, taken: list[tuple[int, int]]) -> list[Question]:
    """The facilities that yield (an oil field, a pumped-storage site), where no other pass
    asks of the same words."""
    return _asked(text, context, [f for f in facilities() if f.yields], taken)


def _asked(
    text: str, context: PassContext, chosen: list[Facility], taken: list[tuple[int, int]]
) -> list[Question]:
    out: list[Question] = []
    for facility in chosen:
        if context.county.county in facility.has:
            continue
        spans: dict[int, tuple[int, int]] = {}  # sentence start → (first clause start, last end)
        for m in facility.find.finditer(text):
            if in_book_title(text, m.start()):
                continue
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            start, end = (facility.item and _item(text, m.start(), m.end())) or clause_around(
                text, m.start()
            )
            sentence = sentence_start(text, m.start())
            if facility.first_clause and sentence in spans:
                continue
            first, last = spans.get(sentence, (start, end))
            spans[sentence] = (min(first, start), max(last, end))
        suggestions = tuple(
            Suggestion(label=label, replacement=None if new is None else context.county.fill(new))
            for label, new in facility.suggestions
        )
        out += [
            Question(start, end, "place", facility.message, suggestions)
            for start, end in spans.values()
        ]
    return sorted(out, key=lambda q: q.start)


def _item(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The term with its 、 or 和 where it is one item of a list (抽水蓄能和新型储能)."""
    if text.startswith(("、", "和"), end):
        return start, end + 1
    if start and text[start - 1] in "、和":
        return start - 1, end
    return None
