"""导出前检查 (issue 16): an export with errors or open items says so first."""

from __future__ import annotations

from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.gui.dialogs import export_dialog
from app.gui.document import DraftDocument


def _yongning(window):
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yinchuan-city")
    )
    window.set_document(DraftDocument(draft, None, window))


def test_show_goes_to_the_first_problem_and_does_not_export(window, monkeypatch):
    _yongning(window)
    asked = []
    monkeypatch.setattr(window.files, "ask_preflight", lambda s: asked.append(s) or "show")
    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.checks_dock.close()
    assert window.files.export() is None
    (summary,) = asked
    lines = "\n".join(summary.lines())
    assert "待定事项" in lines and "尚未确定的目标" in lines
    assert opened == []
    assert window.checks_dock.isVisible()
    assert window.editor.node_id == summary.first_node


def test_continue_opens_the_export_dialog_and_cancel_does_nothing(window, monkeypatch):
    _yongning(window)
    answers = iter(["cancel", "continue"])
    monkeypatch.setattr(window.files, "ask_preflight", lambda s: next(answers))
    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.files.export()
    assert opened == []
    window.files.export()
    assert len(opened) == 1


def test_a_draft_with_nothing_open_exports_without_asking(window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.files, "ask_preflight", lambda s: asked.append(s) or "cancel")
    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.files.export()  # the demo: its decisions are taken
    assert asked == [] and len(opened) == 1


def test_the_preflight_box_says_what_is_open_and_its_buttons_answer(window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    _yongning(window)
    seen = []

    def click_continue():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "继续导出")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, click_continue)
    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.files.export()
    assert seen and "待定事项" in seen[0]
    assert len(opened) == 1
