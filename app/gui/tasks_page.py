"""任务分工 page: the task rows exactly as they will be exported, editable in place.

The rows come from app.core.readout.task_rows, as the Word attachment and the Excel
sheet do; an edit here is the same edit as in the measure editor (the
measure's work rows), so the two views can never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.core import operations as ops
from app.core.draft.mentions import editable, stored
from app.core.draft.model import WorkRow
from app.core.readout.render import work_row_units
from app.core.readout.task_rows import task_rows
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument

HEADERS = ("序号", "重点领域", "行动措施", "主要工作", "牵头单位", "配合单位")
PLACE = Qt.ItemDataRole.UserRole + 1


class TasksPage(QWidget, DocumentView):
    node_selected = Signal(str)

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 36), (1, 96), (2, 110), (4, 80), (5, 130)):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().hide()  # 序号 is the first column
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._edited)
        self.table.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._filling = False
        self.set_document(doc)

    def refresh(self) -> None:
        self._filling = True
        draft = self.doc.draft
        rows = task_rows(draft)
        self.table.setRowCount(sum(len(r.works) for r in rows))
        line = 0
        for row in rows:
            node = draft.find(row.node_id)
            for k, work in enumerate(row.works):
                values = (
                    str(row.number) if k == 0 else "",
                    row.area,
                    row.action if k == 0 else "",
                    editable(node.work_rows[k].work, draft)[0],  # targets as ⟦their words⟧
                    work.lead,
                    work.cooperating_text,
                )
                for col, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setData(PLACE, (row.node_id, k))
                    if col < 3:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(line, col, item)
                line += 1
        self.table.resizeRowsToContents()
        self._filling = False

    def set_cell(self, node_id: str, index: int, column: int, text: str) -> None:
        """An edit of 主要工作 (3), 牵头单位 (4) or 配合单位 (5) of one work row."""
        node = self.doc.draft.find(node_id)
        rows = list(node.work_rows)
        old = rows[index]
        if column == 3:
            _shown, tokens = editable(old.work, self.doc.draft)
            rows[index] = old.model_copy(update={"work": stored(text, tokens)})
        else:
            units = list(work_row_units(old, node))
            if column == 4:
                units = [text.strip(), *units[1:]]
            else:
                units = units[:1] + [
                    u.strip() for u in text.replace("，", "、").split("、") if u.strip()
                ]
            units = [u for u in units if u]
            clause = node.responsibility.units if node.responsibility else ()
            rows[index] = WorkRow(
                work=old.work, units=() if tuple(units) == clause else tuple(units)
            )
        push(self.doc, "编辑任务分工", ops.set_work_rows, node_id, tuple(rows))

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        node_id, index = item.data(PLACE)
        self.set_cell(node_id, index, item.column(), item.text())

    def _open(self, item: QTableWidgetItem) -> None:
        if item.column() < 3:
            self.node_selected.emit(item.data(PLACE)[0])
