"""China's administrative divisions (resources/places/divisions.json), loaded once: their
names found in a text, and a county placed among them.

A parent plan names other cities and counties ("银川市、吴忠市、固原市…", "赣州"),
which a county plan must not carry over as its own, while the county's own
name, its city and its province are its to keep. The gazetteer says which
division a name is and how it stands to the county (own, city, province,
sibling, same province, elsewhere). Which names count in running text is data
(the "divisions" part of resources/places/patterns.json):

- full names (吴忠市, 婺源县) always, longest first (宁夏回族自治区, not 宁夏);
  a two-character one (泾县, 和县) where a word starts, or inside a phrase
  (推动藤县…) in the county's own province, so that "市和县" is no 和县; names that are ordinary words (城区, 矿区, 新城区) never;
- short names of provinces and cities (宁夏, 赣州, 景德镇) where they are not
  part of a longer word: not inside a longer name, not followed by a word that
  makes another name of them (贺兰山 is no 贺兰县), not when they are ordinary
  words (长治, 日照, 朝阳);
- short names of counties (灵武, 盐池) only for the county's own province: a
  plan names its own counties that way, and 3,000 two-character county names
  of elsewhere would match ordinary words (新兴, 通道, 平安).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any, Literal

from app import paths
from app.core.text.county import CountyContext

Level = Literal["province", "city", "county"]


_LEVEL_CHARS = "省市区州县乡镇"
_JOINING_CHARS = "和与及或并在对向为"
"""A two-character county name inside running text (推动藤县) counts in the county's own
province, unless it may be a level word's tail (市、县 → 市县) or a joining word (市和县)."""


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: Level
    parent: str
    short: str = ""


class Relation(StrEnum):
    """How a division stands to the county a draft is for."""

    OWN = "own"
    CITY = "city"
    PROVINCE = "province"
    SIBLING = "sibling"  # another county of the same city
    KIN = "kin"  # elsewhere in the same province
    OTHER = "other"


@dataclass(frozen=True)
class PlaceName:
    """A division's name as it stands in a text: where, which division(s) it may be."""

    start: int
    end: int
    text: str
    divisions: tuple[Division, ...]
    short: bool = False


@dataclass(frozen=True)
class CountyPlace:
    """Where a county sits among the divisions: its own, its city, province and siblings."""

    county: CountyContext
    own: Division | None = None
    city: Division | None = None
    province: Division | None = None
    siblings: tuple[Division, ...] = ()

    def relation(self, division: Division) -> Relation:
        codes = {
            Relation.OWN: self.own,
            Relation.CITY: self.city,
            Relation.PROVINCE: self.province,
        }
        for relation, known in codes.items():
            if known is not None and known.code == division.code:
                return relation
        if any(s.code == division.code for s in self.siblings):
            return Relation.SIBLING
        if self.province is not None and division.code.startswith(self.province.code):
            return Relation.KIN
        return Relation.OTHER

    def relation_of(self, place: PlaceName) -> Relation:
        """The nearest relation any reading of the name has (a name may be several divisions).

        Names are also compared with the county as the draft spells it, so a
        county the gazetteer does not know still keeps its own name.
        """
        c = self.county
        by_name = {
            Relation.OWN: (c.county, c.short),
            Relation.CITY: (c.city, c.city_short),
            Relation.PROVINCE: (c.region, c.region_short),
        }
        for relation, names in by_name.items():
            if place.text in {n for n in names if n}:
                return relation
        order = list(Relation)
        return min(
            (self.relation(d) for d in place.divisions), key=order.index, default=Relation.OTHER
        )


@dataclass(frozen=True)
class MatchRules:
    """Which names count in running text (the "divisions" part of patterns.json)."""

    not_names: frozenset[str] = frozenset()
    short_not_names: frozenset[str] = frozenset()
    short_not_before: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    """Words that hold a short name but are no division (平衡水 is no 衡水)."""


@dataclass
class Gazetteer:
    """Every division by code and by name, and a finder for their names in a text."""

    divisions: tuple[Division, ...]
    rules: MatchRules = field(default_factory=MatchRules)

    def __post_init__(self) -> None:
        self._by_code = {d.code: d for d in self.divisions}
        self._full: dict[str, list[Division]] = {}
        self._short: dict[str, list[Division]] = {}
        self._children: dict[str, list[Division]] = {}
        for d in self.divisions:
            self._full.setdefault(d.name, []).append(d)
            if d.short:
                self._short.setdefault(d.short, []).append(d)
            self._children.setdefault(d.parent, []).append(d)
        self._prefixes = {
            name[:k] for name in (*self._full, *self._short) for k in range(1, len(name) + 1)
        }
        self._places: dict[CountyContext, CountyPlace] = {}

    def division(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def named(self, name: str) -> tuple[Division, ...]:
        """The divisions with this full or short name."""
        return tuple(self._full.get(name, ())) + tuple(self._short.get(name, ()))

    def children(self, code: str) -> tuple[Division, ...]:
        return tuple(self._children.get(code, ()))

    def locate(self, county: CountyContext) -> CountyPlace:
        """The county's own division, its city, province and siblings (remembered per county)."""
        if county not in self._places:
            self._places[county] = self._locate(county)
        return self._places[county]

    def _locate(self, county: CountyContext) -> CountyPlace:
        province = self._one(county.region, "province", lambda d: True)
        city = self._one(
            county.city, "city", lambda d: province is None or d.parent == province.code
        )
        within = city or province
        own = self._one(
            county.county, "county", lambda d: within is None or d.code.startswith(within.code)
        )
        if own is not None:
            parent = self._by_code.get(own.parent)
            if parent is not None and parent.level == "city":
                city = parent
            province = self._by_code.get(own.code[:2], province)
        siblings = ()
        if own is not None:
            siblings = tuple(
                d for d in self.children(own.parent) if d.level == "county" and d.code != own.code
            )
        return CountyPlace(county, own, city, province, siblings)

    def _one(self, name: str, level: Level, fits) -> Division | None:
        found = [d for d in self.named(name) if d.level == level and fits(d)] if name else []
        unique = {d.code: d for d in found}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def find(self, text: str, *, near: CountyPlace | None = None) -> list[PlaceName]:
        """Every division name in the text, leftmost and longest first, none overlapping.

        near: the county the text is read for; county short names are looked
        for in its province only.
        """
        province = near.province.code if near is not None and near.province else None
        out: list[PlaceName] = []
        i, last_end, n = 0, -1, len(text)
        while i < n:
            blocker = next((w for w in self.rules.not_places if text.startswith(w, i)), "")
            if blocker:
                i = last_end = i + len(blocker)
                continue
            best: PlaceName | None = None
            other_name = 0  # end of a longer name that is no division (贺兰山 of 贺兰)
            j = i + 1
            while j <= n and text[i:j] in self._prefixes:
                candidate = self._candidate(text, i, j, last_end, province)
                if isinstance(candidate, PlaceName):
                    best = candidate
                elif candidate:
                    other_name = max(other_name, candidate)
                j += 1
            if best is not None and best.end >= other_name:
                out.append(best)
                i = last_end = best.end
            elif other_name:
                i = last_end = other_name  # its characters start no name (贺兰山东麓 is no 山东)
            else:
                i += 1
        return out

    def _candidate(
        self, text: str, i: int, j: int, last_end: int, province: str | None
    ) -> PlaceName | int | None:
        """The name text[i:j] is, or where a longer non-division name it begins ends."""
        word = text[i:j]
        rules = self.rules
        full = self._full.get(word)
        if full and word not in rules.not_names:
            at_word_start = i == 0 or i == last_end or not is_han(text[i - 1])
            if len(word) > 2 or at_word_start:
                return PlaceName(i, j, word, tuple(full))
            nearby = tuple(d for d in full if d.code[:2] == province)
            if nearby and text[i - 1] not in _LEVEL_CHARS and word[0] not in _JOINING_CHARS:
                return PlaceName(i, j, word, nearby)  # 推动藤县…, 国能藤县桃花: a county nearby
        short = self._short.get(word)
        if not short or word in rules.short_not_names:
            return None
        after = next((a for a in rules.short_not_before if text.startswith(a, j)), None)
        if after is not None:
            return j + len(after)
        kept = tuple(d for d in short if d.level != "county" or d.code[:2] == province)
        return PlaceName(i, j, word, kept, short=True) if kept else None


def _rows(data: dict[str, Any]) -> Iterable[Division]:
    fields = data["source"]["fields"]
    for row in data["divisions"]:
        values = dict(zip(fields, row, strict=True))
        yield Division(
            values["code"], values["name"], values["level"], values["parent"], values["short"]
        )


def division_source() -> dict[str, Any]:
    """What the gazetteer was made from: dataset, its date, package, licence, how to rebuild."""
    return _division_data()["source"]


@lru_cache(maxsize=1)
def _division_data() -> dict[str, Any]:
    return json.loads(paths.resource("places", "divisions.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    patterns = json.loads(paths.resource("places", "patterns.json").read_text(encoding="utf-8"))
    words = patterns["divisions"]
    rules = MatchRules(
        frozenset(words["not_names"]),
        frozenset(words["short_not_names"]),
        tuple(words["short_not_before"]),
        tuple(words["not_places"]),
    )
    return Gazetteer(tuple(_rows(_division_data())), rules)
