"""The preview after a typing pause rebuilds the blocks of the measure typed in, and only
those (issue 27: the whole preview was rebuilt, 121 ms at 1,000 measures); what it then
shows is what a whole rebuild shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.helpers import type_text

UNTOUCHED = 4242


def _open(window, title: str):
    measure = next(m for m in window.doc.draft.measures() if m.title == title)
    window.outline.select(measure.id)
    window.select(measure.id)
    return measure


def _mark_other_blocks(preview) -> int:
    """Tag every block of the preview: a block rebuilt loses its tag."""
    block, count = preview.document().begin(), 0
    while block.isValid():
        block.setUserState(UNTOUCHED)
        block, count = block.next(), count + 1
    return count


def _tagged(preview) -> int:
    block, count = preview.document().begin(), 0
    while block.isValid():
        count += block.userState() == UNTOUCHED
        block = block.next()
    return count


def test_a_typing_pause_rebuilds_only_that_measures_blocks(window, qtbot):
    _open(window, "大力发展新能源")
    preview = window.preview
    total = _mark_other_blocks(preview)
    editor = window.editor
    QTest.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.text, "新增：建设县级光伏示范项目。")
    qtbot.waitUntil(lambda: "建设县级光伏示范项目" in preview.toPlainText(), timeout=3000)
    kept = _tagged(preview)
    assert total - 3 <= kept < total  # the measure's own blocks only were rebuilt
    shown = preview.toPlainText()
    preview.stale = None
    preview.refresh()
    assert preview.toPlainText() == shown


def test_a_rename_rebuilds_the_whole_preview(window, qtbot):
    _open(window, "大力发展新能源")
    preview = window.preview
    _mark_other_blocks(preview)
    title = window.editor.title
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    QTest.keyClick(title, Qt.Key.Key_End)
    type_text(title, "和储能")
    QTest.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "大力发展新能源和储能" in preview.toPlainText(), timeout=3000)
    assert _tagged(preview) == 0
