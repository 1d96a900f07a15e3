"""The window says which official fonts this computer lacks (issue 27 item 6): in the
export dialog and in 帮助 › 关于. The computer's fonts are a temp folder."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core import fonts
from app.gui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def county_pc(tmp_path, monkeypatch):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("SIMHEI.TTF", "SIMFANG.TTF", "楷体_GB2312.ttf"):
        (folder / name).write_bytes(b"\0")
    here = fonts.FontFinder(fonts.scan_files([folder]), frozenset())
    monkeypatch.setattr(fonts, "this_computer", lambda: here)


def test_the_export_dialog_warns_of_missing_fonts(window, qtbot, county_pc, tmp_path):
    dialog = ExportDialog(window.doc.draft, str(tmp_path), window.plans)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fonts_note.isVisible()
    note = dialog.fonts_note.text()
    assert "仿宋_GB2312（以“仿宋”代替）" in note and "方正小标宋简体" in note
    assert "楷体_GB2312" not in note and "目录" in note


def test_about_lists_the_official_fonts(window, qtbot, county_pc, monkeypatch):
    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.update(text=text))
    window.view_help.show_about()  # 帮助 › 关于
    text = shown["text"]
    assert "黑体：已安装" in text and "楷体_GB2312：已安装" in text
    assert "仿宋_GB2312：未安装，Word/WPS 将以“仿宋”代替" in text
    assert "方正小标宋简体：未安装" in text and "页码可能与目录不符" in text
