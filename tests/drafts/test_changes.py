"""What an operation changed, and the core operations the window used to decide for itself."""

from __future__ import annotations

import pytest

from app.core import operations as ops
from app.core.adapt.changes import ChangeKind
from app.core.adapt.diff import node_diff
from app.core.adapt.text import adapt_text
from app.core.draft.changes import EVERYTHING, Part, draft_change
from app.core.draft.demo import load_demo
from app.core.draft.model import Catalogue, work_row_units
from app.core.draft.tree import EditError
from app.core.operations.content import WorkRowField
from app.core.operations.new_draft import new_draft
from app.core.operations.targets import parse_target_cell, target_cell_text
from app.core.plans.library import find_plan
from app.core.plans.resolver import PlanResolver
from app.core.text.county import CountyContext
from app.core.text.diff import Mark
from app.core.text.unit_lists import split_unit_names


@pytest.fixture(scope="module")
def demo():
    return load_demo()


def _measure(draft, title):
    return next(m for m in draft.measures() if m.title == title)


def test_new_text_changes_one_node_and_not_the_outline(demo):
    measure = _measure(demo, "大力发展新能源")
    after = ops.set_paragraphs(demo, measure.id, ("新的正文。",))
    change = draft_change(demo, after)
    assert Part.NODES in change.parts and Part.OUTLINE not in change.parts
    assert change.nodes == {measure.id}
    assert draft_change(after, demo).nodes == {measure.id}  # undo: the same node


def test_a_rename_changes_the_outline_and_that_node(demo):
    measure = _measure(demo, "大力发展新能源")
    change = draft_change(demo, ops.rename(demo, measure.id, "大力发展可再生能源"))
    assert change.parts == {Part.OUTLINE, Part.NODES}
    assert change.nodes == {measure.id}


def test_a_move_is_an_outline_change_of_no_node_content(demo):
    action = demo.chapter("tasks").children[1]
    first, second = action.children[0], action.children[1]
    change = draft_change(demo, ops.reorder(demo, second.id, 0))
    assert change.parts == {Part.OUTLINE}
    assert change.nodes == frozenset()
    moved = ops.move(demo, first.id, demo.chapter("tasks").children[0].id, 0)
    assert draft_change(demo, moved).parts == {Part.OUTLINE}


def test_removing_a_node_names_it_and_its_children(demo):
    action = demo.chapter("tasks").children[0]
    change = draft_change(demo, ops.remove(demo, action.id))
    assert Part.OUTLINE in change.parts
    assert {n.id for n in action.walk()} <= change.nodes


def test_target_catalogue_meta_and_layout_changes_are_named(demo):
    target = demo.targets[0]
    year = target.years[0].year
    change = draft_change(demo, ops.set_target_cell(demo, target.id, year, "120以上"))
    assert change.parts == {Part.TARGETS} and change.targets == {target.id}
    unit = demo.catalogue.units[0].name
    assert Part.CATALOGUE in draft_change(demo, ops.rename_unit(demo, unit, unit + "（新）")).parts
    assert draft_change(demo, ops.set_meta(demo, stage="征求意见稿")).parts == {Part.META}
    assert draft_change(
        demo, ops.set_layout(demo, attachment=not demo.layout.attachment)
    ).parts == {Part.LAYOUT}
    assert not draft_change(demo, demo)
    assert EVERYTHING.touches(*Part)


def test_target_cells_read_values_and_the_decision_words():
    assert parse_target_cell("120以上") == ("value", "120", "以上")
    assert parse_target_cell(" 15左右 ") == ("value", "15", "左右")
    assert parse_target_cell("完成上级下达任务") == ("assigned", None, "")
    assert parse_target_cell("不列此目标") == ("dropped", None, "")
    assert parse_target_cell("") == ("pending", None, "")
    with pytest.raises(EditError, match="不是目标值"):
        parse_target_cell("很多")


def test_a_target_cell_reads_back_as_it_was_typed(demo):
    target = demo.targets[0]
    year = target.years[0].year
    after = ops.set_target_cell(demo, target.id, year, "120以上")
    assert target_cell_text(after.target(target.id).year(year)) == "120以上"


def test_unit_names_typed_in_one_cell():
    assert split_unit_names("县发改局、县财政局，县住建局；县发改局") == (
        "县发改局",
        "县财政局",
        "县住建局",
    )
    assert split_unit_names("县委党校（行政学院）、县委组织部") == (
        "县委党校（行政学院）",
        "县委组织部",
    )
    assert split_unit_names("  ") == ()


def test_a_work_row_equal_to_the_clause_follows_the_measure(demo):
    measure = next(m for m in demo.measures() if m.responsibility and len(m.work_rows) == 1)
    units = measure.responsibility.units
    own = ops.set_work_row_field(demo, measure.id, 0, WorkRowField.COOPERATING, units[1])
    assert own.find(measure.id).work_rows[0].units == (units[0], units[1])
    back = ops.set_work_row_field(
        own, measure.id, 0, WorkRowField.COOPERATING, "、".join(units[1:])
    )
    assert back.find(measure.id).work_rows[0].units == ()
    led = ops.set_units(back, measure.id, ("县工信局", *units[1:]))
    node = led.find(measure.id)
    assert work_row_units(node.work_rows[0], node)[0] == "县工信局"


def test_a_work_row_keeps_its_target_mentions_when_its_words_change():
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yinchuan-city")
    )
    node = next(n for n in draft.walk() if n.work_rows and "⟦" in n.work_rows[0].work)
    shown = ops.set_work_row_field  # the page shows ⟦words⟧; the user edits around them
    from app.core.draft.mentions import editable

    words = editable(node.work_rows[0].work, draft)[0]
    after = shown(draft, node.id, 0, WorkRowField.WORK, "首先，" + words)
    work = after.find(node.id).work_rows[0].work
    assert work.startswith("首先，") and "⟦t" in work


def test_edited_since_take_up_is_decided_by_the_core():
    plan = find_plan("yinchuan-city")
    draft, _ = new_draft(county="永宁县", city="银川市", region="宁夏回族自治区", plan=plan)
    node = next(n for n in draft.measures() if n.sources)
    section = node.sources[0].node
    assert not ops.edited_since_take_up(draft, plan, node.id, section)
    edited = ops.set_paragraphs(draft, node.id, (*node.paragraphs, "本县补充。"))
    assert ops.edited_since_take_up(edited, plan, node.id, section)


def test_a_changed_word_is_found_by_its_offset_not_by_searching_again():
    catalogue = Catalogue()
    county = CountyContext("永宁县", "银川市", "宁夏回族自治区")
    text = "落实《全市能源发展规划》，全市新能源装机持续增长。"
    adapted = adapt_text(text, level="city", county=county, catalogue=catalogue)
    change = next(c for c in adapted.changes if c.old == "全市")
    assert change.kind is ChangeKind.LEVEL_WORD
    assert change.old_start == text.index("，全市") + 1  # not the 全市 inside 《》


def test_the_parent_clause_beside_a_measure_marks_each_change():
    plan = find_plan("yinchuan-city")
    draft, _ = new_draft(county="永宁县", city="银川市", region="宁夏回族自治区", plan=plan)
    node = next(n for n in draft.measures() if any(c.old == "全市" for c in n.changes))
    diff = node_diff(draft, node, PlanResolver.of([plan]))
    pieces = [p for paragraph in diff.sources[0].paragraphs for p in paragraph]
    removed = [p for p in pieces if p.mark is Mark.DELETED]
    assert any(p.text == "全市" and p.kind is ChangeKind.LEVEL_WORD for p in removed)
    assert "全县" in diff.added_words
    # the parent text reads whole again from its SAME and REMOVED pieces
    section = plan.find(node.sources[0].node)
    assert (
        "".join(p.text for p in diff.sources[0].paragraphs[0] if p.mark is not Mark.INSERTED)
        == section.paragraphs[0]
    )
    missing = node_diff(draft, node, PlanResolver.of([]))
    assert missing.sources[0].found is False


def test_a_parent_measure_counts_as_taken_up_when_a_part_of_it_is():
    from app.core.readout.coverage import coverage

    plan = find_plan("yinchuan-city")
    draft, _ = new_draft(county="永宁县", city="银川市", region="宁夏回族自治区", plan=plan)
    covered = coverage(draft, PlanResolver.of([plan]))[0]
    assert covered.measures and not covered.missing
    measure = next(m for m in covered.measures if m.section.children)
    # the county keeps only one item of the measure: still taken up, by that item
    trimmed = ops.remove(draft, measure.county[0].id)
    gone = coverage(trimmed, PlanResolver.of([plan]))[0]
    assert measure.section.id in {m.section.id for m in gone.missing}
    trimmed = ops.take_up(trimmed, plan, measure.section.children[0].id)[0]
    again = coverage(trimmed, PlanResolver.of([plan]))[0]
    entry = next(m for m in again.measures if m.section.id == measure.section.id)
    assert entry.taken_up
    child = measure.section.children[0].id
    assert any(s.node == child for node in entry.county for s in node.sources)
    assert coverage(draft, PlanResolver.of([]))[0].plan is None
