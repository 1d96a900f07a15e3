"""The 意见处理 table: one row an opinion sent back, its decision editable in place.

The rows are the draft's opinions (app/core/draft/consultation.py) in the order they
came in; an edit of 反馈单位, 处理情况 or 理由/说明 is one core operation pushed as an
undoable command. A proxy narrows the rows by unit, measure and decision. Two opinions
that would change overlapping words of the same paragraph are in conflict: their rows
are tinted and the 冲突 column names the others, so the team decides one.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from app.core import operations as ops
from app.core.draft.consultation import OPINION_DECISIONS, OPINION_KINDS, Opinion
from app.core.draft.model import Draft
from app.core.draft.tree import EditError
from app.core.readout.opinions import conflicts, proposal_text
from app.core.readout.render import labels
from app.core.text.excerpt import change_excerpt
from app.gui.commands import push
from app.gui.document import DraftDocument

HEADERS = ("序号", "反馈单位", "位置", "原文", "修改意见", "处理情况", "理由/说明", "冲突")
UNIT, PLACE, ORIGINAL, PROPOSED, DECISION, REASON, CONFLICT = range(1, 8)
EDITABLE = (UNIT, DECISION, REASON)
COLUMN_WIDTHS = (32, 84, 120, 0, 0, 76, 0, 80)
"""Fixed widths; 0: the column shares what is left (原文, 修改意见, 理由/说明)."""
DECISION_ORDER = ("adopted", "partly", "rejected", "elsewhere", "pending")
"""The drop-down's order: the usual answers first, 待处理 last."""
OPINION_ID = Qt.ItemDataRole.UserRole + 1
NODE_ID = Qt.ItemDataRole.UserRole + 2
DECISION_KEY = Qt.ItemDataRole.UserRole + 3
WHOLE = "全文"
CONFLICT_TINT = QColor("#ffd8c8")
PENDING_TINT = QColor("#fff3a0")

_Index = QModelIndex | QPersistentModelIndex


FEEDBACK_SUFFIXES = (".docx", ".doc", ".wps", ".xlsx")


def feedback_files(urls) -> list[Path]:
    """The dropped files that may be returned drafts or 反馈意见表."""
    return [
        Path(u.toLocalFile()) for u in urls if u.toLocalFile().lower().endswith(FEEDBACK_SUFFIXES)
    ]


def place_text(draft: Draft, node_id: str, numbers: dict[str, str] | None = None) -> str:
    """Where an opinion stands: the measure's label and title as printed, or 全文."""
    node = draft.find(node_id) if node_id else None
    if node is None:
        return WHOLE
    label = (numbers if numbers is not None else labels(draft)).get(node_id, "")
    return f"{label}{node.title}"


class OpinionsModel(QAbstractTableModel):
    """The draft's opinions; 反馈单位, 处理情况 and 理由/说明 are editable."""

    refused = Signal(str)  # an edit the core did not accept, in its words

    def __init__(self, doc: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._read()

    def _read(self) -> None:
        draft = self.doc.draft
        self.opinions: tuple[Opinion, ...] = draft.opinions
        numbers = labels(draft)
        self.places = [place_text(draft, o.node_id, numbers) for o in self.opinions]
        self.rivals = conflicts(self.opinions)
        self.row_of_id = {o.id: i for i, o in enumerate(self.opinions)}

    def follow(self) -> None:
        """The draft changed: repaint the rows in place when the same opinions remain."""
        old = [o.id for o in self.opinions]
        if [o.id for o in self.doc.draft.opinions] != old:
            self.beginResetModel()
            self._read()
            self.endResetModel()
            return
        self._read()
        if self.opinions:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.opinions) - 1, len(HEADERS) - 1)
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.opinions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None

    def rivals_text(self, opinion: Opinion) -> str:
        rows = [str(self.row_of_id[r] + 1) for r in self.rivals.get(opinion.id, ())]
        return self.tr("与第{}条冲突").format("、".join(rows)) if rows else ""

    def _text(self, row: int, column: int) -> str:
        o = self.opinions[row]
        original, proposed = o.original, proposal_text(o)
        if column in (ORIGINAL, PROPOSED) and proposed == o.proposed:
            # the changed words marked 【】 with a little context, not two whole paragraphs
            original, proposed = change_excerpt(original, proposed)
        return (
            str(row + 1),
            o.unit,
            self.places[row],
            original,
            proposed,
            OPINION_DECISIONS[o.decision],
            o.reason,
            self.rivals_text(o),
        )[column]

    def data(self, index: _Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        o = self.opinions[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PROPOSED:
                extra = [OPINION_KINDS[o.kind], o.author, o.source]
                if o.comment and o.kind != "comment":
                    extra.append(o.comment)
                return f"{proposal_text(o)}\n（{'；'.join(x for x in extra if x)}）"
            if column == ORIGINAL:
                return o.original or None  # the whole paragraph, where the row shows a part
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if o.id in self.rivals:
                return CONFLICT_TINT
            if column == DECISION and o.decision == "pending":
                return PENDING_TINT
            return None
        if role == OPINION_ID:
            return o.id
        if role == NODE_ID:
            return o.node_id
        if role == DECISION_KEY:
            return o.decision
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else flags

    def setData(self, index: _Index, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        o = self.opinions[index.row()]
        text = str(value).strip()
        try:
            if index.column() == UNIT:
                if not text or text == o.unit:
                    return False
                push(self.doc, "修改反馈单位", ops.set_opinion_unit, o.id, text)
            elif index.column() == DECISION:
                decision = text if text in OPINION_DECISIONS else _decision_named(text)
                if decision is None or decision == o.decision:
                    return False
                push(
                    self.doc,
                    f"处理意见：{OPINION_DECISIONS[decision]}",
                    ops.set_opinion_decision,
                    o.id,
                    decision,
                    o.reason,
                )
            else:
                if text == o.reason:
                    return False
                push(self.doc, "填写处理理由", ops.set_opinion_decision, o.id, o.decision, text)
        except EditError as exc:
            self.refused.emit(exc.one_line())
            return False
        return True


def _decision_named(name: str) -> str | None:
    return next((k for k, v in OPINION_DECISIONS.items() if v == name), None)


class DecisionDelegate(QStyledItemDelegate):
    """处理情况 picked from a list: 采纳 / 部分采纳 / 不采纳 / 已采纳于其他意见 / 待处理."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        if index.column() != DECISION:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for key in DECISION_ORDER:
            box.addItem(OPINION_DECISIONS[key], key)
        # a pick is the edit: commit at once, as a person expects from a list in a cell
        box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
        box.activated.connect(lambda _i, b=box: self.closeEditor.emit(b))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(DECISION_KEY)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class OpinionFilter(QSortFilterProxyModel):
    """The rows of one unit, one measure, one decision (each '' for all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = ""
        self.node_id: str | None = None  # None: every place; "": 全文
        self.decision = ""

    def set_filter(self, unit: str, node_id: str | None, decision: str) -> None:
        self.unit, self.node_id, self.decision = unit, node_id, decision
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, OpinionsModel) or source_row >= len(model.opinions):
            return False
        o = model.opinions[source_row]
        return (
            (not self.unit or o.unit == self.unit)
            and (self.node_id is None or o.node_id == self.node_id)
            and (not self.decision or o.decision == self.decision)
        )


def side_by_side(model: OpinionsModel, opinion: Opinion) -> str:
    """The detail pane's HTML: the opinion's place and original words, its proposal and every
    rival's side by side."""
    rivals = [o for o in model.opinions if o.id in model.rivals.get(opinion.id, ())]
    cells = []
    for o in [opinion, *rivals]:
        number = model.row_of_id[o.id] + 1
        cells.append(
            "<td valign='top' style='padding:4px 10px'>"
            f"<b>第{number}条 {html.escape(o.unit)}</b>（{OPINION_DECISIONS[o.decision]}）"
            f"<br>{html.escape(proposal_text(o))}"
            + (f"<br>反馈单位理由：{html.escape(o.grounds)}" if o.grounds.strip() else "")
            + "</td>"
        )
    place = html.escape(model.places[model.row_of_id[opinion.id]])
    head = f"<p><b>{place}</b>　原文：{html.escape(opinion.original) or '—'}</p>"
    note = (
        "<p style='color:#a33'>"
        + model.tr("这几条意见改的是同一段的同一处文字，请只采纳其中一条。")
        + "</p>"
        if rivals
        else ""
    )
    return f"{head}{note}<table><tr>{''.join(cells)}</tr></table>"


def refill(box: QComboBox, items: list[tuple[str, object]]) -> bool:
    """A filter's drop-down given new entries, its choice kept: False when that choice is gone
    (the box then shows the first entry, 全部…)."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    found = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(found, 0))
    box.blockSignals(False)
    return found >= 0
