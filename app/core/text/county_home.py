"""Where a county is: its city and province from the gazetteer, and how a parent plan
stands to it.

The new-draft wizard asks for the county only; its city and province follow
from resources/places/divisions.json (several when the name is shared: 鼓楼区
is in 南京, 徐州, 福州 and 开封). A district of a 直辖市 (崇明区) has no city
between it and its province-level city. Parent plans are placed by the first
province or city their issuer and title name, so the county's own province's
and city's plans can be listed first and a parent of another province noticed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from app.core.text.places import Division, Gazetteer, gazetteer


@dataclass(frozen=True)
class CountyHome:
    """A county as the gazetteer places it: its full name, its city (or "") and province."""

    county: str
    city: str
    province: str
    code: str = ""

    @property
    def label(self) -> str:
        """广西壮族自治区桂林市阳朔县: how a user tells two 鼓楼区 apart."""
        return f"{self.province}{self.city}{self.county}"


def county_homes(name: str, places: Gazetteer | None = None) -> tuple[CountyHome, ...]:
    """Every county the name may be, full names first (阳朔县), else short ones (阳朔)."""
    name = name.strip()
    if not name:
        return ()
    g = places or gazetteer()
    found = [d for d in g.named(name) if d.level == "county"]
    full = [d for d in found if d.name == name]
    homes = [_home(d, g) for d in (full or found)]
    return tuple(sorted({h.code: h for h in homes}.values(), key=lambda h: h.code))


def _home(division: Division, g: Gazetteer) -> CountyHome:
    parent = g.division(division.parent)
    province = g.division(division.code[:2])
    city = parent.name if parent is not None and parent.level == "city" else ""
    return CountyHome(division.name, city, province.name if province else "", division.code)


def plan_place(issuer: str, title: str, places: Gazetteer | None = None) -> Division | None:
    """The province or city a plan is of: the first one its issuer, else its title, names."""
    g = places or gazetteer()
    for text in (issuer, title):
        for name in g.find(text):
            levels = [d for d in name.divisions if d.level in ("province", "city")]
            if len(levels) == 1:
                return levels[0]
    return None


def nearness(place: Division | None, home: CountyHome | None) -> int:
    """0: the county's city's plan; 1: its province's; 2: elsewhere or not known."""
    if place is None or home is None or not home.code:
        return 2
    city_code = home.code[:4]
    if place.level == "city" and place.code == city_code:
        return 0
    if place.code[:2] == home.code[:2]:
        return 1
    return 2


T = TypeVar("T")


def nearest_plans_first(plans: Iterable[T], place_of, home: CountyHome | None) -> list[T]:
    """The plans with the county's city's first, then its province's, otherwise as listed."""
    listed: Sequence[T] = list(plans)
    return sorted(listed, key=lambda p: nearness(place_of(p), home))


def other_province_note(place: Division | None, home: CountyHome | None) -> str:
    """A word when the chosen parent is of another province than the county's, else ""."""
    if place is None or home is None or not home.code or place.code[:2] == home.code[:2]:
        return ""
    g = gazetteer()
    province = g.division(place.code[:2])
    theirs = province.name if province else place.name
    return f"所选上级方案属于{theirs}，不是{home.county}所在的{home.province}：请确认。"
