"""The sea pass: sea, coast and island sentences asked about for an inland county.

"加快沿海核电建设", "健全红树林保护制度", "发展海洋蓝碳" carried over from a coastal
province's plan print as the county's own, yet a county in 百色 or 宝鸡 has no sea.
Whether a county can have a coast is data with its source (resources/places/coast.json):
by province, and within a coastal province by its coastal cities. Where the data cannot
tell (a coastal city's county, 上海, 天津, 海南), nothing is asked.
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
from app.core.text.county import CountyContext


@dataclass(frozen=True)
class Coast:
    provinces: dict[str, tuple[str, ...]]
    """Coastal province-level divisions (short names) → their coastal cities (empty: all may be)."""
    counties: dict[str, tuple[str, ...]]
    """A 直辖市's coastal districts (full names), where it lists no cities."""
    terms: re.Pattern[str]
    message: str
    suggestions: tuple[tuple[str, str | None], ...]

    def inland(self, county: CountyContext) -> bool:
        """Is the county surely without a coast? (Unknown is not inland.)"""
        region = county.region_short
        if not region:
            return False
        if region not in self.provinces:
            return True
        cities = self.provinces[region]
        if not cities and region in self.counties:
            return county.county not in self.counties[region]  # 蓟州区 of 天津: inland
        return bool(cities) and bool(county.city_short) and county.city_short not in cities


@lru_cache(maxsize=1)
def coast() -> Coast:
    data = json.loads(paths.resource("places", "coast.json").read_text(encoding="utf-8"))
    return Coast(
        {k: tuple(v) for k, v in data["coastal_provinces"].items()},
        {k: tuple(v) for k, v in data.get("coastal_counties", {}).items()},
        re.compile(data["sea_terms"]),
        data["message"],
        tuple((s["label"], s["replace"]) for s in data["suggestions"]),
    )


def _listed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The term with its 、 where it is one item of a list (地热能、海洋能、氢能): 删去 takes
    the item, not the clause."""
    if text.startswith("、", end):
        return start, end + 1
    if start and text[start - 1] == "、":
        return start - 1, end
    return None


def coastal_province_questions(text: str, context: PassContext) -> list[Question]:
    """For an inland county of a coastal province, one question for each sentence speaking of
    the province's coast: its coastal sub-region and its nuclear plants (coast.json)."""
    data = coast()
    if context.county.region_short not in data.provinces or not data.inland(context.county):
        return []
    terms, message = _coastal_province_terms()
    spans: dict[int, tuple[int, int]] = {}
    for m in terms.finditer(text):
        if in_book_title(text, m.start()):
            continue
        start, end = clause_around(text, m.start())
        first, last = spans.get(sentence_start(text, m.start()), (start, end))
        spans[sentence_start(text, m.start())] = (min(first, start), max(last, end))
    suggestions = tuple(Suggestion(label=label, replacement=new) for label, new in data.suggestions)
    return [Question(s, e, "place", message, suggestions) for s, e in sorted(spans.values())]


@lru_cache(maxsize=1)
def _coastal_province_terms() -> tuple[re.Pattern[str], str]:
    data = json.loads(paths.resource("places", "coast.json").read_text(encoding="utf-8"))
    return re.compile(data["coastal_province_terms"]), data["coastal_province_message"]


def sea_questions(text: str, context: PassContext) -> list[Question]:
    """For an inland county, one question for each sentence speaking of the sea."""
    data = coast()
    if not data.inland(context.county):
        return []
    spans: dict[int, tuple[int, int]] = {}
    for m in data.terms.finditer(text):
        if in_book_title(text, m.start()):
            continue
        start, end = _listed(text, m.start(), m.end()) or clause_around(text, m.start())
        first, last = spans.get(sentence_start(text, m.start()), (start, end))
        spans[sentence_start(text, m.start())] = (min(first, start), max(last, end))
    suggestions = tuple(Suggestion(label=label, replacement=new) for label, new in data.suggestions)
    return [
        Question(start, end, "place", data.message, suggestions)
        for start, end in sorted(spans.values())
    ]
