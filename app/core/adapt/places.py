"""The places pass: other places, parks, fields, plants and programmes are not the county's.

A parent plan names its own territory: "吴忠市、固原市", "银川经济技术开发区",
"加快青石峁、定北两个千亿级气田开发", "中卫国家一体化算力网络枢纽节点", “九横十九纵”.
Taken up for 永宁县 they would read as the county's own. Each is an open
question ("本县以外的地名或项目") with the suggestions 删去 / 改为本县表述 (where a
county wording can be made) / 保留; the county keeps a name only where it
really takes part. What is not asked: the county's own name, and its city and
province where the text speaks of them ("确保完成银川市下达任务"), and document
titles in 《》.

Division names come from the gazetteer (app/core/text/places.py); the shapes of
named things and programmes are data (resources/places/patterns.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.adapt.common_words import county_campaign, is_common
from app.core.adapt.exchanges import exchange_serving
from app.core.adapt.level_words import in_book_title
from app.core.adapt.powers import clause_around
from app.core.adapt.whole_words import cuts_a_word
from app.core.draft.adaptation import Suggestion
from app.core.text.places import CountyPlace, Gazetteer, PlaceName, Relation, gazetteer, is_han

_KEPT = frozenset({Relation.OWN, Relation.CITY, Relation.PROVINCE})


@dataclass(frozen=True)
class NamedRule:
    kind: str
    suffix: re.Pattern[str]
    needs_division: bool


@dataclass(frozen=True)
class PlaceRules:
    named: tuple[NamedRule, ...]
    stops: tuple[str, ...]
    generic: re.Pattern[str]
    generic_word: re.Pattern[str]
    tail: re.Pattern[str]
    item_max: int
    run_max: int
    name_max: int
    programmes: tuple[re.Pattern[str], ...]
    national: frozenset[str]
    messages: dict[str, str]
    wording: dict[str, str | None]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def place_rules() -> PlaceRules:
    data = json.loads(paths.resource("places", "patterns.json").read_text(encoding="utf-8"))
    generic = _alternatives(data["generic"])
    enumeration = data["enumeration"]
    return PlaceRules(
        named=tuple(
            NamedRule(
                rule["kind"],
                re.compile(
                    "".join(f"(?<!{re.escape(w)})" for w in rule.get("not_preceded_by", []))
                    + f"(?:{_alternatives(rule['suffixes'])})"
                    + (
                        f"(?!{_alternatives(rule['not_followed_by'])})"
                        if rule.get("not_followed_by")
                        else ""
                    )
                ),
                bool(rule.get("needs_division", False)),
            )
            for rule in data["named"]
        ),
        stops=tuple(sorted(data["name_stops"], key=len, reverse=True)),
        generic=re.compile(f"(?:{generic})+"),
        generic_word=re.compile(generic),
        tail=re.compile(f"{enumeration['tail']}(?:{generic})*$"),
        item_max=enumeration["item_max"],
        run_max=enumeration["run_max"],
        name_max=enumeration["name_max"],
        programmes=tuple(re.compile(p) for p in data["programmes"]["patterns"]),
        national=frozenset(data["programmes"]["national"]),
        messages=data["messages"],
        wording=data["county_wording"],
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: str
    wording: str = ""
    """The key of its county wording in patterns.json (the kind's own when empty)."""


def place_questions(text: str, context: PassContext) -> list[Question]:
    """One question for each clause and kind of place, named site or programme that is not
    the county's (three cities in one clause are one thing for the county to decide; a
    sentence's clauses stay apart, so a comment never spans half a paragraph)."""
    rules = place_rules()
    gaz = gazetteer()
    here = gaz.locate(context.county)
    province = context.county.region_short
    found = [
        f
        for f in _named(text, rules, gaz, here) + _programmes(text, rules)
        if not _common_kind(text[f.start : f.end], f, gaz, province)
        and not (f.kind == "programme" and county_campaign(text, (f.start, f.end), province))
        and not (f.start and text[f.start - 1].isdigit())  # 110千伏变电站: a rating, no name
    ]
    found += _divisions(text, gaz, here, found, city_acts=context.level in ("region", "province"))
    kept = [
        item
        for item in sorted(found, key=lambda f: f.start)
        # 江河源头 holds 河源, 左右江 右江: a name inside another word is no place
        if not (in_book_title(text, item.start) or cuts_a_word(text, item.start, item.end))
        and not (item.kind == "division" and (_learnt_from(text, item) or _in_a_quote(text, item)))
        and not exchange_serving(text, item.start, context.county)
    ]
    groups: dict[tuple[int, str], list[_Found]] = {}
    for item in kept:
        groups.setdefault((clause_around(text, item.start)[0], item.kind), []).append(item)
    out: list[Question] = []
    for (_sentence, kind), items in groups.items():
        start, end = items[0].start, items[-1].end
        suggestions = (
            _suggestions(rules, items[0], context)
            if len(items) == 1
            else _several(text, items, start, end)
        )
        out.append(Question(start, end, "place", rules.messages[kind], suggestions, named=True))
    return sorted(out, key=lambda q: q.start)


def _several(text: str, items: list[_Found], start: int, end: int) -> tuple[Suggestion, ...]:
    """One question for several places of a kind in a clause: 删去 takes each of them (with
    the 、 joining it to the next), not the words between them."""
    words = text[start:end]
    for item in reversed(items):
        a, b = item.start - start, item.end - start
        if words[b : b + 1] in ("、", "和", "及"):
            b += 1
        elif a and words[a - 1] in "、和及":
            a -= 1
        words = words[:a] + words[b:]
    return (Suggestion(label="删去这些名称", replacement=words), Suggestion(label="保留"))


def _common_kind(words: str, item: _Found, gaz: Gazetteer, province: str) -> bool:
    """A kind of thing in common words, not a named one: 燃煤自备电厂, 科研基地, 仓储物流园,
    110千伏变电站, “两高一低”. Its last words with two characters or more before the suffix
    are common policy language (app/core/adapt/names.py: used by other provinces' plans, or
    made of pairs of characters many provinces use); a name beginning with a division is
    never common (银川经济技术开发区)."""
    places = gaz.find(words)
    if places and places[0].start == 0:
        return False
    if item.kind == "programme":
        return is_common(words.strip("“”"), province)
    suffix = next(
        (
            m
            for rule in place_rules().named
            if (m := rule.suffix.search(words)) and m.end() == len(words)
        ),
        None,
    )
    last = suffix.start() if suffix else len(words)
    head = words[:last].strip("“”")
    return (len(head) >= 2 and is_common(head, province)) or any(
        is_common(words[k:], province) for k in range(0, max(0, last - 1))
    )


def _suggestions(rules: PlaceRules, item: _Found, context: PassContext) -> tuple[Suggestion, ...]:
    wording = rules.wording.get(item.wording or item.kind)
    own = (
        (Suggestion(label="改为本县表述", replacement=context.county.fill(wording)),)
        if wording
        else ()
    )
    return (Suggestion(label="删去", replacement=""), *own, Suggestion(label="保留"))


_SPOKEN_TO = re.compile(r"^(?:人民政府)?(?:下达|要求|部署|统一|安排)")
_SPOKEN_BY = ("按照", "配合", "落实", "服从", "报", "向", "由", "经")


_LEARNT = re.compile(r"(?:学习借鉴|借鉴|学习|对标|参照|复制推广)[^，。；、]{0,4}$")


def _learnt_from(text: str, item: _Found) -> bool:
    """学习借鉴天水…试点经验: a county may learn from any place; the place is no task of its."""
    return _LEARNT.search(text, max(0, item.start - 10), item.start) is not None


def _in_a_quote(text: str, item: _Found) -> bool:
    """A place inside a quoted name (“红古田”): the name is the brand, the names pass's to ask."""
    opened = text.rfind("“", 0, item.start)
    closed = text.find("”", item.end)
    return (
        opened >= 0
        and closed >= 0
        and "”" not in text[opened : item.start]
        and closed - opened <= 17
        and (opened + 1 < item.start or item.end < closed)
    )


def _city_acting(text: str, place: PlaceName) -> bool:
    """The county's own city as one of a region's actors ("银川市全面建成…"), not as the
    government the county answers to ("确保完成银川市下达任务", "按照银川市要求")."""
    before = text[max(0, place.start - 2) : place.start]
    return not _SPOKEN_TO.match(text[place.end :]) and not before.endswith(_SPOKEN_BY)


def _divisions(
    text: str, gaz: Gazetteer, here: CountyPlace, named: list[_Found], *, city_acts: bool = False
) -> list[_Found]:
    """Names of other divisions; a run of them is one question (吴忠市、固原市; 甘肃兰州).

    In a region's or province's plan the county's own city is one of the parent's
    sub-levels: where it is told to do something, that is the city's task, asked about too.
    """
    asked: list[PlaceName] = [
        place
        for place in gaz.find(text, near=here)
        if (
            here.relation_of(place) not in _KEPT
            or (
                city_acts and here.relation_of(place) is Relation.CITY and _city_acting(text, place)
            )
        )
        and not any(n.start < place.end and place.start < n.end for n in named)
        and not _county_own(text[place.start :], _at_start(place), here)
    ]
    runs: list[list[PlaceName]] = []
    for place in asked:
        if runs and text[runs[-1][-1].end : place.start] in ("", "、"):
            runs[-1].append(place)
        else:
            runs.append([place])
    return [
        _Found(run[0].start, run[-1].end, "own_city", "own_city")
        if all(here.relation_of(place) is Relation.CITY for place in run)
        else _Found(run[0].start, run[-1].end, "division", _wording_key(run))
        for run in runs
    ]


def _wording_key(run: list[PlaceName]) -> str:
    """Which county wording fits: none for other provinces, 永宁 for 吴忠, 永宁县 for 吴忠市."""
    if any(d.level == "province" for place in run for d in place.divisions):
        return "division_province"
    return "division_short" if len(run) == 1 and run[0].short else "division"


def _programmes(text: str, rules: PlaceRules) -> list[_Found]:
    out: list[_Found] = []
    for pattern in rules.programmes:
        for m in pattern.finditer(text):
            if m.group().strip("“”") in rules.national:
                continue
            if not any(f.start < m.end() and m.start() < f.end for f in out):
                out.append(_Found(m.start(), m.end(), "programme"))
    return out


def _named(text: str, rules: PlaceRules, gaz: Gazetteer, here: CountyPlace) -> list[_Found]:
    """Parks, fields, plants, ports, ecological sites: a proper name before a known suffix."""
    candidates: list[_Found] = []
    for rule in rules.named:
        for m in rule.suffix.finditer(text):
            start = _name_start(text, m.start(), rule, rules, gaz, here)
            if start is not None:
                candidates.append(_Found(start, m.end(), rule.kind))
    kept: list[_Found] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def _name_start(
    text: str,
    suffix_start: int,
    rule: NamedRule,
    rules: PlaceRules,
    gaz: Gazetteer,
    here: CountyPlace,
) -> int | None:
    """Where the proper name before a suffix begins, or None where there is none.

    The Han words before the suffix are cut after the last stop word (a verb,
    a conjunction) that is not inside a division's name; what is left must
    hold a non-generic word or begin with a division's name. Items listed
    before it with 、 belong to it (青石峁、定北两个千亿级气田).
    """
    run_start = suffix_start
    while (
        run_start > 0 and suffix_start - run_start < rules.run_max and is_han(text[run_start - 1])
    ):
        run_start -= 1
    run = text[run_start:suffix_start]
    tail = rules.tail.search(run)
    head_end = tail.start() if tail else len(run)
    listed = bool(tail and re.match(r"等|[两二三四五六七八九十\d]", tail.group()))
    head_start = _after_stops(run[:head_end], rules, gaz, here)
    head = run[head_start:head_end]
    names = gaz.find(head, near=here)
    begins_with_division = bool(names) and names[0].start == 0
    if begins_with_division and not listed and _county_own(head, names[0], here):
        return None  # the county's own park or site (石家庄正定空港 for 正定县)
    if rule.needs_division and not begins_with_division:
        return None
    if not (begins_with_division or (_proper(head, rules) and len(head) <= rules.name_max)):
        return None  # generic words, or a description rather than a name
    if listed and not _listed_item(head, rules, gaz, here):
        return None  # "网源协调发电等智慧电厂": an example of a kind, not a named site
    start = run_start + head_start
    while start > 0 and text[start - 1] == "、":
        item_end = start - 1
        item_start = item_end
        while (
            item_start > 0
            and item_end - item_start < rules.run_max
            and is_han(text[item_start - 1])
        ):
            item_start -= 1
        cut = _after_stops(text[item_start:item_end], rules, gaz, here)
        item = text[item_start + cut : item_end]
        if len(item) > rules.item_max or not _listed_item(item, rules, gaz, here):
            break
        first = gaz.find(item, near=here)
        if first and first[0].start == 0 and _county_own(item, first[0], here):
            break  # 涉县经济开发区、邱县经济开发区 for 涉县: its own park is not asked
        start = item_start + cut
    return _bracketed_prefix(text, start, gaz)


def _bracketed_prefix(text: str, start: int, gaz: Gazetteer) -> int:
    """A name's start moved back over the place it is named by with its city in brackets:
    福建（龙岩）稀土工业园区, 中国（广西）自由贸易试验区 — a comment on 稀土工业园区 alone would
    be on half the name."""
    m = re.search(r"([\u4e00-\u9fff]{2,8})（([\u4e00-\u9fff]{2,6})）$", text[:start])
    if not m or not gaz.find(m.group(2)):
        return start
    before = m.group(1)
    if before.endswith("中国"):
        return m.start(1) + len(before) - 2
    ending = [p for p in gaz.find(before) if p.end == len(before)]
    return m.start(1) + ending[-1].start if ending else start


def _at_start(place: PlaceName) -> PlaceName:
    """The place as if its text began where it does."""
    return PlaceName(0, place.end - place.start, place.text, place.divisions, place.short)


def _county_own(head: str, first: PlaceName, here: CountyPlace) -> bool:
    """A name of the county's own (正定…), or of its city followed by the county's own
    name (石家庄正定空港 for 正定县)."""
    relation = here.relation_of(first)
    if relation is Relation.OWN:
        return True
    county = here.county
    rest = head[first.end :]
    own_names = {county.county, county.distinct_short}
    return relation is Relation.CITY and any(rest.startswith(n) for n in own_names if n)


def _listed_item(item: str, rules: PlaceRules, gaz: Gazetteer, here: CountyPlace) -> bool:
    """A name in a 、 list before a named site: a division, or a proper name not ending in a
    generic word (牛首山, 定北; not 网源协调发电, 虚拟)."""
    names = gaz.find(item, near=here)
    if names and names[0].start == 0:
        return True
    return _proper(item, rules) and not any(
        rules.generic.fullmatch(item[k:]) for k in range(1, len(item))
    )


def _after_stops(words: str, rules: PlaceRules, gaz: Gazetteer, here: CountyPlace) -> int:
    """Offset just after the last stop word that is not part of a longer word: a division's
    name or a generic word (the 和 of 碳中和)."""
    words_in = [(p.start, p.end) for p in gaz.find(words, near=here)]
    words_in += [(m.start(), m.end()) for m in rules.generic_word.finditer(words)]
    cut = 0
    for stop in rules.stops:
        at = words.rfind(stop)
        while at >= 0:
            end = at + len(stop)
            if not any(s <= at and end <= e and e - s > len(stop) for s, e in words_in):
                cut = max(cut, end)
                break
            at = words.rfind(stop, 0, at)
    return cut


def _proper(name: str, rules: PlaceRules) -> bool:
    """A name of two characters or more that is not made only of generic words."""
    return len(name) >= 2 and not rules.generic.fullmatch(name)
