"""peakplan version / versions / export --package, and 文件 › 保存版本… in the window."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from app.cli import main
from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, save_draft
from tests.consultation.helpers import with_opinions

TITLE = "平罗县碳达峰实施方案"


def test_version_versions_and_the_package(tmp_path, capsys):
    path = tmp_path / "pingluo.peakplan"
    save_draft(with_opinions(load_demo()), path)
    assert main(["versions", str(path)]) == 0
    assert "还没有保存过版本" in capsys.readouterr().out
    assert main(["version", str(path), "--save", "征求意见稿", "--date", "2023-08-15"]) == 0
    assert "征求意见稿 2023-08-15" in capsys.readouterr().out
    assert load_draft(path).meta.stage == "征求意见稿"
    out = tmp_path / "out"
    assert main(["export", str(path), "-o", str(out), "--package"]) == 0
    printed = capsys.readouterr().out
    assert "版本不足两个" in printed
    assert not (out / f"{TITLE}修改对照表.docx").exists()
    assert main(["version", str(path), "--save", "送审稿", "--date", "2023-09-20"]) == 0
    assert main(["versions", str(path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-2].startswith("1\t征求意见稿\t2023-08-15")
    assert listed[-1].startswith("2\t送审稿\t2023-09-20")
    assert main(["version", str(path), "--save", "送审稿", "--date", "20230920"]) == 2
    assert main(["export", str(path), "-o", str(out), "--package"]) == 0
    names = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    for ending in (
        "上级方案任务承接对照表.docx",
        "意见采纳情况表.docx",
        "意见采纳情况表.xlsx",
        "修改对照表.docx",
        "起草说明.docx",
    ):
        assert f"{TITLE}{ending}" in names
        data = (out / f"{TITLE}{ending}").read_bytes()
        if ending.endswith(".docx"):
            assert Document(io.BytesIO(data)).paragraphs
        else:
            assert load_workbook(io.BytesIO(data)).active.max_row > 3


def test_save_version_through_the_menu_is_one_undo_step(window, monkeypatch):
    from app.gui.actions import version_actions

    asked = []
    monkeypatch.setattr(
        version_actions,
        "ask_version",
        lambda parent, stage: asked.append(stage) or ("征求意见稿", "2023-08-15"),
    )
    before = window.doc.draft
    assert before.meta.stage == "送审稿"
    window.versions.action.trigger()
    assert asked == ["送审稿"]
    after = window.doc.draft
    assert [v.name for v in after.versions] == ["征求意见稿 2023-08-15"]
    assert after.meta.stage == "征求意见稿"
    assert window.versions.action in window.menuBar().actions()[0].menu().actions()
    window.doc.stack.undo()
    assert window.doc.draft == before
    monkeypatch.setattr(version_actions, "ask_version", lambda parent, stage: None)
    window.versions.action.trigger()
    assert window.doc.draft == before


def test_any_two_versions_are_compared_from_the_menu(window, monkeypatch, tmp_path):
    """Issue 18: any two versions (or a version and the current text) make a 修改对照表."""
    from docx import Document

    from app.core import operations as ops
    from app.gui.actions import version_actions
    from app.gui.commands import push

    monkeypatch.setattr(
        version_actions, "ask_version", lambda parent, stage: ("征求意见稿", "2023-08-15")
    )
    window.versions.action.trigger()
    measure = next(window.doc.draft.measures())
    push(window.doc, "改", ops.rename, measure.id, measure.title + "（修改后）")
    chosen = []
    monkeypatch.setattr(
        window.versions,
        "ask_compare",
        lambda names: chosen.append(names) or (0, len(names) - 1, tmp_path / "对照"),
    )
    window.versions.compare_action.trigger()
    assert chosen[0][-1].startswith("当前稿")
    (written,) = (tmp_path / "对照").iterdir()
    text = "\n".join(c.text for t in Document(str(written)).tables for r in t.rows for c in r.cells)
    assert measure.title + "（修改后）" in text


def test_the_package_warns_of_opinions_still_pending(tmp_path, capsys):
    path = tmp_path / "pingluo.peakplan"
    draft = with_opinions(load_demo())
    pending = draft.opinions[0].model_copy(update={"decision": "pending"})
    save_draft(draft.model_copy(update={"opinions": (pending, *draft.opinions[1:])}), path)
    out = tmp_path / "out"
    assert main(["export", str(path), "-o", str(out), "--package"]) == 0
    printed = capsys.readouterr().out
    assert "1 条反馈意见待处理（意见采纳情况表第 1 条）" in printed
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert "待处理" in capsys.readouterr().out


def test_the_same_stage_and_date_twice_is_refused_unless_forced(tmp_path, capsys):
    path = tmp_path / "pingluo.peakplan"
    save_draft(load_demo(), path)
    assert main(["version", str(path), "--save", "征求意见稿", "--date", "2023-08-15"]) == 0
    assert main(["version", str(path), "--save", "征求意见稿", "--date", "2023-08-15"]) == 2
    assert "--force" in capsys.readouterr().err
    assert len(load_draft(path).versions) == 1
    args = ["version", str(path), "--save", "征求意见稿", "--date", "2023-08-15", "--force"]
    assert main(args) == 0
    assert len(load_draft(path).versions) == 2


def test_the_window_asks_before_a_second_version_of_a_name(window, monkeypatch, tmp_path):
    from app.gui.actions import version_actions

    monkeypatch.setattr(
        version_actions, "ask_version", lambda parent, stage: ("征求意见稿", "2023-08-15")
    )
    window.versions.action.trigger()
    asked = []
    monkeypatch.setattr(window.versions, "ask_again", lambda name: asked.append(name) or False)
    window.versions.action.trigger()
    assert asked == ["征求意见稿 2023-08-15"]
    assert len(window.doc.draft.versions) == 1
    monkeypatch.setattr(window.versions, "ask_again", lambda name: True)
    window.versions.action.trigger()
    assert len(window.doc.draft.versions) == 2
    shown = []
    monkeypatch.setattr(window.versions, "ask_compare", lambda names: shown.append(names) or None)
    window.versions.compare_action.trigger()
    assert len(set(shown[0])) == len(shown[0]) == 3
