"""Checks panel: the core's findings, refreshed as the draft changes; double-click goes there.

Also the 对照表 view: per parent plan, which of its measures the county took
up and which not.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QTabWidget, QTreeWidget, QTreeWidgetItem

from app.core.draft.changes import DraftChange
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import SEVERITY_NAMES, Finding, check_draft
from app.core.readout.coverage import coverage
from app.gui.document import DocumentView, DraftDocument

NODE = Qt.ItemDataRole.UserRole + 1
REFRESH_MS = 300


class ChecksPanel(QTabWidget, DocumentView):
    node_selected = Signal(str)
    counted = Signal(int, int)  # errors, warnings

    def __init__(self, doc: DraftDocument, plans: PlanResolver) -> None:
        super().__init__()
        self.plans = plans
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("级别"), self.tr("位置"), self.tr("问题"), self.tr("建议")]
        )
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.setRootIsDecorated(False)
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
        self.timer.timeout.connect(self.refresh)
        self.findings: list[Finding] = []
        self.set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        self.timer.start()  # refresh once the user pauses

    def refresh(self) -> None:
        self.findings = check_draft(self.doc.draft, self.plans)
        self.list.clear()
        for finding in self.findings:
            item = QTreeWidgetItem(
                [SEVERITY_NAMES[finding.severity], finding.where, finding.message, finding.hint]
            )
            item.setData(0, NODE, finding.node_id)
            item.setToolTip(2, finding.message)
            self.list.addTopLevelItem(item)
        errors = sum(f.severity == "error" for f in self.findings)
        warnings = sum(f.severity == "warning" for f in self.findings)
        self.setTabText(0, self.tr("检查（{} 错误，{} 警告）").format(errors, warnings))
        self.counted.emit(errors, warnings)
        self._coverage()

    def _coverage(self) -> None:
        self.coverage.clear()
        for parent in coverage(self.doc.draft, self.plans):
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
