"""The geography pass: the parent's rivers, corridors, belts, groupings and sub-regions.

"融入西部陆海新通道", "珠江—西江经济带", "北电南送", "呼包鄂乌一体化", "特高压入赣通道",
"赣粤运河", "边境沿线", "在中部和西部地区布局…东部地区以分布式为主": a province's plan
speaks of its own map. A county lies on some of it, not on all of it, and only the
county can say which. What is asked is data (resources/places/geography.json); a name
the published plans of many provinces use (黄河流域, 长江经济带, 重点流域) is national or
common and not asked (app/core/adapt/names.py's common pairs). One question per sentence
and kind.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.adapt.common_words import (
    abbreviation_of,
    common_words_only,
    is_common,
    names_parent,
    term_of,
)
from app.core.adapt.level_words import in_book_title
from app.core.adapt.names import free, per_sentence
from app.core.adapt.places import place_rules
from app.core.adapt.powers import sentence_start
from app.core.draft.adaptation import Suggestion
from app.core.text.places import gazetteer, is_han

Span = tuple[int, int]
_JOINS = "—－-–·"


@dataclass(frozen=True)
class GeographyRules:
    feature: re.Pattern[str]
    head_max: int
    not_after: tuple[str, ...]
    corridor: re.Pattern[str]
    group_words: tuple[str, ...]
    always: re.Pattern[str]
    sub_regions: re.Pattern[str]
    messages: dict[str, str]


@lru_cache(maxsize=1)
def geography_rules() -> GeographyRules:
    data = json.loads(paths.resource("places", "geography.json").read_text(encoding="utf-8"))
    suffixes = sorted(data["feature_suffixes"], key=len, reverse=True)
    not_followed = "|".join(re.escape(w) for w in data["feature_not_followed_by"]["words"])
    return GeographyRules(
        re.compile(f"(?:{'|'.join(re.escape(s) for s in suffixes)})(?!{not_followed})"),
        data["feature_head_max"],
        tuple(data["feature_not_after"]["words"]),
        re.compile(data["corridor"]),
        tuple(data["group_words"]),
        re.compile(data["always"]),
        re.compile(data["sub_regions"]),
        data["messages"],
    )


def feature_candidates(text: str) -> list[tuple[int, int, int]]:
    """(start, suffix start, end) of each name before a feature's last word (西部陆海新通道),
    cut after the last stop word; what is before the suffix has two characters or more."""
    rules = geography_rules()
    stops = place_rules().stops
    out: list[tuple[int, int, int]] = []
    for m in rules.feature.finditer(text):
        start = m.start()
        while (
            start > 0
            and m.start() - start < rules.head_max
            and (is_han(text[start - 1]) or text[start - 1] in _JOINS)
        ):
            start -= 1
        head = text[start : m.start()]
        cut = max((head.rfind(s) + len(s) for s in stops if s in head), default=0)
        start += cut
        while start < m.start() and text[start] in _JOINS:
            start += 1
        if m.start() - start >= 2 and not text[: m.start()].endswith(rules.not_after):
            out.append((start, m.start(), m.end()))
    return out


def feature_tails(text: str, start: int, suffix: int, end: int) -> list[str]:
    """The feature's last words with two characters or more before its suffix: 外送通道 of
    特高压外送通道. tools/build_name_spread.py counts them across the published plans."""
    return [term_of(text, (k, end)) for k in range(start, suffix - 1)]


def features(text: str, province: str) -> list[Span]:
    """Named rivers, corridors, belts and power corridors that are the parent's own: not where
    its last words are other provinces' too (外送通道, 黄河流域, 重点流域) or common words."""
    rules = geography_rules()
    out: list[Span] = []
    for start, suffix, end in feature_candidates(text):
        term = term_of(text, (start, end))
        own = names_parent(term, province)
        if own or not (
            is_common(term, province)
            or common_words_only(term, province)  # 战略通道: 战略 通道
            or any(is_common(tail, province) for tail in feature_tails(text, start, suffix, end))
        ):
            out.append((start, end))
    for m in rules.corridor.finditer(text):
        if not is_common(m.group(), province):
            out.append((m.start(), m.end()))
    out += [(m.start(), m.end()) for m in rules.always.finditer(text)]
    out += groupings(text, province)
    return out


def groupings(text: str, province: str) -> list[Span]:
    """呼包鄂乌: three or more first characters of the province's cities, standing alone."""
    gaz = gazetteer()
    code = next(
        (d.code for d in gaz.divisions if d.level == "province" and d.short == province), None
    )
    if code is None:
        return []
    firsts = {d.name[0] for d in gaz.children(code) if d.level == "city"}
    if not firsts:  # a 直辖市: districts, no cities to group
        return []
    out: list[Span] = []
    for m in re.finditer(f"[{re.escape(''.join(sorted(firsts)))}]{{3,6}}", text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end() :]
        alone = not (before and is_han(before)) and (not after or not is_han(after[0]))
        if alone or after.startswith(rules_words()):
            out.append((m.start(), m.end()))
    return out


def rules_words() -> tuple[str, ...]:
    return geography_rules().group_words


def own_parts(text: str, province: str) -> list[Span]:
    """The parent's parts by its own one-character name (滇东北, 鄂西, 桂东南) and its stretch of
    a river (赤水河流域（云南段）): its map, not the county's unless the county lies there."""
    abbreviation = abbreviation_of(province)
    out: list[Span] = []
    if abbreviation:
        pattern = f"[{abbreviation}](?:东北|西北|东南|西南|[东西南北中])(?:部|地区|片区|区域)?"
        for m in re.finditer(pattern, text):
            after = text[m.end() : m.end() + 1]
            if not (m.end() - m.start() == 2 and after in ("方", "向", "边")):
                out.append((m.start(), m.end()))
    for m in re.finditer(
        f"[\u4e00-\u9fff]{{1,6}}(?:河|江|湖)(?:流域)?[（(]{province}段[）)]", text
    ):
        out.append((m.start(), m.end()))
    return out


def outside_groupings(text: str, province: str, city: str) -> list[Span]:
    """A grouping of named cities the county's city is not one of (粤港澳大湾区 for a county of
    河源): resources/places/geography.json, each with its source."""
    return _groupings(text, province, city, inside=False)


def inside_groupings(text: str, province: str, city: str) -> list[Span]:
    """The groupings and sub-regions the county's city is one of (粤北 for a county of 韶关):
    the county's own map, never asked, whatever other rule reads them as the parent's parts."""
    return _groupings(text, province, city, inside=True)


def _groupings(text: str, province: str, city: str, *, inside: bool) -> list[Span]:
    data = json.loads(paths.resource("places", "geography.json").read_text(encoding="utf-8"))
    out: list[Span] = []
    for grouping in data.get("member_groupings", []):
        member = bool(city) and city in grouping["cities"]
        if grouping["province"] != province or member != inside:
            continue
        out += [(m.start(), m.end()) for m in re.finditer(grouping["find"], text)]
    return out


def sub_regions(text: str) -> list[Span]:
    """The parent's parts: a sentence dividing it (在中部和西部地区布局…东部地区以分布式为主) or
    naming a part's own towns (东部片区, 西部各县). One direction alone ("引进东部地区…企业")
    is as often China's east as the parent's, and is not asked."""
    found = [m for m in geography_rules().sub_regions.finditer(text)]
    parted = {
        sentence_start(text, m.start())
        for m in found
        if re.search(r"[、和及与]|片区|各[市县]", m.group())
    }
    by_sentence: dict[int, int] = {}
    for m in found:
        key = sentence_start(text, m.start())
        by_sentence[key] = by_sentence.get(key, 0) + 1
    return [
        (m.start(), m.end())
        for m in found
        if by_sentence[sentence_start(text, m.start())] > 1
        or sentence_start(text, m.start()) in parted
    ]


def geography_questions(
    text: str, context: PassContext, taken: list[Span] | None = None
) -> list[Question]:
    """One question per sentence for the parent's features, one for its sub-regions."""
    if context.level not in ("region", "province", "city"):
        return []
    rules = geography_rules()
    province = context.county.region_short
    found = {
        "feature": features(text, province)
        + own_parts(text, province)
        + named_parts(text, province),
        "sub_region": sub_regions(text),
    }
    own = inside_groupings(text, province, context.county.city)
    # a grouping of named cities the county is outside is asked whole, not yielding to a
    # place inside it (横琴…、前海…和广州南沙…: one question, not 广州 alone)
    outside = outside_groupings(text, province, context.county.city)
    out: list[Question] = []
    for kind, spans in found.items():
        spans = [s for s in spans if not any(s[0] < e and b < s[1] for b, e in own)]
        spans = free([s for s in spans if not in_book_title(text, s[0])], taken or [])
        if kind == "feature":
            spans += [s for s in outside if not in_book_title(text, s[0])]
        for start, end, single in per_sentence(text, spans):
            keep = Suggestion(label="保留")
            suggestions = (Suggestion(label="删去", replacement=""), keep) if single else (keep,)
            out.append(Question(start, end, "place", rules.messages[kind], suggestions, named=True))
    return sorted(out, key=lambda q: q.start)


@lru_cache(maxsize=1)
def _named_parts_rules() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = json.loads(paths.resource("places", "geography.json").read_text(encoding="utf-8"))
    parts = data["named_parts"]
    return re.compile(parts["ring"]), re.compile(parts["context"]), parts["head_max"]


def named_parts(text: str, province: str) -> list[Span]:
    """The parent's sub-regions named without a suffix: a ring round a lake or sea (环太湖), a
    name before 等重点地区 (支持里下河等重点地区…) — unless many provinces' documents use it."""
    ring, context, head_max = _named_parts_rules()
    out = [(m.start(), m.end()) for m in ring.finditer(text) if not is_common(m.group(), province)]
    stops = place_rules().stops
    for m in context.finditer(text):
        start = m.start()
        while start > 0 and m.start() - start < head_max and is_han(text[start - 1]):
            start -= 1
        head = text[start : m.start()]
        start += max((head.rfind(s) + len(s) for s in stops if s in head), default=0)
        name = text[start : m.start()]
        if len(name) >= 3 and not is_common(name, province):
            out.append((start, m.start()))
    return out
