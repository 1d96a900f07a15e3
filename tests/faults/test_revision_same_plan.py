"""Issue 23, failure 2: another province's plan is not a revision; a rebase can be undone
and goes back to any earlier version of its parent."""

from __future__ import annotations

from app.cli import main
from app.core.draft.store.files import load_draft, save_draft
from app.core.plans.library import find_plan, list_plans
from tests.conftest import SOURCES
from tests.drafts.test_parent_revised import PARENT_EDITS, county_node, drafted, revised_seed

CHENGDU = SOURCES / "chengdu_energy_structure_2022.txt"


def test_another_provinces_plan_is_refused_as_a_revision(tmp_path, capsys):
    chengdu = tmp_path / "成都.txt"
    chengdu.write_bytes(CHENGDU.read_bytes())
    assert main(["import-plan", str(chengdu), "--replaces", "ningxia-region"]) == 2
    err = capsys.readouterr().err
    assert "不是方案库中 ningxia-region" in err
    assert "级别不同" in err and "地区不同" in err and "文字只有" in err
    assert find_plan("ningxia-region").revision == 1
    assert "成都" not in find_plan("ningxia-region").title


def test_the_same_title_from_another_city_is_a_plan_of_its_own(tmp_path, capsys):
    lines = CHENGDU.read_text(encoding="utf-8").split("\n")
    lines[0:1] = ["银川市碳达峰实施方案", "(送审稿)"]
    path = tmp_path / "same_title.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["import-plan", str(path)]) == 0
    assert find_plan("yinchuan-city").revision == 1  # not taken as its revision
    assert "已替换" not in capsys.readouterr().out
    assert len([e for e in list_plans() if not e.problem]) == 5


def test_rebase_keeps_a_version_undo_and_any_earlier_revision(tmp_path, capsys):
    draft_path = tmp_path / "永宁.peakplan"
    save_draft(drafted(), draft_path)
    original = {n.id: (n.title, n.paragraphs) for n in load_draft(draft_path).walk()}
    assert main(["import-plan", str(revised_seed(tmp_path)), "--replaces", "yc"]) == 0
    main(["rebase", str(draft_path)])
    assert "rebase" in capsys.readouterr().out  # how to undo it is said
    rebased = load_draft(draft_path)
    assert [v.stage for v in rebased.versions] == ["采用上级修订前"]
    node = county_node(rebased, "三.二.1")
    assert PARENT_EDITS["三.二.1"][1] in "".join(node.paragraphs)

    # back to version 1 of the parent: the text it had before
    assert main(["rebase", str(draft_path), "--to", "yc@1"]) in (0, 1)  # 1: a county edit kept
    out = capsys.readouterr().out
    assert "不在方案库中" not in out and "已采用上级新文字" in out
    back = load_draft(draft_path)
    assert PARENT_EDITS["三.二.1"][0] in "".join(county_node(back, "三.二.1").paragraphs)

    # --undo twice more: the state before the last rebase, nothing lost
    assert main(["rebase", str(draft_path), "--undo"]) == 0
    undone = load_draft(draft_path)
    assert PARENT_EDITS["三.二.1"][1] in "".join(county_node(undone, "三.二.1").paragraphs)
    assert [v.stage for v in undone.versions][-1] == "撤销采用上级修订前"
    first = undone.versions[0]
    from app.core.operations.consultation.versions import version_draft

    kept = version_draft(undone, 0)
    assert first.stage == "采用上级修订前"
    assert {n.id: (n.title, n.paragraphs) for n in kept.walk()} == original
