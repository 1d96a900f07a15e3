"""Plans dropped on the window: imported in the background, kept in the library, offered as parents.

Several files may be dropped at once or one after another: each has its own
job, and the busy indicator stays until the last one is done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressBar, QWidget

from app.core import operations as ops
from app.core.errors import PeakPlanError
from app.core.plans.model import LEVEL_NAMES
from app.gui.commands import push
from app.gui.task_runner import run_task
from app.gui.workers import Job
from app.importer.readers.by_type import PLAN_SUFFIXES  # the importer says what it reads
from app.tasks.plans import PlanImported, import_plan_file

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

__all__ = ["PLAN_SUFFIXES", "PlanImports", "plan_files"]


def plan_files(urls) -> list[Path]:
    """The dropped files the importer reads."""
    return [Path(u.toLocalFile()) for u in urls if u.toLocalFile().lower().endswith(PLAN_SUFFIXES)]


def ask_level(parent: QWidget, title: str, evidence: str, guessed: str) -> str | None:
    """Ask which government's plan this is; None if the user cancels."""
    choices = list(LEVEL_NAMES)
    labels = [LEVEL_NAMES[c] for c in choices]
    label, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("plan_import", "确认方案层级"),
        QCoreApplication.translate("plan_import", "《{}》的层级依据不足（{}），请确认：").format(
            title, evidence or "无"
        ),
        labels,
        choices.index(guessed) if guessed in choices else 0,
        False,
    )
    return choices[labels.index(label)] if ok else None


def settle_level(path: Path, result, stored: Path, ask) -> object:
    """The import as it stands, or read again at the level the user confirms when the file's
    evidence was thin (app.importer.reimport_at_level). Raises PeakPlanError."""
    guess = result.level
    if guess is None or guess.certain:
        return result
    chosen = ask(result.plan.title, guess.evidence, result.plan.level)
    if not chosen or chosen == result.plan.level:
        return result
    from app.importer import reimport_at_level

    return reimport_at_level(path, stored, result.plan.id, chosen)


class PlanImports(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.jobs: dict[Path, Job] = {}
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        window.statusBar().addWidget(self.busy)

    def import_file(self, path: Path) -> Job | None:
        """Import one plan file in a worker, as `peakplan import-plan` does
        (app/tasks/plans.py); a file already being imported is not started twice."""
        if path in self.jobs:
            return None
        self.busy.show()
        self.jobs[path] = run_task(
            self.window,
            self.tr("导入 {}").format(path.name),
            lambda: import_plan_file(path),
            lambda done: self._imported(path, done),
            lambda message: self._failed(path, message.removeprefix(f"{path}：")),
        )
        return self.jobs[path]

    def ask_and_import(self) -> None:
        """文件 › 导入上级方案…: a plan file chosen, imported into the library."""
        path = self.ask_file()
        if path:
            self.import_file(Path(path))

    def ask_file(self) -> str:
        """The plan file to import (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("导入上级方案"),
            str(Path.home()),
            self.tr("方案文件 ({})").format(" ".join("*" + suffix for suffix in PLAN_SUFFIXES)),
        )
        return path

    def _finished(self, path: Path) -> None:
        self.jobs.pop(path, None)
        if not self.jobs:
            self.busy.hide()

    def _imported(self, path: Path, done: PlanImported) -> None:
        self._finished(path)
        result = done.imported
        if done.stored is not None:
            try:
                result = settle_level(path, result, done.stored, self.ask_level)
            except PeakPlanError as exc:
                self._failed(path, exc.one_line())
                return
        plan = result.plan
        self.window.plans.forget(plan.id)
        notes = "\n".join(str(note) for note in result.notes[:5])
        self.window.statusBar().showMessage(self.tr("已导入：{}").format(plan.title), 8000)
        if plan.id in {p.id for p in self.window.doc.draft.parents}:
            return
        if self.ask_add_parent(plan.title, notes):
            push(self.window.doc, "添加上级方案", ops.add_parent, plan.id, plan.title, plan.level)

    def _failed(self, path: Path, message: str) -> None:
        self._finished(path)
        self.window.statusBar().clearMessage()
        self.window.show_error(self.tr("无法导入"), f"{path}：{message}")

    def ask_level(self, title: str, evidence: str, guessed: str) -> str | None:
        """The plan's level, when what the file says of it is thin (tests replace this)."""
        return ask_level(self.window, title, evidence, guessed)

    def ask_add_parent(self, title: str, notes: str) -> bool:
        """Offer an imported plan as a parent of the draft (tests replace this)."""
        text = self.tr("已导入《{}》。要把它作为本方案的上级方案吗？").format(title)
        if notes:
            text += "\n\n" + self.tr("导入提示：") + "\n" + notes
        return (
            QMessageBox.question(self.window, self.tr("导入方案"), text)
            == QMessageBox.StandardButton.Yes
        )
