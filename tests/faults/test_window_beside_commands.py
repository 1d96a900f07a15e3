"""The window and a command writing the same draft (issue 23, item 1).

Found by the fault hunt: with the draft open in the window, `peakplan feedback` saved an
opinion and the window's next save deleted it without a word. The window now saves only
over the file as it read it; a change on disk is noticed as it happens and the user
chooses 重新载入, 另存为 or 覆盖.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, save_draft
from app.gui.commands import push
from tests.conftest import ROOT


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    """The window with a saved draft open, active as on a desk, an edit not yet saved."""
    from app.gui import app as gui_app

    monkeypatch.setattr(gui_app, "ask_recover", lambda *a: False)
    win = gui_app.build_window()
    qtbot.addWidget(win)
    win.show()
    monkeypatch.setattr(win.files, "ask_to_save", lambda: "discard")
    path = save_draft(load_demo(), tmp_path / "平罗.peakplan")
    assert win.files.open_path(path)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    yield win
    win.shutdown()
    win.doc.stack.clear()
    win.close()


def _command_saves_a_version(path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "version", str(path), "--save", "送审稿"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _rename_first_chapter(win, title: str) -> None:
    push(win.doc, "重命名", ops.rename, win.doc.draft.chapters[0].id, title)


def test_ctrl_s_after_a_command_wrote_the_file_asks_and_loses_nothing(window, monkeypatch, qtbot):
    path = window.doc.path
    _rename_first_chapter(window, "窗口中的修改")
    window.files.disk.check_timer.stop()  # the watcher's question is the next test's; here: Ctrl+S
    monkeypatch.setattr(window.files.disk, "check", lambda: None)
    _command_saves_a_version(path)
    asked: list[bool] = []
    monkeypatch.setattr(
        window.files.disk, "ask", lambda modified: asked.append(modified) or "cancel"
    )
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]  # asked, told that the window holds unsaved changes
    assert [v.stage for v in load_draft(path).versions] == ["送审稿"]  # the command's work
    assert window.doc.modified  # and the window's, still there to save elsewhere

    other = path.with_name("平罗-窗口.peakplan")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    monkeypatch.setattr(window.files.disk, "ask", lambda modified: "save_as")
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [v.stage for v in load_draft(path).versions] == ["送审稿"]
    assert load_draft(other).chapters[0].title == "窗口中的修改"
    assert not window.doc.modified and window.doc.path == other


def test_overwrite_is_only_what_the_user_chose(window, monkeypatch):
    path = window.doc.path
    _rename_first_chapter(window, "窗口中的修改")
    monkeypatch.setattr(window.files.disk, "check", lambda: None)
    _command_saves_a_version(path)
    monkeypatch.setattr(window.files.disk, "ask", lambda modified: "overwrite")
    assert window.files.save()
    saved = load_draft(path)
    assert saved.chapters[0].title == "窗口中的修改" and saved.versions == ()


def test_a_command_writing_the_open_file_brings_up_the_question(window, qtbot):
    """The real dialog, from the file watcher, answered with the mouse: 重新载入 shows the
    command's version in the window."""
    path = window.doc.path
    _command_saves_a_version(path)

    def dialog() -> QMessageBox | None:
        box = QApplication.activeModalWidget()
        return box if isinstance(box, QMessageBox) else None

    clicked: list[str] = []

    def answer() -> None:
        box = dialog()
        if box is None:
            return
        clicked.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "重新载入")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    timer = QTimer(interval=50)  # the dialog is modal: answered from inside its loop
    timer.timeout.connect(answer)
    timer.start()
    try:
        qtbot.waitUntil(lambda: bool(clicked), timeout=10_000)
    finally:
        timer.stop()
    assert "已被其他程序" in clicked[0] and "没有未保存的修改" in clicked[0]
    qtbot.waitUntil(lambda: bool(window.doc.draft.versions), timeout=5000)
    assert [v.stage for v in window.doc.draft.versions] == ["送审稿"]
    assert [v.stage for v in load_draft(path).versions] == ["送审稿"]
