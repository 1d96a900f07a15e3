"""The measure editor: title, text, units and work rows of one node, and its parent text.

Every edit is a command on the document. The text shows each target as
⟦its words⟧ (the target table decides them); the parent clause is shown
beside it, read-only, with the words adaptation changed marked. The editor is
a view like the others: an undo, or an edit made elsewhere, reloads the
fields it touched, and what the user is typing is never overwritten by the
echo of their own edit.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.adapt.diff import node_diff
from app.core.draft.changes import DraftChange, Part
from app.core.draft.mentions import SHOWN, editable
from app.core.draft.model import Node, work_row_units
from app.core.operations.content import WorkRowField
from app.core.plans.resolver import PlanResolver
from app.core.readout.render import labels
from app.gui.actions.menus import on_delete
from app.gui.commands import push_or_say
from app.gui.document import DocumentView, DraftDocument
from app.gui.views.parent_clause import UnitBox, parent_clause_html
from app.gui.views.questions_panel import QuestionsPanel
from app.gui.views.revision_panel import RevisionPanel
from app.gui.widgets.draft_fields import Burst, draft_field
from app.gui.widgets.unit_completer import UnitCompleter

ROW_FIELDS = (WorkRowField.WORK, WorkRowField.LEAD, WorkRowField.COOPERATING)


class MeasureEditor(QWidget, DocumentView):
    def __init__(self, doc: DraftDocument, plans: PlanResolver) -> None:
        super().__init__()
        self.plans = plans
        self.node_id = ""
        self.adapted_words: frozenset[str] = frozenset()
        self.asked_words: frozenset[str] = frozenset()
        self._loading = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("标题"))
        self.title.editingFinished.connect(self._title_done)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("正文，每段一行；⟦…⟧ 为指标表中的目标"))
        self.text.textChanged.connect(self._typing)
        self.burst = Burst(self, lambda: f"text:{self.node_id}", self._text_done)
        self.typing = self.burst.pause  # running while typed text waits for its pause
        draft_field(self.text, self.burst.end)
        draft_field(self.title, edited=self._line_typed)
        self.parent_text = QTextBrowser()
        self.parent_text.setPlaceholderText(self.tr("本县自有措施，无上级条款"))
        self.lead = UnitBox()
        self.lead.setEditable(True)
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lead.lineEdit().editingFinished.connect(self._lead_done)
        draft_field(self.lead.lineEdit(), edited=self._line_typed)
        self.lead.activated.connect(lambda _i: self._lead_done())
        self.cooperating = QListWidget()
        self.cooperating.setMaximumHeight(110)
        self.new_unit = QLineEdit()
        self.new_unit.setPlaceholderText(self.tr("添加配合单位"))
        # one completer each: a shared one wrote the unit chosen in 添加配合单位 into 牵头单位;
        # the lead's sits on its line, not the box, which mapped a pick to a row of its own list
        self.unit_completer = UnitCompleter(self)
        self.new_unit.setCompleter(self.unit_completer)
        self.lead_completer = UnitCompleter(self)
        self.lead.lineEdit().setCompleter(self.lead_completer)
        self.lead_completer.activated[str].connect(self._lead_picked)
        on_delete(self.cooperating, self._remove_unit)
        buttons = QHBoxLayout()
        for text, slot, tip in (
            (self.tr("添加"), self._add_unit, self.tr("把上面输入的单位加为配合单位")),
            (self.tr("删除"), self._remove_unit, self.tr("删除选中的配合单位（Delete）")),
            (self.tr("上移"), lambda: self._move_unit(-1), self.tr("选中的配合单位前移")),
            (self.tr("下移"), lambda: self._move_unit(1), self.tr("选中的配合单位后移")),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.new_unit.returnPressed.connect(self._add_unit)
        self.rows = QTableWidget(0, 3)
        self.rows.setHorizontalHeaderLabels(
            [self.tr("主要工作"), self.tr("牵头单位"), self.tr("配合单位")]
        )
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.setColumnWidth(0, 300)
        self.rows.itemChanged.connect(self._row_done)
        on_delete(self.rows, self._remove_row)
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("牵头单位"), self.lead)
        units = QVBoxLayout()
        units.addWidget(self.cooperating)
        units.addWidget(self.new_unit)
        units.addLayout(buttons)
        form.addRow(self.tr("配合单位"), units)
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(self._labelled(self.tr("本县文本"), self.text))
        self.questions = QuestionsPanel(doc)
        self.side = QTabWidget()
        self.side.addTab(self.parent_text, self.tr("上级原文（改动处已标出）"))
        self.side.addTab(self.questions, self.tr("待定事项"))
        self.revision = RevisionPanel(doc)  # tab 2, shown while a source is revised
        self.side.addTab(self.revision, self.tr("上级已修订"))
        texts.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(texts, 3)
        layout.addWidget(QLabel(self.tr("任务分工（主要工作）")))
        layout.addWidget(self.rows, 1)
        self.setEnabled(False)
        self.set_document(doc)

    @staticmethod
    def _labelled(text: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(text))
        layout.addWidget(widget)
        return box

    # ------------------------------------------------------------ loading

    def set_document(self, doc: DraftDocument) -> None:
        self.flush()  # into the draft it was typed in, before the node is let go
        self.node_id = ""
        self.questions.doc = self.revision.doc = doc
        super().set_document(doc)

    def flush(self) -> None:
        """What the boxes hold and the draft does not yet becomes a command now (before
        undo, redo, save …); the typing burst ends, so what follows is another step."""
        self.burst.end()
        if getattr(self, "doc", None) is not None and self.node_id:
            self._title_done()
            self._lead_done()

    def show_node(self, node_id: str) -> None:
        self.flush()
        if node_id != self.node_id:
            self.new_unit.clear()  # the unit typed to add to the last measure is not this one's
        self.node_id = node_id
        self.refresh()

    def refresh(self) -> None:
        self.reload()

    def _on_document_changed(self, change: DraftChange, initiator: object) -> None:
        """Reload when the change touches this node (or what its text shows), except the
        field the user is editing, whose own edit it is."""
        if not self.node_id:
            return
        if (
            change.touches_node(self.node_id)
            or change.touches(Part.TARGETS, Part.CATALOGUE, Part.OUTLINE)
        ) and initiator is not self:
            # text typed but not yet pushed wins: it becomes a command at the pause
            self.reload(keep=self.text if self.typing.isActive() else initiator)

    def reload(self, keep: object = None) -> None:
        """Show the node; `keep` is the field whose text already says what the draft says."""
        node = self.doc.draft.find(self.node_id) if self.node_id else None
        self.setEnabled(node is not None)
        if node is None:  # nothing of another draft stays on show
            self._loading = True
            self.heading.clear()
            self.title.clear()
            self.text.clear()
            self.lead.clear()
            self.cooperating.clear()
            self.rows.setRowCount(0)
            self.parent_text.clear()
            self._loading = False
            self.questions.show_node(self.doc.draft, None)
            self.side.setTabText(1, self.tr("待定事项"))
            self.side.setTabVisible(2, self.revision.show_node(self.doc.draft, None, self.plans))
            return
        self._loading = True
        draft = self.doc.draft
        self.heading.setText(f"<b>{escape(labels(draft)[node.id] + node.title)}</b>")
        if keep is not self.title and self.title.text() != node.title:
            self.title.setText(node.title)
        shown, _tokens = editable("\n".join(node.paragraphs), draft)
        if keep is not self.text and self.text.toPlainText() != shown:
            self._show_text(shown)
        for completer in (self.unit_completer, self.lead_completer):
            completer.set_catalogue(draft.catalogue)
        units = node.responsibility.units if node.responsibility else ()
        self.lead.clear()
        self.lead.addItems([unit.name for unit in draft.catalogue.units])
        self.lead.setCurrentText(units[0] if units else "")
        self.cooperating.clear()
        self.cooperating.addItems(list(units[1:]))
        self.rows.setRowCount(len(node.work_rows))
        for row, work_row in enumerate(node.work_rows):
            row_units = work_row_units(work_row, node)
            values = (
                editable(work_row.work, draft)[0],
                row_units[0] if row_units else "",
                "、".join(row_units[1:]),
            )
            for col, value in enumerate(values):
                self.rows.setItem(row, col, QTableWidgetItem(value))
        self.rows.resizeRowsToContents()
        diff = node_diff(draft, node, self.plans)
        # the words adaptation put in, as the node recorded them (drafts of format 1: recomputed)
        recorded = {c.new for c in node.changes if c.kind != "target" and c.where == "paragraph"}
        self.adapted_words = frozenset(recorded) if node.changes else diff.added_words
        self.parent_text.setHtml(parent_clause_html(diff))
        count = self.questions.show_node(draft, node)
        self.side.setTabText(
            1, self.tr("待定事项（{}）").format(count) if count else self.tr("待定事项")
        )
        self.side.setTabVisible(2, self.revision.show_node(draft, node, self.plans))
        self.asked_words = frozenset(
            q.quote for _i, q in self.questions.open_questions(node) if q.where == "paragraph"
        )
        self._mark_adapted()
        self._loading = False

    def _show_text(self, shown: str) -> None:
        """Replace the text (an undo, an edit elsewhere), keeping the cursor where it was."""
        cursor = self.text.textCursor()
        position = cursor.position()
        self.text.setPlainText(shown)
        cursor = self.text.textCursor()
        cursor.setPosition(min(position, len(shown)))
        self.text.setTextCursor(cursor)

    def _mark_adapted(self) -> None:
        """Green where adaptation put county words in, orange what it asks about; ⟦…⟧ targets blue."""
        selections = []
        text = self.text.toPlainText()
        document = self.text.document()
        marks = [(w, "#d8f5d0") for w in self.adapted_words]
        marks += [(w, "#ffd8a8") for w in self.asked_words]
        for word, colour in [*marks, (None, "#dce8ff")]:
            spans = (
                [(m.start(), m.end()) for m in SHOWN.finditer(text)]
                if word is None
                else [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)]
            )
            for start, end in spans:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format.setBackground(QColor(colour))
                selections.append(selection)
        self.text.setExtraSelections(selections)

    # ------------------------------------------------------------ edits

    def _title_done(self) -> None:
        title = self.title.text().strip()
        node = self.doc.draft.find(self.node_id)
        if self._loading or node is None or not title or title == node.title:
            return
        if self.title.text() == node.title:
            return  # not edited (a title with spaces about it stays as it is)
        push_or_say(
            self, self.doc, "修改标题", ops.rename, self.node_id, title, initiator=self.title
        )

    def _typing(self) -> None:
        if not self._loading:
            self.burst.typed()
            self.doc.typing.emit()

    def _line_typed(self) -> None:
        self.doc.typing.emit()  # 撤销 is offered: it pushes the line, then undoes it

    def _text_done(self, merge_key: str = "") -> None:
        merge_key = merge_key or self.burst.key
        if self.doc.draft.find(self.node_id) is None:
            return
        push_or_say(
            self,
            self.doc,
            "编辑正文",
            ops.set_shown_text,
            self.node_id,
            self.text.toPlainText(),
            merge_key=merge_key,
            initiator=self.text,
        )

    def _units(self) -> tuple[str, ...]:
        lead = self.lead.currentText().strip()
        others = [self.cooperating.item(i).text() for i in range(self.cooperating.count())]
        return tuple(u for u in [lead, *others] if u)

    def _set_units(self, units: tuple[str, ...], text: str) -> None:
        node: Node | None = self.doc.draft.find(self.node_id)
        current = node.responsibility.units if node and node.responsibility else ()
        if node is None or units == current:
            return
        push_or_say(self, self.doc, text, ops.set_units, self.node_id, units)

    def _lead_done(self) -> None:
        if not self._loading:
            self._set_units(self._units(), "设置牵头单位")

    def _lead_picked(self, name: str) -> None:
        """A suggestion taken (Enter, Tab, a click): that unit leads now."""
        self.lead.setEditText(name)
        self._lead_done()

    def _add_unit(self) -> None:
        name = self.new_unit.text().strip()
        if name:
            self.new_unit.clear()
            self._set_units((*self._units(), name), "添加配合单位")

    def _remove_unit(self) -> None:
        row = self.cooperating.currentRow()
        if row >= 0:
            units = list(self._units())
            del units[row + 1]
            self._set_units(tuple(units), "删除配合单位")

    def _remove_row(self) -> None:
        """Delete in the 任务分工 table: that 主要工作 goes (never the measure)."""
        row = self.rows.currentRow()
        if row < 0 or self.rows.state() == QAbstractItemView.State.EditingState:
            return
        push_or_say(self, self.doc, "删除主要工作", ops.remove_work_row, self.node_id, row)

    def _move_unit(self, step: int) -> None:
        row = self.cooperating.currentRow()
        units = list(self._units())
        target = row + step
        if row < 0 or not 0 <= target < len(units) - 1:
            return
        units[row + 1], units[target + 1] = units[target + 1], units[row + 1]
        self._set_units(tuple(units), "调整配合单位顺序")
        self.cooperating.setCurrentRow(target)

    def _row_done(self, item: QTableWidgetItem) -> None:
        node = self.doc.draft.find(self.node_id)
        if self._loading or node is None or item.row() >= len(node.work_rows):
            return
        push_or_say(
            self,
            self.doc,
            "编辑任务分工",
            ops.set_work_row_field,
            self.node_id,
            item.row(),
            ROW_FIELDS[item.column()],
            item.text(),
        )
