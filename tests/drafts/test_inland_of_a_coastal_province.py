"""An inland county of a coastal province (issue 25, 沭阳县 of 宿迁 from 江苏's 实施意见, a second
reading): its province's coast (沿海地区), nuclear plants (有序发展核电, 核能供热), the sea in a
list of ecosystems (森林、湿地、海洋、土壤), river–sea transport (江海河联运), oil and gas fields and
pumped storage printed as its own. Asked by the county's coastal facts (resources/places/
coast.json) or, where the data cannot tell (a field, a site), as a question to the county.
Sentences are a few lines of published pages (江苏 56, 上海 578, 山东 199, 吉林 243).
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

SHUYANG = CountyContext("沭阳县", "宿迁市", "江苏省")  # 宿迁: no coast
GUANYUN = CountyContext("灌云县", "连云港市", "江苏省")  # a coastal city's county
TONGSHAN = CountyContext("通山县", "咸宁市", "湖北省")  # an inland province
SONGJIANG = CountyContext("松江区", "", "上海市")  # an inland district of 上海
CHONGMING = CountyContext("崇明区", "", "上海市")


def _quotes(sentence: str, county: CountyContext, level: str = "province") -> list[str]:
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return [q.quote for q in adapted.questions if q.kind == "place"]


COAST_OF_THE_PROVINCE = [
    "在确保安全的前提下有序发展核电，稳妥推进绿色核能供热。",
    "支持沿海地区打造可再生能源发展示范。",
    "积极有序开发利用核能，实施天然气供应能力提升行动。",
]


@pytest.mark.parametrize("sentence", COAST_OF_THE_PROVINCE)
def test_the_coast_of_a_coastal_province_is_asked_of_its_inland_county(sentence):
    assert _quotes(sentence, SHUYANG)
    assert _quotes(sentence, GUANYUN) == []  # may be on the coast: not decided, not asked


def test_nuclear_power_in_an_inland_provinces_plan_is_not_asked():
    """The proposed inland sites are in inland provinces (湖北 咸宁 among them)."""
    assert _quotes("在确保安全的前提下有序发展核电。", TONGSHAN) == []
    assert _quotes("在确保安全的前提下有序发展核电。", SHUYANG) == [
        "在确保安全的前提下有序发展核电"
    ]


def test_the_sea_as_one_item_of_a_list_is_asked_of_an_inland_county_on_the_item():
    sentence = "稳定现有森林、湿地、海洋、土壤等固碳作用。开展森林、海洋、湿地等碳汇本底调查。"
    assert _quotes(sentence, SONGJIANG) == ["海洋、", "海洋、"]
    assert _quotes(sentence, CHONGMING) == []
    assert _quotes("发展航空航天、海洋装备等战略性新兴产业。", SONGJIANG) == []


def test_river_sea_transport_oil_fields_and_pumped_storage_are_asked_of_the_county():
    assert _quotes("加快发展江海河联运。", SHUYANG) == ["加快发展江海河联运"]
    assert _quotes("加快油气等资源先进开采技术开发应用。", SHUYANG) == [
        "加快油气等资源先进开采技术开发应用"
    ]
    # one item of a list: 删去 takes the item, 新型储能 stays
    assert _quotes("加快推动抽水蓄能和新型储能规模化应用。", SHUYANG) == ["抽水蓄能和"]
    # oil extraction named as an industry among others: not the parent's fields
    industry = "积极开展电力、煤炭、石油开采等多个行业二氧化碳捕集、利用和封存试验示范。"
    assert _quotes(industry, SHUYANG) == []
