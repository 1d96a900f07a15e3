"""The county's own data in the window: targets, units, task rows, checks, import by drop."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.core.draft.mentions import render
from app.core.readout.render import rendered_nodes
from app.core.readout.task_rows import task_rows
from app.gui.models.catalogue_models import MappingModel, UnitsModel
from app.gui.pages.targets_page import TargetsModel
from tests.conftest import SEEDS
from tests.gui.helpers import edit_cell


def _select(win, node_id):
    win.outline.select(node_id)
    win.select(node_id)


def _type_target(window, qtbot, target_id: str, year: int, text: str) -> None:
    window.pages.setCurrentWidget(window.targets)
    column = window.targets.model.county_column(year)
    edit_cell(qtbot, window.targets.table, window.targets.row_of(target_id), column, text)


def test_a_target_value_shows_everywhere_and_undo_takes_it_back(window, qtbot):
    draft = window.doc.draft
    target = next(t for t in draft.targets if t.indicator == "新能源发电总装机容量")
    measure = next(m for m in draft.measures() if m.title == "大力发展新能源")
    _select(window, measure.id)
    _type_target(window, qtbot, target.id, 2025, "120以上")
    after = window.doc.draft
    goals = render(after.chapter("goals").paragraphs[0], after)
    assert "新能源发电总装机容量达到120万千瓦以上" in goals
    assert "达到120万千瓦以上" in render(after.find(measure.id).paragraphs[0], after)
    row = next(r for r in task_rows(after) if r.node_id == measure.id)
    assert "120万千瓦以上" in row.works[0].work
    window.preview.refresh()
    assert "120万千瓦以上" in window.preview.toPlainText()
    assert "⟦达到120万千瓦以上⟧" in window.editor.text.toPlainText()
    model = window.targets.model
    assert (
        model.index(window.targets.row_of(target.id), model.county_column(2025)).data() == "120以上"
    )
    window.edits.undo_action.trigger()
    assert window.doc.draft == draft
    window.preview.refresh()
    assert "120万千瓦以上" not in window.preview.toPlainText()


def test_a_target_cell_understands_assigned_and_dropped(window, qtbot):
    target = next(t for t in window.doc.draft.targets if t.indicator == "森林覆盖率")
    _type_target(window, qtbot, target.id, 2025, "完成上级下达任务")
    text = render(window.doc.draft.chapter("goals").paragraphs[0], window.doc.draft)
    assert "森林覆盖率确保完成自治区、石嘴山市下达任务" in text
    _type_target(window, qtbot, target.id, 2025, "不列此目标")
    assert "森林覆盖率" not in render(
        window.doc.draft.chapter("goals").paragraphs[0], window.doc.draft
    )


def test_a_target_cell_that_is_no_value_is_refused_with_a_message(window, qtbot):
    before = window.doc.draft
    target = next(t for t in before.targets if t.indicator == "森林覆盖率")
    _type_target(window, qtbot, target.id, 2025, "很多")
    assert window.doc.draft == before
    assert "不是目标值" in window.targets.message.text()


def test_the_target_model_is_a_proper_item_model(window, qtmodeltester):
    qtmodeltester.check(TargetsModel(window.doc))


def test_renaming_a_unit_in_the_catalogue_changes_every_clause_and_row(window, qtbot):
    window.pages.setCurrentWidget(window.catalogue)
    row = [r[0] for r in window.catalogue.units_model.rows].index("县教体局")
    edit_cell(qtbot, window.catalogue.units, row, 0, "县教育体育局")
    draft = window.doc.draft
    clauses = "".join(r.clause for r in rendered_nodes(draft))
    assert "教体局" not in clauses and "教育体育局" in clauses
    rows = [u for r in task_rows(draft) for w in r.works for u in (w.lead, *w.cooperating)]
    assert "县教体局" not in rows and "县教育体育局" in rows
    model = window.catalogue.units_model
    assert "县教育体育局" in [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_catalogue_models_are_proper_item_models(window, qtmodeltester):
    qtmodeltester.check(UnitsModel(window.doc))
    qtmodeltester.check(MappingModel(window.doc))


def test_an_edit_in_the_task_page_shows_in_the_measure_editor(window, qtbot):
    measure = next(m for m in window.doc.draft.measures() if m.title == "全面提升节能管理能力")
    window.pages.setCurrentWidget(window.tasks)
    row = window.tasks.row_of(measure.id)
    edit_cell(qtbot, window.tasks.table, row, 4, "县工信局")
    _select(window, measure.id)
    assert window.editor.rows.item(0, 1).text() == "县工信局"
    window.pages.setCurrentWidget(window.tasks)
    edit_cell(qtbot, window.tasks.table, row, 3, "建立用能预算管理制度。")
    _select(window, measure.id)
    assert window.editor.rows.item(0, 0).text() == "建立用能预算管理制度。"
    assert window.doc.draft.find(measure.id).work_rows[0].work == "建立用能预算管理制度。"


def test_checks_list_a_unit_missing_from_the_catalogue_until_it_is_mapped(window, qtbot):
    measure = next(window.doc.draft.measures())
    _select(window, measure.id)
    window.editor.new_unit.setText("市发改委")
    window.editor._add_unit()
    window.checks.refresh()
    missing = [f for f in window.checks.findings if f.code == "unit-not-in-catalogue"]
    assert [f.data["unit"] for f in missing] == ["市发改委"]
    assert window.checks.list.topLevelItemCount() >= 1
    assert "错误 1" in window.counts.text()
    window.catalogue.map_unit("市发改委", ("县发改局",))  # what 添加对应 does with its answers
    assert ("市发改委", "县发改局") in window.catalogue.mapping_model.rows
    window.checks.refresh()
    assert not [f for f in window.checks.findings if f.code == "unit-not-in-catalogue"]
    assert "错误 0" in window.counts.text()


def test_dropping_a_seed_text_imports_it(window, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(
        window.imports, "ask_add_parent", lambda title, notes: offered.append(title) or True
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SEEDS["yinchuan-city"]))])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    assert offered == ["银川市碳达峰实施方案"]
    assert any("yinchuan" in p.id for p in window.doc.draft.parents)
    assert window.parents.count() == 2


def test_dropping_an_unreadable_file_says_what_and_where(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    bad = tmp_path / "坏的方案.docx"
    bad.write_bytes(b"not a zip")
    window.imports.import_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "坏的方案.docx" in shown[0]


def test_text_sections_come_from_templates_and_can_go_back(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog  # noqa: F401

    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.gui.document import DraftDocument

    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yinchuan-city")
    )
    window.set_document(DraftDocument(draft, None, window))
    page = window.texts
    goals = draft.chapter("goals")
    page.sections.setCurrentRow(page.keys.index(goals.id))
    assert "来自模板" in page.source.text() and "goals.txt.j2" in page.source.toolTip()
    original = goals.paragraphs
    page.text.setPlainText("本县自拟的主要目标。")
    page._save()
    assert window.doc.draft.chapter("goals").paragraphs == ("本县自拟的主要目标。",)
    safeguards = window.doc.draft.chapter("safeguards")
    page.sections.setCurrentRow(page.keys.index(safeguards.id))
    page.text.setPlainText("改过的保障措施导语。")
    page._save()
    page.reset_to_template()
    assert window.doc.draft.chapter("safeguards").paragraphs == safeguards.paragraphs
    assert [c.title for c in window.doc.draft.chapter("safeguards").children] == [
        c.title for c in safeguards.children
    ]
    window.edits.undo_action.trigger()
    window.edits.undo_action.trigger()
    window.edits.undo_action.trigger()
    assert window.doc.draft.chapter("goals").paragraphs == original


def test_editing_a_mapping_in_the_table_applies_it_to_the_clauses(window, qtbot):
    measure = next(window.doc.draft.measures())
    _select(window, measure.id)
    window.editor.new_unit.setText("市发改委")
    window.editor._add_unit()
    window.catalogue.map_unit("市发改委", ("县工信局",))
    window.pages.setCurrentWidget(window.catalogue)
    row = [r[0] for r in window.catalogue.mapping_model.rows].index("市发改委")
    edit_cell(qtbot, window.catalogue.mapping, row, 1, "县发改局，县财政局")
    entry = next(e for e in window.doc.draft.catalogue.mapping if e.parent == "市发改委")
    assert entry.county == ("县发改局", "县财政局")
    assert window.catalogue.mapping_model.index(row, 1).data() == "县发改局、县财政局"


def test_a_target_decision_is_picked_from_the_list_or_typed_with_its_unit(window, qtbot):
    """The county cell offers the decision words; 30% and 约30% are values (issue 16)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QComboBox

    from tests.gui.helpers import edit_cell as type_cell

    window.pages.setCurrentWidget(window.targets)
    table = window.targets.table
    model = window.targets.model
    percent = next(
        i for i, t in enumerate(window.doc.draft.targets) if t.unit == "%" and t.year(2025)
    )
    target_id = model.ids[percent]
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "本县2025年"
    )
    type_cell(qtbot, table, percent, column, "约30%")
    year = window.doc.draft.target(target_id).year(2025)
    assert (year.decision, year.value, year.after) == ("value", "30", "左右")

    index = model.index(percent, column)
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    box = QApplication.focusWidget()
    assert [box.itemText(i) for i in range(box.count())] == [
        "完成上级下达任务",
        "不列此目标",
        "待定",
    ]
    box.showPopup()
    view = box.view()
    item = view.model().index(0, 0)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(item).center())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.draft.target(target_id).year(2025).decision == "assigned")


def test_the_target_sources_are_named_as_the_plans_number_them(window, qtbot):
    """来源 shows 三（一）2, as the printed tables do, not the id's 三.一.2 (issue 28 item 6)."""
    from app.gui.document import DraftDocument

    draft = window.doc.draft
    target = draft.targets[0].model_copy(
        update={"sources": ("ningxia-region:三.一.5", "ningxia-region:二.二")}
    )
    draft = draft.model_copy(update={"targets": (target, *draft.targets[1:])})
    window.set_document(DraftDocument(draft, None, window))
    window.pages.setCurrentWidget(window.targets)
    shown = window.targets.model.index(
        window.targets.row_of(target.id), window.targets.model.source_column
    ).data()
    assert shown == "三（一）5、二（二）"
