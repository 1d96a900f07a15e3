"""Recovery and start-up under faults: nothing the user had is deleted, start-up never stops.

Found by the fault hunt: unreadable recovery files (a newer version, damaged) were
deleted silently at start-up; accepting a recovery whose draft had been moved or
deleted crashed start-up (FileNotFoundError), so the only way on discarded the
work; a recovery folder that could not be created made autosave fail silently.
"""

from __future__ import annotations

import json
import os

import pytest

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import recovery_dir, save_draft, save_recovery
from app.gui import app as gui_app
from app.gui.commands import push


@pytest.fixture
def start(qtbot, monkeypatch):
    """Start the app as a user does; the recovery question answered yes."""
    told: list[list[str]] = []
    monkeypatch.setattr(gui_app, "ask_recover", lambda *a: True)
    monkeypatch.setattr(gui_app, "tell_set_aside", lambda _w, names: told.append(names))
    windows = []

    def started():
        window = gui_app.build_window()
        qtbot.addWidget(window)
        monkeypatch.setattr(window.files, "ask_to_save", lambda: "discard")
        windows.append(window)
        return window, told

    yield started
    for window in windows:
        window.shutdown()


def test_unreadable_recovery_files_are_set_aside_and_named_never_deleted(start):
    folder = recovery_dir()
    folder.mkdir(parents=True)
    damaged = folder / "平罗-0123456789ab.peakplan-recovery"
    damaged.write_bytes(b'{"format": "peakplan-recovery", "draft": {"version": ')
    newer = folder / "永宁-ba9876543210.peakplan-recovery"
    record = {"format": "peakplan-recovery", "version": 1, "draft_path": "", "saved_at": ""}
    record["draft"] = {**json.loads(json.dumps(load_demo().model_dump(mode="json"))), "version": 99}
    newer.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (damaged, newer)}

    window, told = start()

    assert not damaged.exists() and not newer.exists()
    kept = {p.name: p.read_bytes() for p in (folder / "damaged").iterdir()}
    assert kept == before
    (names,) = told
    assert any("平罗-0123456789ab" in n for n in names)
    assert any("永宁-ba9876543210" in n and "请升级程序" in n for n in names)
    assert window.doc.draft.meta.county  # the app started


def test_accepting_a_recovery_whose_file_was_deleted_keeps_the_work(start, tmp_path):
    path = tmp_path / "平罗.peakplan"
    draft = load_demo()
    save_draft(draft, path)
    measure = next(draft.measures())
    save_recovery(ops.rename(draft, measure.id, "改过的措施"), path)
    os.unlink(path)  # moved away or deleted before the next start

    window, _told = start()

    assert window.doc.draft.find(measure.id).title == "改过的措施"
    assert window.doc.modified
    window.files.save()  # Ctrl+S writes it back where it was
    assert path.is_file()


def test_an_autosave_that_cannot_make_its_folder_says_so_until_one_succeeds(start):
    recovery_dir().parent.mkdir(parents=True, exist_ok=True)
    recovery_dir().write_text("a file where the folder should be")
    window, _told = start()
    chapter = window.doc.draft.chapters[0]
    push(window.doc, "重命名", ops.rename, chapter.id, "总体思路")

    window.files.autosave()  # the timer's work

    label = window.files.autosave_problem
    assert label.isVisibleTo(window) and "自动保存失败" in label.text()
    assert "恢复文件夹" in label.text()
    recovery_dir().unlink()
    window.files.autosave()
    assert not label.isVisibleTo(window)
    assert any(recovery_dir().iterdir())


def test_a_damaged_last_file_leaves_the_demo_and_a_message(start, tmp_path):
    from app.gui.app import settings

    path = tmp_path / "坏了.peakplan"
    path.write_bytes(b'{"format": "peakplan-draft", "version": 2, "meta": [[[[')
    settings().setValue("recent", [str(path)])
    window, _told = start()
    assert window.doc.path is None  # the demo
    assert "坏了.peakplan" in window.statusBar().currentMessage()
    assert path.read_bytes() == b'{"format": "peakplan-draft", "version": 2, "meta": [[[['
