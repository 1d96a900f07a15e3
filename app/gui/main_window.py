"""The drafting window: parent plans, outline, measure editor and preview side by side.

Menus follow the platform's conventions (文件 / 编辑 / 帮助, standard
shortcuts); every edit is an undoable command; unsaved work is autosaved to a
recovery file and never lost on close without asking.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
)

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.files import with_draft_suffix
from app.core.draft.tree import EditError
from app.core.errors import PeakPlanError
from app.gui.catalogue_page import CataloguePage
from app.gui.checks_panel import ChecksPanel
from app.gui.commands import push
from app.gui.cover_page import CoverPage
from app.gui.document import DraftDocument
from app.gui.editor import MeasureEditor
from app.gui.export_dialog import ExportDialog
from app.gui.outline import OutlineView
from app.gui.parents import ParentPanel
from app.gui.preview import Preview
from app.gui.targets_page import TargetsPage
from app.gui.tasks_page import TasksPage
from app.gui.texts_page import TextsPage
from app.gui.wizard import NewDraftWizard
from app.gui.workers import Job, start

AUTOSAVE_MS = 60_000
IDLE_AUTOSAVE_MS = 5_000
RECENT_MAX = 8
FILE_FILTER = "起草文件 (*.peakplan)"
PLAN_SUFFIXES = (".docx", ".txt", ".doc", ".wps")


class MainWindow(QMainWindow):
    def __init__(self, doc: DraftDocument, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.doc = doc
        self.parents = ParentPanel(doc)
        self.outline = OutlineView(doc)
        self.editor = MeasureEditor(doc)
        self.preview = Preview(doc)
        self.cover = CoverPage(doc)
        self.texts = TextsPage(doc)
        self.targets = TargetsPage(doc)
        self.tasks = TasksPage(doc)
        self.catalogue = CataloguePage(doc)
        self.checks = ChecksPanel(doc)
        self.pages = QTabWidget()
        self.pages.addTab(self.editor, self.tr("措施编辑"))
        self.pages.addTab(self.cover, self.tr("封面与编制委员会"))
        self.pages.addTab(self.texts, self.tr("文本章节"))
        self.pages.addTab(self.targets, self.tr("主要目标指标"))
        self.pages.addTab(self.tasks, self.tr("任务分工"))
        self.pages.addTab(self.catalogue, self.tr("单位目录"))
        left = QTabWidget()
        left.addTab(self.outline, self.tr("方案大纲"))
        left.addTab(self.parents, self.tr("上级方案"))
        self.left = left
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([330, 560, 470])
        self.setCentralWidget(self.splitter)
        dock = QDockWidget(self.tr("检查与对照"), self)
        dock.setObjectName("checks")
        dock.setWidget(self.checks)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.checks_dock = dock
        self.resizeDocks([dock], [150], Qt.Orientation.Vertical)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.checks.counted.connect(self._counts)
        self.checks.node_selected.connect(self._select_and_show)
        self.tasks.node_selected.connect(self._select_and_show)
        self._counts(*self._count_now())
        self.setAcceptDrops(True)
        self.outline.node_selected.connect(self._select)
        self.outline.parent_dropped.connect(self.take_up_at)
        self.parents.taken.connect(self._select_and_show)
        self._menus()
        self.autosave = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self._autosave)
        self.autosave.start()
        # and when the user pauses: a few seconds after the last edit
        self.idle = QTimer(self, singleShot=True, interval=IDLE_AUTOSAVE_MS)
        self.idle.timeout.connect(self._autosave)
        self._watch(doc)
        self._restore()

    # ------------------------------------------------------------ set-up

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("文件(&F)"))
        self._action(file, self.tr("新建(&N)"), self.new_draft, QKeySequence.StandardKey.New)
        self._action(file, self.tr("打开(&O)…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu(self.tr("最近打开"))
        self._action(file, self.tr("示例：平罗县送审稿"), self.open_demo)
        file.addSeparator()
        self._action(file, self.tr("保存(&S)"), self.save, QKeySequence.StandardKey.Save)
        self._action(file, self.tr("另存为(&A)…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        self._action(file, self.tr("导出(&E)…"), self.export, "Ctrl+E")
        file.addSeparator()
        self._action(file, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.doc.stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.doc.stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self._action(edit, self.tr("操作历史…"), self.show_history)
        edit.addSeparator()
        self._action(edit, self.tr("添加本县措施…"), self.add_measure, "Ctrl+M")
        self._action(edit, self.tr("与下一条措施合并"), self.merge_next)
        self._action(edit, self.tr("上移"), lambda: self.reorder(-1), "Alt+Up")
        self._action(edit, self.tr("下移"), lambda: self.reorder(1), "Alt+Down")
        self._action(edit, self.tr("删除"), self.delete, QKeySequence.StandardKey.Delete)
        self._fill_recent()

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _watch(self, doc: DraftDocument) -> None:
        doc.path_changed.connect(self._title)
        doc.stack.indexChanged.connect(self._title)
        doc.changed.connect(self.idle.start)
        self._title()

    def shutdown(self) -> None:
        """Disconnect from the document before Qt tears the objects down at exit."""
        for timer in (
            self.autosave,
            self.idle,
            self.checks.timer,
            self.preview.timer,
            self.editor.typing,
            self.texts.timer,
        ):
            timer.stop()
        for signal, slot in (
            (self.doc.stack.indexChanged, self._title),
            (self.doc.path_changed, self._title),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def _title(self, *_args) -> None:
        # Qt shows “*” at [*] while the window is marked modified.
        self.setWindowTitle(f"{self.doc.title}[*] — 碳达峰方案起草助手")
        self.setWindowModified(self.doc.modified)

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        sizes = self.settings.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)

    # ------------------------------------------------------------ documents

    def set_document(self, doc: DraftDocument) -> None:
        old = self.doc
        self.doc = doc
        for view in (
            self.outline,
            self.preview,
            self.cover,
            self.texts,
            self.targets,
            self.tasks,
            self.catalogue,
            self.checks,
        ):
            view.set_document(doc)
        self.parents.set_document(doc)
        self.editor.doc = doc
        doc.changed.connect(self.editor.reload)
        self.editor.show_node("")
        self.undo_action.deleteLater()
        self.redo_action.deleteLater()
        self.menuBar().clear()
        self._menus()
        self._watch(doc)
        old.discard_recovery() if not old.modified else None
        old.deleteLater()

    def take_up_at(self, section_id: str, parent_id: str, index: int) -> None:
        """A parent measure dropped on the outline: taken up at that place."""
        plan_id = section_id.split(":", 1)[0]
        tree = self.parents.tree(plan_id)
        if tree is not None:
            tree.take(section_id, parent_id or None, None if index < 0 else index)

    def _count_now(self) -> tuple[int, int]:
        findings = self.checks.findings
        return sum(f.severity == "error" for f in findings), sum(
            f.severity == "warning" for f in findings
        )

    def _counts(self, errors: int, warnings: int) -> None:
        self.counts.setText(self.tr("错误 {}　警告 {}").format(errors, warnings))

    # ------------------------------------------------------------ import by drop

    def dragEnterEvent(self, event) -> None:
        if any(u.toLocalFile().lower().endswith(PLAN_SUFFIXES) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in PLAN_SUFFIXES:
                self.import_plan_file(path)
        event.acceptProposedAction()

    def import_plan_file(self, path: Path):
        """Import a dropped plan in a worker, keep it in the library, offer it as a parent plan."""
        from app.importer import import_to_library

        def work():
            return import_to_library(path)[0]

        self.statusBar().showMessage(self.tr("正在导入 {}…").format(path.name))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.statusBar().addWidget(self.busy)
        job = Job(work)
        job.signals.done.connect(self._imported)
        job.signals.failed.connect(lambda message: self._import_failed(path, message))
        self.import_job = job
        start(job)
        return job

    def _imported(self, result) -> None:
        self.statusBar().removeWidget(self.busy)
        plan = result.plan
        notes = "\n".join(str(note) for note in result.notes[:5])
        self.statusBar().showMessage(self.tr("已导入：{}").format(plan.title), 8000)
        if self.ask_add_parent(plan.title, notes):
            push(self.doc, "添加上级方案", ops.add_parent, plan.id, plan.title, plan.level)
            self.parents.set_document(self.doc)

    def _import_failed(self, path: Path, message: str) -> None:
        self.statusBar().removeWidget(self.busy)
        self.statusBar().clearMessage()
        self.show_error(self.tr("无法导入"), f"{path}：{message}")

    def ask_add_parent(self, title: str, notes: str) -> bool:
        """Offer an imported plan as a parent of the draft (tests replace this)."""
        text = self.tr("已导入《{}》。要把它作为本方案的上级方案吗？").format(title)
        if notes:
            text += "\n\n" + self.tr("导入提示：") + "\n" + notes
        return (
            QMessageBox.question(self, self.tr("导入方案"), text) == QMessageBox.StandardButton.Yes
        )

    def _select(self, node_id: str) -> None:
        self.editor.show_node(node_id)
        self.preview.show_node(node_id)

    def _select_and_show(self, node_id: str) -> None:
        self.outline.select(node_id)
        self._select(node_id)
        self.pages.setCurrentWidget(self.editor)

    def ask_to_save(self) -> str:
        """save / discard / cancel, for a draft with unsaved changes (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("“{}”有未保存的修改，要保存吗？").format(self.doc.title),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(answer, "cancel")

    def may_leave(self) -> bool:
        if not self.doc.modified:
            return True
        answer = self.ask_to_save()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_path(self, path: Path) -> bool:
        if not self.may_leave():
            return False
        try:
            doc = DraftDocument.open(path, self)
        except PeakPlanError as exc:
            self.show_error(self.tr("无法打开"), f"{path}：{exc.one_line()}")
            return False
        self.set_document(doc)
        self._remember(path)
        return True

    def open_dialog(self) -> None:
        folder = str(self.settings.value("folders/open", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开起草文件"), folder, self.tr(FILE_FILTER)
        )
        if path:
            self.settings.setValue("folders/open", str(Path(path).parent))
            self.open_path(Path(path))

    def open_demo(self) -> None:
        if self.may_leave():
            self.set_document(DraftDocument(load_demo(), None, self))

    def new_draft(self) -> None:
        """文件 › 新建: the wizard, then the new draft as an unsaved document."""
        if not self.may_leave():
            return
        wizard = NewDraftWizard(self)
        if not self.run_wizard(wizard):
            return
        try:
            draft = wizard.draft()
        except (PeakPlanError, ValueError) as exc:
            message = exc.one_line() if isinstance(exc, PeakPlanError) else str(exc)
            self.show_error(self.tr("新建"), message)
            return
        self.set_document(DraftDocument(draft, None, self))

    def run_wizard(self, wizard) -> bool:
        """Show the wizard (tests replace this to answer it)."""
        return wizard.exec() == QDialog.DialogCode.Accepted

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        if (
            self.doc.changed_on_disk()
            and QMessageBox.question(
                self, self.tr("保存"), self.tr("文件在打开后已被其他程序修改，仍要覆盖吗？")
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        try:
            self.doc.save()
        except PeakPlanError as exc:
            self.show_error(self.tr("保存失败"), exc.one_line())
            return False
        self._remember(self.doc.path)
        return True

    def save_as(self) -> bool:
        folder = str(self.settings.value("folders/save", str(Path.home())))
        suggested = str(with_draft_suffix(Path(folder) / self.doc.draft.meta.document_title))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), suggested, self.tr(FILE_FILTER)
        )
        if not path:
            return False
        path = with_draft_suffix(path)
        self.settings.setValue("folders/save", str(path.parent))
        try:
            self.doc.save(path)
        except PeakPlanError as exc:
            self.show_error(self.tr("保存失败"), exc.one_line())
            return False
        self._remember(path)
        return True

    def export(self) -> ExportDialog:
        folder = str(
            self.settings.value(
                "folders/export", str(self.doc.path.parent if self.doc.path else Path.home())
            )
        )
        dialog = ExportDialog(self.doc.draft, folder, self)
        if dialog.exec() == QDialog.DialogCode.Rejected and dialog.result is None:
            return dialog
        self.settings.setValue("folders/export", dialog.folder.text())
        layout = dialog.chosen_layout()
        if layout != self.doc.draft.layout:
            push(self.doc, "导出版式", lambda d: d.model_copy(update={"layout": layout}))
        return dialog

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [
            p for p in self.settings.value("recent", [], list) or [] if p != str(path)
        ]
        self.settings.setValue("recent", recent[:RECENT_MAX])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.value("recent", [], list) or []:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # ------------------------------------------------------------ edits

    def _current(self) -> str:
        return self.outline.current_id()

    def add_measure(self) -> None:
        node = self.doc.draft.find(self._current())
        if node is None:
            return
        action_id = node.id if node.level <= 2 else self._parent_id(node.id)
        title, ok = QInputDialog.getText(self, self.tr("添加本县措施"), self.tr("措施标题"))
        if ok and title.strip():
            try:
                push(
                    self.doc,
                    "添加本县措施",
                    lambda d: ops.add_measure(d, action_id, title.strip())[0],
                )
            except EditError as exc:
                self.show_error(self.tr("添加本县措施"), exc.one_line())

    def _parent_id(self, node_id: str) -> str:
        from app.core.draft.tree import parent_of

        parent = parent_of(self.doc.draft, node_id)
        return parent.id if parent else node_id

    def merge_next(self) -> None:
        node_id = self._current()
        from app.core.draft.tree import index_in_parent, parent_of

        parent = parent_of(self.doc.draft, node_id)
        if parent is None:
            return
        _pid, index = index_in_parent(self.doc.draft, node_id)
        if index + 1 >= len(parent.children):
            return
        push(self.doc, "合并措施", ops.merge, node_id, parent.children[index + 1].id)

    def reorder(self, step: int) -> None:
        node_id = self._current()
        if not node_id:
            return
        from app.core.draft.tree import index_in_parent

        _parent, index = index_in_parent(self.doc.draft, node_id)
        if index + step >= 0:
            try:
                push(self.doc, "调整顺序", ops.reorder, node_id, index + step)
            except EditError:
                return
            self.outline.select(node_id)

    def delete(self) -> None:
        node = self.doc.draft.find(self._current())
        if node is None:
            return
        if (
            QMessageBox.question(
                self, self.tr("删除"), self.tr("删除“{}”及其下的全部内容？").format(node.title)
            )
            == QMessageBox.StandardButton.Yes
        ):
            push(self.doc, "删除", ops.remove, node.id)

    def show_history(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("操作历史"))
        layout = QVBoxLayout(dialog)
        view = QUndoView(self.doc.stack)
        view.setEmptyLabel(self.tr("<打开时>"))
        layout.addWidget(view)
        dialog.resize(360, 420)
        dialog.show()

    # ------------------------------------------------------------ safety

    def _autosave(self) -> None:
        try:
            self.doc.autosave()
        except PeakPlanError as exc:
            self.statusBar().showMessage(self.tr("自动保存失败：{}").format(exc.one_line()), 10_000)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if not self.doc.modified:
            self.doc.discard_recovery()
        event.accept()
