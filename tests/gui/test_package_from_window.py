"""The 送审 package written from the window (issue 22): 意见处理 › 导出送审材料… on a draft
with one version says why the 修改对照表 and 修订稿 are left out, and writes the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from app.core import operations as ops
from tests.tasks.alike import menu_action


def test_the_package_with_one_version_says_what_is_left_out(window, qtbot, monkeypatch, tmp_path):
    from app.gui.commands import push

    push(window.doc, "保存版本", ops.save_version, "征求意见稿", "2023-08-15")
    folder = tmp_path / "送审"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    told = []
    monkeypatch.setattr(window.task_actions, "tell", lambda _title, text: told.append(text))
    menu_action(window, "意见处理", "导出送审材料(&S)…").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    names = sorted(  # the export's own record of what it wrote (.~pp…) is no document
        p.name.removeprefix("平罗县碳达峰实施方案")
        for p in folder.iterdir()
        if not p.name.startswith(".~pp")
    )
    assert names == [
        "上级方案任务承接对照表.docx",
        "意见采纳情况表.docx",
        "意见采纳情况表.xlsx",
        "起草说明.docx",
    ]
    assert "版本不足两个" in told[0] and "文件 › 保存版本…" in told[0]
    assert "已导出：" in window.statusBar().currentMessage()


def test_a_cancelled_folder_writes_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    menu_action(window, "意见处理", "导出送审材料(&S)…").trigger()
    assert not getattr(window, "running_tasks", [])
    assert [p for p in tmp_path.rglob("*") if p.suffix in (".docx", ".xlsx")] == []
