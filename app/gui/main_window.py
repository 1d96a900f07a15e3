"""The drafting window: parent plans, outline, measure editor and preview side by side.

This module lays the window out and hands the open draft to every view; the
menus' work lives in file_actions.py (文件) and edit_actions.py (编辑), plans
dropped on the window in plan_import.py. One plan resolver serves the whole
session: views, checks and export get their parent plans from it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget

from app.core.plans.resolver import PlanResolver
from app.core.text.clause_label import plan_of
from app.export.style import style_problem
from app.gui.actions.edit_actions import EditActions
from app.gui.actions.file_actions import FileActions
from app.gui.actions.plan_import import PlanImports, plan_files
from app.gui.actions.task_actions import TaskActions
from app.gui.actions.version_actions import VersionActions
from app.gui.actions.view_help import ViewAndHelp
from app.gui.document import DraftDocument
from app.gui.pages.catalogue_page import CataloguePage
from app.gui.pages.cover_page import CoverPage
from app.gui.pages.opinions_page import OpinionActions, OpinionsPage
from app.gui.pages.targets_page import TargetsPage
from app.gui.pages.tasks_page import TasksPage
from app.gui.pages.texts_page import TextsPage
from app.gui.views.checks_panel import ChecksPanel
from app.gui.views.editor import MeasureEditor
from app.gui.views.outline import OutlineView
from app.gui.views.parents import ParentPanel
from app.gui.views.preview import Preview
from app.gui.widgets.marked_text import mark_changes
from app.gui.window_layout import (
    OUTLINE_CHARS,
    PREVIEW_CHARS,
    SHORT_WINDOW,
    WIDE_WINDOW,
    PageTabs,
    chars_wide,
    fit_tab_labels,
)


class MainWindow(QMainWindow):
    def __init__(
        self, doc: DraftDocument, settings: QSettings, plans: PlanResolver | None = None
    ) -> None:
        super().__init__()
        self.settings = settings
        self.doc = doc
        self.plans = plans or PlanResolver.library()
        self.parents = ParentPanel(doc, self.plans)
        self.outline = OutlineView(doc)
        self.editor = MeasureEditor(doc, self.plans)
        self.preview = Preview(doc)
        self.cover = CoverPage(doc)
        self.texts = TextsPage(doc)
        self.targets = TargetsPage(doc)
        self.tasks = TasksPage(doc)
        self.catalogue = CataloguePage(doc)
        self.opinions = OpinionsPage(doc)
        self.checks = ChecksPanel(doc, self.plans)
        self._lay_out()
        self.files = FileActions(self)
        self.edits = EditActions(self)
        self.imports = PlanImports(self)
        self.files.fill(self.menuBar().addMenu(self.tr("文件(&F)")))
        self.versions = VersionActions(self)  # 文件 › 保存版本…
        self.task_actions = TaskActions(self)  # 文件 › 方案库…, 导入上级方案…
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.edits.fill(edit_menu)
        self.task_actions.fill_edit(edit_menu)  # 检查全文…, 采用上级修订…
        self.opinion_actions = OpinionActions(self)  # 意见处理: import, counts, 转到措施
        opinion_menu = self.menuBar().addMenu(self.tr("意见处理(&O)"))
        self.opinion_actions.fill(opinion_menu)
        self.task_actions.fill_opinions(opinion_menu)  # 导出送审材料…
        self.view_help = ViewAndHelp(self)
        self.view_help.fill_view(self.menuBar().addMenu(self.tr("视图(&V)")))
        self.view_help.fill_help(self.menuBar().addMenu(self.tr("帮助(&H)")))
        self.view_help.fill_toolbar(
            [
                self.files.actions["new"],
                self.files.actions["open"],
                self.files.actions["save"],
                None,
                self.edits.undo_action,
                self.edits.redo_action,
                None,
                self.edits.actions["find"],
                self.files.actions["export"],
            ]
        )
        self.checks.counted.connect(self._counts)
        self.checks.node_selected.connect(self.select_and_show)
        self.tasks.node_selected.connect(self.select_and_show)
        self.outline.node_selected.connect(self.select)
        self.outline.parent_dropped.connect(self.take_up_at)
        self.parents.taken.connect(self.select_and_show)
        self.parents.lineage_changed.connect(self.checks.check_later)
        self.editor.questions.targets_asked.connect(
            lambda: self.pages.setCurrentWidget(self.targets)
        )
        self._counts(*self._count_now())
        self.setAcceptDrops(True)
        self._watch(doc)
        self._restore()
        self._say_style(doc)

    def views(self) -> tuple:
        """Every view that follows the open draft."""
        return (
            self.parents,
            self.outline,
            self.editor,
            self.preview,
            self.cover,
            self.texts,
            self.targets,
            self.tasks,
            self.catalogue,
            self.opinions,
            self.checks,
        )

    # ------------------------------------------------------------ layout

    def _lay_out(self) -> None:
        self.pages = PageTabs()
        self.pages.add_page(self.editor, self.tr("措施编辑"))
        self.pages.add_page(self.cover, self.tr("封面与编制委员会"))
        self.pages.add_page(self.texts, self.tr("文本章节"))
        self.pages.add_page(self.targets, self.tr("主要目标指标"))
        self.pages.add_page(self.tasks, self.tr("任务分工"))
        self.pages.add_page(self.catalogue, self.tr("单位目录"))
        self.pages.add_page(self.opinions, self.tr("意见处理"))
        self.left = QTabWidget()
        self.left.addTab(self.outline, self.tr("方案大纲"))
        self.left.addTab(self.parents, self.tr("上级方案"))
        self.left.setMinimumWidth(chars_wide(self.left, OUTLINE_CHARS))
        self.preview.setMinimumWidth(chars_wide(self.preview, PREVIEW_CHARS))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
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
        for tabs in self.findChildren(QTabWidget):
            fit_tab_labels(tabs)
        mark_changes(self.opinions.table)  # what an opinion takes out and puts in, highlighted
        self.preview_shown = bool(self.settings.value("view/preview", True, bool))

    @property
    def narrow(self) -> bool:
        """Too narrow for three panes side by side: the preview is a page."""
        return self.width() < WIDE_WINDOW

    def show_preview(self, shown: bool) -> None:
        """视图 › 预览: shown or hidden, beside the pages or as one; remembered."""
        self.preview_shown = shown
        self.settings.setValue("view/preview", shown)
        self.arrange()

    def arrange(self) -> None:
        """The preview beside the pages on a wide window, the last page on a narrow one."""
        if not hasattr(self, "preview_shown"):
            return  # still being built
        as_page = self.narrow and self.preview_shown
        is_page = self.pages.indexOf(self.preview) >= 0
        if as_page and not is_page:
            self.pages.add_page(self.preview, self.tr("预览"), scroll=False)
            outline = chars_wide(self.left, OUTLINE_CHARS + 6)  # sizes are shares of the room
            self.splitter.setSizes([outline, max(self.splitter.width() - outline, outline)])
        elif not as_page and is_page:
            self.pages.removeTab(self.pages.indexOf(self.preview))
            self.splitter.addWidget(self.preview)
            self.splitter.setSizes([330, 560, 470])
        if not as_page:
            self.preview.setVisible(self.preview_shown)
        for index in range(self.splitter.count()):
            self.splitter.setCollapsible(index, False)  # a pane dragged shut looked lost
        short = self.height() < SHORT_WINDOW
        if short != getattr(self, "_short", None):  # on the change only: a drag of it stays
            self._short = short
            self.resizeDocks([self.checks_dock], [90 if short else 150], Qt.Orientation.Vertical)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        sizes = self.settings.value("window/splitter")
        self.arrange()
        if sizes is not None and not self.narrow:
            self.splitter.restoreState(sizes)

    def _watch(self, doc: DraftDocument) -> None:
        doc.path_changed.connect(self._title)
        doc.stack.indexChanged.connect(self._title)
        doc.changed.connect(self.files.idle.start)
        self.edits.follow(doc)
        self.files.disk.watch(doc)  # someone else writing its file is noticed
        self._title()

    def _unwatch(self, doc: DraftDocument) -> None:
        for signal, slot in (
            (doc.stack.indexChanged, self._title),
            (doc.path_changed, self._title),
            (doc.changed, self.files.idle.start),
            (doc.typing, self.edits.allow_undo_of_typing),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def _title(self, *_args) -> None:
        # Qt shows “*” at [*] while the window is marked modified.
        self.setWindowTitle(f"{self.doc.title}[*] — 碳达峰方案起草助手")
        self.setWindowModified(self.doc.modified)

    # ------------------------------------------------------------ the open draft

    def set_document(self, doc: DraftDocument) -> None:
        """Another draft in the window: every view follows it, the old one is let go."""
        old = self.doc
        self._unwatch(old)
        self.doc = doc
        self.plans.forget()  # plans may have been imported or replaced meanwhile
        self.editor.show_node("")
        for view in self.views():
            view.set_document(doc)
        self._watch(doc)
        if not old.modified:
            old.discard_recovery()
        old.deleteLater()
        self._say_style(doc)
        first = next(doc.draft.measures(), None)  # the new draft's, never the old one's
        if first is not None:
            self.select_and_show(first.id)

    def _say_style(self, doc: DraftDocument) -> None:
        """A draft whose style file is missing (or names a path) opens in the house style;
        the status bar says so until the next message."""
        problem = style_problem(doc.draft.layout.style)
        self.style_problem = problem
        if problem:
            self.statusBar().showMessage(problem)

    def take_up_at(self, section_id: str, parent_id: str, index: int) -> None:
        """A parent measure dropped on the outline: taken up at that place."""
        tree = self.parents.tree(plan_of(section_id))
        if tree is not None:
            tree.take(section_id, parent_id or None, None if index < 0 else index)

    def select(self, node_id: str) -> None:
        self.editor.show_node(node_id)
        self.preview.show_node(node_id)

    def select_and_show(self, node_id: str) -> None:
        self.outline.select(node_id)
        self.select(node_id)
        self.pages.setCurrentWidget(self.editor)

    def _count_now(self) -> tuple[int, int]:
        findings = self.checks.findings
        return sum(f.severity == "error" for f in findings), sum(
            f.severity == "warning" for f in findings
        )

    def _counts(self, errors: int, warnings: int) -> None:
        self.counts.setText(self.tr("错误 {}　警告 {}").format(errors, warnings))

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # ------------------------------------------------------------ drop, close

    def dragEnterEvent(self, event) -> None:
        if plan_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for path in plan_files(event.mimeData().urls()):
            self.imports.import_file(path)
        event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_leave():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        if not self.narrow:  # the three panes' widths; narrow, the preview is a page
            self.settings.setValue("window/splitter", self.splitter.saveState())
        if not self.doc.modified:
            self.doc.discard_recovery()
        event.accept()

    def shutdown(self) -> None:
        """Stop the timers and let go of the document before Qt tears the objects down at exit."""
        for timer in (
            self.files.autosave_timer,
            self.files.idle,
            self.checks.timer,
            self.preview.timer,
            self.editor.typing,
            self.texts.timer,
        ):
            timer.stop()
        self._unwatch(self.doc)
