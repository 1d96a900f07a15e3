"""Checks panel: the core's findings, refreshed as the draft changes; double-click goes there.

Also the 对照表 view: per parent plan, which of its measures the county took
up and which not.

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

from app.core.draft.changes import EVERYTHING, DraftChange
from app.core.draft.model import Draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.coverage import ParentCoverage, coverage
from app.core.readout.findings import SEVERITY_NAMES, Finding
from app.gui.document import DocumentView, DraftDocument
from app.gui.workers import Job

NODE = Qt.ItemDataRole.UserRole + 1
REFRESH_MS = 300

Checked = tuple[Draft, list[Finding], list[ParentCoverage]]


def run_checks(draft: Draft, plans: PlanResolver) -> Checked:
    """The findings and the 对照 of one draft (what the worker does)."""
    return draft, check_draft(draft, plans), coverage(draft, plans)


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
        self.coverage.setHeaderLabels([self.tr("上级条款"), self.tr("本县")])
        self.coverage.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.coverage.itemDoubleClicked.connect(self._go)  # a taken-up measure: go to it
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

    def _coverage(self, covered: list[ParentCoverage]) -> None:
        self.coverage.clear()
        for parent in covered:
            if parent.plan is None or not parent.measures:
                continue
            top = QTreeWidgetItem([parent.parent.title, ""])
            self.coverage.addTopLevelItem(top)
            for measure in parent.measures:
                county = "、".join(node.title for node in measure.county)
                item = QTreeWidgetItem(
                    [f"{measure.label} {measure.section.title}", county or self.tr("未采纳")]
                )
                if measure.county:
                    item.setData(0, NODE, measure.county[0].id)
                else:
                    item.setForeground(1, Qt.GlobalColor.darkRed)
                top.addChild(item)
            top.setExpanded(True)

    def _go(self, item: QTreeWidgetItem) -> None:
        node_id = item.data(0, NODE)
        if node_id:
            self.node_selected.emit(node_id)
