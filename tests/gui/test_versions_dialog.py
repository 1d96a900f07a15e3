"""文件 › 版本列表…: a version is dropped only when the question naming it is answered 是."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.core import operations as ops
from app.gui.commands import push


def test_dropping_a_version_declined_keeps_it(window, qtbot, monkeypatch):
    push(window.doc, "保存版本", lambda d: ops.save_version(d, "征求意见稿", "2023-08-15"))
    before = window.doc.draft
    window.versions.list_action.trigger()
    dialog = window.versions.dialog
    assert dialog.table.rowCount() == 1
    rect = dialog.table.visualRect(dialog.table.model().index(0, 0))
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.No,
    )
    QTest.mouseClick(dialog.drop, Qt.MouseButton.LeftButton)
    assert asked and "征求意见稿 2023-08-15" in asked[0]
    assert window.doc.draft is before and dialog.table.rowCount() == 1
    dialog.reject()
