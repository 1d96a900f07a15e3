"""A county draft from two parents at once (issue 17): the city's plan and the region's.

Measures come from the nearest parent; the region's are counted as taken up directly or
through the city measure that descends from them (lineage), never twice.
"""

from __future__ import annotations

import pytest

from app.cli import main
from app.core import operations as ops
from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.coverage import coverage


@pytest.fixture(scope="module")
def two_parents():
    city, region = find_plan("yinchuan-city"), find_plan("ningxia-region")
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=city, farther=(region,)
    )
    return draft, city, region, PlanResolver.of([city, region])


def test_measures_come_from_the_nearest_parent_once(two_parents):
    draft, _city, _region, _plans = two_parents
    sources = [s.node for n in draft.walk() if n.role != "goals" for s in n.sources]
    assert sources and all(s.startswith("yinchuan-city:") for s in sources)
    # the 主要目标 states the indicators of both (the city's first, the region's it lacks)
    goals = draft.chapter("goals")
    assert [s.node for s in goals.sources] == ["yinchuan-city:二", "ningxia-region:二"]
    assert len(sources) == len(set(sources))  # no parent clause taken up twice
    assert [p.id for p in draft.parents] == ["yinchuan-city", "ningxia-region"]


def test_coverage_counts_the_region_through_the_city(two_parents):
    draft, city, region, plans = two_parents
    by_parent = {c.parent.id: c for c in coverage(draft, plans)}
    assert len(by_parent["yinchuan-city"].missing) == 0
    regional = by_parent["ningxia-region"]
    carried = {link.node for s in city.walk() for link in s.lineage if link.plan_id == region.id}
    through = {m.section.id for m in regional.through_nearer}
    expected = {
        m.id
        for a in region.task_areas()
        for m in a.children
        if any(part.id in carried for part in m.walk())
    }
    assert through == expected and len(expected) >= 30  # 宁夏 43 measures, most carried by 银川
    assert regional.direct == []
    assert {m.section.id for m in regional.missing} == {
        m.section.id for m in regional.not_descended
    }
    finding = next(
        f
        for f in check_draft(draft, plans)
        if f.code == "coverage" and f.data["parent"] == region.id
    )
    assert "县方案直接或经《银川市碳达峰实施方案》承接" in finding.message
    assert finding.data["through_nearer"] == len(expected)


def test_a_region_measure_taken_up_beside_its_city_descendant_is_reported_twice(two_parents):
    draft, city, region, plans = two_parents
    carried = next(
        m
        for a in region.task_areas()
        for m in a.children
        if any(link.node == m.id for s in city.walk() for link in s.lineage)
    )
    doubled, _ = ops.take_up(draft, region, carried.id)
    found = [f for f in check_draft(doubled, plans) if f.code == "taken-twice"]
    assert [f.data["parent_clause"] for f in found] == [carried.id]


def test_a_measure_the_city_did_not_carry_down_counts_as_taken_directly(two_parents):
    """宁夏 三.一.5 加快建设新型电力系统 has no descendant in 银川's plan: taken up from the
    region, it counts as taken up directly."""
    draft, city, region, plans = two_parents
    own = next(m for a in region.task_areas() for m in a.children if m.id.endswith(":三.一.5"))
    carried = {link.node for s in city.walk() for link in s.lineage}
    assert not any(part.id in carried for part in own.walk())
    regional = next(c for c in coverage(draft, plans) if c.parent.id == region.id)
    assert own.id in {m.section.id for m in regional.not_descended}
    assert own.id not in {m.section.id for m in regional.direct}
    taken, _ = ops.take_up(draft, region, own.id)
    regional = next(c for c in coverage(taken, plans) if c.parent.id == region.id)
    assert own.id in {m.section.id for m in regional.direct}


def test_new_orders_its_parents_nearest_first(tmp_path, capsys):
    out = tmp_path / "永宁.peakplan"
    args = ["new", "--county", "永宁县", "--city", "银川市", "--region", "宁夏回族自治区"]
    args += ["--from", "ningxia-region", "--from", "yinchuan-city", "--all", "-o", str(out)]
    assert main(args) == 0
    assert "由近及远排列为 yinchuan-city、ningxia-region" in capsys.readouterr().err


def test_check_asks_for_the_reason_of_each_measure_not_taken_up(two_parents):
    draft, _city, region, plans = two_parents
    asked = [f for f in check_draft(draft, plans) if f.code == "reason-missing"]
    assert asked
    regional = next(c for c in coverage(draft, plans) if c.parent.id == region.id)
    for measure in regional.missing:
        draft = ops.set_not_taken_reason(draft, measure.section.id, "本县无此类产业")
    assert not [
        f
        for f in check_draft(draft, plans)
        if f.code == "reason-missing" and f.data.get("parent") == region.id
    ]
