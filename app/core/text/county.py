"""The county a draft is for, and the words that follow from its name.

平罗县 gives the level word 县 (全县, 县直各有关部门), the short name 平罗
(市生态环境局平罗分局), and with its city and region the way it writes "the task
given from above" (确保完成自治区、石嘴山市下达任务). Catalogue names and
adaptation rules use these as {placeholders}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEVEL_WORDS = ("县", "区", "旗", "市")
_REGION_SUFFIX = re.compile(r"(?:回族|维吾尔|壮族|藏族)?自治区$|省$|市$")


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
    def short(self) -> str:
        """平罗 for 平罗县 (a one-character name keeps its level word: 泾县)."""
        if len(self.county) > 2 and self.county[-1] in _LEVEL_WORDS:
            return self.county[:-1]
        return self.county

    @property
    def shares_city_name(self) -> bool:
        """南昌县 of 南昌市, 长沙县 of 长沙市: the short name is the city's too."""
        return bool(self.city) and self.short == self.city_short

    @property
    def distinct_short(self) -> str:
        """The short name where it names the county alone: 平罗, but 南昌县 (南昌 is the city)."""
        return self.county if self.shares_city_name else self.short

    @property
    def city_word(self) -> str:
        """How a county unit names its city's body: 市生态环境局平罗分局, but
        南昌市生态环境局南昌县分局 (市…南昌 would read as the city's own)."""
        return self.city if self.shares_city_name else "市"

    @property
    def city_short(self) -> str:
        return self.city[:-1] if len(self.city) > 2 and self.city.endswith("市") else self.city

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

    @property
    def uppers(self) -> str:
        """The governments above the county, as in 确保完成自治区、石嘴山市下达任务; a district
        of a 直辖市 has one: 确保完成市下达任务."""
        if self.city and self.city == self.region:
            return "市"
        return "、".join(p for p in (self.region_word, self.city) if p)

    def placeholders(self) -> dict[str, str]:
        return {
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
        """Replace {county}, {short}, … in a catalogue name or rule."""
        values = self.placeholders()
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)
