"""查找/替换 as a user does it: Ctrl+H in the window, type, 全部替换, then one Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.operations.find_replace import find_text
from tests.gui.helpers import type_text


def _active(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_replace_everywhere_is_one_undo_step(window, qtbot):
    _active(window, qtbot)
    before = window.doc.draft
    count = len(find_text(before, "县发改局"))
    assert count > 3
    QTest.keyClick(window.outline, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.edits.find_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    type_text(dialog.needle, "县发改局")
    QTest.keyClick(dialog.needle, Qt.Key.Key_Return)
    assert dialog.results.count() == count
    dialog.replacement.setFocus()
    type_text(dialog.replacement, "县发展和改革局")
    QTest.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert find_text(window.doc.draft, "县发改局") == []
    assert "已替换" in dialog.count.text()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.outline.setFocus()
    QTest.keyClick(window.outline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft == before


def test_a_result_double_clicked_shows_its_measure_and_replace_here_changes_one(window, qtbot):
    _active(window, qtbot)
    QTest.keyClick(window.outline, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.edits.find_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    type_text(dialog.needle, "光伏")
    QTest.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    measures = {m.id for m in window.doc.draft.measures()}
    paragraph_rows = [
        i
        for i in range(dialog.results.count())
        if "· 正文：" in dialog.results.item(i).text()
        and dialog.results.item(i).data(Qt.ItemDataRole.UserRole + 1).node_id in measures
    ]
    row = paragraph_rows[0]
    item = dialog.results.item(row)
    rect = dialog.results.visualItemRect(item)
    QTest.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    hit = item.data(Qt.ItemDataRole.UserRole + 1)
    assert window.editor.node_id == hit.node_id
    total = dialog.results.count()
    dialog.results.setCurrentRow(row)
    dialog.replacement.setFocus()
    type_text(dialog.replacement, "太阳能发电")
    QTest.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert dialog.results.count() == total - 1
