"""What a user does to the widgets, through QTest: the same events a person's mouse and keys make.

Chinese is typed through an input method, which hands the widget a committed
string (QInputMethodEvent); QTest's key clicks only know ASCII keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type as a person does: ASCII on the keyboard, Chinese committed by the input method."""
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() and ch != "\n":
            run += ch
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch != "\0":
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def edit_cell(qtbot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Double-click a cell, replace its text by typing, press Enter."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # Qt 6 opens the editor on a double-click only over the item last pressed
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    if isinstance(editor, QComboBox) and editor.isEditable():
        editor = editor.lineEdit()  # a cell offering a list (the target decisions)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
