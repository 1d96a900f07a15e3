"""The preview stays on the measure chosen when its pane changes width: the window resized to
1366×768 (as tools/screenshots.py does) showed the next measure while the first was chosen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def _top_line(preview) -> str:
    return preview.cursorForPosition(QPoint(5, 5)).block().text()


def _click_in_outline(window, qtbot, node_id: str) -> None:
    outline = window.outline
    index = outline._index_of(node_id)
    outline.scrollTo(index)
    rect = outline.visualRect(index)
    QTest.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.preview.current == node_id)


def test_the_measure_chosen_stays_at_the_top_of_the_preview_when_the_window_is_resized(
    window, qtbot
):
    first, second = list(window.doc.draft.measures())[:2]
    window.resize(1600, 900)
    qtbot.wait(50)
    _click_in_outline(window, qtbot, second.id)
    _click_in_outline(window, qtbot, first.id)
    assert _top_line(window.preview).endswith(first.title)
    for width, height in ((1366, 768), (1600, 900), (1366, 768)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(50)
        assert window.preview.isVisible()
        top = _top_line(window.preview)
        assert top.endswith(first.title), (width, top, second.title)
