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
from app.core.draft.model import CommitteeMember
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument


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
        for text, slot in (
            (self.tr("添加成员"), self.add_member),
            (self.tr("删除"), self.remove_member),
            (self.tr("上移"), lambda: self.move_member(-1)),
            (self.tr("下移"), lambda: self.move_member(1)),
        ):
            button = QPushButton(text)
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
            if not edit.hasFocus():
                edit.setText(str(getattr(meta, key)))
        self.stage.setCurrentText(meta.stage)
        self.committee.setRowCount(len(meta.committee))
        for row, member in enumerate(meta.committee):
            for col, value in enumerate((member.role, member.name, member.unit)):
                self.committee.setItem(row, col, QTableWidgetItem(value))
        self._filling = False

    def set_meta(self, **fields: object) -> None:
        push(self.doc, "修改封面", ops.set_meta, **fields)

    def _field_done(self, key: str) -> None:
        value = self.fields[key].text().strip()
        if not self._filling and value != str(getattr(self.doc.draft.meta, key)):
            if key == "county" and not value:
                self.refresh()
                return
            self.set_meta(**{key: value})

    def _members(self) -> list[CommitteeMember]:
        return list(self.doc.draft.meta.committee)

    def _committee_done(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        members = self._members()
        member = members[item.row()]
        field = ("role", "name", "unit")[item.column()]
        members[item.row()] = member.model_copy(update={field: item.text().strip()})
        self.set_meta(committee=tuple(members))

    def add_member(self) -> None:
        self.set_meta(committee=(*self._members(), CommitteeMember(role="成员", name="（姓名）")))

    def remove_member(self) -> None:
        row = self.committee.currentRow()
        if row >= 0:
            members = self._members()
            del members[row]
            self.set_meta(committee=tuple(members))

    def move_member(self, step: int) -> None:
        row = self.committee.currentRow()
        members = self._members()
        if 0 <= row < len(members) and 0 <= row + step < len(members):
            members[row], members[row + step] = members[row + step], members[row]
            self.set_meta(committee=tuple(members))
            self.committee.setCurrentCell(row + step, 0)
