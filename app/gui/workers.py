"""Long work off the GUI thread: export, import. The window shows progress and stays responsive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import PeakPlanError


def message_of(exc: PeakPlanError) -> str:
    """One line for the user: the file the error names (a task's TaskError.where), then what
    is wrong."""
    where = getattr(exc, "where", "")
    return f"{where}：{exc.one_line()}" if where else exc.one_line()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs a function in the thread pool; reports its result or a one-line message."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except PeakPlanError as exc:  # a task's error names its file (app/tasks/result.py)
            self.signals.failed.emit(message_of(exc))
        except Exception as exc:
            self.signals.failed.emit(f"程序内部错误（{type(exc).__name__}: {exc}）")
        else:
            self.signals.done.emit(result)


def start(job: Job) -> None:
    QThreadPool.globalInstance().start(job)
