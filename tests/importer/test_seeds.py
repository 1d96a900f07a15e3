"""The four published plans import with exactly the structure a reader counts in them."""

from __future__ import annotations

import pytest

from app.core.text.normalise import compact
from app.importer import import_plan
from tests.conftest import SEEDS

EXPECTED = {
    "ningxia-region": {
        "chapters": ["总体要求", "主要目标", "重点任务", "对外合作", "政策保障", "组织实施"],
        "measures": [5, 4, 6, 5, 4, 4, 4, 3, 4, 4],
        "level": "region",
        "stage": "征求意见稿",
    },
    "yinchuan-city": {
        "chapters": ["总体要求", "主要目标", "重点任务", "对外合作", "政策保障", "组织实施"],
        "measures": [3, 4, 3, 4, 3, 4, 3, 3, 4, 3],
        "level": "city",
        "stage": "征求意见稿",
    },
    "ningdong-base": {
        "chapters": ["总体要求", "主要目标", "重点任务", "开放合作", "政策保障", "组织实施"],
        "measures": [5, 4, 5, 0, 3, 4, 0, 3, 0, 0],
        "level": "zone",
        "stage": "印发",
    },
    "pingluo-county": {
        "chapters": ["总体要求", "主要目标", "重点任务", "保障措施"],
        "measures": [4, 3, 5, 5, 4, 4, 4, 4, 4, 3],
        "level": "county",
        "stage": "送审稿",
    },
}


@pytest.fixture(scope="module")
def plans():
    return {key: import_plan(path, plan_id=key).plan for key, path in SEEDS.items()}


def actions(plan):
    return plan.key_tasks().children


@pytest.mark.parametrize("key", list(EXPECTED))
def test_chapters_actions_and_measures(plans, key):
    plan = plans[key]
    expected = EXPECTED[key]
    assert [s.title for s in plan.sections] == expected["chapters"]
    assert [s.label for s in plan.sections] == [
        f"{n}、" for n in "一二三四五六"[: len(expected["chapters"])]
    ]
    assert len(actions(plan)) == 10
    assert [len(a.children) for a in actions(plan)] == expected["measures"]
    assert plan.level == expected["level"]
    assert plan.stage == expected["stage"]


def test_ningxia_every_measure_has_a_clause(plans):
    measures = [m for a in actions(plans["ningxia-region"]) for m in a.children]
    assert len(measures) == 43
    assert all(m.clause is not None for m in measures)


def test_ningxia_bare_parenthesis_is_a_clause(plans):
    measure = plans["ningxia-region"].find("ningxia-region:三.三.5")
    assert measure.title == "推动建材行业碳达峰"
    assert not measure.clause.labelled
    assert measure.clause.written_names[:2] == ["自治区工业和信息化厅", "发展改革委"]
    assert measure.paragraphs[-1].endswith("水泥行业碳排放总量稳中有降。")


def test_yinchuan_clauses_and_sub_items(plans):
    plan = plans["yinchuan-city"]
    measures = [m for a in actions(plan) for m in a.children]
    assert len(measures) == 34
    assert sum(1 for m in measures if m.clause) == 29
    with_items = {m.id.split(":")[1]: m for m in measures if m.children}
    assert sorted(with_items) == ["三.三.1", "三.三.2", "三.三.3", "三.四.2", "三.四.3"]
    items = [item for m in with_items.values() for item in m.children]
    assert len(items) == 10
    assert all(item.clause is not None and item.label == "" for item in items)
    assert [i.title for i in with_items["三.三.1"].children] == [
        "构建绿色低碳产业体系",
        "实施重点行业清洁生产",
    ]
    # Six run-in paragraphs, one clause at the end: the clause is the measure's.
    first = plan.find("yinchuan-city:三.一.1")
    assert first.children == [] and first.clause.lead == "市发改委"
    assert len(first.paragraphs) == 7


def test_ningdong_actions_without_measures_carry_their_clause(plans):
    plan = plans["ningdong-base"]
    bare = [a for a in actions(plan) if not a.children]
    assert [a.number for a in bare] == ["四", "七", "九", "十"]
    assert all(a.clause is not None for a in bare)
    measures = [m for a in actions(plan) for m in a.children]
    assert len(measures) == 24 and all(m.clause for m in measures)


def test_pingluo_every_measure_has_a_clause_with_the_note_on_the_first(plans):
    plan = plans["pingluo-county"]
    measures = [m for a in actions(plan) for m in a.children]
    assert len(measures) == 40 and all(m.clause for m in measures)
    assert measures[0].clause.note == "列首位的为牵头单位，下同"
    assert all(m.clause.note == "" for m in measures[1:])
    assert all(m.title_style == "own_line" for m in measures)


@pytest.mark.parametrize("key", list(EXPECTED))
def test_first_unit_of_every_clause_is_the_lead(plans, key):
    for section in plans[key].walk():
        if section.clause:
            clause = section.clause
            assert clause.lead == clause.units[0].name
            first_written = clause.text.split("：", 1)[-1].lstrip("（(")
            assert first_written.startswith(clause.units[0].written)


def test_yinchuan_task_table(plans):
    plan = plans["yinchuan-city"]
    rows = plan.task_table
    assert plan.task_table_title == "银川市碳达峰实施方案任务分工"
    assert [r.number for r in rows] == list(range(1, 40))
    assert {r.number for r in rows if len(r.work_rows) == 2} == {8, 9, 12, 13}
    assert all(len(r.work_rows) in (1, 2) for r in rows)
    areas = [r.area for r in rows]
    assert areas[7] == "三、工业领域碳达峰行动"  # 序号 8 sits above its printed label
    assert areas[27] == "九、绿色低碳全民行动"  # label split by a page break
    assert areas[31] == "十、各县（市）区梯次有序碳达峰行动"
    assert areas[34:] == ["十一、对外合作"] * 2 + ["十二、政策保障"] * 3
    assert all(r.measure_id for r in rows)
    # Row 6 continues across a page break; row 23's 配合单位 too.
    assert rows[5].work_rows[0].work.endswith("推动清洁能源取代化石能源。")
    assert rows[22].work_rows[0].cooperating.endswith("各县（市）区人民政府、各园区管委会")


def test_yinchuan_table_leads_agree_with_the_clauses(plans):
    """The table is imported, not derived; where it names a lead, the text agrees."""
    plan = plans["yinchuan-city"]
    for row in plan.task_table:
        measure = plan.find(row.measure_id)
        clauses = [c.clause for c in measure.children if c.clause] or [measure.clause]
        for work, clause in zip(row.work_rows, clauses, strict=False):
            if clause is None or not work.lead:
                continue
            lead = compact(work.lead).split("、")[0]
            assert lead == clause.lead, (row.number, lead, clause.lead)


def test_targets_of_the_county_goals(plans):
    goals = plans["pingluo-county"].sections[1]
    found = {(t.year, t.indicator, t.value, t.unit, t.qualifier) for t in goals.targets}
    assert (2025, "新能源发电总装机容量", "100", "万千瓦", "以上") in found
    assert (2025, "森林覆盖率", "10.6", "%", "") in found
    assert (2030, "非化石能源消费比重", "20", "%", "左右") in found
    assert (2035, "非化石能源消费比重", "30", "%", "左右") in found
    assigned = [t for t in goals.targets if t.kind == "assigned"]
    assert assigned and assigned[0].year == 2025 and assigned[0].value is None
    for target in goals.targets:
        assert str(target.year) in target.sentence


def test_pingluo_cover_and_committee(plans):
    plan = plans["pingluo-county"]
    assert plan.title == "平罗县碳达峰实施方案"
    assert plan.date == "2023-09" and plan.date_text == "二〇二三年九月"
    assert plan.cover.commissioned_by == "平罗县发展和改革局"
    assert plan.cover.drafted_by == "宁夏百润环保科技有限公司"
    names = [m.name for m in plan.cover.committee]
    assert names[:3] == ["王继萍", "冀会向", "逯水"]
    assert len(names) == 12
    assert {m.role for m in plan.cover.committee} == {"组长", "副组长", "成员"}
