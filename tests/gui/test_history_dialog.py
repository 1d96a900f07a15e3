"""编辑 › 操作历史 jumps only when asked, says how far, and closes on Esc (issue 27)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLabel

from tests.gui.helpers import type_text


def _two_edits(window) -> tuple[str, str]:
    measure = next(m for m in window.doc.draft.measures() if m.title == "大力发展新能源")
    window.outline.select(measure.id)
    window.select(measure.id)
    title = window.editor.title
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    QTest.keyClick(title, Qt.Key.Key_End)
    type_text(title, "一")
    QTest.keyClick(title, Qt.Key.Key_Tab)
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    QTest.keyClick(title, Qt.Key.Key_End)
    type_text(title, "二")
    QTest.keyClick(title, Qt.Key.Key_Tab)
    assert window.doc.stack.count() == 2
    return measure.id, measure.title


def _history(window, qtbot) -> tuple[QDialog, QAbstractItemView]:
    menu_entry = next(a for a in window.findChildren(QAction) if a.text() == "操作历史…")
    menu_entry.trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog)
        and w.windowTitle() == "操作历史"
        and w.isVisible()
        and w.parent() is window
    )
    qtbot.waitExposed(dialog)
    return dialog, dialog.findChild(QAbstractItemView)


def _click_row(view: QAbstractItemView, row: int, double: bool = False) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:  # Qt 6 takes a double-click only over the item last pressed
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_one_click_on_the_first_row_undoes_nothing_and_says_what_a_jump_would(window, qtbot):
    node_id, title = _two_edits(window)
    dialog, view = _history(window, qtbot)
    _click_row(view, 0)
    assert window.doc.draft.find(node_id).title == title + "一二"
    assert window.doc.stack.index() == 2
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "撤销 2 步" in shown


def test_a_double_click_jumps_and_enter_jumps_back(window, qtbot):
    node_id, title = _two_edits(window)
    _dialog, view = _history(window, qtbot)
    _click_row(view, 0, double=True)
    assert window.doc.draft.find(node_id).title == title
    assert "已撤销 2 步" in window.statusBar().currentMessage()
    _click_row(view, 2)
    assert window.doc.draft.find(node_id).title == title  # a click still only selects
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.doc.draft.find(node_id).title == title + "一二"


def test_esc_closes_the_history(window, qtbot):
    _two_edits(window)
    dialog, view = _history(window, qtbot)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
