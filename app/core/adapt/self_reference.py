"""The self-reference pass: what only the parent government can do or be, and its sections
for its own sub-levels.

"制定《自治区固体废物环境污染防治条例》", "组建自治区新能源研究院", "地级以上城市",
"本市", "各市县梯次有序达峰": a county cannot carry these over as they stand. Each
is an open question with suggestions (贯彻落实…, 删去, 保留); the rules are data
(resources/adapt/self_reference.json), per parent level.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.adapt.level_words import in_book_title
from app.core.adapt.powers import sentence_start
from app.core.draft.adaptation import QuestionKind, Suggestion
from app.core.text.county import CountyContext


@dataclass(frozen=True)
class SelfRule:
    levels: frozenset[str]
    find: re.Pattern[str]
    kind: QuestionKind
    message: str
    suggestions: tuple[tuple[str, str | None], ...]
    whole_clause: bool = False
    """Asked even where level words inside it were rewritten (县直…制定全县…实施方案)."""
    once_a_sentence: bool = False
    """Asked at its first match in a sentence only ("自治区（跨盟市）以及盟市（不跨盟市）": one)."""
    the_county: bool = False
    """The words name the county itself, as the parent names all its counties (县区政府所在城区)."""


@lru_cache(maxsize=1)
def self_rules() -> tuple[SelfRule, ...]:
    path = paths.resource("adapt", "self_reference.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        SelfRule(
            frozenset(rule["levels"]),
            re.compile(rule["find"]),
            rule["kind"],
            rule["message"],
            tuple((s["label"], s["replace"]) for s in rule["suggestions"]),
            rule.get("whole_clause", False),
            rule.get("once_a_sentence", False),
            rule.get("the_county", False),
        )
        for rule in data["rules"]
    )


@lru_cache(maxsize=64)
def _for_county(pattern: str, county: CountyContext) -> re.Pattern[str]:
    """A rule naming the county ({county}, {short}) compiled for this county."""
    return re.compile(county.fill(pattern))


def of_the_county(message: str) -> bool:
    """Is this a question on words naming the county itself (a rule's `the_county`)?"""
    return any(rule.the_county and rule.message == message for rule in self_rules())


def self_questions(text: str, context: PassContext) -> list[Question]:
    """One question for each place the parent speaks of itself or of its sub-levels."""
    out: list[Question] = []
    for rule in self_rules():
        asked_in: set[int] = set()  # sentence starts this rule asked in
        if context.level not in rule.levels:
            continue
        find = rule.find
        if "{" in find.pattern and "{county}" in find.pattern:
            find = _for_county(find.pattern, context.county)
        for m in find.finditer(text):
            # a title quoted as it is (《…》) is only asked about where a rule names the verb
            if in_book_title(text, m.start()) and not m.group().startswith(("制定", "出台")):
                continue
            suggestions = tuple(
                Suggestion(
                    label=label,
                    replacement=None
                    if replace is None
                    else context.county.fill(m.expand(replace) if "\\g<" in replace else replace),
                )
                for label, replace in rule.suggestions
            )
            if any(m.start() < q.end and q.start < m.end() for q in out):
                continue  # a more particular rule (listed first) asks about these words already
            if rule.once_a_sentence:
                sentence = sentence_start(text, m.start())
                if sentence in asked_in:
                    continue
                asked_in.add(sentence)
            out.append(
                Question(
                    m.start(), m.end(), rule.kind, rule.message, suggestions, rule.whole_clause
                )
            )
    return sorted(out, key=lambda q: q.start)
