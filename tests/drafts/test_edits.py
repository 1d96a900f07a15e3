"""The draft operations: pure functions whose old draft is the undo state."""

from __future__ import annotations

import pytest

from app.core.draft.tree import EditError
from app.core.operations.content import set_units
from app.core.operations.new_draft import as_is
from app.core.operations.structure import add_measure, merge, remove, rename, reorder
from app.core.operations.take_up import take_up
from app.core.plans.library import find_plan
from app.core.readout.render import labels, rendered_nodes


@pytest.fixture(scope="module")
def pingluo():
    return as_is(find_plan("pingluo-county"), region="宁夏回族自治区", city="石嘴山市")


@pytest.fixture(scope="module")
def ningxia():
    return find_plan("ningxia-region")


def _action(draft, title):
    return next(a for a in draft.chapter("tasks").children if a.title == title)


def test_rename_an_action_like_pingluo_did(pingluo):
    action = _action(pingluo, "碳汇能力巩固提升行动")
    renamed = rename(pingluo, action.id, "生态碳汇建设行动")
    assert _action(renamed, "生态碳汇建设行动").children == action.children
    assert rename(renamed, action.id, "碳汇能力巩固提升行动") == pingluo
    with pytest.raises(EditError):
        rename(pingluo, action.id, "  ")


def test_reorder_renumbers_and_keeps_everything(pingluo):
    action = _action(pingluo, "能源绿色低碳转型行动")
    first, second = action.children[0], action.children[1]
    moved = reorder(pingluo, second.id, 0)
    label = labels(moved)
    assert label[second.id] == "1." and label[first.id] == "2."
    assert reorder(moved, second.id, 1) == pingluo


def test_add_a_county_only_measure(pingluo):
    action = _action(pingluo, "低碳示范创建行动")
    draft, node_id = add_measure(
        pingluo,
        action.id,
        "建设零碳乡村",
        paragraphs=("选取条件较好的村开展零碳乡村试点。",),
        units=("县农业农村局", "县发改局"),
    )
    node = draft.find(node_id)
    assert node.is_own and node.responsibility.lead == "县农业农村局"
    assert labels(draft)[node_id] == "4."
    assert node.work_rows and node.work_rows[0].work.startswith("建设零碳乡村")
    assert remove(draft, node_id) == pingluo.model_copy(update={"next_id": draft.next_id})


def test_remove_drops_targets_only_that_measure_stated(pingluo):
    measure = next(m for m in pingluo.measures() if m.title == "推动化工行业碳达峰")
    stated = {t.id for t in pingluo.targets if t.indicator == "单位电石生产综合能耗下降"}
    assert stated
    removed = remove(pingluo, measure.id)
    assert not stated & {t.id for t in removed.targets}
    assert len(removed.targets) == len(pingluo.targets) - len(stated)


def test_merge_two_measures(pingluo):
    action = _action(pingluo, "工业领域碳达峰行动")
    keep, other = action.children[2], action.children[3]
    merged = merge(pingluo, keep.id, other.id)
    node = merged.find(keep.id)
    assert node.title == keep.title
    assert node.paragraphs == keep.paragraphs + other.paragraphs
    assert node.responsibility.units[: len(keep.responsibility.units)] == keep.responsibility.units
    assert set(node.responsibility.units) == set(keep.responsibility.units) | set(
        other.responsibility.units
    )
    assert merged.find(other.id) is None
    assert len(_action(merged, "工业领域碳达峰行动").children) == len(action.children) - 1


def test_take_up_a_parent_measure_goes_to_its_action_in_parent_order(pingluo, ningxia):
    # 宁夏 三.一.1 is 平罗's 三.一 action: take up a 宁夏 measure into a draft that has no 宁夏 links
    draft, report = take_up(pingluo, ningxia, "ningxia-region:三.二.4")
    node = draft.find(report.node_id)
    assert node.sources[0].node == "ningxia-region:三.二.4"
    assert len(node.sources[0].fingerprint) == 16
    shell = next(n for n in draft.walk() if any(c.id == node.id for c in n.children))
    assert shell.sources[0].node == "ningxia-region:三.二"  # the parent action, taken up as a shell
    assert shell.children == (node,)
    assert any(p.id == "ningxia-region" for p in draft.parents)
    with pytest.raises(EditError, match="已采纳"):
        take_up(draft, ningxia, "ningxia-region:三.二.4")
    # a second measure of the same action lands beside it, in the parent's order
    draft, second = take_up(draft, ningxia, "ningxia-region:三.二.1")
    assert [c.id for c in draft.find(shell.id).children] == [second.node_id, node.id]


def test_take_up_reports_and_keeps_unmapped_units(pingluo, ningxia):
    draft, report = take_up(pingluo, ningxia, "ningxia-region:三.一.2")
    node = draft.find(report.node_id)
    # the draft's catalogue has no mapping for 宁夏 units: the naming rules map the common
    # bodies; 宁东管委会 has no county counterpart: kept, reported, and it does not lead
    assert node.responsibility.units == (
        "县发改局", "县工信局", "县交通局", "县科技局", "国网宁夏电力有限公司平罗县供电公司", "宁东管委会",
    )  # fmt: skip
    assert report.unmapped_units == ["宁东管委会"]


def test_set_units_sets_the_lead(pingluo):
    measure = next(pingluo.measures())
    draft = set_units(pingluo, measure.id, ("县工信局", "县发改局"))
    item = next(r for r in rendered_nodes(draft) if r.node.id == measure.id)
    assert item.clause.startswith("（责任单位：县工信局、发改局；列首位的为牵头单位，下同）")


def test_two_parent_measures_become_one_county_measure(pingluo, ningxia):
    from app.core.operations.take_up import take_up_into

    draft, first = take_up(pingluo, ningxia, "ningxia-region:三.一.4")
    draft, _report = take_up_into(draft, ningxia, "ningxia-region:三.二.4", first.node_id)
    node = draft.find(first.node_id)
    assert [s.node for s in node.sources] == ["ningxia-region:三.一.4", "ningxia-region:三.二.4"]
    assert len(node.paragraphs) == 2 and len(node.work_rows) == 2
    assert not any(
        s.node == "ningxia-region:三.二.4"
        for n in draft.walk()
        if n.id != node.id
        for s in n.sources
    )
    assert (
        len(list(draft.walk())) == len(list(pingluo.walk())) + 2
    )  # the 三.一 shell and one measure


def test_every_operation_is_reachable_as_ops():
    """`from app.core import operations as ops` names every draft-in, draft-out function."""
    import importlib
    import inspect
    import pkgutil

    import app.core.operations as ops_package

    missing = []
    for info in pkgutil.iter_modules(ops_package.__path__):
        module = importlib.import_module(f"app.core.operations.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = list(inspect.signature(function).parameters)
            is_operation = (
                parameters[:1] == ["draft"] and function.__annotations__.get("return") == "Draft"
            )
            if is_operation and getattr(ops_package, name, None) is not function:
                missing.append(f"{info.name}.{name}")
    assert missing == []
