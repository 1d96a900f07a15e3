"""任务分工 page: the task rows exactly as they will be exported, editable in place.

The rows come from app.core.readout.task_rows, as the Word attachment and the
Excel sheet do; an edit here is the same core operation as in the measure
editor (ops.set_work_row_field), so the two views can never disagree. The
table is an item model over the draft: an edit elsewhere repaints the rows of
the measures it touched; rows appear or go only when the outline changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.changes import EVERYTHING, DraftChange, Part
from app.core.draft.mentions import TextRenderer, editable
from app.core.draft.model import Draft, Node, county_of
from app.core.operations.content import WorkRowField
from app.core.readout.questions import is_open
from app.core.readout.task_rows import TASK_HEADERS, node_works, task_row_nodes
from app.gui.actions.menus import on_delete
from app.gui.commands import push, push_or_say
from app.gui.document import DocumentView, DraftDocument

FIELDS = {3: WorkRowField.WORK, 4: WorkRowField.LEAD, 5: WorkRowField.COOPERATING}
PROPOSED = QColor("#fff3a0")
"""A lead the app proposed and the county has not confirmed: the 待定 colour of the targets."""
NODE_ID = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Line:
    """One line of the table: a piece of work of a numbered row."""

    node_id: str
    work_index: int
    values: tuple[str, ...]
    work: str = ""
    """主要工作 as it is edited: targets as ⟦their words⟧, without the 完成时限 shown after it."""
    proposed: str = ""
    """The open question on a lead the app proposed (拟定，待确认), shown on its cell."""


def _node_lines(
    node: Node, number: str, area: str, renderer: TextRenderer, draft: Draft
) -> list[_Line]:
    out = []
    for k, (work_row, work) in enumerate(
        zip(node.work_rows, node_works(node, renderer), strict=True)
    ):
        shown = editable(work_row.work, draft)[0]  # targets as ⟦their words⟧, as the editor shows
        values = (
            number if k == 0 else "",
            area,
            (node.task_title or node.title) if k == 0 else "",
            replace(work, work=shown).printed_work,  # with its 完成时限, as the table prints it
            work.lead,
            work.cooperating_text,
        )
        asked = next(
            (
                q.message
                for q in node.questions
                if q.kind == "proposed_unit" and is_open(node, q) and q.quote == work.lead
            ),
            "",
        )
        out.append(_Line(node.id, k, values, shown, asked))
    return out


def _lines(draft: Draft) -> list[_Line]:
    renderer = TextRenderer(draft, county_of(draft))
    out: list[_Line] = []
    for number, area, node in task_row_nodes(draft):
        out += _node_lines(node, str(number), area, renderer, draft)
    return out


class TaskRowsModel(QAbstractTableModel):
    """The task rows of the open draft; 主要工作, 牵头单位 and 配合单位 are editable."""

    def __init__(self, doc: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.lines = _lines(doc.draft)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TASK_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return TASK_HEADERS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == 3:
            return line.work
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return line.values[index.column()]
        if index.column() == 4 and line.proposed:
            if role == Qt.ItemDataRole.BackgroundRole:
                return PROPOSED
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"拟定，待确认：{line.proposed}"
        if role == Qt.ItemDataRole.ToolTipRole:  # a cell cut off at 1366×768 reads in full here
            return line.values[index.column()] or None
        if role == NODE_ID:
            return line.node_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in FIELDS:
            return False
        line = self.lines[index.row()]
        if str(value) == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        push(
            self.doc,
            "编辑任务分工",
            ops.set_work_row_field,
            line.node_id,
            line.work_index,
            FIELDS[index.column()],
            str(value),
        )
        return True

    def follow(self, change: DraftChange) -> list[int]:
        """Repaint the lines of the measures the change touched; rebuild when lines come or go.

        Returns the rows repainted (all of them after a rebuild).
        """
        draft = self.doc.draft
        if change.touches(Part.OUTLINE, Part.TARGETS, Part.CATALOGUE) or not change.nodes:
            return self._rebuild(_lines(draft))
        renderer = TextRenderer(draft, county_of(draft))
        lines = list(self.lines)
        changed: list[int] = []
        for node_id in change.nodes:
            rows = [i for i, line in enumerate(lines) if line.node_id == node_id]
            node = draft.find(node_id)
            if node is None or len(rows) != len(node.work_rows):
                return self._rebuild(_lines(draft))  # a row came or went: numbers move
            if not rows:
                continue
            first = lines[rows[0]].values
            for i, line in zip(
                rows, _node_lines(node, first[0], first[1], renderer, draft), strict=True
            ):
                if lines[i] != line:
                    lines[i] = line
                    changed.append(i)
        self.lines = lines
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(TASK_HEADERS) - 1)
            )
        return changed

    def _rebuild(self, lines: list[_Line]) -> list[int]:
        if [(x.node_id, x.work_index) for x in lines] != [
            (x.node_id, x.work_index) for x in self.lines
        ]:
            self.beginResetModel()
            self.lines = lines
            self.endResetModel()
            return list(range(len(lines)))
        old, self.lines = self.lines, lines
        changed = [i for i, (a, b) in enumerate(zip(old, lines, strict=True)) if a != b]
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], 0), self.index(changed[-1], len(TASK_HEADERS) - 1)
            )
        return changed


class TasksPage(QWidget, DocumentView):
    node_selected = Signal(str)
    shows = frozenset({Part.OUTLINE, Part.NODES, Part.TARGETS, Part.CATALOGUE})

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.table = QTableView()
        self.table.verticalHeader().hide()  # 序号 is the first column
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(self._open)
        self._unfitted: set[int] = set()
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._fit_visible())
        on_delete(self.table, self._remove_row)
        self.add_button, self.remove_button, self.up_button, self.down_button = self._row_tools()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.model: TaskRowsModel | None = None
        self.set_document(doc)

    def set_document(self, doc: DraftDocument) -> None:
        old = self.model
        self.model = TaskRowsModel(doc, self)
        self.table.setModel(self.model)
        if old is not None:
            old.deleteLater()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 36), (1, 96), (2, 110), (4, 80), (5, 130)):
            self.table.setColumnWidth(col, width)
        super().set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        if self.model is None:
            return
        if change is EVERYTHING:
            self._unfitted = set(range(len(self.model.lines)))
        else:
            repainted = self.model.follow(change)
            if len(repainted) == len(self.model.lines):
                self._unfitted = set(range(len(self.model.lines)))
            else:
                self._unfitted.update(repainted)
        self._fit_visible()

    def _fit_visible(self) -> None:
        """Fit the heights of the rows on screen only: fitting all 10,000 rows of a big draft
        took a second at every open and every outline edit. Others fit when scrolled to."""
        if not self._unfitted or not self.table.isVisible() or self.model is None:
            return
        for _ in range(4):  # fitting changes which rows are on screen
            first = max(self.table.rowAt(0), 0)
            last = self.table.rowAt(self.table.viewport().height())
            last = len(self.model.lines) - 1 if last < 0 else last
            rows = [r for r in range(first, last + 1) if r in self._unfitted]
            if not rows:
                return
            for row in rows:
                self.table.resizeRowToContents(row)
                self._unfitted.discard(row)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_visible()

    def refresh(self) -> None:
        self.document_changed(EVERYTHING)

    def row_of(self, node_id: str, work_index: int = 0) -> int:
        assert self.model is not None
        return next(
            i
            for i, line in enumerate(self.model.lines)
            if line.node_id == node_id and line.work_index == work_index
        )

    def _row_tools(self) -> list[QToolButton]:
        """新增/删除/上移/下移 a piece of work: buttons over the table, keys in it (Insert,
        Delete, Ctrl+Shift+↑/↓; Alt+↑ is the window's, moving a measure) and the context menu."""
        specs = (
            ("新增一行", "在当前行之后为同一措施新增一项主要工作", "Insert", self._add_row),
            ("删除此行", "删除当前行的主要工作（措施本身不删）", None, self._remove_row),
            ("上移", "在本条措施内上移一行", "Ctrl+Shift+Up", lambda: self._move_row(-1)),
            ("下移", "在本条措施内下移一行", "Ctrl+Shift+Down", lambda: self._move_row(1)),
        )
        self.row_actions: list[QAction] = []
        buttons = []
        for text, tip, key, slot in specs:
            action = QAction(self.tr(text), self)
            action.setToolTip(self.tr(tip) + (f"（{key}）" if key else "（Delete）"))
            action.triggered.connect(slot)
            if key is not None:
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.table.addAction(action)
            self.row_actions.append(action)
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.append(button)
        return buttons

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.setCurrentIndex(index)
        menu = QMenu(self.table)
        menu.addActions(self.row_actions)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.menu = menu  # kept for tests and until it closes

    def _current_line(self) -> _Line | None:
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            return None
        return self.model.lines[index.row()]

    def _select(self, node_id: str, work_index: int, column: int) -> None:
        assert self.model is not None
        row = self.row_of(node_id, work_index)
        self.table.setCurrentIndex(self.model.index(row, column))

    def _add_row(self) -> None:
        """A new piece of work after the current one, under the same 序号."""
        line = self._current_line()
        if line is None:
            return
        column = self.table.currentIndex().column()
        if push_or_say(
            self, self.doc, "新增主要工作", ops.add_work_row, line.node_id, line.work_index
        ):
            self._select(line.node_id, line.work_index + 1, column)

    def _move_row(self, step: int) -> None:
        """The current piece of work up or down among its measure's rows."""
        line = self._current_line()
        if line is None:
            return
        column = self.table.currentIndex().column()
        if push_or_say(
            self,
            self.doc,
            "调整主要工作顺序",
            ops.move_work_row,
            line.node_id,
            line.work_index,
            step,
        ):
            self._select(line.node_id, line.work_index + step, column)

    def _remove_row(self) -> None:
        """Delete on a row: that 主要工作 goes; the measure itself never does from here."""
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            return
        line = self.model.lines[index.row()]
        push_or_say(
            self, self.doc, "删除主要工作", ops.remove_work_row, line.node_id, line.work_index
        )

    def _open(self, index: QModelIndex) -> None:
        if index.column() not in FIELDS:
            self.node_selected.emit(index.data(NODE_ID))
