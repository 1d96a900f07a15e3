"""打印预览 without LibreOffice (issue 27 item 6): the Word draft opens in Word/WPS, whose own
print preview shows the pages as they print; with no program for .docx the user is told
where the file is. "No soffice" is simulated."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.gui.actions import file_actions


def entry(window, text: str):
    return next(a for a in window.files.actions.values() if a.text().startswith(text))


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setattr(file_actions, "find_soffice", lambda: None)
    monkeypatch.setattr(
        file_actions, "to_pdf", lambda *a, **k: pytest.fail("LibreOffice is not there")
    )


def test_print_preview_opens_the_draft_in_word_or_wps(window, qtbot, no_soffice, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(file_actions, "open_file", lambda path: opened.append(path) or True)
    entry(window, "导出 PDF（打印预览）").trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    word = opened[0]
    assert word.suffix == ".docx" and word.name == "平罗县碳达峰实施方案.docx"
    assert word.stat().st_size > 0
    assert "Word/WPS" in window.statusBar().currentMessage()
    assert "打印预览" in window.statusBar().currentMessage()
    # again, the first still open in Word: the second preview is a file of its own
    opened.clear()
    entry(window, "导出 PDF（打印预览）").trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened[0] != word


def test_without_word_or_wps_either_it_says_where_the_file_is(
    window, qtbot, no_soffice, monkeypatch
):
    monkeypatch.setattr(file_actions, "open_file", lambda path: False)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    entry(window, "导出 PDF（打印预览）").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert "没有 LibreOffice" in said[0] and "Word 或 WPS" in said[0]
    assert ".docx" in said[0]
