"""GUI tests run offscreen; dialogs that would wait for a person are answered by the test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture
def window(qtbot, monkeypatch):
    """A fresh window as on first start (no recent file): the demo, unsaved."""
    from app.gui import app as gui_app

    monkeypatch.setattr(gui_app, "ask_recover", lambda *a: False)
    win = gui_app.build_window()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    monkeypatch.setattr(win.files, "ask_to_save", lambda: "discard")
    yield win
    win.shutdown()
    win.doc.stack.clear()
    win.close()
