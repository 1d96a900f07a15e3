"""导出 while the last .docx is open in Word/WPS (issue 27 item 6): the window says so and
offers 另存为 / 改名保存 / 重试; nothing is half-written. The lock is simulated: os.replace
refuses that one file, as Windows does while Word holds it open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.core import files as core_files
from app.gui.dialogs import export_dialog
from app.gui.dialogs.export_dialog import ExportDialog

WORD = "平罗县碳达峰实施方案.docx"
EXCEL = "平罗县碳达峰实施方案任务分工表.xlsx"


@pytest.fixture
def held(monkeypatch):
    """The files Word/WPS has open: they cannot be replaced while in the set."""
    files: set[Path] = set()
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) in files:
            raise PermissionError(13, "being used by another process", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(core_files.os, "replace", replace)
    monkeypatch.setattr(core_files, "RETRY_SECONDS", 0)
    return files


@pytest.fixture
def dialog(window, qtbot, tmp_path, monkeypatch):
    """The export dialog on the demo, exported once into tmp_path already."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )  # 以下文件已存在，要替换吗？
    box = ExportDialog(window.doc.draft, str(tmp_path), window.plans)
    qtbot.addWidget(box)
    box.show()
    export(box, qtbot)
    assert sorted(p.name for p in box.written) == sorted([WORD, EXCEL])
    return box


def export(box: ExportDialog, qtbot) -> None:
    box.result = None
    QTest.mouseClick(
        box.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(
        lambda: (
            box.result is not None
            or (box.in_use is not None and box.in_use.isVisible())
            or "失败" in box.status.text()
        ),
        timeout=20000,
    )


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_the_window_says_the_file_is_open_and_renames_on_request(dialog, qtbot, tmp_path, held):
    before = contents(tmp_path)
    held.add(tmp_path / WORD)
    export(dialog, qtbot)
    question = dialog.in_use
    assert question is not None and question.isVisible()
    assert "文件正被 Word/WPS 打开" in question.text() and WORD in question.text()
    assert "平罗县碳达峰实施方案（2）.docx" in question.text()
    assert {"另存为…", "改名保存", "重试", "取消"} == {b.text() for b in question.buttons()}
    assert contents(tmp_path) == before  # nothing half-written
    QTest.mouseClick(button(question, "改名保存"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert sorted(p.name for p in dialog.result.written) == [
        "平罗县碳达峰实施方案（2）.docx",
        "平罗县碳达峰实施方案（2）任务分工表.xlsx",
    ]
    after = contents(tmp_path)
    assert {n: after[n] for n in before} == before


def test_retry_once_word_is_closed_replaces_the_files(dialog, qtbot, tmp_path, held):
    before = contents(tmp_path)
    held.add(tmp_path / EXCEL)
    attached = dialog.attachment.isChecked()
    QTest.keyClick(dialog.attachment, Qt.Key.Key_Space)  # another Word draft: 附件 toggled
    assert dialog.attachment.isChecked() != attached
    export(dialog, qtbot)
    assert "文件正被 Excel/WPS 打开" in dialog.in_use.text()
    assert contents(tmp_path) == before
    held.clear()  # the user closes it in Excel
    QTest.mouseClick(button(dialog.in_use, "重试"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert sorted(contents(tmp_path)) == sorted([WORD, EXCEL])
    assert contents(tmp_path)[WORD] != before[WORD]


def test_save_as_writes_into_another_folder(dialog, qtbot, tmp_path, held, monkeypatch):
    held.add(tmp_path / WORD)
    export(dialog, qtbot)
    elsewhere = tmp_path / "另一个文件夹"
    elsewhere.mkdir()
    monkeypatch.setattr(
        export_dialog.QFileDialog, "getExistingDirectory", lambda *a, **k: str(elsewhere)
    )
    QTest.mouseClick(button(dialog.in_use, "另存为…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert sorted(contents(elsewhere)) == sorted([WORD, EXCEL])
