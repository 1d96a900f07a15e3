"""Traps a county office fell into (issue 16), each as the user hits it: keys and clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.gui.helpers import type_text


def _measure(win, title):
    return next(n for n in win.doc.draft.walk() if n.title == title)


def _open_measure(win, title, qtbot):
    win.activateWindow()  # shortcuts work in the active window, as on a desk
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    measure = _measure(win, title)
    win.outline.select(measure.id)
    win.select(measure.id)
    win.pages.setCurrentWidget(win.editor)
    return measure


def _no_questions(monkeypatch) -> list:
    asked: list = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or 0)
    return asked


def test_delete_in_the_unit_list_removes_that_unit_not_the_measure(window, qtbot, monkeypatch):
    asked = _no_questions(monkeypatch)
    measure = _open_measure(window, "大力发展新能源", qtbot)
    units = measure.responsibility.units
    listing = window.editor.cooperating
    listing.setFocus()
    QTest.mouseClick(
        listing.viewport(),
        Qt.MouseButton.LeftButton,
        pos=listing.visualItemRect(listing.item(0)).center(),
    )
    QTest.keyClick(listing, Qt.Key.Key_Delete)
    assert asked == []  # no offer to delete the measure
    after = window.doc.draft.find(measure.id)
    assert after is not None
    assert after.responsibility.units == (units[0], *units[2:])


def test_delete_in_a_task_cell_never_offers_to_delete_the_measure(window, qtbot, monkeypatch):
    asked = _no_questions(monkeypatch)
    measure = _open_measure(window, "大力发展新能源", qtbot)
    rows = window.editor.rows
    rows.setFocus()
    rows.setCurrentCell(0, 0)
    QTest.keyClick(rows, Qt.Key.Key_Delete)
    assert asked == []
    assert window.doc.draft.find(measure.id) is not None
    assert "至少要有一项主要工作" in window.statusBar().currentMessage()


def test_delete_in_the_outline_asks_with_no_as_the_default(window, qtbot, monkeypatch):
    seen = []

    def question(parent, title, text, buttons=None, default=None):
        seen.append(default)
        return default  # the user presses Enter

    monkeypatch.setattr(QMessageBox, "question", question)
    measure = _open_measure(window, "大力发展新能源", qtbot)
    window.outline.setFocus()
    QTest.keyClick(window.outline, Qt.Key.Key_Delete)
    assert seen == [QMessageBox.StandardButton.No]
    assert window.doc.draft.find(measure.id) is not None


def test_choosing_a_suggestion_in_add_unit_leaves_the_lead_alone(window, qtbot):
    measure = _open_measure(window, "大力发展新能源", qtbot)
    lead = measure.responsibility.units[0]
    field = window.editor.new_unit
    field.setFocus()
    type_text(field, "统计")
    popup = window.editor.unit_completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    index = popup.model().index(0, 0)
    QTest.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )
    assert window.editor.lead.currentText() == lead
    QTest.keyClick(field, Qt.Key.Key_Return)
    units = window.doc.draft.find(measure.id).responsibility.units
    assert units[0] == lead and units[-1] == "县统计局"


def test_down_and_enter_in_the_lead_field_is_one_step_at_most(window, qtbot):
    measure = _open_measure(window, "大力发展新能源", qtbot)
    before = window.doc.stack.count()
    lead = window.editor.lead
    lead.setFocus()
    QTest.keyClick(lead, Qt.Key.Key_Down)
    QTest.keyClick(lead, Qt.Key.Key_Return)
    assert window.doc.stack.count() - before <= 1
    units = window.doc.draft.find(measure.id).responsibility.units
    assert units[0] == measure.responsibility.units[0]  # ↓ does not replace the lead


def test_removing_a_unit_from_a_measure_removes_it_from_its_task_rows(window, qtbot):
    from app.core import operations as ops
    from app.core.operations.content import WorkRowField
    from app.gui.commands import push

    measure = _open_measure(window, "大力发展新能源", qtbot)
    units = measure.responsibility.units
    row_units = (units[0], units[1])  # a row naming its own units
    push(
        window.doc,
        "x",
        ops.set_work_row_field,
        measure.id,
        0,
        WorkRowField.COOPERATING,
        units[1],
    )
    assert window.doc.draft.find(measure.id).work_rows[0].units == row_units
    push(window.doc, "y", ops.set_units, measure.id, (units[0], *units[2:]))
    assert units[1] not in window.doc.draft.find(measure.id).work_rows[0].units


def test_after_new_open_or_demo_the_editor_shows_the_new_drafts_measure(window, qtbot):
    _open_measure(window, "大力发展新能源", qtbot)
    window.files.open_demo()
    shown = window.editor.title.text()
    first = next(window.doc.draft.measures())
    assert window.editor.node_id in ("", first.id)
    assert shown in ("", first.title)


def test_delete_on_a_task_table_row_removes_that_work_only(window, qtbot, monkeypatch):
    from app.core import operations as ops
    from app.gui.commands import push

    asked = _no_questions(monkeypatch)
    measure = _open_measure(window, "大力发展新能源", qtbot)
    rows = measure.work_rows
    push(
        window.doc,
        "加一项",
        ops.set_work_rows,
        measure.id,
        (*rows, rows[0].model_copy(update={"work": "第二项主要工作。"})),
    )
    window.pages.setCurrentWidget(window.tasks)
    table = window.tasks.table
    row = window.tasks.row_of(measure.id, 1)
    table.setFocus()
    table.setCurrentIndex(window.tasks.model.index(row, 3))
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert asked == []
    after = window.doc.draft.find(measure.id)
    assert after is not None and [r.work for r in after.work_rows] == [rows[0].work]


def test_the_task_page_of_a_big_draft_fits_the_rows_on_screen_and_the_rest_when_scrolled(
    window, qtbot
):
    """Fitting every row of a 10,000-measure table took a second at each open and outline edit."""
    from app.gui.document import DraftDocument
    from benchmarks.drafts import synthetic

    window.set_document(DraftDocument(synthetic(1000), None, window))
    window.pages.setCurrentWidget(window.tasks)
    table = window.tasks.table
    qtbot.waitUntil(table.isVisible)
    first = table.rowAt(0)
    assert table.rowHeight(first) == table.sizeHintForRow(first)
    far = len(window.tasks.model.lines) - 1
    assert far in window.tasks._unfitted  # not fitted while off screen
    table.scrollToBottom()
    qtbot.waitUntil(lambda: far not in window.tasks._unfitted)
    assert table.rowHeight(far) == table.sizeHintForRow(far)
