"""The unit boxes' suggestion lists pick what the user highlighted (issue 27).

Typing 县发 in 牵头单位, ↓ onto the first suggestion and Enter made the
catalogue's first unit (sorted) the lead; each body was offered under
all of its names.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import type_text


def _open_measure(window, title: str = "大力发展新能源") -> str:
    measure = next(m for m in window.doc.draft.measures() if m.title == title)
    window.outline.select(measure.id)
    window.select(measure.id)
    return measure.id


def _press(widget, key: Qt.Key) -> None:
    """A key as the user's keyboard sends it: to the open list, if one is open."""
    QTest.keyClick(QApplication.activePopupWidget() or widget, key)


def _suggestions(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _type_into_lead(window, text: str):
    box = window.editor.lead.lineEdit()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    box.selectAll()
    QTest.keyClick(box, Qt.Key.Key_Delete)
    type_text(box, text)
    return box


def test_down_then_enter_in_the_lead_box_picks_the_highlighted_unit(window, qtbot):
    node_id = _open_measure(window)
    box = _type_into_lead(window, "县发")
    popup = window.editor.lead_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    _press(box, Qt.Key.Key_Down)
    highlighted = popup.currentIndex().data()
    _press(box, Qt.Key.Key_Return)
    assert window.editor.lead.currentText() == "县发改局"
    assert "县发改局" in highlighted
    assert window.doc.draft.find(node_id).responsibility.lead == "县发改局"


def test_tab_and_a_click_take_the_highlighted_unit_too(window, qtbot):
    node_id = _open_measure(window)
    box = _type_into_lead(window, "县发")
    popup = window.editor.lead_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    _press(box, Qt.Key.Key_Down)
    _press(box, Qt.Key.Key_Tab)
    assert window.doc.draft.find(node_id).responsibility.lead == "县发改局"
    # the 配合单位 box: a click on a suggestion adds that unit
    adding = window.editor.new_unit
    QTest.mouseClick(adding, Qt.MouseButton.LeftButton)
    type_text(adding, "财政")
    popup = window.editor.unit_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    rect = popup.visualRect(popup.model().index(0, 0))
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert adding.text() == "县财政局"


def test_a_body_is_offered_once_and_found_by_any_of_its_names(window, qtbot):
    _open_measure(window)
    _type_into_lead(window, "发展和改革")
    completer = window.editor.lead_completer
    qtbot.waitUntil(completer.popup().isVisible)
    offered = _suggestions(completer)
    assert len(offered) == 1 and "县发改局" in offered[0] and "发展和改革局" in offered[0]
    _type_into_lead(window, "发改")
    assert len(_suggestions(completer)) == 1


def test_the_unit_typed_to_add_goes_when_another_measure_is_opened(window, qtbot):
    _open_measure(window)
    adding = window.editor.new_unit
    QTest.mouseClick(adding, Qt.MouseButton.LeftButton)
    type_text(adding, "县财政局")
    other = next(m for m in window.doc.draft.measures() if m.title != "大力发展新能源")
    window.outline.select(other.id)  # the user clicks another measure in the outline
    qtbot.waitUntil(lambda: window.editor.node_id == other.id)
    assert adding.text() == ""
