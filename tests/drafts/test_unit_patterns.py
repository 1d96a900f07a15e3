"""The units pass for any province: bodies mapped by their post-reform names (patterns.json)."""

from __future__ import annotations

import pytest

from app import paths
from app.core.adapt import unit_patterns
from app.core.adapt.text import adapt_text
from app.core.adapt.units import adapt_units
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, CatalogueFileError, load_catalogue
from app.core.draft.model import Catalogue, CatalogueUnit, UnitMapEntry
from app.core.text.county import CountyContext

JINTANG = CountyContext("金堂县", "成都市", "四川省")
"""四川 names its 工信 body 经济和信息化 (named.json regional): 金堂 has a 县经信局."""
GENERIC = load_catalogue(GENERIC_CATALOGUE, JINTANG)


def _one(name: str, catalogue: Catalogue = GENERIC, county: CountyContext = JINTANG):
    units, _groups, changes = adapt_units([name], [0], catalogue, county)
    return units, changes[0]


@pytest.mark.parametrize(
    ("parent", "county"),
    [
        ("省发展改革委", "县发改局"),
        ("四川省发展和改革委员会", "县发改局"),
        ("市发改委", "县发改局"),
        ("成都市发展改革委", "县发改局"),
        ("省经济和信息化厅", "县经信局"),
        ("四川省经济和信息化厅", "县经信局"),
        ("市经信局", "县经信局"),
        ("省工业和信息化厅", "县经信局"),
        ("市经济信息委", "县经信局"),
        ("省生态环境厅", "市生态环境局金堂分局"),
        ("市生态环境局", "市生态环境局金堂分局"),
        ("省自然资源厅", "县自然资源局"),
        ("市规划和自然资源局", "县自然资源局"),
        ("省住房和城乡建设厅", "县住建局"),
        ("市住建局", "县住建局"),
        ("省交通运输厅", "县交通局"),  # the catalogue's own spelling
        ("市交通运输局", "县交通局"),
        ("省农业农村厅", "县农业农村局"),
        ("省水利厅", "县水务局"),
        ("省商务厅", "县商务局"),
        ("省科技厅", "县科技局"),
        ("省财政厅", "县财政局"),
        ("省市场监管局", "县市场监管局"),
        ("市市场监督管理局", "县市场监管局"),
        ("省统计局", "县统计局"),
        ("省林业和草原局", "县林草局"),
        ("省机关事务管理局", "县机关事务服务中心"),
        ("市机关事务局", "县机关事务服务中心"),
        ("省能源局", "县发改局"),  # a county has no 能源局
        ("市文广旅局", "县文旅局"),
        ("市城管委", "县综合执法局"),
        ("市应急局", "县应急管理局"),
        ("市政府办公厅", "县政府办"),
        ("市直各有关部门", "县直各有关部门"),
        ("国网四川省电力公司", "国网四川省电力有限公司金堂县供电公司"),
        ("国网四川电力有限公司", "国网四川省电力有限公司金堂县供电公司"),
        ("四川省电力有限公司", "国网四川省电力有限公司金堂县供电公司"),
        ("国网成都供电公司", "国网四川省电力有限公司金堂县供电公司"),
        ("国家税务总局四川省税务局", "国家税务总局金堂县税务局"),
        ("市税务局", "国家税务总局金堂县税务局"),
        ("省气象局", "县气象局"),
        ("各区（市）县政府（管委会）", "各乡镇人民政府"),
        ("相关区（市）县政府（管委会）", "各乡镇人民政府"),
        ("各县（市、区）人民政府", "各乡镇人民政府"),
        ("各园区管委会", "工业园区管委会"),
        ("省委宣传部", "县委宣传部"),
        ("中共成都市委组织部", "县委组织部"),
        ("市委党校（行政学院）", "县委党校"),
        ("团市委", "团县委"),
        # no rule: the county body of the same name, where the catalogue has one
        ("省总工会", "县总工会"),
        ("市妇联", "县妇联"),
        ("省民政厅", "县民政局"),
    ],
)
def test_common_bodies_of_any_province_map_to_the_county(parent, county):
    units, change = _one(parent)
    assert units == [county]
    assert change.status == "mapped"


@pytest.mark.parametrize(
    "parent",
    [
        "成都海关",
        "中国铁路成都局集团有限公司",
        "民航西南地区管理局",
        "四川证监局",
        "四川银保监局",
        "四川大学",
        # no county 支行 since the 2023 reform: asked, never made up
        "人民银行成都分行营业管理部",
        "人民银行成都中心支行",
        "人行武汉分行",
        "省邮政管理局",  # the postal regulator (省、市 only), not China Post's county company
        "省机场集团",
        "市网络理政办",  # no rule, and no 县网络理政办 in the catalogue
        "市委统战部",  # the same name at county level, but not in this catalogue
        "南充市发改委",  # another city's bureau is not the county's
        "彭州市",
    ],
)
def test_bodies_without_a_county_counterpart_are_kept(parent):
    units, change = _one(parent)
    assert units == [parent]
    assert change.status == "unmapped"
    assert parent in change.message


def test_a_kept_unit_says_why_and_never_leads():
    units, groups, changes = adapt_units(
        ["中国铁路成都局集团有限公司", "省发展改革委", "市生态环境局"], [0, 0, 0], GENERIC, JINTANG
    )
    assert units == ["县发改局", "市生态环境局金堂分局", "中国铁路成都局集团有限公司"]
    assert groups == [0, 0, 0]
    rail = changes[0]
    assert rail.status == "unmapped" and "县里没有对应机构" in rail.message


def test_hand_mappings_override_the_rules():
    catalogue = GENERIC.model_copy(
        update={"mapping": (UnitMapEntry(parent="省能源局", county=("县工信局",)),)}
    )
    assert _one("省能源局", catalogue)[0] == ["县经信局"]
    assert _one("市能源局", catalogue)[0] == ["县发改局"]


def test_the_catalogue_decides_the_spelling():
    """The first candidate the county's catalogue has wins: its own 能源局, 经信局, 交通运输局."""
    catalogue = Catalogue(
        units=(
            CatalogueUnit(name="县能源局"),
            CatalogueUnit(name="县经信局"),
            CatalogueUnit(name="县交通运输局"),
            CatalogueUnit(name="县林业局"),
        )
    )
    assert _one("省能源局", catalogue)[0] == ["县能源局"]
    assert _one("省工业和信息化厅", catalogue)[0] == ["县经信局"]
    assert _one("市交通局", catalogue)[0] == ["县交通运输局"]
    assert _one("省林业和草原局", catalogue)[0] == ["县林业局"]
    # nothing the catalogue has: kept, with the rule's reason
    units, change = _one("省生态环境厅", catalogue)
    assert units == ["省生态环境厅"] and "分局" in change.message


def test_a_district_maps_to_its_own_bureaus():
    district = CountyContext("锦江区", "成都市", "四川省")
    catalogue = Catalogue(units=(CatalogueUnit(name="区发改局"), CatalogueUnit(name="区委宣传部")))
    assert _one("市发改委", catalogue, district)[0] == ["区发改局"]
    assert _one("市委宣传部", catalogue, district)[0] == ["区委宣传部"]


def test_without_a_city_only_the_generic_prefixes_count():
    county = CountyContext("婺源县", "", "江西省")
    catalogue = load_catalogue(GENERIC_CATALOGUE, county)
    assert _one("江西省发展改革委", catalogue, county)[0] == ["县发改局"]
    assert _one("市发改委", catalogue, county)[0] == ["县发改局"]
    assert _one("上饶市发改委", catalogue, county)[0] == ["上饶市发改委"]


def test_running_text_names_the_county_units():
    result = adapt_text(
        "由省发展改革委牵头，成都市经信局、市生态环境局金堂分局配合，落实《四川省发展改革委关于节能的通知》。",
        level="province",
        county=JINTANG,
        catalogue=GENERIC,
    )
    assert result.text == (
        "由县发改局牵头，县经信局、市生态环境局金堂分局配合，落实《四川省发展改革委关于节能的通知》。"
    )
    assert [(c.old, c.new) for c in result.changes if c.kind == "unit"] == [
        ("省发展改革委", "县发改局"),
        ("成都市经信局", "县经信局"),
    ]


def test_every_rule_names_units_a_county_catalogue_has():
    """A typo in patterns.json would silently map nothing: each candidate list reaches the
    generic catalogue, except the rules for bodies a county has only now and then."""
    patterns = unit_patterns.unit_patterns(JINTANG)
    occasional = {"县供电局", "县银保监组", "县委编办"}
    for _regex, rule in patterns.rules:
        if not rule.county or occasional & set(rule.county):
            continue
        reached = [c for c in rule.county if patterns.resolve(JINTANG.fill(c), GENERIC)]
        assert reached, rule.county


def test_a_damaged_rules_file_says_so(tmp_path, monkeypatch):
    broken = tmp_path / "patterns.json"
    broken.write_text('{"format": "peakplan-unit-patterns", "version": 1}', encoding="utf-8")
    monkeypatch.setattr(paths, "resource", lambda *parts: broken)
    unit_patterns._pattern_file.cache_clear()
    unit_patterns.unit_patterns.cache_clear()
    try:
        with pytest.raises(CatalogueFileError, match=r"单位对应规则文件 patterns\.json 内容有误"):
            unit_patterns.unit_patterns(JINTANG)
    finally:
        monkeypatch.undo()
        unit_patterns._pattern_file.cache_clear()
        unit_patterns.unit_patterns.cache_clear()


def test_national_bodies_map_to_the_county_too():
    """A national plan (国发) names 国家发展改革委, 国家能源局: the county's 发改局 does their work."""
    assert _one("国家发展改革委")[0] == ["县发改局"]
    assert _one("国家能源局")[0] == ["县发改局"]


@pytest.mark.parametrize(
    ("county", "branch"),
    [
        (CountyContext("南昌县", "南昌市", "江西省"), "南昌市生态环境局南昌县分局"),
        (CountyContext("长沙县", "长沙市", "湖南省"), "长沙市生态环境局长沙县分局"),
    ],
)
def test_a_county_named_as_its_city_keeps_its_full_name_in_the_branch(county, branch):
    """市生态环境局南昌分局 would be the city's own bureau's branch of itself (issue 24)."""
    catalogue = load_catalogue(GENERIC_CATALOGUE, county)
    for parent in ("省生态环境厅", f"{county.city}生态环境局", "市生态环境局"):
        units, _change = _one(parent, catalogue, county)
        assert units == [branch]
    names = {n for u in catalogue.units for n in (u.name, u.full_name, *u.aliases)}
    assert not any(n.endswith(f"生态环境局{county.short}分局") for n in names)


def test_a_county_with_a_name_of_its_own_keeps_the_short_branch():
    units, _change = _one("省生态环境厅")
    assert units == ["市生态环境局金堂分局"]


@pytest.mark.parametrize(
    "parent",
    ["有关市、县〔区〕人民政府", "各市、县（市、区）人民政府", "各市、县〔市、区〕人民政府"],
)
def test_the_governments_below_with_bracket_variants_are_the_townships(parent):
    units, _change = _one(parent)
    assert units == ["各乡镇人民政府"]
