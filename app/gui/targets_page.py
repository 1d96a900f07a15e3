"""主要目标指标表: each indicator, the parent's value, and the county's decision per year.

A cell holds the county value ("120", "15左右"), or one of the words
完成上级下达任务 / 不列此目标 / 待定. Editing one changes every sentence that
states the indicator (主要目标, measure text, task rows) as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.changes import Part
from app.core.draft.tree import EditError
from app.core.operations.targets import target_cell_text
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument

YEARS = (2025, 2030, 2035)
TARGET_ID = Qt.ItemDataRole.UserRole + 1


class TargetsPage(QWidget, DocumentView):
    shows = frozenset({Part.TARGETS})

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.table = QTableWidget(0, 3 + 2 * len(YEARS))
        headers = [self.tr("指标"), self.tr("单位"), self.tr("来源")]
        headers += [self.tr("上级{}年").format(y) for y in YEARS] + [
            self.tr("本县{}年").format(y) for y in YEARS
        ]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((230, 90, 70) + (70,) * (2 * len(YEARS))):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(self._edited)
        self.message = QLabel()
        self.message.setStyleSheet("color: #a00")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "本县目标值：填数字（可加“以上”“左右”“以内”），或“完成上级下达任务”“不列此目标”；改一处，方案中所有表述同时改。"
                )
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._filling = False
        self.set_document(doc)

    def refresh(self) -> None:
        self._filling = True
        targets = self.doc.draft.targets
        self.table.setRowCount(len(targets))
        for row, target in enumerate(targets):
            sources = "、".join(s.split(":", 1)[1] if ":" in s else s for s in target.sources)
            fixed = [target.indicator, target.unit, sources]
            for year in YEARS:
                entry = target.year(year)
                fixed.append(
                    f"{entry.parent_value}{entry.parent_after}"
                    if entry and entry.parent_value
                    else ""
                )
            for col, value in enumerate(fixed):
                item = QTableWidgetItem(value)
                item.setData(TARGET_ID, target.id)
                if col != 0:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
            for i, year in enumerate(YEARS):
                entry = target.year(year)
                item = QTableWidgetItem(target_cell_text(entry))
                item.setData(TARGET_ID, target.id)
                if entry is None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                elif entry.decision == "pending":
                    item.setBackground(Qt.GlobalColor.yellow)
                self.table.setItem(row, 3 + len(YEARS) + i, item)
        self._filling = False

    def set_cell(self, target_id: str, year: int, text: str) -> None:
        """What typing in a county cell does (tests call it too)."""
        push(self.doc, "修改目标值", ops.set_target_cell, target_id, year, text)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        target_id = item.data(TARGET_ID)
        column = item.column()
        self.message.clear()
        try:
            if column == 0:
                push(self.doc, "修改指标名称", ops.set_target_indicator, target_id, item.text())
            elif column >= 3 + len(YEARS):
                self.set_cell(target_id, YEARS[column - 3 - len(YEARS)], item.text())
        except EditError as exc:
            self.message.setText(exc.one_line())
            self.refresh()
