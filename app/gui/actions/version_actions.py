"""文件 › 保存版本…: the open draft frozen as a named version (征求意见稿 2023-08-15 …);
文件 › 版本列表…: the versions as `peakplan versions` lists them, one dropped with 删除版本
(`peakplan version DRAFT --drop N`).

The dialog asks the stage (征求意见稿, 送审稿, or another name typed in) and the date; the
version is saved by one undoable command (app/core/operations/consultation/versions.py through push):
undo takes the version away and the cover's stage back. Dropping a version is asked first,
naming it, and is one undoable command too (on the command line it cannot be undone).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import PeakPlanError
from app.core.files import os_reason, write_atomic
from app.core.operations.consultation.versions import COVER_STAGES, version_draft
from app.export.package.revision_doc import revisions_bytes, revisions_path
from app.gui.actions.menus import add_action_before
from app.gui.task_runner import push_task
from app.tasks.versions import drop_version, list_versions, save_version

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


class VersionDialog(QDialog):
    """稿本 and 日期 of the version to save."""

    def __init__(self, parent: QWidget | None, stage: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("保存版本"))
        self.stage = QComboBox(self)
        self.stage.setEditable(True)
        self.stage.addItems(list(COVER_STAGES))
        self.stage.setCurrentText(stage)
        self.stage.setToolTip(
            self.tr("征求意见稿、送审稿印在封面上；也可写其他名称（如 印发稿），封面不变")
        )
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow(self.tr("稿本："), self.stage)
        form.addRow(self.tr("日期："), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> tuple[str, str]:
        return self.stage.currentText().strip(), self.date.date().toString("yyyy-MM-dd")


def ask_version(parent: QWidget, stage: str) -> tuple[str, str] | None:
    """The stage and date the user gives, or None (cancelled)."""
    dialog = VersionDialog(parent, stage)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


class CompareDialog(QDialog):
    """Two versions to compare (the earlier first) and the folder for the 修改对照表."""

    def __init__(self, parent: QWidget, names: list[str], folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("比较版本"))
        self.old = QComboBox()
        self.new = QComboBox()
        for box in (self.old, self.new):
            box.addItems(names)
        self.old.setCurrentIndex(max(0, len(names) - 2))
        self.new.setCurrentIndex(len(names) - 1)
        self.folder = QLineEdit(str(folder or Path.home()))  # the draft's folder, if saved
        form = QFormLayout(self)
        form.addRow(self.tr("原版本"), self.old)
        form.addRow(self.tr("修改后"), self.new)
        form.addRow(self.tr("保存到文件夹"), self.folder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> tuple[int, int, Path]:
        return self.old.currentIndex(), self.new.currentIndex(), Path(self.folder.text().strip())


def version_names(draft) -> list[str]:
    """Each version's name; a name saved more than once told apart: which saving, and when."""
    names = [v.name for v in draft.versions]
    out = []
    for k, v in enumerate(draft.versions):
        if names.count(v.name) < 2:
            out.append(v.name)
            continue
        nth = names[: k + 1].count(v.name)
        when = v.saved_at.replace("T", " ")[:16]
        out.append(f"{v.name}（第 {nth} 次保存{'，' + when if when else ''}）")
    return out


class VersionsDialog(QDialog):
    """The versions, one row each as `peakplan versions` prints them, and 删除版本."""

    HEADERS = ("序号", "稿本", "日期", "保存时间")

    def __init__(self, actions: VersionActions) -> None:
        super().__init__(actions.window)
        self.actions = actions
        self.setWindowTitle(self.tr("版本列表"))
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self)
        self.drop = QPushButton(self.tr("删除版本…"), self)
        self.drop.setToolTip(
            self.tr(
                "删去选中的版本及只属于它的数据，起草文件随之变小（可撤销；与 version --drop 相同）"
            )
        )
        self.drop.clicked.connect(self.drop_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.drop, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        self.resize(560, 320)
        self.fill()

    def fill(self) -> list[str]:
        """The rows from the task `peakplan versions` runs; its lines."""
        result = list_versions(self.actions.window.doc.draft)
        rows = [line.split("\t") for line in result.lines if "\t" in line]
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells[: len(self.HEADERS)]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setText("" if rows else "\n".join(result.lines))
        self.empty.setVisible(not rows)
        self._enable()
        return result.lines

    def _enable(self) -> None:
        self.drop.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def drop_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.actions.drop_version(rows[0].row()):
            self.fill()


class VersionActions(QObject):
    """The 保存版本…, 比较版本… and 版本列表… entries of the 文件 menu, put before 导出."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        export = window.files.actions["export"]
        self.action = add_action_before(
            export,
            window,
            self.tr("保存版本(&V)…"),
            self.save_version,
            self.tr("把当前内容保存为一个版本（征求意见稿、送审稿…），供修改对照表和起草说明使用"),
        )
        self.compare_action = add_action_before(
            export,
            window,
            self.tr("比较版本…"),
            self.compare,
            self.tr("任选两个版本（或一个版本与当前稿）生成修改对照表（.docx）"),
        )
        self.list_action = add_action_before(
            export,
            window,
            self.tr("版本列表…"),
            self.list_versions,
            self.tr(
                "列出起草文件保存的版本，可删除其中一个（与 peakplan versions、version --drop 相同）"
            ),
        )
        self.dialog: VersionsDialog | None = None

    def ask_compare(self, names: list[str]) -> tuple[int, int, Path] | None:
        """Which two (indexes into names, the current text last) and where to save; None:
        cancelled (tests replace this)."""
        path = self.window.doc.path
        dialog = CompareDialog(self.window, names, path.parent if path else None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def compare(self) -> Path | None:
        """The 修改对照表 between any two versions, or a version and the current text."""
        doc = self.window.doc
        doc.flush()
        draft = doc.draft
        if not draft.versions:
            self.window.show_error(
                self.tr("比较版本"), self.tr("还没有保存过版本：先用“保存版本…”")
            )
            return None
        names = [*version_names(draft), self.tr("当前稿（未保存为版本）")]
        answer = self.ask_compare(names)
        if answer is None:
            return None
        first, second, folder = answer
        old = version_draft(draft, first)
        new = draft if second == len(draft.versions) else version_draft(draft, second)
        data = revisions_bytes(draft, old, new, old_name=names[first], new_name=names[second])
        try:
            folder.mkdir(parents=True, exist_ok=True)
            written = write_atomic(revisions_path(draft, folder), data)
        except (OSError, PeakPlanError) as exc:
            message = exc.one_line() if isinstance(exc, PeakPlanError) else os_reason(exc)
            self.window.show_error(self.tr("比较版本"), message)
            return None
        self.window.statusBar().showMessage(
            self.tr("修改对照表已保存：%1").replace("%1", str(written)), 15_000
        )
        return written

    def ask_again(self, name: str) -> bool:
        """Whether to save a second version of a name already saved (tests replace this)."""
        answer = QMessageBox.question(
            self.window,
            self.tr("保存版本"),
            self.tr("已有版本“%1”。仍要再保存一个同名版本吗？").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_version(self) -> None:
        """The task `peakplan version --save` runs (app/tasks/versions.py), one undo step."""
        doc = self.window.doc
        answer = ask_version(self.window, doc.draft.meta.stage)
        if answer is None:
            return
        stage, date = answer
        name = f"{stage.strip()} {date.strip()}".strip()
        if any(v.name == name for v in doc.draft.versions) and not self.ask_again(name):
            return
        try:
            result = push_task(doc, f"保存版本：{stage}", save_version, stage, date, force=True)
        except PeakPlanError as exc:
            self.window.statusBar().showMessage(exc.one_line(), 10_000)
            return
        self.window.statusBar().showMessage(result.lines[0], 10_000)

    def list_versions(self) -> VersionsDialog:
        """文件 › 版本列表…: the versions as `peakplan versions` lists them, in a window-modal
        dialog that can drop one."""
        self.window.doc.flush()
        self.dialog = VersionsDialog(self)
        self.dialog.open()
        return self.dialog

    def confirm_drop(self, name: str) -> bool:
        """Asked before a version goes, naming it."""
        answer = QMessageBox.question(
            self.dialog or self.window,
            self.tr("删除版本"),
            self.tr(
                "删除版本“%1”？\n它将不再能用于修改对照表和起草说明，只属于它的数据一并删去。"
                "\n（删除后可用 编辑 › 撤销 恢复；保存后不能再恢复。）"
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def drop_version(self, index: int) -> bool:
        """The version at `index` (0 the oldest) dropped after asking: the task `peakplan
        version --drop` runs (app/tasks/versions.py), one undo step. Whether it was."""
        doc = self.window.doc
        names = version_names(doc.draft)
        if not 0 <= index < len(names) or not self.confirm_drop(names[index]):
            return False
        try:
            result = push_task(doc, f"删除版本：{names[index]}", drop_version, str(index + 1))
        except PeakPlanError as exc:
            self.window.show_error(self.tr("删除版本"), exc.one_line())
            return False
        self.window.statusBar().showMessage(result.lines[0], 10_000)
        return True
