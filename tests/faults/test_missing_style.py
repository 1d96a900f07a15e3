"""Issue 23, failure 7: a draft whose layout names a missing style file, or a path out of
the styles folder, opens in the house style with a message (window and command line)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from app.cli import main
from app.core.draft.demo import load_demo
from app.core.draft.store.files import save_draft
from app.gui import app as gui_app

STYLES = ["没有这个版式", "../../../../etc/passwd", "..\\..\\boot"]


def _draft(tmp_path, style: str):
    draft = load_demo()
    draft = draft.model_copy(update={"layout": draft.layout.model_copy(update={"style": style})})
    path = tmp_path / "县.peakplan"
    save_draft(draft, path)
    return path


@pytest.mark.parametrize("style", STYLES)
def test_the_window_opens_it_at_start_up(qtbot, tmp_path, style):
    path = _draft(tmp_path, style)
    window = gui_app.build_window(path)
    qtbot.addWidget(window)
    assert window.doc.path == path
    assert "已改用默认版式" in window.statusBar().currentMessage()
    assert window.preview.toPlainText().strip()


@pytest.mark.parametrize("style", STYLES)
def test_file_open_opens_it(qtbot, tmp_path, monkeypatch, style):
    window = gui_app.build_window()
    qtbot.addWidget(window)
    path = _draft(tmp_path, style)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.files.actions["open"].trigger()
    assert window.doc.path == path
    assert "已改用默认版式" in window.statusBar().currentMessage()
    window.preview.refresh()
    assert window.preview.toPlainText().strip()


@pytest.mark.parametrize("style", STYLES)
def test_the_export_says_so_in_one_line(tmp_path, capsys, style):
    path = _draft(tmp_path, style)
    assert main(["export", str(path), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "已改用默认版式" in err
    assert any(p.suffix == ".docx" for p in (tmp_path / "out").iterdir())
