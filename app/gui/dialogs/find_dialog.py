"""编辑 › 查找 (Ctrl+F) and 替换 (Ctrl+H): every place in the draft, one undo step for all.

The dialog stays open beside the window: the list shows each place with the words
around it; double-click (or Enter) goes to the measure. 全部替换 is one core
operation, so one 撤销 puts everything back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.core import operations as ops
from app.core.operations.find_replace import PLACE_NAMES, Hit, find_text
from app.core.readout.render import labels
from app.gui.commands import push_or_say

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

HIT = Qt.ItemDataRole.UserRole + 1


class FindDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("查找与替换"))
        self.setModal(False)
        self.needle = QLineEdit()
        self.needle.setPlaceholderText(self.tr("要查找的文字，如 银川经开区、全市"))
        self.needle.setClearButtonEnabled(True)
        self.replacement = QLineEdit()
        self.replacement.setPlaceholderText(self.tr("替换为（可留空，即删去）"))
        self.results = QListWidget()
        self.results.itemActivated.connect(self._go)
        self.count = QLabel()
        self.find_button = QPushButton(self.tr("查找全部"))
        self.find_button.setToolTip(self.tr("列出文稿中每一处（目标 ⟦…⟧ 中的文字不在其内）"))
        self.replace_button = QPushButton(self.tr("替换此处"))
        self.replace_button.setToolTip(self.tr("只替换列表中选中的这一处"))
        self.replace_all_button = QPushButton(self.tr("全部替换"))
        self.replace_all_button.setToolTip(self.tr("替换每一处，作为一步操作，可一次撤销"))
        buttons = QDialogButtonBox()
        for button in (self.find_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        self.find_button.clicked.connect(self.find_all)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_everywhere)
        self.needle.returnPressed.connect(self.find_all)
        form = QFormLayout()
        form.addRow(self.tr("查找"), self.needle)
        form.addRow(self.tr("替换为"), self.replacement)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def open_for(self, replace: bool) -> None:
        """Shown with the cursor in 查找 (Ctrl+F) or 替换为 (Ctrl+H) when there is already a needle."""
        self.show()
        self.raise_()
        self.activateWindow()
        field = self.replacement if replace and self.needle.text() else self.needle
        field.setFocus()
        field.selectAll()

    @property
    def doc(self):
        return self.window_.doc

    def find_all(self) -> list[Hit]:
        self.doc.flush()
        hits = find_text(self.doc.draft, self.needle.text())
        names = labels(self.doc.draft)
        self.results.clear()
        for hit in hits:
            node = self.doc.draft.find(hit.node_id) if hit.node_id else None
            where = f"{names.get(node.id, '')}{node.title}" if node else self.tr("前言")
            item = QListWidgetItem(f"{where} · {PLACE_NAMES[hit.place]}：{hit.context}")
            item.setToolTip(hit.text)
            item.setData(HIT, hit)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.count.setText(
            self.tr("共 {} 处").format(len(hits))
            if self.needle.text()
            else self.tr("请输入要查找的文字")
        )
        return hits

    def _go(self, item: QListWidgetItem) -> None:
        hit: Hit = item.data(HIT)
        if hit.node_id:
            self.window_.select_and_show(hit.node_id)

    def replace_one(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        row = self.results.currentRow()
        if push_or_say(
            self.window_, self.doc, "替换", ops.replace_hit, item.data(HIT), self.replacement.text()
        ):
            self.find_all()
            self.results.setCurrentRow(min(row, self.results.count() - 1))

    def replace_everywhere(self) -> None:
        needle, replacement = self.needle.text(), self.replacement.text()
        if not needle:
            return
        count = len(find_text(self.doc.draft, needle))
        text = self.tr("全部替换“{}”为“{}”").format(needle, replacement)
        if push_or_say(self.window_, self.doc, text, ops.replace_all, needle, replacement):
            self.find_all()
            self.count.setText(self.tr("已替换 {} 处（可撤销）").format(count))
