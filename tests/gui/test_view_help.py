"""视图, 帮助, the tool bar and the welcome (issue 16): what every office program has."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton


def _menu_action(window, menu_title: str, text: str):
    from PySide6.QtWidgets import QMenu

    menu = next(
        m
        for m in window.menuBar().findChildren(QMenu)
        if m.title().replace("&", "").startswith(menu_title)
    )
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))


def test_a_closed_checks_dock_comes_back_from_the_view_menu(window, qtbot):
    dock = window.checks_dock
    assert dock.isVisible()
    dock.close()  # the user clicks its ×
    assert not dock.isVisible()
    _menu_action(window, "视图", "检查与对照").trigger()
    assert dock.isVisible()


def test_the_preview_can_be_hidden_and_shown(window, qtbot):
    action = _menu_action(window, "视图", "预览")
    action.trigger()
    assert not window.preview.isVisible()
    action.trigger()
    assert window.preview.isVisible()


def test_the_toolbar_buttons_say_what_they_do(window, qtbot):
    buttons = [b for b in window.view_help.toolbar.findChildren(QToolButton) if b.defaultAction()]
    texts = {b.defaultAction().text().replace("&", "").split("(")[0] for b in buttons}
    assert {"新建", "打开", "保存", "导出", "查找"} <= texts
    for button in buttons:
        action = button.defaultAction()
        if action.text().replace("&", "").startswith(("新建", "打开", "保存", "导出", "查找")):
            assert action.toolTip() and action.toolTip() != action.text()


def test_the_guide_opens_with_f1_and_says_how_to_start(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QTest.keyClick(window.outline, Qt.Key.Key_F1)
    guide = window.view_help.guide
    assert guide is not None and guide.isVisible()
    from PySide6.QtWidgets import QTextBrowser

    text = guide.findChild(QTextBrowser).toPlainText()
    assert "新建" in text and "待定事项" in text and "示例" in text


def test_about_names_the_version_and_the_divisions_dataset(window):
    from app import __version__

    about = window.view_help.about_text()
    assert __version__ in about and "国家统计局" in about


def test_the_welcome_says_the_draft_on_screen_is_a_sample_and_opens_new(window, qtbot, monkeypatch):
    from app.gui.actions.view_help import show_welcome

    started = []
    monkeypatch.setattr(window.files, "new_draft", lambda: started.append("new"))
    dialog = show_welcome(window)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel, QPushButton

    assert "示例" in dialog.findChild(QLabel).text()
    new = next(b for b in dialog.findChildren(QPushButton) if b.text().startswith("新建"))
    QTest.mouseClick(new, Qt.MouseButton.LeftButton)
    assert started == ["new"] and not dialog.isVisible()
    assert window.settings.value("welcome/shown") in (True, "true")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_export_pdf_makes_the_print_preview_and_opens_it(window, qtbot, monkeypatch):
    from app.gui.actions import file_actions

    opened = []
    monkeypatch.setattr(file_actions, "open_file", lambda path: opened.append(path) or True)
    _menu_action(window, "文件", "导出 PDF").trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=120_000)
    pdf = opened[0]
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert window.doc.path is None or pdf.parent != window.doc.path.parent


def test_every_button_in_the_window_says_what_it_does(window):
    from PySide6.QtWidgets import QPushButton

    silent = [b.text() for b in window.findChildren(QPushButton) if b.text() and not b.toolTip()]
    assert silent == []


def test_titles_cut_off_at_1366_read_in_full_in_tooltips_without_ids(window):
    from PySide6.QtCore import Qt

    model = window.outline.model()
    measure = next(window.doc.draft.measures())
    tips = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            tips.append(index.data(Qt.ItemDataRole.ToolTipRole))
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert any(measure.title in tip for tip in tips)
    assert not any("ningxia-region:" in tip or "yinchuan-city:" in tip for tip in tips)
    assert any("《" in tip and "采纳自" in tip for tip in tips)
    tasks = window.tasks.model
    assert tasks.data(tasks.index(0, 3), Qt.ItemDataRole.ToolTipRole)


def test_every_picture_the_guide_shows_is_shipped_beside_it(window):
    """The guide (docs/guide.md) is read from the data root; a picture it names must be there."""
    import re

    from app import paths

    guide = paths.guide_path()
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide.read_text(encoding="utf-8"))
    assert pictures, "the guide shows the window"
    assert [p for p in pictures if not (guide.parent / p).is_file()] == []
