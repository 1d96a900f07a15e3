"""The county a draft is for, and the words that follow from its name.

平罗县 gives the level word 县 (全县, 县直各有关部门), the short name 平罗
(市生态环境局平罗分局), and with its city and region the way it writes "the task
given from above" (确保完成自治区、石嘴山市下达任务). Catalogue names and
adaptation rules use these as {placeholders}.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths

_LEVEL_WORDS = ("县", "区", "旗", "市")
_REGION_SUFFIX = re.compile(r"(?:回族|维吾尔|壮族|藏族)?自治区$|省$|市$")
_AUTONOMOUS = re.compile(r"自治[县旗]$")
_METRO = ("北京市", "天津市", "上海市", "重庆市")
"""The province-level cities: their districts and counties have no city between."""
_CITY_WORDS = (("地区", "地区"), ("市", "市"), ("盟", "盟"), ("州", "州"))
"""How a county's bodies name their city by its level: 市, 盟, 州 (黔南州生态环境局长顺分局)."""


@lru_cache(maxsize=1)
def _autonomous_shorts() -> dict[str, set[str]]:
    """自治县/自治旗 → their short names, as the gazetteer (resources/places/divisions.json)
    derives them: 大厂回族自治县 → 大厂, 鄂温克族自治旗 → 鄂温克."""
    data = json.loads(paths.resource("places", "divisions.json").read_text(encoding="utf-8"))
    shorts: dict[str, set[str]] = {}
    for row in data["divisions"]:
        name, short = row[1], row[4] if len(row) > 4 else ""
        if short and _AUTONOMOUS.search(name):
            shorts.setdefault(name, set()).add(short)
    return shorts


@lru_cache(maxsize=1)
def _grids() -> tuple[dict, ...]:
    """The power companies by province (resources/units/grids.json, generated)."""
    data = json.loads(paths.resource("units", "grids.json").read_text(encoding="utf-8"))
    return tuple(data["grids"])


@dataclass(frozen=True)
class CountyContext:
    county: str
    city: str = ""
    region: str = ""

    @property
    def level_word(self) -> str:
        """县 for 平罗县, 区 for 金凤区, 旗 for a banner, 市 for a county-level city."""
        last = self.county[-1:] if self.county else ""
        return last if last in _LEVEL_WORDS else "县"

    @property
    def kind(self) -> str:
        """Which generic catalogue names its bodies: county (县、自治县), banner (旗),
        county_city (县级市), district (市辖区) or metro — no city between the county and
        its province: a 直辖市's 区 and 县, a 县级市 the province governs (仙桃市)."""
        if self.region in _METRO or self.city in _METRO:
            return "metro"
        if self.level_word == "市" and not self.city:
            return "metro"
        return {"旗": "banner", "市": "county_city", "区": "district"}.get(
            self.level_word, "county"
        )

    @property
    def short(self) -> str:
        """平罗 for 平罗县, 大厂 for 大厂回族自治县 (the gazetteer's short name of an autonomous
        county: its nationalities go too); a one-character name keeps its level word: 泾县."""
        known = _autonomous_shorts().get(self.county, set())
        if len(known) == 1:
            return next(iter(known))
        if len(self.county) > 2 and self.county[-1] in _LEVEL_WORDS:
            return self.county[:-1]
        return self.county

    @property
    def shares_city_name(self) -> bool:
        """南昌县 of 南昌市, 长沙县 of 长沙市: the short name is the city's too."""
        return bool(self.city) and self.short == self.city_short

    @property
    def distinct_short(self) -> str:
        """The name the county's units are named after: its short name where that names the
        county alone (平罗), its whole name where the short name is the city's (南昌县) or is
        not what the county goes by — a 旗's name minus 旗 (土默特右旗 is 土右旗, 达尔罕茂明安
        联合旗 达茂旗; 鄂温克族自治旗 鄂温克旗): the banner keeps its 旗."""
        if self.shares_city_name or self.level_word == "旗":
            return self.county
        return self.short

    @property
    def city_word(self) -> str:
        """How a county unit names its city's body: 市生态环境局平罗分局, 盟生态环境局…,
        but 南昌市生态环境局南昌县分局 (市…南昌 would read as the city's own)."""
        if self.shares_city_name:
            return self.city
        return next((w for end, w in _CITY_WORDS if self.city.endswith(end)), "市")

    @property
    def city_short(self) -> str:
        if len(self.city) > 2 and self.city[-1] in "市盟":
            return self.city[:-1]
        return self.city

    @property
    def region_short(self) -> str:
        return _REGION_SUFFIX.sub("", self.region) or self.region

    @property
    def region_word(self) -> str:
        """How the county names its region as a government: 自治区, 省."""
        if self.region.endswith("自治区"):
            return "自治区"
        if self.region.endswith("省"):
            return "省"
        return self.region_short

    @property
    def grid_region(self) -> str:
        """The province as State Grid names its company there: 江西省, 宁夏, 上海市.

        国网江西省电力有限公司 but 国网宁夏电力有限公司: a province keeps 省, an
        autonomous region goes by its short name, a province-level city keeps 市.
        """
        if self.region.endswith("省"):
            return self.region
        if self.region.endswith("市"):
            return self.region
        return self.region_short

    def _grid(self) -> dict:
        for grid in _grids():
            regions = grid.get("regions", [])
            cities = grid.get("cities", [])
            if regions and self.region_short not in regions:
                continue
            if cities and self.city not in cities:
                continue
            return grid
        return {"power": "{county}供电公司", "power_full": "{county}供电公司"}

    @property
    def power(self) -> str:
        """The county's power company as clauses name it: 国网江西省电力有限公司南昌县供电公司,
        阳朔县供电局 (南方电网), 准格尔供电分局 (蒙西) — by province, from grids.json."""
        return self.fill(self._grid()["power"])

    @property
    def power_full(self) -> str:
        return self.fill(self._grid()["power_full"])

    @property
    def uppers(self) -> str:
        """The governments above the county, as in 确保完成自治区、石嘴山市下达任务; a district
        of a 直辖市 has one: 确保完成市下达任务."""
        if self.city and self.city == self.region:
            return "市"
        return "、".join(p for p in (self.region_word, self.city) if p)

    @property
    def metro(self) -> str:
        """The province-level city a county or district is in (天津市), else nothing: its
        bodies of repeated names carry it (国家税务总局天津市蓟州区税务局), a 县级市 the
        province governs (仙桃市) does not."""
        return next((m for m in _METRO if m in (self.region, self.city)), "")

    def placeholders(self) -> dict[str, str]:
        return {
            "metro": self.metro,
            "w": self.level_word,
            "county": self.county,
            "short": self.short,
            "distinct_short": self.distinct_short,
            "city_word": self.city_word,
            "city": self.city,
            "city_short": self.city_short,
            "region": self.region,
            "region_short": self.region_short,
            "uppers": self.uppers,
            "grid_region": self.grid_region,
        }

    def fill(self, text: str) -> str:
        """Replace {county}, {short}, {power}, … in a catalogue name or rule."""
        values = self.placeholders()

        def value(m: re.Match[str]) -> str:
            key = m.group(1)
            if key in ("power", "power_full"):
                return getattr(self, key)
            return values.get(key, m.group(0))

        return re.sub(r"\{(\w+)\}", value, text)
