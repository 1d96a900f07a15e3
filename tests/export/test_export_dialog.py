"""The export dialog: open questions as comments unless unticked, and how many it printed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import zipfile

from docx import Document

from app.core.plans.resolver import NO_PLANS
from tests.export.test_comments import asked_draft


def test_comments_are_on_by_default_and_the_dialog_says_how_many(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.gui.dialogs.export_dialog import ExportDialog

    draft, _questions = asked_draft()
    dialog = ExportDialog(draft, str(tmp_path), NO_PLANS)
    qtbot.addWidget(dialog)
    assert dialog.comments.isChecked() and dialog.comments.text() == "附批注（待定事项）"
    dialog.run()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert "已将 6 个待定事项作为批注标在 Word 文稿中。" in dialog.status.text()
    assert len(Document(str(dialog.result.word)).comments) == 6

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.result = None
    dialog.comments.setChecked(False)
    dialog.run()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert "未附批注：Word 文稿中仍有 6 个待定事项。" in dialog.status.text()
    with zipfile.ZipFile(dialog.result.word) as package:
        assert "word/comments.xml" not in package.namelist()


def test_a_missing_folder_is_made_after_asking(qtbot, tmp_path, monkeypatch):
    """The README's own example exported into a folder that did not exist yet (issue 16)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from app.gui.dialogs.export_dialog import ExportDialog

    draft, _questions = asked_draft()
    target = tmp_path / "导出" / "第一稿"
    dialog = ExportDialog(draft, str(target), NO_PLANS)
    qtbot.addWidget(dialog)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(dialog, "ask_create", lambda folder: asked.append(folder) or answers.pop(0))
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(export, Qt.MouseButton.LeftButton)  # 否: nothing made
    assert asked == [target] and not target.exists()
    QTest.mouseClick(export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.word.parent == target and dialog.result.word.is_file()
