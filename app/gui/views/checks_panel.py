"""Checks panel: the core's findings, refreshed as the draft changes; double-click goes there.

Also the 对照表 view: per parent plan, each of its measures, the county measures
taking it up and how (承接方式, app/core/readout/crosswalk.py); for a measure not
taken up, the county types its reason (理由) in place, an undoable command.

The checks run in a worker thread, a pause after the last edit, on the draft
as it was then (drafts are immutable, so the snapshot is the draft object
itself): typing never waits for them. A result for a draft that is no longer
the open one is dropped and the checks run again on the current draft. One
check runs at a time; `refresh()` checks at once, on the calling thread.
"""

from __future__ import annotations

import atexit
import time
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QTabWidget, QTreeWidget, QTreeWidgetItem

from app.core import operations as ops
from app.core.draft.changes import EVERYTHING, DraftChange
from app.core.draft.model import Draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.crosswalk import CrosswalkRow, ParentCrosswalk, crosswalk
from app.core.readout.findings import SEVERITY_NAMES, Finding
from app.gui.commands import push_or_say
from app.gui.document import DocumentView, DraftDocument
from app.gui.workers import Job

NODE = Qt.ItemDataRole.UserRole + 1
CLAUSE = Qt.ItemDataRole.UserRole + 2
"""On a 对照表 row not taken up: the parent clause whose reason the row's 理由 cell holds."""
REFRESH_MS = 300
REASON_COLUMN = 3

Checked = tuple[Draft, list[Finding], list[ParentCrosswalk]]


def run_checks(draft: Draft, plans: PlanResolver) -> Checked:
    """The findings and the 对照表 of one draft (what the worker does)."""
    return draft, check_draft(draft, plans), crosswalk(draft, plans)


class _CheckJob(Job):
    """A check in the worker, kept alive until it has run: its signals must outlast the
    panel that asked for it (a window closed mid-check drops the result, quietly)."""

    running: ClassVar[set[_CheckJob]] = set()

    def run(self) -> None:
        try:
            super().run()
        finally:
            _CheckJob.running.discard(self)


@atexit.register
def _let_checks_finish() -> None:
    """Python is ending without the event loop's aboutToQuit (a script, a test run): a
    check still running must finish before the interpreter goes from under it."""
    deadline = time.monotonic() + 30
    while _CheckJob.running and time.monotonic() < deadline:
        time.sleep(0.01)


class ChecksPanel(QTabWidget, DocumentView):
    node_selected = Signal(str)
    counted = Signal(int, int)  # errors, warnings
    shown = Signal()  # the findings of the open draft are on screen

    def __init__(self, doc: DraftDocument, plans: PlanResolver) -> None:
        super().__init__()
        self.plans = plans
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("级别"), self.tr("位置"), self.tr("问题"), self.tr("建议")]
        )
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setColumnWidth(0, 50)
        self.list.setColumnWidth(1, 220)
        self.list.itemDoubleClicked.connect(self._go)
        self.coverage = QTreeWidget()
        self.coverage.setHeaderLabels(
            [self.tr("上级措施"), self.tr("县方案对应措施"), self.tr("承接方式"), self.tr("理由")]
        )
        self.coverage.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.coverage.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.coverage.setColumnWidth(2, 150)
        self.coverage.setColumnWidth(REASON_COLUMN, 220)
        # Only the 理由 of a measure not taken up is edited, opened by a double-click or F2.
        self.coverage.setEditTriggers(QTreeWidget.EditTrigger.NoEditTriggers)
        self.coverage.itemDoubleClicked.connect(self._coverage_double_clicked)
        self.coverage.itemChanged.connect(self._reason_typed)
        self.coverage.setToolTip(self.tr("双击已承接的措施转到县方案；双击未承接的措施填写理由"))
        self.addTab(self.list, self.tr("检查"))
        self.addTab(self.coverage, self.tr("对照表"))
        self.timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self.timer.timeout.connect(self.check_later)
        self.pool = QThreadPool(self)  # its own, one thread: waited for when the panel goes
        self.pool.setMaxThreadCount(1)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)
        self.job: Job | None = None
        self.findings: list[Finding] = []
        self.checked: Draft | None = None
        """The draft whose findings are shown."""
        self.set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        if change is EVERYTHING:  # another draft: nobody is typing in it yet
            self.timer.stop()
            self.check_later()
        else:
            self.timer.start()  # check once the user pauses

    def refresh(self) -> None:
        """Check the open draft now and show it."""
        self._show(run_checks(self.doc.draft, self.plans))

    def check_later(self) -> None:
        """Check the open draft in the worker; its findings show when it is done."""
        if self.job is not None:
            return  # one at a time: when it is done, a result for an older draft asks again
        draft = self.doc.draft
        plans = self._parents_of(draft)
        job = _CheckJob(lambda: run_checks(draft, plans))
        job.signals.done.connect(self._checked)
        job.signals.failed.connect(self._failed)
        self.job = job
        self.setTabText(0, self.tr("检查（检查中…）"))
        _CheckJob.running.add(job)
        self.pool.start(job)

    def wait(self) -> None:
        """Let a check still running finish (the application is quitting)."""
        self.pool.waitForDone()

    def _parents_of(self, draft: Draft) -> PlanResolver:
        """The draft's parent plans, looked up here: the worker never reads the library."""
        found = [self.plans(parent.id) for parent in draft.parents]
        return PlanResolver.of(plan for plan in found if plan is not None)

    def _checked(self, result: Checked) -> None:
        self.job = None
        if result[0] is not self.doc.draft:  # edited meanwhile: these findings are stale
            if not self.timer.isActive():
                self.check_later()
            return
        self._show(result)

    def _failed(self, message: str) -> None:
        self.job = None
        self.setTabText(0, self.tr("检查（未能完成：{}）").format(message))

    def _show(self, result: Checked) -> None:
        draft, findings, covered = result
        self.checked = draft
        self.findings = findings
        self.list.clear()
        items = []
        for finding in self.findings:
            item = QTreeWidgetItem(
                [SEVERITY_NAMES[finding.severity], finding.where, finding.message, finding.hint]
            )
            item.setData(0, NODE, finding.node_id)
            item.setToolTip(2, finding.message)
            items.append(item)
        self.list.addTopLevelItems(items)
        errors = sum(f.severity == "error" for f in self.findings)
        warnings = sum(f.severity == "warning" for f in self.findings)
        self.setTabText(0, self.tr("检查（{} 错误，{} 警告）").format(errors, warnings))
        self.counted.emit(errors, warnings)
        self._coverage(covered)
        self.shown.emit()

    def _coverage(self, tables: list[ParentCrosswalk]) -> None:
        if self.coverage.state() == QTreeWidget.State.EditingState:
            return  # a reason being typed: the next check shows it
        blocked = self.coverage.blockSignals(True)  # filling in is no typing
        try:
            self.coverage.clear()
            for table in tables:
                if not table.found or not table.rows:
                    continue
                top = QTreeWidgetItem([table.heading])
                self.coverage.addTopLevelItem(top)
                top.setFirstColumnSpanned(True)
                top.addChildren([self._row_item(row) for row in table.rows])
                top.setExpanded(True)
        finally:
            self.coverage.blockSignals(blocked)

    def _row_item(self, row: CrosswalkRow) -> QTreeWidgetItem:
        county = "；".join(row.county)
        manner = row.manner_text if row.reason or row.taken_up else row.cell
        item = QTreeWidgetItem([row.parent, county, manner, row.reason])
        for column, text in enumerate((row.parent, row.county_text, manner)):
            item.setToolTip(column, text)
        if row.county_ids:
            item.setData(0, NODE, row.county_ids[0])
        else:
            item.setData(0, CLAUSE, row.parent_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(REASON_COLUMN, self.tr("双击填写未承接的理由"))
            item.setForeground(2, Qt.GlobalColor.darkRed)
        return item

    def _coverage_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, CLAUSE):
            self.coverage.editItem(item, REASON_COLUMN)
        else:
            self._go(item)

    def keyPressEvent(self, event) -> None:  # F2 on a row not taken up: its reason
        item = self.coverage.currentItem()
        if event.key() == Qt.Key.Key_F2 and item is not None and item.data(0, CLAUSE):
            self.coverage.editItem(item, REASON_COLUMN)
            return
        super().keyPressEvent(event)

    def _reason_typed(self, item: QTreeWidgetItem, column: int) -> None:
        clause = item.data(0, CLAUSE)
        if column != REASON_COLUMN or not clause:
            return
        done = push_or_say(
            self,
            self.doc,
            "填写未承接理由",
            ops.set_not_taken_reason,
            clause,
            item.text(REASON_COLUMN),
        )
        if done is None:  # refused: the cell shows the reason the draft holds
            self.timer.start()

    def _go(self, item: QTreeWidgetItem) -> None:
        node_id = item.data(0, NODE)
        if node_id:
            self.node_selected.emit(node_id)
