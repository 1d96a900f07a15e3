"""主要目标指标表: each indicator, the parent's value, and the county's decision per year.

A cell holds the county value ("120", "15左右"), or one of the words
完成上级下达任务 / 不列此目标 / 待定. Editing one changes every sentence that
states the indicator (主要目标, measure text, task rows) as one undo step.
The table is an item model over the draft's target entries: a change repaints
the rows of the entries it touched.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.changes import EVERYTHING, DraftChange, Part
from app.core.draft.mentions import TextRenderer
from app.core.draft.model import DECISION_NAMES, CountyTarget
from app.core.draft.tree import EditError
from app.core.operations.targets import target_cell_text
from app.core.readout.questions import pending_message
from app.core.text.clause_label import clause_label
from app.gui.actions.menus import on_delete
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument

YEARS = (2025, 2030, 2035)
FIXED = ("指标", "单位")
SOURCE = "来源"
PENDING = QColor("#fff3a0")
PARENT_GREY = QColor("#666666")

_Index = QModelIndex | QPersistentModelIndex


def years_of(draft) -> tuple[int, ...]:
    """The years the table shows: those the targets are set for (2023, 2025, …); the usual
    2025, 2030, 2035 while there is none. A year no target has would be a column of nothing
    to edit, pushing the county's cells off a 1366-wide screen."""
    years = {y.year for t in draft.targets for y in t.years}
    return tuple(sorted(years or YEARS))


def _parent_text(target: CountyTarget, year: int) -> str:
    entry = target.year(year)
    return f"{entry.parent_value}{entry.parent_after}" if entry and entry.parent_value else ""


class TargetsModel(QAbstractTableModel):
    """The county target table: 指标 and the county values are editable. Each year has the
    county's cell and, beside it, the parent's value as reference; 来源 comes last."""

    refused = Signal(str)  # an edit the core did not accept, in its words

    def __init__(self, doc: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ids = [t.id for t in doc.draft.targets]
        self.years = years_of(doc.draft)

    def county_column(self, year: int) -> int:
        """The column of the county's value for the year."""
        return len(FIXED) + 2 * self.years.index(year)

    def parent_column(self, year: int) -> int:
        """The column of the parent's value for the year (right of the county's)."""
        return self.county_column(year) + 1

    @property
    def source_column(self) -> int:
        return len(FIXED) + 2 * len(self.years)

    def county_year(self, column: int) -> int | None:
        """The year whose county cell the column is, or None."""
        at = column - len(FIXED)
        return self.years[at // 2] if 0 <= at < 2 * len(self.years) and at % 2 == 0 else None

    def parent_year(self, column: int) -> int | None:
        at = column - len(FIXED)
        return self.years[at // 2] if 0 <= at < 2 * len(self.years) and at % 2 == 1 else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.source_column + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < len(FIXED):
            return self.tr(FIXED[section])
        if section == self.source_column:
            return self.tr(SOURCE)
        if (year := self.county_year(section)) is not None:
            return self.tr("本县{}年").format(year)
        return self.tr("上级{}年").format(self.parent_year(section))

    def target(self, row: int) -> CountyTarget | None:
        return self.doc.draft.target(self.ids[row])

    def data(self, index: _Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        target = self.target(index.row())
        if target is None:
            return None
        column = index.column()
        year = self.county_year(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return target.indicator  # cut off in a narrow column
        if role == Qt.ItemDataRole.ToolTipRole and year is not None:
            entry = target.year(year)
            if entry is None or entry.decision != "pending":
                return None
            # what the draft prints meanwhile, and the wording customary for an allocated one
            return pending_message(TextRenderer(self.doc.draft), target.id, entry.year)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return target.indicator
            if column == 1:
                return target.unit
            if column == self.source_column:
                return "、".join(clause_label(s) for s in target.sources)
            if year is None:
                return _parent_text(target, self.parent_year(column))
            return target_cell_text(target.year(year))
        if role == Qt.ItemDataRole.BackgroundRole and year is not None:
            entry = target.year(year)
            return PENDING if entry is not None and entry.decision == "pending" else None
        if role == Qt.ItemDataRole.ForegroundRole and self.parent_year(column) is not None:
            return PARENT_GREY  # a reference, not the county's
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        year = self.county_year(column)
        target = self.target(index.row())
        editable = column == 0 or (
            year is not None and target is not None and target.year(year) is not None
        )
        return flags | Qt.ItemFlag.ItemIsEditable if editable else flags

    def setData(self, index: _Index, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        text = str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        target_id = self.ids[index.row()]
        try:
            if index.column() == 0:
                push(self.doc, "修改指标名称", ops.set_target_indicator, target_id, text)
            else:
                year = self.county_year(index.column())
                push(self.doc, "修改目标值", ops.set_target_cell, target_id, year, text)
        except EditError as exc:
            self.refused.emit(exc.one_line())
            return False
        return True

    def follow(self, change: DraftChange) -> None:
        """Repaint the entries the change touched; rebuild when entries come or go."""
        ids = [t.id for t in self.doc.draft.targets]
        years = years_of(self.doc.draft)
        if ids != self.ids or years != self.years or change is EVERYTHING:
            self.beginResetModel()
            self.ids, self.years = ids, years
            self.endResetModel()
            return
        rows = [i for i, target_id in enumerate(self.ids) if target_id in change.targets]
        if rows:
            self.dataChanged.emit(
                self.index(rows[0], 0), self.index(rows[-1], self.columnCount() - 1)
            )


class DecisionDelegate(QStyledItemDelegate):
    """A county cell: pick 完成上级下达任务 / 不列此目标 / 待定 from the list, or type a value
    (120, 15左右, 30%, 约30%)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        if index.model().county_year(index.column()) is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(
            [DECISION_NAMES["assigned"], DECISION_NAMES["dropped"], DECISION_NAMES["pending"]]
        )
        box.lineEdit().setPlaceholderText(self.tr("填数字，或从列表中选"))
        box.setToolTip(self.tr("数字可加“以上”“左右”“以内”，也可写 30%、约30%"))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class TargetsPage(QWidget, DocumentView):
    shows = frozenset({Part.TARGETS})

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.table = QTableView()
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
        self.table.setItemDelegate(DecisionDelegate(self.table))
        on_delete(self.table, self.clear_cells)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.model: TargetsModel | None = None
        self.set_document(doc)

    def set_document(self, doc: DraftDocument) -> None:
        old = self.model
        self.model = TargetsModel(doc, self)
        self.model.refused.connect(self.message.setText)
        self.model.dataChanged.connect(lambda *_: self.message.clear())
        self.table.setModel(self.model)
        if old is not None:
            old.deleteLater()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        fits = lambda text: header.fontMetrics().horizontalAdvance(text) + 14  # noqa: E731
        years = (fits("本县2025年"), fits("上级2025年")) * len(self.model.years)
        for col, width in enumerate((fits("指标" * 6), fits("万千瓦"), *years, fits("三（一）5"))):
            self.table.setColumnWidth(col, width)
        super().set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        if self.model is not None:
            self.model.follow(change)

    def refresh(self) -> None:
        self.document_changed(EVERYTHING)

    def clear_cells(self) -> None:
        """Delete on county cells: their values go, the targets are 待定 again (one undo step).
        An indicator's name cannot be emptied: the table says so."""
        if self.model is None:
            return
        cells = [
            i
            for i in self.table.selectionModel().selectedIndexes()
            if self.model.county_year(i.column()) is not None
            and self.model.flags(i) & Qt.ItemFlag.ItemIsEditable
        ]
        if not cells:
            if any(i.column() == 0 for i in self.table.selectionModel().selectedIndexes()):
                self.message.setText(self.tr("指标名称不能为空：双击改写它"))
            return
        ids, year_of = self.model.ids, self.model.county_year

        def cleared(draft):
            for index in cells:
                draft = ops.set_target_cell(draft, ids[index.row()], year_of(index.column()), "")
            return draft

        try:
            push(self.model.doc, "清除目标值", cleared)  # nothing to clear: no step
        except EditError as exc:
            self.message.setText(exc.one_line())

    def row_of(self, target_id: str) -> int:
        assert self.model is not None
        return self.model.ids.index(target_id)
