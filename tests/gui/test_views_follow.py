"""Views follow the draft: undo reaches every view, own edits are not echoed, nothing typed is lost.

Each test reproduces what a user did and saw go wrong before views learned
what changed (and who changed it) instead of "something changed".
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from app.core.draft.mentions import editable
from app.core.readout.task_rows import task_rows
from app.gui.pages.tasks_page import TaskRowsModel
from tests.conftest import SEEDS
from tests.gui.helpers import edit_cell, type_text


def _measure(win, title):
    return next(m for m in win.doc.draft.measures() if m.title == title)


def _open_measure(win, title):
    measure = _measure(win, title)
    win.outline.select(measure.id)
    win.select(measure.id)
    win.pages.setCurrentWidget(win.editor)
    return measure


def _click_to_end_of_text(win) -> None:
    text = win.editor.text
    QTest.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QTest.keyClick(text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_undo_from_the_menu_with_the_cursor_in_the_text_shows_the_undone_text(window, qtbot):
    measure = _open_measure(window, "大力发展新能源")
    original = window.doc.draft
    _click_to_end_of_text(window)
    QTest.keyClicks(window.editor.text, "ABC")
    qtbot.waitUntil(lambda: window.doc.draft is not original, timeout=3000)
    assert window.doc.draft.find(measure.id).paragraphs[-1].endswith("ABC")
    assert window.editor.text.hasFocus()

    window.edits.undo_action.trigger()  # 编辑 › 撤销, the cursor still in the text

    assert window.doc.draft == original
    shown = editable("\n".join(original.find(measure.id).paragraphs), original)[0]
    assert window.editor.text.toPlainText() == shown
    # the next keystroke types on the undone text; it does not bring "ABC" back
    QTest.keyClicks(window.editor.text, "x")
    qtbot.waitUntil(lambda: window.doc.draft != original, timeout=3000)
    last = window.doc.draft.find(measure.id).paragraphs[-1]
    assert "ABC" not in last
    assert last.endswith("x")


def test_undo_right_after_typing_undoes_the_typing(window, qtbot):
    """Typed text still waiting for the pause is pushed first, then undone."""
    measure = _open_measure(window, "大力发展新能源")
    original = window.doc.draft
    _click_to_end_of_text(window)
    type_text(window.editor.text, "新增")
    assert window.editor.typing.isActive()
    window.edits.undo_action.trigger()
    assert window.doc.draft == original
    assert "新增" not in window.editor.text.toPlainText()
    window.edits.redo_action.trigger()
    assert window.doc.draft.find(measure.id).paragraphs[-1].endswith("新增")
    assert window.editor.text.toPlainText().endswith("新增")


def test_undoing_add_parent_takes_its_tab_away(window, qtbot, monkeypatch):
    monkeypatch.setattr(window.imports, "ask_add_parent", lambda title, notes: True)
    assert window.parents.count() == 1
    window.imports.import_file(SEEDS["yinchuan-city"])
    qtbot.waitUntil(lambda: window.parents.count() == 2, timeout=20000)
    added = window.parents.widget(1)
    window.edits.undo_action.trigger()
    assert window.parents.count() == 1
    assert window.parents.tree("yinchuan-city") is None
    qtbot.waitUntil(lambda: not _alive(added))  # the tab's tree is gone, not left connected
    window.edits.redo_action.trigger()
    assert window.parents.count() == 2
    window.edits.undo_action.trigger()
    window.edits.redo_action.trigger()
    assert window.parents.count() == 2  # one tab for one parent, however often


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_two_files_dropped_one_after_the_other_are_both_imported(window, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(
        window.imports, "ask_add_parent", lambda title, notes: offered.append(title) or True
    )
    for seed in ("yinchuan-city", "ningdong-base"):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(SEEDS[seed]))])
        window.dropEvent(
            QDropEvent(
                QPointF(10, 10),
                Qt.DropAction.CopyAction,
                data,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=30000)
    assert window.parents.count() == 3
    assert not window.imports.jobs
    assert window.imports.busy.isHidden()


def test_a_work_row_edited_in_the_editor_still_follows_the_measure_lead(window, qtbot):
    measure = _open_measure(window, "全面提升节能管理能力")
    cooperating = "、".join(measure.responsibility.units[1:])
    # the user drops a 配合单位 from the row, then thinks better of it and types it back
    edit_cell(qtbot, window.editor.rows, 0, 2, cooperating.rsplit("、", 1)[0])
    assert window.doc.draft.find(measure.id).work_rows[0].units != ()
    edit_cell(qtbot, window.editor.rows, 0, 2, cooperating)
    assert window.doc.draft.find(measure.id).work_rows[0].units == ()
    # then makes another unit lead the measure
    line = window.editor.lead.lineEdit()
    line.selectAll()
    type_text(line, "县工信局")
    QTest.keyClick(line, Qt.Key.Key_Return)
    row = next(r for r in task_rows(window.doc.draft) if r.node_id == measure.id)
    assert row.works[0].lead == "县工信局"
    assert window.editor.rows.item(0, 1).text() == "县工信局"


def test_typing_in_a_text_section_and_moving_on_at_once_keeps_the_text(window, qtbot):
    window.pages.setCurrentWidget(window.texts)
    page = window.texts
    page.sections.setCurrentRow(0)  # 前言
    QTest.mouseClick(page.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QTest.keyClick(page.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(page.text, "\n本县补充的一段前言。")
    second = page.sections.visualItemRect(page.sections.item(1)).center()
    QTest.mouseClick(page.sections.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert page.sections.currentRow() == 1
    assert window.doc.draft.meta.preamble[-1] == "本县补充的一段前言。"


def test_typing_in_the_measure_text_does_not_rebuild_the_outline_or_the_task_table(window, qtbot):
    measure = _open_measure(window, "大力发展新能源")
    resets = []
    window.outline.model().modelReset.connect(lambda: resets.append("outline"))
    model = window.tasks.model
    model.modelReset.connect(lambda: resets.append("tasks"))
    repainted = []
    model.dataChanged.connect(lambda first, last: repainted.append((first.row(), last.row())))
    original = window.doc.draft
    _click_to_end_of_text(window)
    type_text(window.editor.text, "，并建设示范项目")
    qtbot.waitUntil(lambda: window.doc.draft is not original, timeout=3000)
    assert resets == []
    assert repainted == []  # the measure's task row states its own 主要工作, not the text
    # a new lead unit repaints that measure's task row, and only it
    line = window.editor.lead.lineEdit()
    line.selectAll()
    type_text(line, "县工信局")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert resets == []
    rows = {i for i, line in enumerate(model.lines) if line.node_id == measure.id}
    assert repainted
    assert {r for first, last in repainted for r in range(first, last + 1)} <= rows


def test_the_task_rows_model_is_a_proper_item_model(window, qtmodeltester):
    qtmodeltester.check(TaskRowsModel(window.doc))


def test_the_outline_follows_a_rename_made_in_the_editor(window, qtbot):
    measure = _open_measure(window, "大力发展新能源")
    title = window.editor.title
    title.selectAll()
    type_text(title, "大力发展可再生能源")
    QTest.keyClick(title, Qt.Key.Key_Return)
    index = window.outline.currentIndex()
    assert index.data().endswith("大力发展可再生能源")
    assert window.doc.draft.find(measure.id).title == "大力发展可再生能源"


def test_undo_with_the_cursor_in_a_cover_field_shows_the_old_value(window, qtbot):
    window.pages.setCurrentWidget(window.cover)
    field = window.cover.fields["drafted_by"]
    before = window.doc.draft.meta.drafted_by
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    type_text(field, "某某咨询公司")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.doc.draft.meta.drafted_by == "某某咨询公司"
    assert field.hasFocus()
    window.edits.undo_action.trigger()
    assert window.doc.draft.meta.drafted_by == before
    assert field.text() == before
    # leaving the field does not quietly put the undone value back
    QTest.mouseClick(window.cover.fields["commissioned_by"], Qt.MouseButton.LeftButton)
    assert window.doc.draft.meta.drafted_by == before


def test_the_committee_table_edits_through_the_core(window, qtbot):
    window.pages.setCurrentWidget(window.cover)
    count = len(window.doc.draft.meta.committee)
    window.cover.add_member()
    assert window.cover.committee.rowCount() == count + 1
    edit_cell(qtbot, window.cover.committee, count, 1, "张三")
    assert window.doc.draft.meta.committee[-1].name == "张三"
    window.edits.undo_action.trigger()
    assert window.doc.draft.meta.committee[-1].name == "（姓名）"
    assert window.cover.committee.item(count, 1).text() == "（姓名）"


def _yongning_from_ningxia(window):
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.gui.document import DraftDocument

    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("ningxia-region")
    )
    window.set_document(DraftDocument(draft, None, window))
    return draft


def test_open_questions_show_in_the_editor_and_a_click_answers_one(window, qtbot):
    draft = _yongning_from_ningxia(window)
    node = next(
        n for n in draft.walk() if any(q.quote == "组建自治区新能源研究院" for q in n.questions)
    )
    window.select_and_show(node.id)
    panel = window.editor.questions
    side = window.editor.side
    assert side.tabText(1).startswith("待定事项（")
    tab = side.tabBar().tabRect(1).center()
    QTest.mouseClick(side.tabBar(), Qt.MouseButton.LeftButton, pos=tab)
    assert panel.isVisible()
    items = [panel.list.item(i).text() for i in range(panel.list.count())]
    row = next(i for i, text in enumerate(items) if "组建自治区新能源研究院" in text)
    colours = {s.format.background().color().name() for s in window.editor.text.extraSelections()}
    assert "#ffd8a8" in colours  # the asked-about words are marked in the text
    panel.list.setCurrentRow(row)
    # only the chosen question's answers are on the panel (old buttons once lay over it)
    from PySide6.QtWidgets import QPushButton

    shown = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
    question = next(q for q in node.questions if q.quote == "组建自治区新能源研究院")
    assert [b.text() for b in shown] == [s.label for s in question.suggestions]
    button = next(
        panel.answers.itemAt(i).widget()
        for i in range(panel.answers.count())
        if panel.answers.itemAt(i).widget() is not None
        and panel.answers.itemAt(i).widget().text() == "删去"
    )
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    after = window.doc.draft.find(node.id)
    assert "组建自治区新能源研究院" not in "".join(after.paragraphs)
    assert "组建自治区新能源研究院" not in window.editor.text.toPlainText()
    assert all(
        "组建自治区新能源研究院" not in panel.list.item(i).text() for i in range(panel.list.count())
    )
    window.edits.undo_action.trigger()
    assert "组建自治区新能源研究院" in window.editor.text.toPlainText()
    assert any(
        "组建自治区新能源研究院" in panel.list.item(i).text() for i in range(panel.list.count())
    )


def test_targets_still_open_lead_to_the_target_table(window, qtbot):
    draft = _yongning_from_ningxia(window)
    from app.core.readout.questions import open_questions

    found = next(f for f in open_questions(draft) if f.stored is None)
    window.select_and_show(found.node.id)
    window.editor.side.setCurrentIndex(1)
    pending = window.editor.questions.pending
    assert pending.isVisible() and "待定" in pending.text()
    QTest.mouseClick(pending, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.targets


def test_a_plan_whose_level_is_unclear_is_asked_and_read_again_at_the_level_chosen(
    window, qtbot, monkeypatch, tmp_path
):
    """A dropped plan that names no government: the window asks its level (today the
    importer would have called it county without a word)."""
    from app.core.plans.library import find_plan

    plan_file = tmp_path / "关于推进绿色低碳发展的实施方案.txt"
    plan_file.write_text(
        "关于推进绿色低碳发展的实施方案\n\n一、总体要求\n\n坚持全市一盘棋，推动绿色低碳发展。\n\n"
        "二、重点任务\n\n（一）能源绿色低碳转型行动\n\n"
        "1.大力发展新能源。到2025年，新能源装机达到100万千瓦。（责任单位：发改委、工信局）\n",
        encoding="utf-8",
    )
    asked = []
    monkeypatch.setattr(
        window.imports,
        "ask_level",
        lambda title, evidence, guessed: asked.append((title, evidence, guessed)) or "province",
    )
    offered = []
    monkeypatch.setattr(
        window.imports, "ask_add_parent", lambda title, notes: offered.append(title) or False
    )
    window.imports.import_file(plan_file)
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    assert asked and asked[0][2] == "city" and "全市" in asked[0][1]
    from app.core.plans.library import list_plans

    entry = next(e for e in list_plans() if e.title == "关于推进绿色低碳发展的实施方案")
    plan = find_plan(entry.id)
    assert plan.level == "province"
    measure = next(s for s in plan.walk() if s.clause)
    assert measure.clause.units[0].name.startswith("省")  # read again: the units are the province's


def test_the_task_page_shows_a_deadline_as_the_table_prints_it_and_edits_the_work_alone(
    window, qtbot, tmp_path
):
    from app.core.operations.new_draft import new_draft
    from app.gui.document import DraftDocument
    from app.importer import import_plan

    path = tmp_path / "某市方案.txt"
    path.write_text(
        "某市碳达峰实施方案\n\n一、总体要求\n\n推进绿色低碳发展。\n\n二、重点任务\n\n"
        "（一）能源绿色低碳转型行动\n\n1.推进节能改造。开展重点企业节能诊断。\n\n"
        "责任单位：市经信局\n\n完成时限：2022年2月底前\n",
        encoding="utf-8",
    )
    plan = import_plan(path, level="city").plan
    draft, _ = new_draft(county="金堂县", city="成都市", region="四川省", plan=plan)
    window.set_document(DraftDocument(draft, None, window))
    window.pages.setCurrentWidget(window.tasks)
    model = window.tasks.model
    row = next(i for i, line in enumerate(model.lines) if line.work)
    shown = model.index(row, 3).data()
    assert shown.endswith("（完成时限：2022年2月底前）")
    edit_cell(qtbot, window.tasks.table, row, 3, "开展重点企业节能诊断和改造。")
    node = window.doc.draft.find(model.lines[row].node_id)
    assert (
        node.work_rows[0].work == "开展重点企业节能诊断和改造。"
    )  # the deadline is not stored in it
    assert model.index(row, 3).data() == "开展重点企业节能诊断和改造。（完成时限：2022年2月底前）"
