"""The window's one way to run a user task (app/tasks/): in a worker, our error as one
Chinese message, a changed draft pushed as one undoable command (STYLE.md: CollectionOp).

    run_task(window, "导出送审材料", lambda: export_package_only(draft, folder, plans), done)
    run_draft_task(window, "导入反馈：县住建局.docx", read_returned_files, [path])

The task gets plain values read on the GUI thread; it never touches a widget. A task that
changes the draft is given the draft as it was when it started; if the user edited it
meanwhile, the task is run again on the draft as it is now, so no edit is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.gui.commands import DraftCommand
from app.gui.document import DraftDocument
from app.gui.workers import Job, message_of, start
from app.tasks.result import TaskResult

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

Done = Callable[[Any], object]
"""Called with what the work returned: a TaskResult for a task (a Path for the PDF preview)."""
Failed = Callable[[str], object]


def tr(text: str) -> str:
    return QCoreApplication.translate("task_runner", text)


def run_task(
    host: QWidget,
    title: str,
    work: Callable[[], object],
    done: Done,
    failed: Failed | None = None,
) -> Job:
    """Run `work` in the thread pool; `done(result)` on the GUI thread, or our error shown
    once as a warning titled `title` over `host` (the window or a dialog), or handed to
    `failed`."""
    status = getattr(host, "statusBar", None)
    bar = status() if status is not None else None
    if bar is not None:
        bar.showMessage(tr("正在{}…").format(title))
    job = Job(work)

    def finished(result: Any) -> None:
        _forget(host, job)
        if bar is not None:
            bar.clearMessage()
        done(result)

    def refused(message: str) -> None:
        _forget(host, job)
        if bar is not None:
            bar.clearMessage()
        if failed is not None:
            failed(message)
        else:
            QMessageBox.warning(host, title, message)

    job.signals.done.connect(finished)
    job.signals.failed.connect(refused)
    _running(host).append(job)  # kept alive (and countable by tests) until it reports
    start(job)
    return job


def _running(host: QWidget) -> list[Job]:
    running = getattr(host, "running_tasks", None)
    if running is None:
        running = []
        host.running_tasks = running  # type: ignore[attr-defined]
    return running


def _forget(host: QWidget, job: Job) -> None:
    running = _running(host)
    if job in running:
        running.remove(job)


def run_draft_task(
    window: MainWindow,
    text: str,
    task: Callable[..., TaskResult],
    *args,
    done: Done | None = None,
    failed: Failed | None = None,
    again: Callable[[Draft, Any], TaskResult] | None = None,
    **kwargs,
) -> Job:
    """Run `task(draft, *args, **kwargs)` on the open draft in a worker; the draft it returns
    becomes one undoable command named `text`, then `done(result)`. `again(draft, result)`:
    the task's change made on the draft as edited meanwhile, without its slow part (the
    task is run again otherwise)."""
    doc = window.doc
    started = doc.draft

    def refuse(message: str) -> None:
        (failed or (lambda m: window.show_error(text, m)))(message)

    def settle(result: TaskResult) -> None:
        if window.doc is not doc:
            refuse(tr("完成时已打开另一方案，未作修改"))
            return
        if doc.draft is not started:  # edited meanwhile: run again on the draft as it is
            try:
                if again is not None:
                    result = again(doc.draft, result)
                else:
                    result = task(doc.draft, *args, **kwargs)
            except PeakPlanError as exc:
                refuse(message_of(exc))
                return
        apply_result(doc, text, result)
        if done is not None:
            done(result)

    return run_task(window, text, lambda: task(started, *args, **kwargs), settle, failed)


def apply_result(doc: DraftDocument, text: str, result: TaskResult) -> bool:
    """The task's draft pushed as one undoable command; False when it changed nothing."""
    if result.draft is None or result.draft == doc.draft:
        return False
    doc.stack.push(DraftCommand(doc, tr(text), result.draft))
    return True


def push_task(doc: DraftDocument, text: str, task: Callable[..., TaskResult], *args, **kwargs):
    """A quick task run at once on the open draft (saving a version): one undoable command.
    Raises our error type, as the task does."""
    doc.flush()
    result = task(doc.draft, *args, **kwargs)
    apply_result(doc, text, result)
    return result
