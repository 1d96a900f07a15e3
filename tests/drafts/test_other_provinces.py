"""County drafts from plans of other provinces: their units become the county's.

成都市优化能源结构促进城市绿色低碳发展行动方案 (a city plan of 四川) ships as
reference_plans/sources/chengdu_energy_structure_2022.txt, the text layer of its
published PDF as pdftotext 22.12 gives it (`pdftotext -enc UTF-8`); the 江西
plan is made up of a few clauses in that province's style.
"""

from __future__ import annotations

import pytest

from app.core.draft.model import Draft, work_row_units
from app.core.operations.new_draft import new_draft
from app.core.plans.model import Plan
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.render import rendered_nodes
from app.core.readout.task_rows import task_rows
from app.importer import import_plan
from tests.conftest import SOURCES

CHENGDU = SOURCES / "chengdu_energy_structure_2022.txt"
JINTANG_UNITS = {
    "市发改委": "县发改局",
    "市经信局": "县经信局",
    "市生态环境局": "市生态环境局金堂分局",
    "市住建局": "县住建局",
    "市交通运输局": "县交通局",
    "市商务局": "县商务局",
    "市规划和自然资源局": "县自然资源局",
    "国网成都供电公司": "国网四川省电力有限公司金堂县供电公司",
    "各区（市）县政府（管委会）": "各乡镇人民政府",
}


@pytest.fixture(scope="module")
def chengdu() -> tuple[Plan, Draft]:
    plan = import_plan(CHENGDU).plan
    draft, _reports = new_draft(county="金堂县", city="成都市", region="四川省", plan=plan)
    return plan, draft


def _by_source(draft: Draft) -> dict[str, object]:
    return {n.sources[0].node.split(":", 1)[1]: n for n in draft.walk() if n.sources}


def _parent_units(plan: Plan) -> set[str]:
    return {u.name for s in plan.walk() if s.clause for u in s.clause.units}


def test_the_common_city_bodies_become_the_countys(chengdu):
    plan, draft = chengdu
    named = _parent_units(plan)
    assert set(JINTANG_UNITS) <= named  # the plan names them all
    nodes = _by_source(draft)
    assert nodes["三.一.1"].responsibility.units == (
        "县经信局", "市生态环境局金堂分局", "县市场监管局", "各乡镇人民政府",
    )  # fmt: skip
    assert nodes["三.一.2"].responsibility.units == (
        "县商务局", "县经信局", "县文旅局", "县教体局", "各乡镇人民政府",
        "国网四川省电力有限公司金堂县供电公司",
    )  # fmt: skip
    assert nodes["三.四.2"].responsibility.units == (
        "县经信局", "县发改局", "县住建局", "县交通局", "县机关事务服务中心", "县综合执法局",
        "县自然资源局", "各乡镇人民政府",
    )  # fmt: skip
    county_units = {u for n in draft.walk() if n.responsibility for u in n.responsibility.units} | {
        u for row in task_rows(draft) for w in row.works for u in (w.lead, *w.cooperating)
    }
    assert not county_units & set(JINTANG_UNITS)  # no common parent body is left
    assert set(JINTANG_UNITS.values()) <= county_units


def test_the_task_table_and_the_printed_clauses_say_the_same(chengdu):
    _plan, draft = chengdu
    rows = task_rows(draft)
    assert rows and all(w.lead for r in rows for w in r.works)
    first = rows[0].works[0]
    assert (first.lead, first.cooperating[0]) == ("县经信局", "市生态环境局金堂分局")
    clauses = [r.clause for r in rendered_nodes(draft) if r.clause]
    assert clauses[0].startswith(
        "（责任单位：县经信局、市生态环境局金堂分局、市场监管局，各乡镇人民政府；"
    )
    assert not any(parent in clause for clause in clauses for parent in ("市经信局", "市发改委"))


def test_units_without_a_counterpart_are_kept_flagged_and_never_lead(chengdu):
    plan, draft = chengdu
    known = draft.catalogue.names()
    parents = _parent_units(plan)
    flagged = {
        (f.node_id, f.data["unit"])
        for f in check_draft(draft, PlanResolver.of([plan]))
        if f.code == "unit-not-in-catalogue"
    }
    kept = set()
    for node in draft.walk():
        if node.responsibility is None:
            continue
        assert node.responsibility.lead in known, node.title
        for row in node.work_rows:
            assert work_row_units(row, node)[0] in known
        for unit in node.responsibility.units:
            if unit not in known:
                assert unit in parents  # kept as the parent wrote it
                assert (node.id, unit) in flagged
                kept.add(unit)
    assert kept  # the plan names bodies and places the county has no counterpart for
    assert {unit for _node, unit in flagged} == kept


JIANGXI = """江西省碳达峰实施方案
一、总体要求
坚持稳中求进，推动全省经济社会发展全面绿色转型。
二、主要目标
到2025年，非化石能源消费比重达到18.3%。
三、重点任务
（一）能源绿色低碳转型行动
1.大力发展新能源。由省发展改革委牵头，加快光伏、风电规模化开发。（责任单位：省发展改革委、省工业和信息化厅、国网江西省电力有限公司）
2.推进铁路电气化。推动大宗货物“公转铁”。（责任单位：中国铁路南昌局集团有限公司、省能源局、省生态环境厅、江西银保监局）
（二）节能降碳增效行动
1.加强节能监察。健全节能监察体系。（责任单位：省工业和信息化厅，省市场监管局、省统计局、人民银行南昌中心支行）
四、保障措施
（一）加强组织领导。各地各部门要加强组织领导。
"""


def test_a_jiangxi_plan_for_wuyuan(write_txt):
    plan = import_plan(write_txt(JIANGXI, "jiangxi.txt")).plan
    draft, reports = new_draft(county="婺源县", city="上饶市", region="江西省", plan=plan)
    first, rail, watch = list(draft.measures())
    assert first.responsibility.units == (
        "县发改局", "县工信局", "国网江西省电力有限公司婺源县供电公司",
    )  # fmt: skip
    assert first.paragraphs[0].startswith("由县发改局牵头")
    # the railway company and the regulator have no county counterpart: kept, after the county's;
    # the railway company led, so the county body of the measure's subject (公转铁: 交通) is
    # proposed to lead, not the first county unit named after it
    assert rail.responsibility.units == (
        "县交通局", "县发改局", "市生态环境局婺源分局", "中国铁路南昌局集团有限公司", "江西银保监局",
    )  # fmt: skip
    assert watch.responsibility.units == (
        "县工信局",
        "县市场监管局",
        "县统计局",
        "人民银行南昌中心支行",  # no county 支行 since the 2023 reform: kept and asked
    )
    flagged = [
        f.data["unit"]
        for f in check_draft(draft, PlanResolver.of([plan]))
        if f.code == "unit-not-in-catalogue"
    ]
    assert flagged == ["中国铁路南昌局集团有限公司", "江西银保监局", "人民银行南昌中心支行"]
    assert [u for r in reports for u in r.unmapped_units] == flagged
    clause = next(r.clause for r in rendered_nodes(draft) if r.node.id == watch.id)
    assert clause == "（责任单位：县工信局，县市场监管局、统计局、人民银行南昌中心支行）"


def test_the_parents_lead_rule_note_does_not_print_beside_the_countys(chengdu):
    """成都 writes ［…；逗号前为牵头单位，下同］; the county's clause has its own 列首位 rule."""
    _plan, draft = chengdu
    clauses = [r.clause for r in rendered_nodes(draft) if r.clause]
    assert clauses and not [c for c in clauses if "逗号前为牵头单位" in c]


def test_a_clause_deadline_prints_in_the_task_table():
    """ "责任单位：市经信局" then "完成时限：2022年2月底前": the county's task table says when."""
    from app.core.operations.new_draft import new_draft as make
    from app.export.content import task_lines

    text = (
        "某市碳达峰实施方案\n\n一、总体要求\n\n推进绿色低碳发展。\n\n二、重点任务\n\n"
        "（一）能源绿色低碳转型行动\n\n1.推进节能改造。开展重点企业节能诊断。\n\n"
        "责任单位：市经信局\n\n完成时限：2022年2月底前\n"
    )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "某市方案.txt"
        path.write_text(text, encoding="utf-8")
        plan = import_plan(path, level="city").plan
    draft, _ = make(county="金堂县", city="成都市", region="四川省", plan=plan)
    node = next(n for n in draft.walk() if n.responsibility)
    assert node.responsibility.deadline == "2022年2月底前"
    lines = task_lines(task_rows(draft))
    assert any(str(line.values[3]).endswith("（完成时限：2022年2月底前）") for line in lines)


def test_a_joint_plan_opened_as_it_is_keeps_each_governments_list_and_lead(tmp_path):
    """（责任单位：重庆市能源局、市经济信息委；四川省能源局、经济和信息化厅；两省市列首位的为牵头单位，下同）"""
    from app.core.operations.new_draft import as_is

    path = tmp_path / "成渝方案.txt"
    path.write_text(
        "重庆市 四川省关于推动成渝地区双城经济圈碳达峰的实施方案\n\n一、总体要求\n\n推动两省市协同降碳。\n\n"
        "二、重点任务\n\n（一）能源绿色低碳转型行动\n\n"
        "1.推进清洁能源开发。加快水风光一体化开发。（责任单位：重庆市能源局、市经济信息委；"
        "四川省能源局、经济和信息化厅；两省市列首位的为牵头单位，下同）\n",
        encoding="utf-8",
    )
    plan = import_plan(path).plan
    assert plan.governments == ["重庆市", "四川省"]  # its title names both: a joint plan
    draft = as_is(plan)
    clause = next(r.clause for r in rendered_nodes(draft) if r.clause)
    assert clause == (
        "（责任单位：重庆市能源局、重庆市经济信息委；四川省能源局、四川省经济和信息化厅；"
        "两省市列首位的为牵头单位，下同）"
    )
    row = task_rows(draft)[0]
    assert row.works[0].lead == "重庆市能源局、四川省能源局"  # 各方牵头
    assert row.works[0].cooperating == ("重庆市经济信息委", "四川省经济和信息化厅")


def test_a_plan_numbering_its_items_through_its_chapters_is_taken_up_as_actions():
    """上饶's 实施方案 has no 重点任务 chapter: its task chapters (二、…生产体系 …) become the
    county's actions under 重点任务, their items the measures (new --all refused it)."""
    from pathlib import Path

    from app.core.operations.new_draft import new_draft as make

    fixture = Path(__file__).parents[1] / "importer" / "fixtures" / "pdf"
    plan = import_plan(fixture / "shangrao_green_circular_economy_plan.pdf").plan
    assert plan.key_tasks() is None
    draft, _ = make(county="婺源县", city="上饶市", region="江西省", plan=plan)
    tasks = draft.chapter("tasks")
    assert [a.title for a in tasks.children][:2] == [
        "健全绿色低碳循环发展的生产体系",
        "健全绿色低碳循环发展的流通体系",
    ]
    assert all(a.level == 2 and a.children for a in tasks.children)
    assert all(m.level == 3 for a in tasks.children for m in a.children)
    assert task_rows(draft)  # its measures fill the task table


def test_coverage_counts_the_measures_of_a_plan_numbering_through_its_chapters():
    """梧州's 实施方案 (no 重点任务 chapter): `check` said “措施 0 条，已采纳 0 条” for a draft
    taking up all 23 of its measures; a measure deleted is now named as not taken up."""
    from pathlib import Path

    from app.core.operations import remove
    from app.core.readout.coverage import coverage

    fixture = Path(__file__).parents[1] / "importer" / "fixtures" / "pdf"
    plan = import_plan(fixture / "wuzhou_green_circular_economy_plan.pdf").plan
    draft, _ = new_draft(county="苍梧县", city="梧州市", region="广西壮族自治区", plan=plan)
    plans = PlanResolver({plan.id: plan}.get)
    (covered,) = coverage(draft, plans)
    assert len(covered.measures) == 23
    assert len(covered.taken) == 23

    measure = draft.chapter("tasks").children[0].children[1]
    assert measure.title == "加快农业绿色发展"
    draft = remove(draft, measure.id)
    (covered,) = coverage(draft, plans)
    assert [m.section.title for m in covered.missing] == ["加快农业绿色发展"]
    assert "已采纳 22 条" in "".join(f.message for f in check_draft(draft, plans))
