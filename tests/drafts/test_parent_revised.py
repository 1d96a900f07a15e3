"""A parent revised while the county drafts (issue 17): the library keeps its versions, check
flags exactly the measures whose source clause changed or disappeared (and offers the new
ones), and taking up the new text keeps the county's own edits elsewhere in the measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import operations as ops
from app.core.draft.tree import EditError
from app.core.operations.new_draft import new_draft
from app.core.operations.revised_parent.merge3 import merge3
from app.core.plans.library import (
    add_user_plan,
    find_plan,
    list_plans,
    plan_versions,
    replace_plan,
)
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.importer import import_plan
from tests.conftest import SEEDS

# the parent's revisions (old → new words) and the county's edits of its own copy
PARENT_EDITS = {
    "三.一.1": ("规划发展集中式光伏项目", "规划建设集中式光伏项目"),  # paragraph 2 of 7
    "三.二.1": ("逐步建立用能预算管理制度", "全面建立用能预算管理制度"),  # its first sentence
    "三.六.2": ("提高矿产资源综合开发利用水平", "大力提高矿产资源综合开发利用水平"),
}
COUNTY_EDITS = {
    "三.一.1": ("加快推动清洁能源发展", "加快推动全县清洁能源发展"),  # paragraph 1: elsewhere
    "三.二.1": ("从源头推进节能降碳。", "从源头推进节能降碳，县发改局每年通报。"),  # next sentence
    "三.六.2": (
        "提高矿产资源综合开发利用水平",
        "切实提高矿产资源综合开发利用水平",
    ),  # the same words
}
REMOVED = "三.五.3"
ADDED = "5.推进快递包装绿色转型。推广可循环快递包装，减少过度包装和一次性塑料制品使用。（责任单位：市商务局、邮政管理局）"


def revised_seed(folder: Path, *, stage: str = "") -> Path:
    """The 银川 seed with three clauses revised, 三.五.3 deleted and 三.六.5 added."""
    lines = SEEDS["yinchuan-city"].read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("3.完善绿色交通基础设施"))
    end = next(i for i, line in enumerate(lines) if line.startswith("（六）"))
    del lines[start:end]
    seven = next(i for i, line in enumerate(lines) if line.startswith("（七）"))
    lines[seven:seven] = [ADDED, ""]
    text = "\n".join(lines)
    for old, new in PARENT_EDITS.values():
        assert text.count(old) >= 1
        text = text.replace(old, new, 1)
    if stage:
        text = text.replace("(征求意见稿)", f"({stage})", 1)
    path = folder / "yinchuan_revised.txt"
    path.write_text(text, encoding="utf-8")
    return path


def county_node(draft, clause: str):
    return next(n for n in draft.walk() if any(s.node == f"yc:{clause}" for s in n.sources))


def drafted():
    """The original seed in the (per-test) library as yc, a 永宁 draft from it, the county's
    edits made."""
    add_user_plan(import_plan(SEEDS["yinchuan-city"], plan_id="yc").plan)
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yc")
    )
    for clause, (old, new) in COUNTY_EDITS.items():
        node = county_node(draft, clause)
        paragraphs = list(node.paragraphs)
        index = next(i for i, p in enumerate(paragraphs) if old in p)
        paragraphs[index] = paragraphs[index].replace(old, new, 1)
        draft = ops.set_paragraphs(draft, node.id, tuple(paragraphs))
    return draft


def revise(folder: Path) -> None:
    replace_plan(import_plan(revised_seed(folder), plan_id="yc").plan, "yc")


def by_code(findings, code):
    return [f for f in findings if f.code == code]


@pytest.fixture
def scenario(tmp_path):
    draft = drafted()
    revise(tmp_path)
    return draft, PlanResolver.library()


def test_the_library_keeps_both_versions_under_one_id(scenario):
    assert find_plan("yc").revision == 2
    assert find_plan("yc@1").revision == 1
    assert find_plan("yc@1").find(f"yc:{REMOVED}") is not None
    assert find_plan("yc").find(f"yc:{REMOVED}") is None
    assert [(v.ref, v.current) for v in plan_versions("yc")] == [("yc@1", False), ("yc@2", True)]
    assert [e.revision for e in list_plans() if e.id == "yc"] == [2]


def test_check_flags_exactly_the_revised_and_removed_measures(scenario):
    draft, plans = scenario
    findings = check_draft(draft, plans)
    assert by_code(findings, "source-changed") == []
    revised = by_code(findings, "parent-revised")
    assert {f.node_id for f in revised} == {county_node(draft, c).id for c in PARENT_EDITS}
    for finding in revised:
        clause = finding.data["parent_clause"].split(":", 1)[1]
        old, new = PARENT_EDITS[clause]
        assert old in finding.data["old_text"] and new in finding.data["new_text"]
        assert finding.as_json()["kind"] == "parent-revised" == finding.as_json()["code"]
    (removed,) = by_code(findings, "parent-removed")
    assert removed.node_id == county_node(draft, REMOVED).id
    assert "完善绿色交通基础设施" in removed.data["old_text"]
    (added,) = by_code(findings, "parent-added")
    assert added.data["parent_clause"] == "yc:三.六.5" and added.severity == "info"


def test_rebase_takes_the_new_text_and_keeps_the_county_edits(scenario):
    draft, plans = scenario
    rebased, report = ops.rebase(draft, plans)
    for clause in ("三.一.1", "三.二.1"):
        text = "".join(county_node(rebased, clause).paragraphs)
        assert PARENT_EDITS[clause][1] in text, clause  # the parent's new words
        assert COUNTY_EDITS[clause][1] in text, clause  # the county's own, elsewhere
        assert county_node(rebased, clause).id in report.applied
    conflicted = county_node(rebased, "三.六.2")
    assert COUNTY_EDITS["三.六.2"][1] in conflicted.paragraphs[0]  # the county's paragraph stays
    (question,) = [q for q in conflicted.questions if q.kind == "revision"]
    assert question.message == "上级已修订，与本县修改冲突"
    assert PARENT_EDITS["三.六.2"][1] in question.suggestions[0].replacement
    assert [c for c, _ in report.conflicts] == [conflicted.id]
    assert [c for c, _ in report.removed] == [county_node(draft, REMOVED).id]
    assert not report.complete
    after = check_draft(rebased, plans)
    assert by_code(after, "parent-revised") == []
    assert len(by_code(after, "parent-removed")) == 1
    assert any(f.code == "open-question" and f.node_id == conflicted.id for f in after)
    # taking the conflict's suggestion gives the parent's words
    index = conflicted.questions.index(question)
    answered = ops.answer_question(rebased, conflicted.id, index, 0)
    assert PARENT_EDITS["三.六.2"][1] in answered.find(conflicted.id).paragraphs[0]


def test_keep_or_checked_keeps_the_county_text_and_clears_the_flag(scenario):
    draft, plans = scenario
    node = county_node(draft, "三.二.1")
    kept = ops.keep_despite_revision(draft, node.id, plans)
    assert kept.find(node.id).paragraphs == node.paragraphs
    assert node.id not in {
        f.node_id for f in check_draft(kept, plans) if f.code == "parent-revised"
    }
    gone = county_node(draft, REMOVED)
    kept = ops.keep_despite_revision(kept, gone.id, plans)
    assert kept.find(gone.id).sources == ()  # the county's own measure now
    assert by_code(check_draft(kept, plans), "parent-removed") == []


def test_take_revised_text_on_one_measure(scenario):
    draft, plans = scenario
    node = county_node(draft, "三.二.1")
    taken = ops.take_revised_text(draft, node.id, plans)
    assert PARENT_EDITS["三.二.1"][1] in taken.find(node.id).paragraphs[0]
    with pytest.raises(EditError, match="删去"):
        ops.take_revised_text(draft, county_node(draft, REMOVED).id, plans)


def test_a_user_revision_of_a_built_in_plan_wins(tmp_path):
    builtin = find_plan("yinchuan-city")
    replace_plan(import_plan(revised_seed(tmp_path)).plan, "yinchuan-city")
    assert find_plan("yinchuan-city").revision == 2
    assert find_plan("yinchuan-city@1") == builtin
    (entry,) = [e for e in list_plans() if e.id == "yinchuan-city"]
    assert entry.revision == 2 and not entry.builtin


def test_merge3_takes_both_sides_and_flags_the_same_item():
    base = ["甲。", "乙。", "丙。"]
    assert merge3(base, ["甲！", "乙。", "丙。"], ["甲。", "乙。", "丙！"]) == (
        ["甲！", "乙。", "丙！"],
        0,
    )
    assert merge3(base, ["甲！", "乙。", "丙。"], ["甲？", "乙。", "丙。"])[1] == 1
    assert merge3(base, ["甲！", "乙。", "丙。"], ["甲。", "乙！", "丙。"]) == (
        ["甲！", "乙！", "丙。"],
        0,
    )
