"""The measure editor: title, text, units and work rows of one node, and its parent text.

Every edit is a command on the document. The text shows each target as
⟦its words⟧ (the target table decides them); the parent clause is shown
beside it, read-only, with the words adaptation changed marked.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
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
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.adapt.text import adapt_text
from app.core.draft.mentions import editable, stored
from app.core.draft.model import WorkRow, county_of
from app.core.plans.library import find_plan_or_none
from app.core.readout.render import labels, work_row_units
from app.gui.commands import push
from app.gui.document import DraftDocument

TYPING_PAUSE_MS = 400


class MeasureEditor(QWidget):
    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.doc = doc
        self.node_id = ""
        self.tokens: list[str] = []
        self.adapted_words: set[str] = set()
        self._loading = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("标题"))
        self.title.editingFinished.connect(self._title_done)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("正文，每段一行；⟦…⟧ 为指标表中的目标"))
        self.text.textChanged.connect(self._typing)
        self.typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.typing.timeout.connect(self._text_done)
        self.parent_text = QTextBrowser()
        self.parent_text.setPlaceholderText(self.tr("本县自有措施，无上级条款"))
        self.lead = QComboBox()
        self.lead.setEditable(True)
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lead.lineEdit().editingFinished.connect(self._lead_done)
        self.lead.activated.connect(lambda _i: self._lead_done())
        self.cooperating = QListWidget()
        self.cooperating.setMaximumHeight(110)
        self.new_unit = QLineEdit()
        self.new_unit.setPlaceholderText(self.tr("添加配合单位"))
        self.completer = QCompleter(self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_unit.setCompleter(self.completer)
        self.lead.setCompleter(self.completer)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("添加"), self._add_unit),
            (self.tr("删除"), self._remove_unit),
            (self.tr("上移"), lambda: self._move_unit(-1)),
            (self.tr("下移"), lambda: self._move_unit(1)),
        ):
            button = QPushButton(text)
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
        texts.addWidget(self._labelled(self.tr("上级原文（改动处已标出）"), self.parent_text))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(texts, 3)
        layout.addWidget(QLabel(self.tr("任务分工（主要工作）")))
        layout.addWidget(self.rows, 1)
        doc.changed.connect(self.reload)
        self.setEnabled(False)

    @staticmethod
    def _labelled(text: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(text))
        layout.addWidget(widget)
        return box

    # ------------------------------------------------------------ loading

    def show_node(self, node_id: str) -> None:
        if self.typing.isActive():
            self.typing.stop()
            self._text_done()
        self.node_id = node_id
        self.reload()

    def reload(self) -> None:
        node = self.doc.draft.find(self.node_id) if self.node_id else None
        self.setEnabled(node is not None)
        if node is None:
            return
        self._loading = True
        draft = self.doc.draft
        self.heading.setText(f"<b>{escape(labels(draft)[node.id] + node.title)}</b>")
        if self.title.text() != node.title:
            self.title.setText(node.title)
        shown, self.tokens = editable("\n".join(node.paragraphs), draft)
        if self.text.toPlainText() != shown and not self.text.hasFocus():
            self.text.setPlainText(shown)
        names = sorted(draft.catalogue.names())
        self.completer.setModel(QStringListModel(names, self.completer))
        units = node.responsibility.units if node.responsibility else ()
        self.lead.clear()
        self.lead.addItems(names)
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
        self.parent_text.setHtml(self._parent_html(node))
        self._mark_adapted()
        self._loading = False

    def _mark_adapted(self) -> None:
        """Green where adaptation put county words in; ⟦…⟧ targets in blue."""
        selections = []
        text = self.text.toPlainText()
        document = self.text.document()
        for word, colour in [(w, "#d8f5d0") for w in self.adapted_words] + [(None, "#dce8ff")]:
            spans = (
                [(m.start(), m.end()) for m in re.finditer(r"⟦[^⟦⟧]*⟧", text)]
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

    def _parent_html(self, node) -> str:
        """The parent clause with each word adaptation changes struck through and the new word after it."""
        parts = []
        draft = self.doc.draft
        self.adapted_words = set()
        for source in node.sources:
            plan = find_plan_or_none(source.plan_id)
            section = plan.find(source.node) if plan else None
            if section is None:
                parts.append(f"<p>{escape(source.node)}：{self.tr('上级方案中已找不到此条')}</p>")
                continue
            parts.append(f"<p><b>{escape(plan.title)} {escape(section.heading)}</b></p>")
            for paragraph in section.paragraphs:
                adapted = adapt_text(
                    paragraph, level=plan.level, county=county_of(draft), catalogue=draft.catalogue
                )
                html, old_position = [], 0
                for change in adapted.changes:
                    if change.reason.startswith("目标"):
                        continue
                    self.adapted_words.add(change.new)
                    start = paragraph.find(change.old, old_position)
                    if start < 0:
                        continue
                    html.append(escape(paragraph[old_position:start]))
                    html.append(
                        f'<span style="background:#ffe0e0;text-decoration:line-through">{escape(change.old)}</span>'
                        f'<span style="background:#d8f5d0">{escape(change.new)}</span>'
                    )
                    old_position = start + len(change.old)
                html.append(escape(paragraph[old_position:]))
                parts.append(f"<p>{''.join(html)}</p>")
            if section.clause:
                parts.append(f"<p>{escape(section.clause.text)}</p>")
        return "".join(parts)

    # ------------------------------------------------------------ edits

    def _title_done(self) -> None:
        title = self.title.text().strip()
        node = self.doc.draft.find(self.node_id)
        if self._loading or node is None or not title or title == node.title:
            return
        push(self.doc, "修改标题", ops.rename, self.node_id, title)

    def _typing(self) -> None:
        if not self._loading:
            self.typing.start()

    def _text_done(self) -> None:
        node = self.doc.draft.find(self.node_id)
        if node is None:
            return
        text = stored(self.text.toPlainText(), self.tokens)
        paragraphs = tuple(p for p in text.split("\n"))
        if tuple(p.strip() for p in paragraphs if p.strip()) == node.paragraphs:
            return
        push(
            self.doc,
            "编辑正文",
            ops.set_paragraphs,
            self.node_id,
            paragraphs,
            merge_key=f"text:{self.node_id}",
        )

    def _units(self) -> tuple[str, ...]:
        lead = self.lead.currentText().strip()
        others = [self.cooperating.item(i).text() for i in range(self.cooperating.count())]
        return tuple(u for u in [lead, *others] if u)

    def _set_units(self, units: tuple[str, ...], text: str) -> None:
        node = self.doc.draft.find(self.node_id)
        current = node.responsibility.units if node and node.responsibility else ()
        if node is None or units == current:
            return
        push(self.doc, text, ops.set_units, self.node_id, units)

    def _lead_done(self) -> None:
        if not self._loading:
            self._set_units(self._units(), "设置牵头单位")

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
        rows = list(node.work_rows)
        old = rows[item.row()]
        if item.column() == 0:
            _shown, tokens = editable(old.work, self.doc.draft)
            rows[item.row()] = old.model_copy(update={"work": stored(item.text(), tokens)})
        else:
            units = list(work_row_units(old, node))
            if item.column() == 1:
                units = [item.text().strip(), *units[1:]]
            else:
                units = units[:1] + [
                    u for u in item.text().replace("，", "、").split("、") if u.strip()
                ]
            rows[item.row()] = WorkRow(
                work=old.work, units=tuple(u.strip() for u in units if u.strip())
            )
        push(self.doc, "编辑任务分工", ops.set_work_rows, self.node_id, tuple(rows))
