"""A task run from the window (app/gui/task_runner.py): one undo step, our error as one
message, and an edit made while it ran is kept."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox

from app.core import operations as ops
from app.gui.commands import push
from app.gui.task_runner import run_draft_task
from app.tasks.result import TaskError, TaskResult


def _drafted_by(draft, name: str) -> TaskResult:
    return TaskResult(lines=[name], draft=ops.set_meta(draft, drafted_by=name))


def test_an_edit_made_while_the_task_runs_is_kept(window, qtbot):
    """The task started on the draft as it was; the user typed meanwhile: the task is run
    again on the draft as it is, so both the edit and the task's change stand, each undoable."""
    go = threading.Event()

    def slow(draft, name):
        go.wait(10)
        return _drafted_by(draft, name)

    doc = window.doc
    done = []
    run_draft_task(window, "编制单位", slow, "某设计院", done=done.append)
    push(doc, "委托单位", ops.set_meta, commissioned_by="某县发改局")
    go.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    meta = doc.draft.meta
    assert (meta.commissioned_by, meta.drafted_by) == ("某县发改局", "某设计院")
    window.edits.undo_action.trigger()
    assert doc.draft.meta.drafted_by != "某设计院"
    assert doc.draft.meta.commissioned_by == "某县发改局"


def test_a_task_error_is_one_message_naming_the_file(window, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: said.append(text))

    def refuse(draft):
        raise TaskError("县住建局.docx", "不是 Word 文件")

    before = window.doc.draft
    run_draft_task(window, "导入反馈", refuse)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == ["县住建局.docx：不是 Word 文件"]
    assert window.doc.draft is before and not window.doc.stack.count()


def test_files_read_side_by_side_are_each_read_once(window, qtbot, monkeypatch, tmp_path):
    """Two returned files read in workers at once: the second finds the draft changed by the
    first and adds its opinions to it, without reading its file again (a slow Word file)."""
    import sys
    import types

    from app.core.draft.consultation import Opinion

    first = next(window.doc.draft.measures())
    reads = []

    def read(path, sent, unit=None):
        reads.append(path.name)
        opinion = Opinion(id="o1", unit=path.stem, kind="comment", node_id=first.id, comment="意见")
        return types.SimpleNamespace(opinions=[opinion], unmatched=[], notes=[], repeated=[])

    module = types.ModuleType("app.feedback.reader")
    module.read_feedback = read
    monkeypatch.setitem(sys.modules, "app.feedback.reader", module)
    told = []
    monkeypatch.setattr(window.opinion_actions, "tell", told.append)
    window.opinion_actions.import_files([tmp_path / "县住建局.docx", tmp_path / "县发改局.docx"])
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert sorted(reads) == sorted(["县住建局.docx", "县发改局.docx"])
    assert {o.unit for o in window.doc.draft.opinions} >= {"县住建局", "县发改局"}
    assert window.doc.stack.count() == 2  # one undo step a file
