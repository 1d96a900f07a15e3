"""A parent naming no 责任单位: the county's units are proposed from each measure's subject
(resources/units/duties.json) and marked as proposals (issue 24, item 2's first step)."""

from __future__ import annotations

import pytest

from app.core import operations as ops
from app.core.operations.new_draft import new_draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.task_rows import task_rows
from app.export.word.document import word_bytes
from app.importer import import_plan
from tests.export.test_comments import _commented

PARENT = (
    "江西省碳达峰实施方案\n\n一、重点任务\n（一）能源绿色低碳转型行动\n"
    "1.大力发展新能源。全面推进风电、光伏发电大规模开发和高质量发展。\n"
    "2.推进煤炭消费替代和转型升级。严格控制煤电项目。\n"
    "（二）交通运输绿色低碳行动\n"
    "1.推动运输工具装备低碳转型。积极扩大电力、氢能等新能源在交通运输领域应用，推广新能源汽车。\n"
    "（三）碳汇能力巩固提升行动\n"
    "1.提升森林生态系统碳汇增量。深入推进大规模国土绿化行动，开展植树造林。\n"
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    path = tmp_path_factory.mktemp("parent") / "jiangxi.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="jiangxi", level="province").plan
    assert not any(s.clause for s in plan.walk())  # the parent names no unit at all
    draft, _reports = new_draft(county="南昌县", city="南昌市", region="江西省", plan=plan)
    return draft, PlanResolver.of([plan])


def _measures(draft):
    return [n for n in draft.walk() if n.level == 3]


def test_every_measure_gets_a_lead_from_its_subject(drafted):
    drafted, _plans = drafted
    leads = {n.title: n.responsibility.lead for n in _measures(drafted) if n.responsibility}
    assert leads == {
        "大力发展新能源": "县发改局",
        "推进煤炭消费替代和转型升级": "县发改局",
        "推动运输工具装备低碳转型": "县交通局",
        "提升森林生态系统碳汇增量": "县林草局",
    }


def test_the_task_table_has_a_row_for_every_measure(drafted):
    drafted, _plans = drafted
    rows = task_rows(drafted)
    assert len(rows) == len(_measures(drafted)) == 4
    assert all(w.lead for r in rows for w in r.works)
    assert all(r.works for r in rows)


def test_each_proposal_is_an_open_question_in_check(drafted):
    drafted, plans = drafted
    for node in _measures(drafted):
        asked = [q for q in node.questions if q.kind == "proposed_unit"]
        assert [q.quote for q in asked] == [node.responsibility.lead]
        lead, *supporting = node.responsibility.units
        assert supporting  # what is proposed is said whole: the lead and its supporting units
        assert asked[0].message.startswith(
            f"建议牵头单位：{lead}，配合单位：{'、'.join(supporting)}；请确认"
        )
    findings = [f for f in check_draft(drafted, plans) if f.code == "open-question"]
    proposed = [f for f in findings if "建议牵头单位" in f.message]
    assert len(proposed) == 4
    assert not any(f.code == "no-lead-unit" for f in check_draft(drafted, plans))


def test_each_proposal_is_a_word_comment_on_the_lead(drafted):
    draft = ops.set_layout(drafted[0], attachment=True)
    commented = list(_commented(word_bytes(draft)).values())
    for node in _measures(draft):
        assert node.responsibility.lead in commented


def test_confirming_a_proposal_closes_it_and_keeps_the_units(drafted):
    drafted, plans = drafted
    node = _measures(drafted)[0]
    index = next(i for i, q in enumerate(node.questions) if q.kind == "proposed_unit")
    confirm = next(i for i, s in enumerate(node.questions[index].suggestions) if s.label == "确认")
    after = ops.answer_question(drafted, node.id, index, confirm)
    kept = after.find(node.id)
    assert kept.responsibility == node.responsibility
    assert not any(q.kind == "proposed_unit" for q in kept.questions)
    proposed = [f for f in check_draft(after, plans) if "建议牵头单位" in f.message]
    assert len(proposed) == 3
