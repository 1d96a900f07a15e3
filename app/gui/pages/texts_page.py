"""Text sections: the preamble, 总体要求, 主要目标's framing and 保障措施, with their template.

Each is edited here as text (targets shown as ⟦their words⟧); 恢复为模板文字
puts back what the template gives for this county, as one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.changes import Part
from app.core.draft.mentions import editable
from app.core.draft.tree import EditError
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument
from app.gui.widgets.draft_fields import Burst, draft_field

PREAMBLE = "preamble"


class TextsPage(QWidget, DocumentView):
    shows = frozenset({Part.META, Part.OUTLINE, Part.NODES, Part.TARGETS})

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.sections = QListWidget()
        self.sections.setMaximumWidth(170)
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.source = QLabel()
        self.text = QPlainTextEdit()
        self.text.textChanged.connect(self._typing)
        self.burst = Burst(self, lambda: f"text:{self.editing}", self._save)
        self.timer = self.burst.pause  # running while typed text waits for its pause
        draft_field(self.text, self.burst.end)
        self.reset = QPushButton(self.tr("恢复为模板文字"))
        self.reset.setToolTip(self.tr("放弃对本段的修改，重新按模板生成（可撤销）"))
        self.reset.clicked.connect(self.reset_to_template)
        right = QVBoxLayout()
        right.addWidget(self.source)
        right.addWidget(self.text)
        right.addWidget(self.reset)
        layout = QHBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addLayout(right)
        self.keys: list[str] = []
        self.editing = PREAMBLE  # the section the text box holds
        self._loading = False
        self.set_document(doc)

    def refresh(self) -> None:
        self._loading = True
        current = (
            self.keys[self.sections.currentRow()]
            if 0 <= self.sections.currentRow() < len(self.keys)
            else PREAMBLE
        )
        self.keys = [PREAMBLE] + [
            c.id for c in self.doc.draft.chapters if c.role in ("general", "goals", "safeguards")
        ]
        self.sections.clear()
        self.sections.addItem(self.tr("前言"))
        for key in self.keys[1:]:
            self.sections.addItem(self.doc.draft.find(key).title)
        self.sections.setCurrentRow(self.keys.index(current) if current in self.keys else 0)
        self._loading = False
        self._show(self.sections.currentRow())

    def _paragraphs(self, key: str) -> tuple[str, ...]:
        if key == PREAMBLE:
            return self.doc.draft.meta.preamble
        return self.doc.draft.find(key).paragraphs

    def _section_chosen(self, row: int) -> None:
        if self._loading:
            return
        self.flush()  # typing in the section being left is kept for that section
        self._show(row)

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.keys):
            return
        key = self.keys[row]
        self.editing = key
        chapter = None if key == PREAMBLE else self.doc.draft.find(key)
        template = chapter.template if chapter else ""
        self.source.setText(
            self.tr("本段文字来自模板，可恢复为模板文字")
            if template
            else self.tr("本段文字不来自模板")
        )
        self.source.setToolTip(self.tr("模板文件：{}").format(template) if template else "")
        self.reset.setEnabled(bool(template))
        shown, _tokens = editable("\n".join(self._paragraphs(key)), self.doc.draft)
        if self.timer.isActive() and key == self.editing:
            return  # the user is typing here: their text wins and is pushed at the pause
        if self.text.toPlainText() != shown:
            self._loading = True
            self.text.setPlainText(shown)
            self._loading = False

    def _typing(self) -> None:
        if not self._loading:
            self.burst.typed()
            self.doc.typing.emit()

    def flush(self) -> None:
        """Typing still waiting for its pause becomes a command now (before undo, save …)."""
        self.burst.end()

    def _save(self, merge_key: str = "") -> None:
        merge_key = merge_key or self.burst.key
        key = self.editing
        if key != PREAMBLE and self.doc.draft.find(key) is None:
            return
        shown = self.text.toPlainText()
        if key == PREAMBLE:
            push(
                self.doc,
                "编辑前言",
                ops.set_shown_preamble,
                shown,
                merge_key=merge_key,
                initiator=self.text,
            )
        else:
            push(
                self.doc,
                "编辑正文",
                ops.set_shown_text,
                key,
                shown,
                merge_key=merge_key,
                initiator=self.text,
            )

    def reset_to_template(self) -> None:
        self.flush()  # what was typed is one undo step before the reset
        key = self.keys[self.sections.currentRow()]
        try:
            push(self.doc, "恢复为模板文字", ops.reset_to_template, key)
        except EditError:
            return
