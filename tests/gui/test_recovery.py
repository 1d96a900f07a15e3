"""Recovery that never loses work (issue 16), each path as it happens to a user.

- A saved draft, then 文件 › 新建, edits, autosave, the process killed: the next start
  opened the last saved file, offered nothing and deleted the new draft's recovery file.
- After accepting a recovery its file was deleted at once: a second crash lost the work.
- Saving a recovered draft warned falsely that another program had changed the file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import find_recoveries, save_draft
from app.gui import app as gui_app
from app.gui.commands import push
from tests.conftest import ROOT

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from app.gui import app as gui_app
    gui_app.ask_recover = lambda *a: "later"
    window = gui_app.build_window()          # opens the last saved file
    window.files.may_leave = lambda: True
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.gui.document import DraftDocument
    from app.gui.commands import push
    from app.core import operations as ops
    draft, _ = new_draft(county="永宁县", city="银川市", region="宁夏回族自治区",
                         plan=find_plan("yinchuan-city"))
    window.set_document(DraftDocument(draft, None, window))   # 文件 › 新建
    chapter = window.doc.draft.chapters[0]
    push(window.doc, "重命名", ops.rename, chapter.id, "永宁的总体要求")
    window.files.autosave_timer.timeout.emit()               # the minute passes
    print("autosaved", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def offered(monkeypatch):
    """What start-up offered, answered as the test says (default: recover)."""
    asked: list[tuple[str, str]] = []
    answer = {"value": "recover"}
    monkeypatch.setattr(
        gui_app,
        "ask_recover",
        lambda _w, saved_at, title, where: asked.append((title, where)) or answer["value"],
    )
    asked_answer = answer
    return asked, asked_answer


def _start(qtbot, monkeypatch):
    window = gui_app.build_window()
    qtbot.addWidget(window)
    monkeypatch.setattr(window.files, "ask_to_save", lambda: "discard")
    return window


def test_a_new_untitled_draft_killed_after_autosave_is_offered_before_the_last_file(
    qtbot, monkeypatch, offered, tmp_path, user_dirs
):
    saved = tmp_path / "平罗.peakplan"
    save_draft(load_demo(), saved)
    gui_app.settings().setValue("recent", [str(saved)])
    gui_app.settings().sync()
    env = {**os.environ, "PEAKPLAN_DATA_DIR": str(user_dirs), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "autosaved"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)

    asked, _answer = offered
    window = _start(qtbot, monkeypatch)
    try:
        assert asked and asked[0][0] == "永宁县碳达峰实施方案"
        assert window.doc.path is None  # the recovered new draft, not the last saved file
        assert window.doc.draft.chapters[0].title == "永宁的总体要求"
        assert window.doc.modified
    finally:
        window.shutdown()


def test_a_recovered_draft_survives_a_second_crash(qtbot, monkeypatch, offered, tmp_path):
    path = tmp_path / "平罗.peakplan"
    draft = load_demo()
    save_draft(draft, path)
    first = _start(qtbot, monkeypatch)
    first.files.open_path(path)
    push(first.doc, "重命名", ops.rename, draft.chapters[0].id, "第一次崩溃前的修改")
    first.files.autosave()
    # the process dies here: nothing closes the window

    window = _start(qtbot, monkeypatch)
    assert window.doc.draft.chapters[0].title == "第一次崩溃前的修改"
    push(window.doc, "重命名", ops.rename, draft.chapters[1].id, "恢复后的修改")
    assert len(find_recoveries()) == 1  # still there before the next autosave
    window.files.autosave()
    # and the process dies again

    again = _start(qtbot, monkeypatch)
    try:
        titles = [c.title for c in again.doc.draft.chapters[:2]]
        assert titles == ["第一次崩溃前的修改", "恢复后的修改"]
        assert len(find_recoveries()) == 1  # one document, one recovery file
    finally:
        for w in (first, window, again):
            w.shutdown()


def test_saving_a_recovered_draft_does_not_warn_and_removes_the_recovery(
    qtbot, monkeypatch, offered, tmp_path
):
    path = tmp_path / "平罗.peakplan"
    draft = load_demo()
    save_draft(draft, path)
    first = _start(qtbot, monkeypatch)
    first.files.open_path(path)
    push(first.doc, "重命名", ops.rename, draft.chapters[0].id, "恢复的修改")
    first.files.autosave()

    window = _start(qtbot, monkeypatch)
    warned = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: warned.append(a) or 0)
    try:
        assert window.files.save()
        assert warned == []
        assert find_recoveries() == []
    finally:
        first.shutdown()
        window.shutdown()


def test_put_off_recoveries_stay_and_discarded_ones_go(qtbot, monkeypatch, offered, tmp_path):
    path = tmp_path / "平罗.peakplan"
    draft = load_demo()
    save_draft(draft, path)
    first = _start(qtbot, monkeypatch)
    first.files.open_path(path)
    push(first.doc, "重命名", ops.rename, draft.chapters[0].id, "留待以后")
    first.files.autosave()
    asked, answer = offered

    answer["value"] = "later"
    later = _start(qtbot, monkeypatch)
    assert len(find_recoveries()) == 1 and later.doc.path == path  # the last file, as saved
    assert "恢复文件" in later.statusBar().currentMessage()

    answer["value"] = "discard"
    gone = _start(qtbot, monkeypatch)
    try:
        assert find_recoveries() == []
        assert len(asked) == 2
    finally:
        for w in (first, later, gone):
            w.shutdown()


def test_discarding_changes_when_leaving_removes_the_recovery(qtbot, monkeypatch, offered):
    window = _start(qtbot, monkeypatch)
    push(window.doc, "重命名", ops.rename, window.doc.draft.chapters[0].id, "不要了")
    window.files.autosave()
    assert len(find_recoveries()) == 1
    window.files.open_demo()  # 文件 › 示例, 不保存
    try:
        assert find_recoveries() == []
    finally:
        window.shutdown()
