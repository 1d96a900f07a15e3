"""Financial bodies of a parent plan as a county reads them (a 广东 green-finance plan made into
a 韶关 county's): the province's financial work department is the county's financial work
body; the central regulators after the 2023 reform say what they are now and what the county
can write; a body of another city is to be deleted, the county is not under it."""

from __future__ import annotations

import pytest

from app.core.adapt.changes import AdaptedText
from app.core.adapt.units import adapt_units
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue
from app.core.operations.adapted_nodes import _records
from app.core.text.county import CountyContext

WENGYUAN = CountyContext("翁源县", "韶关市", "广东省")
CATALOGUE = load_catalogue(GENERIC_CATALOGUE, WENGYUAN)


def _one(name: str, county: CountyContext = WENGYUAN):
    catalogue = load_catalogue(GENERIC_CATALOGUE, county)
    units, _groups, changes = adapt_units([name], [0], catalogue, county)
    return units, changes[0]


@pytest.mark.parametrize(
    "parent",
    [
        "省地方金融监管局",
        "广东省地方金融监督管理局",
        "省地方金融管理局",
        "市金融工作局",
        "省政府金融工作办公室",
        "市金融局",
        "省委金融办",
    ],
)
def test_the_provinces_financial_work_department_is_the_countys_financial_body(parent):
    units, change = _one(parent)
    assert units == ["县金融服务中心"], change
    assert "监管机构" not in change.note


@pytest.mark.parametrize(
    ("parent", "now"),
    [
        ("广东银保监局", "国家金融监督管理总局"),
        ("韶关银保监分局", "国家金融监督管理总局"),
        ("国家金融监督管理总局广东监管局", "国家金融监督管理总局"),
        ("广东证监局", "证监局只设在省"),
        ("人民银行广州分行", "中国人民银行广东省分行"),
    ],
)
def test_a_central_regulator_says_what_it_is_now_and_what_the_county_can_write(parent, now):
    _units, change = _one(parent)
    assert change.status == "unmapped"
    assert now in change.note
    assert "县里多数没有金融监管机构" not in change.note


def test_the_regulators_offer_the_citys_branch_as_an_answer():
    _units, change = _one("广东银保监局")
    assert change.offers == ("国家金融监督管理总局韶关监管分局",)
    _units, change = _one("人民银行广州分行")
    assert change.offers == ("人民银行韶关市分行",)
    _title, questions = _records(AdaptedText(""), [], [change])
    labels = [s.label for s in questions[0].suggestions]
    assert labels == ["从责任单位中删去", "改为人民银行韶关市分行", "保留"]


def test_a_district_of_a_metro_is_offered_no_branch_of_a_city():
    jizhou = CountyContext("蓟州区", "", "天津市")
    _units, change = _one("天津银保监局", jizhou)
    assert change.offers == ()
    assert change.elsewhere == ""


@pytest.mark.parametrize(
    ("parent", "place"),
    [
        ("深圳银保监局", "深圳市"),
        ("深圳证监局", "深圳市"),
        ("人民银行深圳市中心支行", "深圳市"),
        ("广州市发展改革委", "广州市"),
    ],
)
def test_a_body_of_another_city_is_to_be_deleted(parent, place):
    units, change = _one(parent)
    assert units == [parent]
    assert change.elsewhere == place
    assert "不归其管辖" in change.note and "请删去" in change.note
    _title, questions = _records(AdaptedText(""), [], [change])
    assert questions[0].suggestions[0].label == "从责任单位中删去"


@pytest.mark.parametrize(
    "parent", ["各地级以上市政府", "各有关地级以上市政府", "珠三角各地级以上市政府"]
)
def test_the_provinces_prefecture_cities_are_no_county_unit(parent):
    units, change = _one(parent)
    assert units == [parent]
    assert "本县不是地级市" in change.note and "删去" in change.note


@pytest.mark.parametrize("parent", ["深圳证券交易所", "广州期货交易所", "广东股权交易中心"])
def test_an_exchange_is_no_county_unit_wherever_it_sits(parent):
    _units, change = _one(parent)
    assert change.elsewhere == ""
    assert "交易所、交易中心是全国或全省的市场运营机构" in change.note


def test_a_guangdong_county_has_its_data_bureau():
    units, _change = _one("省政务服务数据管理局")
    assert units == ["县政务服务数据管理局"]
    assert "县政务服务数据管理局" in CATALOGUE.names()


def test_elsewhere_the_data_bureau_is_the_countys_data_bureau():
    county = CountyContext("金堂县", "成都市", "四川省")
    units, _change = _one("省大数据局", county)
    assert units == ["县数据局"]


PARENT = (
    "广东省发展绿色金融支持碳达峰行动的实施方案\n\n一、总体要求\n坚持绿色金融服务实体经济。\n"
    "二、主要措施\n（一）健全绿色金融风险监测与防控\n"
    "1.加强绿色金融产品的资金后续使用管理。指导金融机构加强对绿色信贷资金的后续管理。"
    "（人民银行广州分行、广东银保监局牵头，省发展改革委、省财政厅配合）\n"
    "2.完善绿色金融基础设施建设。推进碳排放核算和碳足迹跟踪。"
    "（省发展改革委牵头，人民银行广州分行配合）\n"
)


def _measures(tmp_path):
    from app.core.operations.new_draft import new_draft
    from app.importer import import_plan

    path = tmp_path / "guangdong.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="gd-leads", level="province").plan
    draft, _ = new_draft(county="翁源县", city="韶关市", region="广东省", plan=plan)
    return [n for n in draft.walk() if n.responsibility is not None]


def test_a_finance_measure_led_by_a_regulator_is_led_by_the_countys_financial_body(tmp_path):
    first, second = _measures(tmp_path)
    assert first.responsibility.lead == "县金融服务中心"
    asked = [q for q in first.questions if q.kind == "proposed_unit"]
    assert asked and asked[0].quote == "县金融服务中心"
    assert "人民银行广州分行" in asked[0].message
    # a county lead the parent named keeps leading, unasked
    assert second.responsibility.lead == "县发改局"
    assert not [q for q in second.questions if q.kind == "proposed_unit"]


INDUSTRY = (
    "广东省发展绿色金融支持碳达峰行动的实施方案\n\n一、总体要求\n坚持绿色金融服务实体经济。\n"
    "二、主要措施\n（一）创新绿色金融服务产业结构优化升级\n"
    "1.支持绿色低碳产业园建设与现代产业体系完善。支持产业园区循环化改造，推动产业集群低碳发展。"
    "（人民银行广州分行牵头，省发展改革委、省工业和信息化厅配合）\n"
)


def test_a_regulators_line_of_work_decides_the_lead_not_the_measures_words(tmp_path):
    """产业 words everywhere, but the parent's lead is the central bank: the county's financial
    body stands in for it, not 县工信局 because 产业 is said most."""
    from app.core.operations.new_draft import new_draft
    from app.importer import import_plan

    path = tmp_path / "industry.txt"
    path.write_text(INDUSTRY, encoding="utf-8")
    plan = import_plan(path, plan_id="gd-industry", level="province").plan
    draft, _ = new_draft(county="翁源县", city="韶关市", region="广东省", plan=plan)
    (measure,) = [n for n in draft.walk() if n.responsibility is not None]
    assert measure.responsibility.lead == "县金融服务中心"
