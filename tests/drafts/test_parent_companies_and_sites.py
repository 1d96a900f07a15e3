"""The parent's companies, mines, plants and parks named with no 集团/公司 marker are the
parent's, not the county's (issue 25, residues of the labelled county set): 龙净环保,
紫金山金铜矿, 张贵庄、津沽等一批污水处理厂, 姚家港化工园. Sentences are a few lines of published
pages (the parents of tests/cases/counties/).
"""

from __future__ import annotations

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

CHANGTING = CountyContext("长汀县", "龙岩市", "福建省")
JIZHOU = CountyContext("蓟州区", "", "天津市")
TONGSHAN = CountyContext("通山县", "咸宁市", "湖北省")


def _asked(sentence: str, county: CountyContext, level: str) -> list[str]:
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return [q.quote for q in adapted.questions if q.kind == "place"]


def test_a_company_named_by_two_characters_and_its_trade_is_asked():
    sentence = "加强龙净环保大气污染治理设备的研制与工程总包；做大做强龙马环卫装备制造。"
    assert _asked(sentence, CHANGTING, "city") == ["龙净环保", "龙马环卫"]


def test_the_parents_mines_plants_parks_and_centres_are_asked():
    asked = _asked("实施紫金山金铜矿、废弃煤矿绿色修复工程。", CHANGTING, "city")
    assert asked == ["紫金山金铜矿"]
    asked = _asked("新扩建张贵庄、津沽等一批污水处理厂。", JIZHOU, "city")
    assert asked == ["张贵庄、津沽等一批污水处理厂"]
    asked = _asked("推广姚家港化工园等国家级环境污染第三方治理园区经验。", TONGSHAN, "province")
    assert asked == ["姚家港化工园"]
    asked = _asked("推进龙岩市固体废弃物综合处理中心建设。", CHANGTING, "city")
    assert asked == ["龙岩市固体废弃物综合处理中心"]


def test_kinds_of_things_in_common_words_are_not_asked():
    for sentence in [
        "推进节能环保产业发展，加强城乡环卫设施建设。",
        "公共机构优先采购秸秆环保板材，重点排污单位设置专职环保人员。",
        "建设城镇污水处理厂，推进乡镇污水处理厂提标改造。",
    ]:
        assert _asked(sentence, CHANGTING, "city") == [], sentence
