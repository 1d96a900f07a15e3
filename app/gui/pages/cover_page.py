"""封面与编制委员会 page: title, stage, date, 委托/编制单位, and the committee table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.changes import Part
from app.core.operations.content import COMMITTEE_FIELDS
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument
from app.gui.widgets.draft_fields import draft_field


class CoverPage(QWidget, DocumentView):
    shows = frozenset({Part.META})

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in (
            ("county", "县名"),
            ("city", "所属市"),
            ("region", "所属自治区/省"),
            ("title", "标题（空：县名＋碳达峰实施方案）"),
            ("date", "日期（如 2023-09）"),
            ("commissioned_by", "委托单位"),
            ("drafted_by", "编制单位"),
        ):
            edit = QLineEdit()
            edit.editingFinished.connect(lambda key=key: self._field_done(key))
            # Ctrl+Z undoes the draft's steps (flush pushes this box first)
            draft_field(edit, edited=lambda: self.doc.typing.emit())
            self.fields[key] = edit
            form.addRow(self.tr(label), edit)
        self.stage = QComboBox()
        self.stage.addItems(["征求意见稿", "送审稿"])
        self.stage.activated.connect(lambda _i: self.set_meta(stage=self.stage.currentText()))
        form.addRow(self.tr("稿本"), self.stage)
        self.committee = QTableWidget(0, 3)
        self.committee.setHorizontalHeaderLabels(
            [self.tr("职务"), self.tr("姓名"), self.tr("单位")]
        )
        self.committee.horizontalHeader().setStretchLastSection(True)
        self.committee.itemChanged.connect(self._committee_done)
        buttons = QHBoxLayout()
        for text, slot, tip in (
            (self.tr("添加成员"), self.add_member, self.tr("在编制委员会中添加一人")),
            (self.tr("删除"), self.remove_member, self.tr("删除选中的成员")),
            (self.tr("上移"), lambda: self.move_member(-1), self.tr("选中的成员前移一位")),
            (self.tr("下移"), lambda: self.move_member(1), self.tr("选中的成员后移一位")),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("编制委员会")))
        layout.addWidget(self.committee)
        layout.addLayout(buttons)
        self._filling = False
        self.set_document(doc)

    def refresh(self) -> None:
        self._filling = True
        meta = self.doc.draft.meta
        for key, edit in self.fields.items():
            if edit.text() != str(getattr(meta, key)):
                edit.setText(str(getattr(meta, key)))
        self.stage.setCurrentText(meta.stage)
        self.committee.setRowCount(len(meta.committee))
        for row, member in enumerate(meta.committee):
            for col, value in enumerate((member.role, member.name, member.unit)):
                self.committee.setItem(row, col, QTableWidgetItem(value))
        self._filling = False

    def flush(self) -> None:
        """A box edited and not yet left becomes a step (before undo, redo, save …)."""
        for key in self.fields:
            self._field_done(key)

    def set_meta(self, **fields: object) -> None:
        push(self.doc, "修改封面", ops.set_meta, **fields)

    def _field_done(self, key: str) -> None:
        edit = self.fields[key]
        value = edit.text().strip()
        if edit.text() == str(getattr(self.doc.draft.meta, key)):
            return  # not edited: nothing to push (flush asks every box)
        if not self._filling and value != str(getattr(self.doc.draft.meta, key)):
            if key == "county" and not value:
                self.refresh()
                return
            push(self.doc, "修改封面", ops.set_meta, initiator=edit, **{key: value})

    def _committee_done(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        field = COMMITTEE_FIELDS[item.column()]
        push(self.doc, "修改编制委员会", ops.set_committee_member, item.row(), field, item.text())

    def add_member(self) -> None:
        push(self.doc, "添加编制委员会成员", ops.add_committee_member)

    def remove_member(self) -> None:
        row = self.committee.currentRow()
        if row >= 0:
            push(self.doc, "删除编制委员会成员", ops.remove_committee_member, row)

    def move_member(self, step: int) -> None:
        row = self.committee.currentRow()
        push(self.doc, "调整编制委员会顺序", ops.move_committee_member, row, step)
        if 0 <= row + step < self.committee.rowCount():
            self.committee.setCurrentCell(row + step, self.committee.currentColumn())
