"""待定事项: what adaptation left to the county for the node being edited, one click to answer.

Each open question shows its kind, its words and why it is asked; its
suggestions (删去, 改为贯彻落实…, 保留 …) are buttons, and a click is one undoable
command (ops.answer_question). A deadline gone by (as of the draft's date) is listed
too, with no buttons: the county rewrites the sentence itself. Targets still 待定 are answered in the
主要目标指标 table; here they are counted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.adaptation import QUESTION_NAMES, OpenQuestion
from app.core.draft.mentions import TextRenderer
from app.core.draft.model import Draft, Node, county_of
from app.core.readout.deadlines import deadline_questions, draft_year
from app.core.readout.questions import is_open, pending_targets
from app.gui.commands import push
from app.gui.document import DraftDocument

STORED = Qt.ItemDataRole.UserRole + 1


class QuestionsPanel(QWidget):
    targets_asked = Signal()  # the user wants the target table

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.doc = doc
        self.node_id = ""
        self.shown: list[OpenQuestion] = []
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._chosen)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.answers = QHBoxLayout()
        self.pending = QPushButton()
        self.pending.setToolTip(self.tr("转到主要目标指标表，逐个决定本县的目标值"))
        self.pending.clicked.connect(self.targets_asked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("上级的数值、地名、自身表述等，请本县决定："))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addLayout(self.answers)
        layout.addWidget(self.pending)

    def open_questions(self, node: Node) -> list[tuple[int, OpenQuestion]]:
        """The node's stored questions whose words are still there, with their index.

        A 附件 row restating the text's words is answered with the text: listed once.
        """
        asked = [(i, q) for i, q in enumerate(node.questions) if is_open(node, q)]
        in_text = {(q.kind, q.quote) for _i, q in asked if q.where != "work"}
        stored = [(i, q) for i, q in asked if q.where != "work" or (q.kind, q.quote) not in in_text]
        # deadlines gone by, as of the draft's date: asked, not stored (index -1, no buttons)
        return stored + [(-1, q) for q in deadline_questions(node, draft_year(self.doc.draft))]

    def show_node(self, draft: Draft, node: Node | None) -> int:
        """Show the node's open questions; how many there are (targets still 待定 included)."""
        self.node_id = node.id if node else ""
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        questions = self.open_questions(node) if node else []
        self.shown = [question for _index, question in questions]
        for index, question in questions:
            item = QListWidgetItem(f"【{QUESTION_NAMES[question.kind]}】{question.quote}")
            item.setData(STORED, index)
            item.setToolTip(question.message)
            self.list.addItem(item)
        self.list.blockSignals(False)
        pending = (
            len(list(pending_targets(draft, node, TextRenderer(draft, county_of(draft)))))
            if node
            else 0
        )
        self.pending.setText(
            self.tr("另有 {} 处目标值待定：到主要目标指标表中决定").format(pending)
        )
        self.pending.setVisible(pending > 0)
        if questions:
            self.list.blockSignals(True)
            self.list.setCurrentRow(min(max(current, 0), len(questions) - 1))
            self.list.blockSignals(False)
        self._chosen(self.list.currentRow())
        return len(questions) + pending

    def _clear_answers(self) -> None:
        while self.answers.count():
            widget = self.answers.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # out of the layout it would lie over the panel until deleted
                widget.deleteLater()

    def _chosen(self, row: int) -> None:
        self._clear_answers()
        node = self.doc.draft.find(self.node_id) if self.node_id else None
        item = self.list.item(row) if row >= 0 else None
        if node is None or item is None:
            self.message.clear()
            return
        index = item.data(STORED)
        question = node.questions[index] if index >= 0 else self.shown[row]
        self.message.setText(question.message)
        for number, suggestion in enumerate(question.suggestions):
            button = QPushButton(suggestion.label)
            if suggestion.replacement:
                button.setToolTip(self.tr("改为：{}").format(suggestion.replacement))
            button.clicked.connect(lambda _checked=False, q=index, s=number: self.answer(q, s))
            self.answers.addWidget(button)
            button.show()  # a layout would show it only on the next turn of the event loop
        self.answers.addStretch()

    def answer(self, question: int, suggestion: int) -> None:
        push(self.doc, "处理待定事项", ops.answer_question, self.node_id, question, suggestion)
