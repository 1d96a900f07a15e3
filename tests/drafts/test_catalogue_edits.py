"""Editing the county's unit catalogue: every clause and task row follows."""

from __future__ import annotations

import pytest

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.model import work_row_units
from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.render import rendered_nodes
from app.core.readout.task_rows import task_rows


@pytest.fixture(scope="module")
def demo():
    return load_demo()


def _units_everywhere(draft):
    clauses = [u for n in draft.walk() if n.responsibility for u in n.responsibility.units]
    rows = [u for r in task_rows(draft) for w in r.works for u in (w.lead, *w.cooperating)]
    return clauses, rows


def test_renaming_a_unit_changes_every_clause_and_row(demo):
    renamed = ops.rename_unit(demo, "县教体局", "县教育体育局")
    clauses, rows = _units_everywhere(renamed)
    assert "县教体局" not in clauses + rows and "县教育体育局" in clauses and "县教育体育局" in rows
    assert "县教育体育局" in renamed.catalogue.names() and "县教体局" not in {
        u.name for u in renamed.catalogue.units
    }
    text = "".join(r.clause for r in rendered_nodes(renamed))
    assert "教育体育局" in text
    assert not [f for f in check_draft(renamed, PlanResolver.library()) if f.severity == "error"]


def test_merging_two_units(demo):
    added = ops.add_unit(demo, "县体育中心")
    with_it = ops.set_units(added, next(added.measures()).id, ("县发改局", "县体育中心"))
    merged = ops.merge_units(with_it, "县体育中心", "县教体局")
    assert "县体育中心" not in {u.name for u in merged.catalogue.units}
    assert next(merged.measures()).responsibility.units == ("县发改局", "县教体局")


def test_a_mapping_fixes_an_unmapped_parent_unit():
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yinchuan-city")
    )
    missing = {
        f.data["unit"]
        for f in check_draft(draft, PlanResolver.library())
        if f.code == "unit-not-in-catalogue"
    }
    assert "市市政管理局" in missing
    fixed = ops.apply_mapping(
        ops.set_mapping(draft, "市市政管理局", ("县综合执法局",)), "市市政管理局"
    )
    still = {
        f.data["unit"]
        for f in check_draft(fixed, PlanResolver.library())
        if f.code == "unit-not-in-catalogue"
    }
    assert "市市政管理局" not in still
    assert all(
        "市市政管理局" not in work_row_units(r, n) for n in fixed.walk() for r in n.work_rows
    )
