"""The county's bodies by level, from one source (resources/units/source/county_bodies.json):
a new draft's 任务分工表 names the units a 旗, a 直辖市's district, a 县级市 and a county
sharing its city's name really have (issue 24, item 1), and a clause naming only bodies
the county lacks is led by a proposed county unit (the 不作牵头单位 contradiction)."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from app.core.adapt.duties import propose_units
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue
from app.core.operations.new_draft import new_draft
from app.core.plans.resolver import PlanResolver
from app.core.text.county import CountyContext
from app.export.excel import excel_bytes
from app.importer import import_plan
from tools import build_units

# A parent in the way 实施意见 write: no 责任单位 at all (a few lines of corpus plans' kind).
PARENT = (
    "关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见\n\n"
    "一、重点任务\n"
    "（一）推进能源绿色低碳转型\n"
    "1.大力发展新能源。全面推进风电、光伏发电大规模开发，加快电网和储能建设。\n"
    "（二）深入推进工业领域节能降碳\n"
    "1.推动钢铁、建材、化工行业节能降碳。开展绿色工厂创建。\n"
    "（三）加强生态环境保护\n"
    "1.推进减污降碳协同增效。强化大气污染物和温室气体协同控制。\n"
    "（四）推动公共机构节能\n"
    "1.提高公共机构能效水平。党政机关带头使用新能源汽车。\n"
    "（五）完善绿色交通\n"
    "1.建设绿色机场和铁路。推进机场、铁路场站节能改造。"
    "（责任单位：省机场集团、国铁集团某某局集团公司）\n"
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("parent") / "parent.txt"
    path.write_text(PARENT, encoding="utf-8")
    return import_plan(path, plan_id="parent-opinions", level="province").plan


def _sheet_rows(county: str, city: str, region: str, plan) -> dict[str, tuple[str, str]]:
    """行动措施 → (牵头单位, 配合单位) as the exported Excel 任务分工表 prints them."""
    draft, _ = new_draft(county=county, city=city, region=region, plan=plan)
    book = load_workbook(io.BytesIO(excel_bytes(draft, plans=PlanResolver.of([plan]))))
    rows = {}
    for row in book["任务分工"].iter_rows(min_row=3, values_only=True):
        # an action that is its own measure prints once, 重点领域 merged across 行动措施
        action = row[2] or re.sub(
            r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", "", row[1] or ""
        )
        rows[action] = (row[4], row[5] or "")
    return rows


def test_a_banner_of_inner_mongolia_has_its_banner_bodies(plan):
    rows = _sheet_rows("准格尔旗", "鄂尔多斯市", "内蒙古自治区", plan)
    assert rows["大力发展新能源"][0] == "旗能源局"
    assert "准格尔旗供电分局" in rows["大力发展新能源"][1]  # 蒙西: 内蒙古电力, not 国网
    assert rows["推动钢铁、建材、化工行业节能降碳"] == (
        "旗工信局",
        "旗发改委、市生态环境局准格尔旗分局",
    )
    assert rows["推进减污降碳协同增效"][0] == "市生态环境局准格尔旗分局"
    printed = str(rows)
    assert "县" not in printed and "国网" not in printed


def test_a_district_of_a_province_level_city_has_its_own_bureaus(plan):
    rows = _sheet_rows("崇明区", "上海市", "上海市", plan)
    assert rows["推进减污降碳协同增效"] == ("区生态环境局", "区发展改革委")
    assert rows["大力发展新能源"][1].startswith("区工信局、国网上海市电力公司崇明供电公司")
    assert rows["提高公共机构能效水平"][0] == "区机关事务管理局"
    printed = str(rows)
    assert "分局" not in printed and "县" not in printed
    rows = _sheet_rows("万州区", "重庆市", "重庆市", plan)
    assert rows["推进减污降碳协同增效"] == ("区生态环境局", "区发展改革委")
    assert rows["大力发展新能源"][1] == "区工信局、国网重庆市电力公司万州供电公司"
    # a county of 重庆 has no city between it and the province either
    rows = _sheet_rows("城口县", "重庆市", "重庆市", plan)
    assert rows["推进减污降碳协同增效"] == ("县生态环境局", "县发展改革委")


def test_a_county_level_city_names_its_bodies_with_shi(plan):
    rows = _sheet_rows("庄河市", "大连市", "辽宁省", plan)
    assert rows["大力发展新能源"] == (
        "市发改局",
        "市工信局、国网辽宁省电力有限公司庄河市供电公司",
    )
    # 市生态环境局庄河分局 would read as 庄河市's own bureau: the city is named
    assert rows["推进减污降碳协同增效"][0] == "大连市生态环境局庄河分局"
    assert "县" not in str(rows)
    # one the province governs itself has no city's branch: its bureau is its own
    rows = _sheet_rows("仙桃市", "", "湖北省", plan)
    assert rows["推进减污降碳协同增效"] == ("市生态环境局", "市发展改革委")


def test_a_county_sharing_its_citys_name(plan):
    rows = _sheet_rows("南昌县", "南昌市", "江西省", plan)
    # 市生态环境局南昌分局 would be the city's own: the branch is named by the full names
    assert rows["推进减污降碳协同增效"][0] == "南昌市生态环境局南昌县分局"
    assert rows["大力发展新能源"] == (
        "县发改局",
        "县工信局、国网江西省电力有限公司南昌县供电公司",
    )


def test_a_county_of_the_southern_grid(plan):
    rows = _sheet_rows("阳朔县", "桂林市", "广西壮族自治区", plan)
    assert rows["大力发展新能源"] == ("县发改局", "县工信局、阳朔县供电局")  # no 国网广西
    assert rows["推进减污降碳协同增效"][0] == "市生态环境局阳朔分局"


def test_units_with_no_county_counterpart_never_lead_the_task_table(plan):
    rows = _sheet_rows("南昌县", "南昌市", "江西省", plan)
    lead, cooperating = rows["建设绿色机场和铁路"]
    assert lead == "县交通局"  # proposed from the measure's subject
    assert cooperating == "省机场集团、国铁集团某某局集团公司"  # kept, flagged, never leading


def test_the_comment_on_a_kept_parent_unit_says_what_the_table_does(plan):
    draft, _ = new_draft(county="南昌县", city="南昌市", region="江西省", plan=plan)
    node = next(n for n in draft.walk() if n.title == "建设绿色机场和铁路")
    kept = {q.quote: q.message for q in node.questions if q.kind == "unit"}
    assert kept and all("不作牵头单位" in m for m in kept.values())
    proposed = [q for q in node.questions if q.kind == "proposed_unit"]
    assert [q.quote for q in proposed] == ["县交通局"] == [node.responsibility.lead]
    # taking it out would let a body the county lacks lead again: it is confirmed or replaced
    assert [s.label for s in proposed[0].suggestions] == ["确认"]


def test_the_generated_catalogues_and_duties_are_up_to_date():
    """Hand edits to a generated file are lost at the next run: the source is the one place."""
    assert build_units.main(["--check"]) == 0


def test_an_autonomous_county_of_an_autonomous_prefecture(plan):
    rows = _sheet_rows("长顺县", "黔南布依族苗族自治州", "贵州省", plan)
    assert rows["推进减污降碳协同增效"][0] == "州生态环境局长顺分局"  # 黔南州's bureau
    rows = _sheet_rows("大厂回族自治县", "廊坊市", "河北省", plan)
    assert rows["推进减污降碳协同增效"][0] == "市生态环境局大厂分局"  # its short name, 大厂


CHAPTERS = (
    "某市关于加快建立健全绿色低碳循环发展经济体系的实施方案\n\n"
    "一、健全绿色低碳循环发展的生产体系\n"
    "（一）推进工业绿色升级。加快实施钢铁、石化、化工等行业绿色化改造。\n"
    "（二）加快农业绿色发展。推进农业投入品减量。\n"
    "二、健全绿色低碳循环发展的消费体系\n"
    "促进绿色产品消费，加大政府绿色采购力度，推广绿色电力证书交易。\n"
    "三、加快基础设施绿色升级\n"
    "（一）推动能源体系绿色低碳转型。大力发展风电、光伏发电。\n"
)


def test_a_parent_chapter_without_measures_is_led_too(tmp_path):
    """大连's 三、健全…消费体系 is text only: it was the one action with no row."""
    path = tmp_path / "chapters.txt"
    path.write_text(CHAPTERS, encoding="utf-8")
    plan = import_plan(path, plan_id="city-chapters", level="city").plan
    rows = _sheet_rows("庄河市", "大连市", "辽宁省", plan)
    assert set(rows) == {
        "推进工业绿色升级",
        "加快农业绿色发展",
        "健全绿色低碳循环发展的消费体系",
        "推动能源体系绿色低碳转型",
    }
    assert all(lead for lead, _ in rows.values())


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("切实强化低碳发展规划导向", "县发改局"),
        ("坚决遏制“两高”项目盲目发展", "县发改局"),
        ("推动产业绿色低碳转型", "县工信局"),
        ("构建绿色供应链", "县工信局"),
        ("推广节能低碳型交通工具", "县交通局"),
        ("提升交通基础设施绿色发展水平", "县交通局"),
        ("推进城镇环境基础设施建设升级", "县住建局"),
        ("加快先进适用技术应用", "县科技局"),
        ("加大财税扶持力度", "县财政局"),
        ("建立绿色贸易体系", "县商务局"),
        ("提高服务业绿色发展水平", "县商务局"),
        ("强化法规支撑", "县司法局"),
        ("倡导绿色低碳生活方式", "县委宣传部"),
    ],
)
def test_a_measures_subject_decides_its_proposed_lead(title, lead):
    """Titles of the corpus's 实施意见 (石家庄, 江苏), whose bodies named no unit."""
    county = CountyContext("正定县", "石家庄市", "河北省")
    catalogue = load_catalogue(GENERIC_CATALOGUE, county)
    assert propose_units(title, [], catalogue, county).lead == lead
