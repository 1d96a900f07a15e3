"""Sea and coast for an inland county (issue 25, item 2).

A draft for an inland county of 广西 (百色) printed "加快沿海核电建设", "健全红树林保护制度" and
"海洋蓝碳" as its own. Whether a county can have a coast is data with its source
(resources/places/coast.json); where the data cannot tell, nothing is asked.
"""

from __future__ import annotations

import json

import pytest

from app import paths
from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext
from app.core.text.places import gazetteer

TIANDONG = CountyContext("田东县", "百色市", "广西壮族自治区")  # inland county, coastal province
FENGXIANG = CountyContext("凤翔县", "宝鸡市", "陕西省")  # inland province
DALAT = CountyContext("达拉特旗", "鄂尔多斯市", "内蒙古自治区")
HEPU = CountyContext("合浦县", "北海市", "广西壮族自治区")  # on the sea

SEA = [
    ("region", TIANDONG, "加快沿海核电建设，积极发展海上风电。", "沿海核电"),
    ("region", TIANDONG, "健全红树林保护制度，提升海洋蓝碳能力。", "红树林"),
    ("province", FENGXIANG, "推进海岛生态修复，加强近岸海域污染防治。", "海岛"),
    ("region", DALAT, "推动海水淡化规模化利用。", "海水淡化"),
]


@pytest.mark.parametrize(("level", "county", "sentence", "word"), SEA, ids=[s[3] for s in SEA])
def test_the_sea_is_asked_about_for_an_inland_county(level, county, sentence, word):
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    asked = [q for q in adapted.questions if word in q.quote]
    assert len(asked) == 1, [q.quote for q in adapted.questions]
    assert asked[0].kind == "place"
    assert any(s.replacement == "" for s in asked[0].suggestions)


def test_one_question_per_sentence():
    text = "健全红树林保护制度，提升海洋蓝碳能力。"
    adapted = adapt_text(text, level="region", county=TIANDONG, catalogue=Catalogue())
    assert [q.quote for q in adapted.questions] == ["健全红树林保护制度，提升海洋蓝碳能力"]


def test_a_coastal_county_keeps_its_sea_and_a_river_port_is_no_sea():
    sea = "健全红树林保护制度，积极发展海上风电。"
    assert adapt_text(sea, level="region", county=HEPU, catalogue=Catalogue()).questions == ()
    port = "完善港口集疏运体系，承接沿海产业转移。"
    asked = adapt_text(port, level="region", county=TIANDONG, catalogue=Catalogue()).questions
    # a river port is asked as a port (本县有无港口？), never as the sea
    assert [q.message[:2] for q in asked] == ["港口"]


def test_the_coast_resource_names_its_source_and_real_cities():
    data = json.loads(paths.resource("places", "coast.json").read_text(encoding="utf-8"))
    assert "海洋" in data["source"]
    gaz = gazetteer()
    for cities in data["coastal_provinces"].values():
        for city in cities:
            assert gaz.named(city + "市"), city


def test_a_sea_item_of_a_list_is_asked_alone():
    """ "提升地热能、海洋能、氢能等新型能源开发利用能力": 删去 takes 海洋能, not the clause."""
    text = "提升地热能、海洋能、氢能等新型能源开发利用能力。"
    adapted = adapt_text(text, level="region", county=TIANDONG, catalogue=Catalogue())
    assert [q.quote for q in adapted.questions] == ["海洋能、"]


def test_the_sea_beside_a_target_is_asked_and_the_figure_left_to_the_table():
    """天津's "12条入海河流消劣成果巩固提升" for 蓟州区 (inland): "12条" is the table's to decide,
    the sea-bound rivers an inland district has not are asked about."""
    from app.core.adapt.targets import TargetBook

    jizhou = CountyContext("蓟州区", "", "天津市")
    text = "到2025年，全域黑臭水体基本消除，12条入海河流消劣成果巩固提升。"
    adapted = adapt_text(
        text, level="city", county=jizhou, catalogue=Catalogue(), book=TargetBook([], 1)
    )
    assert "⟦" in adapted.text  # the figure became the table's
    sea = [q for q in adapted.questions if q.kind == "place"]
    assert [q.quote for q in sea] == ["入海河流消劣成果巩固提升"]
