"""意见处理 page and menu: the opinions sent back, decided one by one, taken into the text.

The page lists every opinion (opinions_model.py) with its unit, place, original and
proposed words and the team's decision; 采纳修改 applies a tracked change or an edit to
the draft as one undoable command and shows the measure. Conflicting opinions (two units
changing the same words) are tinted and shown side by side below. 意见处理 › 导入反馈…
reads returned files (several, or dropped) in workers, each file's opinions one command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.changes import EVERYTHING, DraftChange, Part
from app.core.draft.consultation import OPINION_DECISIONS, Opinion
from app.core.errors import PeakPlanError
from app.core.readout.opinions import counts_text
from app.core.readout.render import labels
from app.gui.actions.menus import add_action
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument
from app.gui.models.opinions_model import (
    COLUMN_WIDTHS,
    DECISION_ORDER,
    OPINION_ID,
    DecisionDelegate,
    OpinionFilter,
    OpinionsModel,
    feedback_files,
    place_text,
    refill,
    side_by_side,
)
from app.gui.task_runner import run_draft_task
from app.gui.workers import Job
from app.tasks.feedback import Returned, adopt_pending, read_returned_files, take_in

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


class OpinionsPage(QWidget, DocumentView):
    node_selected = Signal(str)
    files_dropped = Signal(list)  # list[Path]
    shows = frozenset({Part.OPINIONS, Part.OUTLINE})  # the places read from the outline

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.units = QComboBox()
        self.places = QComboBox()
        self.decisions = QComboBox()
        self.decisions.addItem(self.tr("全部处理情况"), "")
        for key in DECISION_ORDER:
            self.decisions.addItem(OPINION_DECISIONS[key], key)
        for box in (self.units, self.places, self.decisions):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMaximumWidth(260)
            box.currentIndexChanged.connect(self._filter)
        self.adopt = QPushButton(self.tr("采纳修改"))
        self.adopt.setToolTip(self.tr("把这条修改写入方案正文（可撤销），并转到该措施"))
        self.adopt.clicked.connect(self.adopt_current)
        self.go = QPushButton(self.tr("转到措施"))
        self.go.setToolTip(self.tr("在措施编辑中打开这条意见所在的措施（也可双击该行）"))
        self.go.clicked.connect(self.go_to_current)
        self.import_button = QPushButton(self.tr("导入反馈…"))
        self.import_button.setToolTip(
            self.tr("读入各单位返回的 Word 稿或反馈意见表，可一次选多个文件，也可拖到此页")
        )
        bar = QHBoxLayout()
        for label, box in (("单位", self.units), ("位置", self.places), ("处理", self.decisions)):
            bar.addWidget(QLabel(self.tr(label)))
            bar.addWidget(box)
        bar.addStretch(1)
        for button in (self.adopt, self.go, self.import_button):
            bar.addWidget(button)
        self.table = QTableView()
        self.table.verticalHeader().hide()  # 序号 is the first column
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegate(DecisionDelegate(self.table))
        self.table.doubleClicked.connect(self._double_clicked)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.message = QLabel()
        self.message.setStyleSheet("color: #a00")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([420, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split)
        layout.addWidget(self.message)
        self.counts = QLabel()  # the window puts it on its status bar
        self.proxy = OpinionFilter(self)
        self.table.setModel(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.fit = QTimer(self)  # row heights follow the column widths, once they settle
        self.fit.setSingleShot(True)
        self.fit.setInterval(0)
        self.fit.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.fit.start())
        self.setAcceptDrops(True)
        self.model: OpinionsModel | None = None
        self.set_document(doc)

    # ------------------------------------------------------------ following the draft

    def set_document(self, doc: DraftDocument) -> None:
        old = self.model
        self.model = OpinionsModel(doc, self)
        self.model.refused.connect(self.message.setText)
        self.proxy.setSourceModel(self.model)
        if old is not None:
            old.deleteLater()
        header = self.table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        super().set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        if self.model is None:
            return
        current = self.current_opinion()
        if change is EVERYTHING:
            self.model.beginResetModel()
            self.model._read()
            self.model.endResetModel()
        else:
            self.model.follow()
        self.message.clear()
        self._fill_filters()
        self.proxy.invalidateFilter()
        self.fit.start()
        if current is not None:
            self.select_opinion(current.id)
        self._show_detail()
        self.counts.setText(counts_text(self.doc.draft.opinions) if self.doc.draft.opinions else "")

    def refresh(self) -> None:
        self.document_changed(EVERYTHING)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit.start()

    def _fill_filters(self) -> None:
        draft = self.doc.draft
        numbers = labels(draft)
        units = sorted({o.unit for o in draft.opinions})
        places: dict[str, str] = {}
        for o in draft.opinions:
            places.setdefault(o.node_id, place_text(draft, o.node_id, numbers))
        self._refill(self.units, [(self.tr("全部单位"), "")] + [(u, u) for u in units])
        self._refill(
            self.places,
            [(self.tr("全部位置"), None)] + [(text, node) for node, text in places.items()],
        )

    def _refill(self, box: QComboBox, items: list[tuple[str, object]]) -> None:
        if not refill(box, items):
            self._filter()  # the unit or place chosen is gone: show all

    def _filter(self) -> None:
        self.proxy.set_filter(
            self.units.currentData() or "",
            self.places.currentData(),
            self.decisions.currentData() or "",
        )
        self._show_detail()

    # ------------------------------------------------------------ the current opinion

    def current_opinion(self) -> Opinion | None:
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            return None
        opinion_id = index.data(OPINION_ID)
        return next((o for o in self.model.opinions if o.id == opinion_id), None)

    def row_of(self, opinion_id: str) -> int:
        """The opinion's row in the table as shown (filtered), -1 when filtered out."""
        assert self.model is not None
        source = self.model.index(self.model.row_of_id[opinion_id], 0)
        return self.proxy.mapFromSource(source).row()

    def select_opinion(self, opinion_id: str) -> None:
        if self.model is None or opinion_id not in self.model.row_of_id:
            return
        row = self.row_of(opinion_id)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.index(row, 1))

    def _show_detail(self) -> None:
        """The current opinion, and every rival proposal beside it."""
        opinion = self.current_opinion()
        self.adopt.setEnabled(
            opinion is not None
            and opinion.decision != "adopted"
            and (ops.changes_text(opinion) or ops.asks_rewrite(opinion))
        )
        wordless = opinion is not None and ops.asks_rewrite(opinion)
        self.adopt.setToolTip(
            self.tr("标为采纳，该措施留下待定事项“已采纳意见，待按意见修改”，并转到该措施")
            if wordless
            else self.tr("把这条修改写入方案正文（可撤销），并转到该措施")
        )
        self.go.setEnabled(opinion is not None and bool(opinion.node_id))
        if opinion is None or self.model is None:
            self.detail.clear()
            return
        self.detail.setHtml(side_by_side(self.model, opinion))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() not in (1, 5, 6):  # the editable columns open their editor instead
            self.go_to_current()

    def go_to_current(self) -> None:
        opinion = self.current_opinion()
        if opinion is not None and opinion.node_id and self.doc.draft.find(opinion.node_id):
            self.node_selected.emit(opinion.node_id)

    def adopt_current(self) -> None:
        """采纳修改: the change written into the text, one undo step, the measure shown."""
        opinion = self.current_opinion()
        if opinion is None:
            return
        adopt = getattr(ops, "adopt_opinion", None)
        if adopt is None:
            self.message.setText(self.tr("此版本尚不能自动采纳修改"))
            return
        before = self.doc.draft
        try:
            push(self.doc, "采纳修改", adopt, opinion.id)
        except PeakPlanError as exc:  # the words are no longer there, the measure is gone …
            self.message.setText(exc.one_line())
            return
        if self.doc.draft is not before and self.doc.draft.find(opinion.node_id):
            self.node_selected.emit(opinion.node_id)

    # ------------------------------------------------------------ drop

    def dragEnterEvent(self, event) -> None:
        if feedback_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = feedback_files(event.mimeData().urls())
        if paths:
            self.files_dropped.emit(paths)
        event.acceptProposedAction()


class OpinionActions(QObject):
    """The 意见处理 menu and the page's place in the window: 导入反馈…, counts on the status bar,
    转到措施 showing the measure."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: OpinionsPage = window.opinions
        self.jobs: dict[Path, Job] = {}
        self.report: list[str] = []
        window.statusBar().addPermanentWidget(self.page.counts)
        self.page.node_selected.connect(window.select_and_show)
        self.page.files_dropped.connect(self.import_files)
        self.page.import_button.clicked.connect(self.ask_and_import)

    def fill(self, menu: QMenu) -> None:
        self.actions = {
            "import": add_action(
                menu,
                self.window,
                self.tr("导入反馈(&I)…"),
                self.ask_and_import,
                tip=self.tr("读入各单位返回的 Word 稿或反馈意见表，可一次选多个文件"),
            ),
            "adopt_shown": add_action(
                menu,
                self.window,
                self.tr("采纳列出的全部修改(&A)"),
                self.adopt_shown,
                tip=self.tr("本单位修改稿等：把表中列出的待处理修订和修改一次写入正文（可撤销）"),
            ),
            "page": add_action(
                menu,
                self.window,
                self.tr("意见处理页(&P)"),
                lambda: self.window.pages.setCurrentWidget(self.page),
            ),
        }

    def adopt_shown(self) -> None:
        """The pending changes the filters leave in the table, adopted as one command — what
        `peakplan feedback DRAFT --adopt-all [--unit U]` adopts (app/tasks/feedback.py)."""
        page, model = self.page, self.page.proxy
        ids = [model.index(r, 0).data(OPINION_ID) for r in range(model.rowCount())]
        self.window.doc.flush()
        try:
            after, adopted, refused = adopt_pending(self.window.doc.draft, ids)
        except PeakPlanError as exc:
            page.message.setText(exc.one_line())
            return
        push(self.window.doc, "采纳全部修改", lambda _draft: after)
        asked = len(adopted) + len(refused)
        page.message.setText(ops.refused_line(asked, refused) if refused else "")

    def ask_files(self) -> list[str]:
        """The returned files to read (tests replace this)."""
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("导入反馈"),
            str(self.window.doc.path.parent if self.window.doc.path else Path.home()),
            self.tr("返回的文件 (*.docx *.doc *.wps *.xlsx);;所有文件 (*)"),
        )
        return files

    def ask_and_import(self) -> None:
        paths = [Path(p) for p in self.ask_files()]
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> None:
        """Each file read by the task `peakplan feedback` runs (app/tasks/feedback.py) in a
        worker; its opinions added as one command when it is done."""
        self.window.pages.setCurrentWidget(self.page)
        for path in paths:
            if path in self.jobs:
                continue
            self.jobs[path] = run_draft_task(
                self.window,
                f"导入反馈：{path.name}",
                read_returned_files,
                [path],
                done=lambda result, p=path: self._read(p, result),
                again=take_in,  # another file's opinions came in meanwhile: not read twice
                # the line names the file already: the task's own naming of it is left off
                failed=lambda message, p=path: self._failed(p, message.removeprefix(f"{p}：")),
            )
        if self.jobs:
            self.window.statusBar().showMessage(
                self.tr("正在读取 {} 个反馈文件…").format(len(self.jobs))
            )

    def _read(self, path: Path, result: Returned) -> None:
        self.jobs.pop(path, None)
        for read in result.files:
            line = self.tr("{}：意见 {} 条").format(path.name, len(result.added))
            if read.unmatched:
                line += self.tr("；以下 {} 段未能对应到方案：").format(len(read.unmatched))
                line += "".join(f"\n　· {text[:80]}" for text in read.unmatched)
            for note in read.notes:
                line += f"\n　{note}"
            self.report.append(line)
        self._maybe_done()

    def _failed(self, path: Path, message: str) -> None:
        self.jobs.pop(path, None)
        self.report.append(self.tr("{}：无法导入（{}）").format(path.name, message))
        self._maybe_done()

    def _maybe_done(self) -> None:
        if self.jobs:
            return
        report, self.report = self.report, []
        self.window.statusBar().showMessage(self.tr("反馈已导入"), 8000)
        self.tell("\n\n".join(report))

    def tell(self, text: str) -> None:
        """What the import found, files that failed and paragraphs not matched (tests replace this)."""
        QMessageBox.information(self.window, self.tr("导入反馈"), text)
