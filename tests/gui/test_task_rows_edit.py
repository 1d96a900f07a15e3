"""The 任务分工 page adds, removes and reorders pieces of work, each one undo step, and a
proposed unit is accepted in the editor with one click (issue 24, items 2 and 3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from app.core.operations.new_draft import new_draft
from app.core.operations.work_rows import NEW_WORK
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.task_rows import task_rows
from app.gui.document import DraftDocument
from app.importer import import_plan
from tests.gui.helpers import edit_cell

PARENT = (
    "某省关于加快建立健全绿色低碳循环发展经济体系的实施意见\n\n一、重点任务\n"
    "（一）健全绿色低碳循环发展的生产体系\n"
    "1.推进工业绿色升级。加快实施钢铁、石化、化工等行业绿色化改造。\n"
    "2.加快农业绿色发展。推进农业投入品减量，加强畜禽粪污资源化利用。\n"
)


def _click_cell(table, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _works(window, node_id: str) -> list[str]:
    return [w.work for w in window.doc.draft.find(node_id).work_rows]


def _on_tasks_page(window):
    window.pages.setCurrentWidget(window.tasks)
    page = window.tasks
    line = page.model.lines[0]
    _click_cell(page.table, 0, 3)
    page.table.setFocus()
    return page, line.node_id


def test_insert_adds_a_row_under_the_same_number_and_undo_takes_it_back(window, qtbot):
    page, node_id = _on_tasks_page(window)
    before = window.doc.draft
    rows_before = page.model.rowCount()
    QTest.keyClick(page.table, Qt.Key.Key_Insert)
    assert page.model.rowCount() == rows_before + 1
    assert _works(window, node_id)[1] == NEW_WORK
    assert page.table.currentIndex().row() == 1  # the new row is the current one
    first = task_rows(window.doc.draft)[0]
    assert len(first.works) == 2 and first.number == 1  # one 序号, two pieces of work
    window.edits.undo_action.trigger()
    assert window.doc.draft == before and page.model.rowCount() == rows_before
    window.edits.redo_action.trigger()
    assert _works(window, node_id)[1] == NEW_WORK


def test_rows_move_within_their_measure_by_keys_and_buttons(window, qtbot):
    page, node_id = _on_tasks_page(window)
    QTest.keyClick(page.table, Qt.Key.Key_Insert)
    original, added = _works(window, node_id)
    QTest.keyClick(
        page.table,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _works(window, node_id) == [added, original]
    assert page.table.currentIndex().row() == 0  # the moved row stays the current one
    QTest.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert _works(window, node_id) == [original, added]
    window.edits.undo_action.trigger()
    assert _works(window, node_id) == [added, original]
    window.edits.undo_action.trigger()
    assert _works(window, node_id) == [original, added]
    # the last row of a measure goes no further down: said, nothing changed
    page.table.setCurrentIndex(page.model.index(1, 3))
    QTest.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert _works(window, node_id) == [original, added]
    assert "最后项主要工作" in window.statusBar().currentMessage()


def test_the_context_menu_removes_a_row_and_undo_restores_it(window, qtbot):
    page, node_id = _on_tasks_page(window)
    QTest.keyClick(page.table, Qt.Key.Key_Insert)
    with_two = window.doc.draft
    rect = page.table.visualRect(page.model.index(1, 3))
    # a right click on the second row, as the window system reports it
    viewport = page.table.viewport()
    at = rect.center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    menu = page.menu
    qtbot.waitUntil(menu.isVisible)
    remove = next(a for a in menu.actions() if a.text() == "删除此行")
    menu.setActiveAction(remove)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    assert len(window.doc.draft.find(node_id).work_rows) == 1
    window.edits.undo_action.trigger()
    assert window.doc.draft == with_two


def test_a_proposed_unit_is_accepted_with_one_click_and_one_undo(window, qtbot, tmp_path):
    path = tmp_path / "parent.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="opinions", level="province").plan
    draft, _ = new_draft(county="阳朔县", city="桂林市", region="广西壮族自治区", plan=plan)
    window.set_document(DraftDocument(draft, None, window))
    measure = next(n for n in draft.walk() if n.title == "推进工业绿色升级")
    window.outline.select(measure.id)
    window.select(measure.id)
    window.pages.setCurrentWidget(window.editor)
    panel = window.editor.questions
    window.editor.side.setCurrentWidget(panel)
    items = [panel.list.item(i).text() for i in range(panel.list.count())]
    row = next(i for i, t in enumerate(items) if "拟定的责任单位" in t and "县工信局" in t)
    panel.list.setCurrentRow(row)
    confirm = next(
        b for b in panel.findChildren(QPushButton) if b.text() == "确认" and b.isVisible()
    )
    QTest.mouseClick(confirm, Qt.MouseButton.LeftButton)
    after = window.doc.draft
    assert after.find(measure.id).responsibility == measure.responsibility
    plans = PlanResolver.of([plan])
    proposed = [f for f in check_draft(after, plans) if "建议牵头单位：县工信局" in f.message]
    assert proposed == []
    window.edits.undo_action.trigger()
    assert window.doc.draft == draft


def test_a_banners_exported_catalogue_leaves_the_next_countys_names_alone(
    window, qtbot, tmp_path, monkeypatch, user_dirs
):
    """导出目录… of a 旗's draft once replaced the generic catalogue: the next 县 got 旗发改委."""
    from PySide6.QtWidgets import QFileDialog

    from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue
    from app.core.text.county import CountyContext

    path = tmp_path / "parent.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="opinions", level="province").plan
    draft, _ = new_draft(county="准格尔旗", city="鄂尔多斯市", region="内蒙古自治区", plan=plan)
    window.set_document(DraftDocument(draft, None, window))
    window.pages.setCurrentWidget(window.catalogue)
    offered = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda _parent, _title, where, _filter: (offered.append(where) or where, "")),
    )
    button = next(b for b in window.catalogue.findChildren(QPushButton) if b.text() == "导出目录…")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert offered and offered[0].endswith("准格尔旗.json")
    assert (user_dirs / "catalogues" / "准格尔旗.json").is_file()
    county = load_catalogue(
        GENERIC_CATALOGUE, CountyContext("平罗县", "石嘴山市", "宁夏回族自治区")
    )
    assert "县发改局" in county.names() and "旗发改委" not in county.names()


def test_a_proposed_lead_is_marked_on_the_task_page_until_the_county_names_its_own(
    window, qtbot, tmp_path
):
    path = tmp_path / "parent.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="opinions", level="province").plan
    draft, _ = new_draft(county="阳朔县", city="桂林市", region="广西壮族自治区", plan=plan)
    window.set_document(DraftDocument(draft, None, window))
    window.pages.setCurrentWidget(window.tasks)
    page = window.tasks
    lead = page.model.index(0, 4)
    assert lead.data() == "县工信局"
    assert lead.data(Qt.ItemDataRole.ToolTipRole).startswith("拟定，待确认：建议牵头单位：县工信局")
    assert lead.data(Qt.ItemDataRole.BackgroundRole) is not None
    edit_cell(qtbot, page.table, 0, 4, "县发改局")
    lead = page.model.index(0, 4)
    assert lead.data() == "县发改局"
    assert lead.data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.doc.draft.find(page.model.lines[0].node_id).responsibility.lead == "县发改局"
