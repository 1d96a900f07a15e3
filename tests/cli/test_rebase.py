"""`peakplan import-plan FILE --replaces PLAN-ID`, `peakplan check --json` and `peakplan rebase`
on a parent revised while the county drafts (issue 17)."""

from __future__ import annotations

import json

from app.cli import main
from app.core.draft.store.files import load_draft, save_draft
from app.core.plans.library import find_plan
from tests.conftest import SEEDS
from tests.drafts.test_parent_revised import (
    COUNTY_EDITS,
    PARENT_EDITS,
    REMOVED,
    county_node,
    drafted,
    revised_seed,
)


def _findings(capsys, draft_path) -> list[dict]:
    capsys.readouterr()
    main(["check", str(draft_path), "--json"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_replaces_check_and_rebase(tmp_path, capsys):
    draft_path = tmp_path / "永宁.peakplan"
    save_draft(drafted(), draft_path)
    draft = load_draft(draft_path)
    assert main(["import-plan", str(revised_seed(tmp_path)), "--replaces", "yc"]) == 0
    out = capsys.readouterr().out
    assert "现为第 2 版" in out
    assert main(["plans"]) == 0
    assert any(
        line.startswith("yc\t") and "第 2 版" in line
        for line in capsys.readouterr().out.splitlines()
    )

    findings = _findings(capsys, draft_path)
    kinds = {}
    for finding in findings:
        kinds.setdefault(finding["kind"], set()).add(finding["node_id"])
        assert finding["kind"] == finding["code"]
    assert kinds["parent-revised"] == {county_node(draft, c).id for c in PARENT_EDITS}
    assert kinds["parent-removed"] == {county_node(draft, REMOVED).id}
    revised = next(f for f in findings if f["kind"] == "parent-revised")
    assert {"node", "parent_clause", "old_text", "new_text"} <= revised["data"].keys()

    assert main(["rebase", str(draft_path)]) == 1  # a conflict and a removed clause need the user
    out = capsys.readouterr().out
    assert "已采用上级新文字" in out and "未能采用" in out and "冲突" in out
    rebased = load_draft(draft_path)
    text = "".join(county_node(rebased, "三.二.1").paragraphs)
    assert PARENT_EDITS["三.二.1"][1] in text and COUNTY_EDITS["三.二.1"][1] in text
    after = {f["kind"] for f in _findings(capsys, draft_path)}
    assert "parent-revised" not in after and "parent-removed" in after

    # nothing left to take: the file stays as it is, exit 0 for the plan with nothing removed
    before = draft_path.read_bytes()
    assert main(["rebase", str(draft_path), "--to", "yinchuan-city"]) == 2  # not its parent
    assert main(["rebase", str(draft_path), "--to", "yc@2"]) == 1  # the removed clause remains
    assert draft_path.read_bytes() == before


def test_a_later_stage_of_the_same_title_is_a_new_version(tmp_path, capsys):
    assert main(["import-plan", str(revised_seed(tmp_path, stage="送审稿"))]) == 0
    err = capsys.readouterr().err
    assert "提示：" in err and "新版本" in err
    plan = find_plan("yinchuan-city")
    assert plan.revision == 2 and plan.stage == "送审稿"
    assert find_plan("yinchuan-city@1").stage == "征求意见稿"


def test_the_same_source_is_no_new_version(capsys):
    assert main(["import-plan", str(SEEDS["yinchuan-city"]), "--id", "yc"]) == 0
    assert main(["import-plan", str(SEEDS["yinchuan-city"]), "--replaces", "yc"]) == 2
    assert "不是新版本" in capsys.readouterr().err
