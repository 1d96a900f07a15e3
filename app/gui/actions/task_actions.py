"""Menu entries for the tasks the window lacked beside the command line: 文件 › 方案库…,
导入上级方案… and 按原样打开方案…, 编辑 › 检查全文… and 采用上级修订…, 意见处理 › 导出送审材料….

Each runs its task (app/tasks/) through app/gui/task_runner.py and says what it did with
the words `peakplan` prints; tests/tasks/test_pairing.py pairs every command with its entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.gui.actions.menus import add_action, add_action_before
from app.gui.document import DraftDocument
from app.gui.task_runner import run_draft_task, run_task
from app.tasks.drafts import check, new_as_is
from app.tasks.export import ExportDone, export_package_only
from app.tasks.plans import library_listing
from app.tasks.rebase import NOTHING, rebase_draft, rebase_summary
from app.tasks.result import TaskResult

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


class TaskActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last: TaskResult | None = None
        """What the last of these tasks gave (tests read it)."""
        files = window.files.actions
        self.actions: dict[str, QAction] = {}
        before = files["save"]
        self._add_before(
            before,
            "plans",
            self.tr("方案库…"),
            self.show_library,
            self.tr("列出方案库中的方案（内置参考方案和导入的方案），与 peakplan plans 相同"),
        )
        self._add_before(
            before,
            "import_plan",
            self.tr("导入上级方案(&I)…"),
            window.imports.ask_and_import,
            self.tr("读取 .txt/.docx/.doc/.wps/.pdf 方案文件或网页存入方案库（也可拖到窗口上）"),
        )
        self._add_before(
            before,
            "as_is",
            self.tr("按原样打开方案…"),
            self.open_as_is,
            self.tr(
                "把方案库中一个已印发的方案不作调整转为起草文件（与 peakplan new --as-is 相同）"
            ),
        )

    def _add_before(self, before: QAction, key: str, text: str, slot, tip: str) -> QAction:
        self.actions[key] = add_action_before(before, self.window, text, slot, tip)
        return self.actions[key]

    def fill_edit(self, menu: QMenu) -> None:
        menu.addSeparator()
        self.actions["check"] = add_action(
            menu,
            self.window,
            self.tr("检查全文(&K)…"),
            self.check,
            "Ctrl+Shift+K",
            self.tr("检查起草文件的一致性，列出错误和警告（与 peakplan check 相同）"),
        )
        self.actions["rebase"] = add_action(
            menu,
            self.window,
            self.tr("采用上级修订(&R)…"),
            self.rebase,
            None,
            self.tr("上级方案修订后：在本县措施中采用上级新文字（保留本县修改），一步可撤销"),
        )

    def fill_opinions(self, menu: QMenu) -> None:
        self.actions["package"] = add_action(
            menu,
            self.window,
            self.tr("导出送审材料(&S)…"),
            self.export_package,
            None,
            self.tr(
                "意见采纳情况表、修改对照表、修订稿、起草说明和上级方案任务承接对照表"
                "（与 peakplan export --package 相同）"
            ),
        )

    # ------------------------------------------------------------ what they do

    def tell(self, title: str, text: str) -> None:
        """What a task found or did (tests replace this)."""
        QMessageBox.information(self.window, title, text)

    def _told(self, title: str, result: TaskResult, *extra: str) -> None:
        self.last = result
        self.tell(title, "\n".join([*result.lines, *extra]))

    def show_library(self) -> QDialog:
        """The library as `peakplan plans` lists it, one row a plan, one column a field."""
        result = library_listing()
        self.last = result
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("方案库"))
        headers = [self.tr(h) for h in ("编号", "来源", "层级", "方案", "日期", "版本")]
        rows = [line.split("\t") for line in result.lines if "\t" in line]
        table = QTableWidget(len(rows), len(headers), dialog)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells[: len(headers)]):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(dialog)
        if not rows:
            layout.addWidget(QLabel("\n".join(result.lines)))
        layout.addWidget(table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        layout.addWidget(close)
        dialog.resize(900, 360)
        self.library_dialog = dialog
        dialog.open()  # window-modal, not blocking: the table is read, then closed
        return dialog

    def ask_plan(self) -> str | None:
        """Which plan of the library to open as it is: its id, or None (cancelled)."""
        from app.gui.dialogs.wizard import plan_label

        entries = [e for e in library_listing().data or [] if "problem" not in e]
        labels = [plan_label(e["title"], e["level"], e["stage"]) for e in entries]
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("按原样打开方案"))
        dialog.setLabelText(self.tr("方案库中的方案（不作调整，含任务分工表）："))
        dialog.setComboBoxItems(labels)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.textValue()
        dialog.deleteLater()
        if not accepted or chosen not in labels:
            return None
        return entries[labels.index(chosen)]["id"]

    def open_as_is(self) -> None:
        """文件 › 按原样打开方案…: the plan as an unsaved draft, as `peakplan new --as-is`."""
        plan_id = self.ask_plan()
        if plan_id is None or not self.window.files.may_leave():
            return
        run_task(
            self.window,
            self.tr("打开方案"),
            lambda: new_as_is(plan_id),
            lambda result: self.window.set_document(DraftDocument(result.draft, None, self.window)),
        )

    def check(self) -> None:
        doc = self.window.doc
        doc.flush()
        draft, plans = doc.draft, self.window.plans
        run_task(
            self.window,
            self.tr("检查"),
            lambda: check(draft, plans),
            lambda result: self._told(self.tr("检查全文"), result),
        )

    def rebase(self) -> None:
        self.window.doc.flush()

        def done(result: TaskResult) -> None:
            extra = [] if result.lines == [NOTHING] else [rebase_summary(result, "")]
            self._told(self.tr("采用上级修订"), result, *extra)

        run_draft_task(
            self.window, "采用上级修订", rebase_draft, self.window.plans, None, done=done
        )

    def ask_folder(self) -> str:
        """The folder for the 送审 package (tests replace this at the QFileDialog call)."""
        doc = self.window.doc
        start = str(doc.path.parent if doc.path else Path.home())
        folder = self.window.settings.value("folders/export", start)
        return QFileDialog.getExistingDirectory(self.window, self.tr("导出送审材料到"), str(folder))

    def export_package(self) -> None:
        folder = self.ask_folder()
        if not folder:
            return
        doc = self.window.doc
        doc.flush()
        draft, plans = doc.draft, self.window.plans
        self.window.settings.setValue("folders/export", folder)
        run_task(
            self.window,
            self.tr("导出送审材料"),
            lambda: export_package_only(draft, folder, plans),
            self._package_done,
        )

    def _package_done(self, result: ExportDone) -> None:
        names = "、".join(p.name for p in result.written)
        self.window.statusBar().showMessage(self.tr("已导出：{}").format(names), 15_000)
        self._told(self.tr("导出送审材料"), result, self.tr("已导出：{}").format(names))
