"""The 检查与对照 dock's 对照表: 承接方式 per parent measure, the 理由 typed in place and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from app.core import operations as ops
from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.gui.document import DraftDocument
from app.gui.views import checks_panel
from tests.gui.helpers import type_text

CLAUSE = "yinchuan-city:三.一.2"


def _yongning_without_one(window, qtbot):
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yinchuan-city")
    )
    removed = next(n for n in draft.walk() if any(s.node == CLAUSE for s in n.sources))
    draft = ops.remove(draft, removed.id)
    window.set_document(DraftDocument(draft, None, window))
    qtbot.waitUntil(lambda: window.checks.checked is window.doc.draft, timeout=20_000)


def _row(window, clause: str):
    tree = window.checks.coverage
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for k in range(top.childCount()):
            item = top.child(k)
            if item.data(0, checks_panel.CLAUSE) == clause:
                return item
    return None


def _manner(window, label: str) -> str:
    tree = window.checks.coverage
    top = tree.topLevelItem(0)
    return next(
        top.child(k).text(2) for k in range(top.childCount()) if top.child(k).text(0) == label
    )


def test_a_reason_typed_in_the_dock_is_kept_and_undone(window, qtbot):
    _yongning_without_one(window, qtbot)
    tree = window.checks.coverage
    window.checks.setCurrentWidget(tree)
    assert tree.topLevelItem(0).text(0) == "《银川市碳达峰实施方案》（措施 34 条，承接 33 条）"
    assert _manner(window, "三（一）1 推进清洁能源开发利用") == "直接承接"
    item = _row(window, CLAUSE)
    assert item.text(2) == "未承接（理由待填）" and item.text(3) == ""

    rect = tree.visualItemRect(item)
    rect.setLeft(tree.header().sectionPosition(3))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tree.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(editor, "本县无燃煤电厂")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.draft.not_taken_reason(CLAUSE) == "本县无燃煤电厂")
    assert window.doc.stack.undoText() == "填写未承接理由"
    qtbot.waitUntil(lambda: window.checks.checked is window.doc.draft, timeout=20_000)
    item = _row(window, CLAUSE)
    assert (item.text(2), item.text(3)) == ("未承接", "本县无燃煤电厂")

    window.edits.undo_action.trigger()
    assert window.doc.draft.not_taken_reason(CLAUSE) == ""
    qtbot.waitUntil(lambda: window.checks.checked is window.doc.draft, timeout=20_000)
    item = _row(window, CLAUSE)
    assert (item.text(2), item.text(3)) == ("未承接（理由待填）", "")


def test_a_taken_up_measure_still_goes_to_the_county_measure(window, qtbot):
    _yongning_without_one(window, qtbot)
    tree = window.checks.coverage
    item = tree.topLevelItem(0).child(0)
    went = []
    window.checks.node_selected.connect(went.append)
    tree.itemDoubleClicked.emit(item, 0)
    assert went == [item.data(0, checks_panel.NODE)] and went[0]
    assert tree.state() != QAbstractItemView.State.EditingState


def test_the_export_dialog_writes_the_crosswalk_when_asked(qtbot, tmp_path):
    from docx import Document

    from app.core.draft.demo import load_demo
    from app.core.plans.resolver import PlanResolver
    from app.gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(load_demo(), str(tmp_path), PlanResolver.library())
    qtbot.addWidget(dialog)
    assert dialog.crosswalk.text() == "上级方案任务承接对照表（.docx）"
    assert not dialog.crosswalk.isChecked()
    dialog.word.setChecked(False)
    dialog.excel.setChecked(False)
    dialog.crosswalk.setChecked(True)
    dialog.run()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    written = tmp_path / "平罗县碳达峰实施方案上级方案任务承接对照表.docx"
    assert dialog.written == [written]
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == [written.name]
    assert written.name in dialog.status.text()
    assert len(Document(str(written)).tables) == 1
