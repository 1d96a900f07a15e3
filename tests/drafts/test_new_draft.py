"""`peakplan new`: a county draft from a parent plan, adapted, with nothing dropped silently."""

from __future__ import annotations

import json
import re

import pytest

from app.cli import main
from app.core.draft.mentions import render
from app.core.draft.model import work_row_units
from app.core.draft.store.files import load_draft
from app.core.plans.library import find_plan
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.render import rendered_nodes

# Words that name the parent level itself; in a county text they must be gone.
# 全市 and 全区 as level words, not inside 健全市…/安全区… (the rules' own lookbehind)
NOT_IN_A_WORD = r"(?<![健安完齐保周顾成十两万])"
CITY_WORDS = re.compile(NOT_IN_A_WORD + r"全市|市发改委|市直各有关部门|各县（市）区|我市")
REGION_WORDS = re.compile(
    NOT_IN_A_WORD + r"全区(?!一盘棋)|自治区发展改革委|各地市|我区|五市人民政府"
)


def _parent_units(plan, draft) -> set[str]:
    """The units of the parent sections the draft took up (clauses and their task rows)."""
    taken = {s.node for n in draft.walk() for s in n.sources}
    units = {u.name for s in plan.walk() if s.clause and s.id in taken for u in s.clause.units}
    for row in plan.task_table:
        if row.measure_id in taken:
            for work_row in row.work_rows:
                units.update([work_row.lead, *work_row.cooperating_units])
    return units


def _outside_book_titles(text: str) -> str:
    return re.sub(r"《[^》]*》", "", text)


@pytest.fixture(
    scope="module", params=[("yinchuan-city", CITY_WORDS), ("ningxia-region", REGION_WORDS)]
)
def made(request, tmp_path_factory):
    plan_id, words = request.param
    out = tmp_path_factory.mktemp("new") / "永宁县.peakplan"
    code = main(
        [
            "new",
            "--county",
            "永宁县",
            "--city",
            "银川市",
            "--region",
            "宁夏回族自治区",
            "--from",
            plan_id,
            "--all",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    return find_plan(plan_id), load_draft(out), words


def test_every_parent_action_and_measure_is_taken_up(made):
    plan, draft, _words = made
    parent_measures = [m.id for a in plan.key_tasks().children for m in a.children]
    sources = {s.node for n in draft.walk() for s in n.sources}
    assert set(parent_measures) <= sources
    assert len(list(draft.measures())) == len(parent_measures)
    assert [c.role for c in draft.chapters][:3] == ["general", "goals", "tasks"]


def test_no_parent_level_words_remain(made):
    _plan, draft, words = made
    for item in rendered_nodes(draft):
        texts = [
            item.node.title,
            *item.paragraphs,
            *(render(r.work, draft) for r in item.node.work_rows),
        ]
        for text in texts:
            found = words.search(_outside_book_titles(text))
            assert found is None, (item.heading, found.group(), text)


def test_every_measure_has_a_lead_unit_from_the_county_catalogue(made):
    _plan, draft, _words = made
    catalogue = draft.catalogue.names()
    for measure in draft.measures():
        units = measure.responsibility.units if measure.responsibility else ()
        rows = [work_row_units(r, measure) for r in measure.work_rows]
        leads = [units[0]] if units else [r[0] for r in rows if r]
        if not leads:  # sub-items carry the clauses (银川 三.三.1)
            leads = [c.responsibility.lead for c in measure.children if c.responsibility]
        assert leads, measure.title
        assert all(lead in catalogue for lead in leads), (measure.title, leads)


def test_check_lists_every_parent_unit_it_could_not_map(made):
    plan, draft, _words = made
    mapped = {e.parent for e in draft.catalogue.mapping}
    catalogue = draft.catalogue.names()
    unmapped = {u for u in _parent_units(plan, draft) if u not in mapped and u not in catalogue}
    findings = [
        f for f in check_draft(draft, PlanResolver.library()) if f.code == "unit-not-in-catalogue"
    ]
    reported = {f.data["unit"] for f in findings}
    in_draft = {
        u
        for n in draft.walk()
        for u in (
            (n.responsibility.units if n.responsibility else ())
            + tuple(x for r in n.work_rows for x in r.units)
        )
    }
    # every parent unit without a county counterpart is still in the draft and reported
    assert unmapped <= in_draft
    assert unmapped <= reported
    assert reported <= unmapped


def test_new_refuses_to_overwrite_and_names_unknown_actions(tmp_path, capsys):
    out = tmp_path / "a.peakplan"
    out.write_text("mine", encoding="utf-8")
    args = [
        "new",
        "--county",
        "永宁县",
        "--city",
        "银川市",
        "--region",
        "宁夏回族自治区",
        "--from",
        "yinchuan-city",
    ]
    assert main([*args, "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "mine"
    assert main([*args, "--actions", "一,十一", "-o", str(tmp_path / "b.peakplan")]) == 2
    assert "十一" in capsys.readouterr().err
    assert main([*args, "--actions", "一,三", "-o", str(tmp_path / "c.peakplan")]) == 0
    draft = load_draft(tmp_path / "c.peakplan")
    assert [a.title for a in draft.chapter("tasks").children] == [
        "能源绿色低碳转型行动",
        "工业领域碳达峰行动",
    ]


def test_as_is_reproduces_a_plan_with_its_task_table(tmp_path, capsys):
    out = tmp_path / "银川.peakplan"
    assert main(["new", "--from-plan", "yinchuan-city", "--as-is", "-o", str(out)]) == 0
    draft = load_draft(out)
    plan = find_plan("yinchuan-city")
    assert [n.title for n in draft.walk()] == [s.title for s in plan.walk()]
    rows = [r for n in draft.walk() for r in n.work_rows]
    assert len(rows) == sum(len(r.work_rows) for r in plan.task_table)
    capsys.readouterr()
    assert main(["check", str(out), "--json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert report["title"] == "银川市碳达峰实施方案"


def test_as_is_task_rows_equal_the_published_table():
    from app.core.operations.new_draft import as_is
    from app.core.readout.task_rows import task_rows

    plan = find_plan("yinchuan-city")
    rows = task_rows(as_is(plan))
    assert [(r.number, r.area, r.action) for r in rows] == [
        (p.number, p.area, p.action) for p in plan.task_table
    ]
    for row, published in zip(rows, plan.task_table, strict=True):
        assert [(w.work, w.lead, list(w.cooperating)) for w in row.works] == [
            (w.work, w.lead, w.cooperating_units) for w in published.work_rows
        ]
