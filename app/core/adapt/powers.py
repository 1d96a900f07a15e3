"""The powers pass: what a county-level government cannot do, asked about once a sentence.

"全面清理现行地方性法规、政府规章", "制定重点行业绿色制造地方标准", "探索建设电力现货市场",
"对…地区实行缓批限批", "制定宝鸡市…实施方案": a county (县, 旗, 县级市, 市辖区) has no
such power, whatever province the parent plan is from. The powers, their sources and
what the county can do instead (执行, 配合, 落实, 争取) are data
(resources/adapt/powers.json); the question quotes the clauses that state the power, and
its suggestions are the county's wording of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.adapt.level_words import in_book_title
from app.core.draft.adaptation import Suggestion
from app.core.text.county import CountyContext

_CLAUSE_END = "，,。；;！？!?：:\n"
_SENTENCE_END = "。；;！？!?\n"


@dataclass(frozen=True)
class Power:
    id: str
    find: str
    unless_county: re.Pattern[str] | None
    message: str
    suggestions: tuple[dict, ...]
    spared: re.Pattern[str] | None = None
    """Its own words of taking part, where the common ones would spare too much (争创 a
    national market is no county's; 继续实施 a price already set is)."""
    only_without_city: bool = False
    """Denied only to a 直辖市's districts (no city between them and the province level)."""
    autonomous: tuple[re.Pattern[str], str, tuple[dict, ...]] | None = None
    """For a 自治县 (自治旗), which holds part of the power (单行条例): its own message and
    answers, so it is never told it has none."""

    def wording(self, county: str) -> tuple[str, tuple[dict, ...]]:
        """The message and suggestions for this county."""
        if self.autonomous and self.autonomous[0].search(county):
            return self.autonomous[1], self.autonomous[2]
        return self.message, self.suggestions


@dataclass(frozen=True)
class Powers:
    spared: re.Pattern[str]
    powers: tuple[Power, ...]


@lru_cache(maxsize=1)
def powers() -> Powers:
    data = json.loads(paths.resource("adapt", "powers.json").read_text(encoding="utf-8"))
    return Powers(
        re.compile(data["spared"]),
        tuple(
            Power(
                p["id"],
                p["find"],
                re.compile(p["unless_county"]) if p.get("unless_county") else None,
                p["message"],
                tuple(p["suggestions"]),
                re.compile(p["spared"]) if p.get("spared") else None,
                p.get("only_without_city", False),
                _autonomous(p.get("autonomous")),
            )
            for p in data["powers"]
        ),
    )


def _autonomous(data: dict | None) -> tuple[re.Pattern[str], str, tuple[dict, ...]] | None:
    if not data:
        return None
    return re.compile(data["county"]), data["message"], tuple(data["suggestions"])


@lru_cache(maxsize=64)
def _compiled(pattern: str, county: CountyContext) -> re.Pattern[str]:
    """The pattern with the county's parents filled in (a name it lacks matches nothing)."""
    values = county.placeholders()

    def value(m: re.Match[str]) -> str:
        found = values.get(m.group(1))
        return re.escape(found) if found else "(?!)"

    return re.compile(re.sub(r"\{(\w+)\}", value, pattern))


def clause_around(text: str, position: int) -> tuple[int, int]:
    """The clause around position: between the punctuation marks before and after it."""
    start = max(text.rfind(c, 0, position) for c in _CLAUSE_END) + 1
    ends = [i for c in _CLAUSE_END if (i := text.find(c, position)) >= 0]
    end = min(ends) if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def sentence_start(text: str, position: int) -> int:
    return max(text.rfind(c, 0, position) for c in _SENTENCE_END) + 1


def power_questions(text: str, context: PassContext) -> list[Question]:
    """One question for each sentence and power the county lacks, on the clauses stating it."""
    data = powers()
    out: list[Question] = []
    for power in data.powers:
        if power.unless_county and power.unless_county.search(context.county.county):
            continue
        if power.only_without_city and context.county.city:
            continue
        spans: dict[int, tuple[int, int]] = {}  # sentence start → (first clause start, last end)
        for m in _compiled(power.find, context.county).finditer(text):
            if in_book_title(text, m.start()):
                continue
            start, end = clause_around(text, m.start())
            if (power.spared or data.spared).search(text, start, m.end()):
                continue  # 积极参与电力现货市场交易: the county taking part, not running it
            sentence = sentence_start(text, m.start())
            first, last = spans.get(sentence, (start, end))
            spans[sentence] = (min(first, start), max(last, end))
        message, suggestions = power.wording(context.county.county)
        for start, end in spans.values():
            quote = text[start:end]
            out.append(
                Question(
                    start,
                    end,
                    "self_reference",
                    message,
                    _suggestions(suggestions, quote, context.county),
                    whole_clause=True,
                )
            )
    return sorted(out, key=lambda q: q.start)


def _suggestions(
    suggestions: tuple[dict, ...], quote: str, county: CountyContext
) -> tuple[Suggestion, ...]:
    out: list[Suggestion] = []
    for s in suggestions:
        if "swap" in s:
            pattern, new = s["swap"]
            out.append(
                Suggestion(label=s["label"], replacement=re.sub(pattern, new, quote, count=1))
            )
        else:
            replace = s["replace"]
            out.append(
                Suggestion(
                    label=s["label"], replacement=None if replace is None else county.fill(replace)
                )
            )
    return tuple(out)
