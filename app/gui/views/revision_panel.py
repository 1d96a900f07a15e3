"""上级已修订: the parent clause a measure took up, as it read then and as it reads now.

Shown beside the measure editor (a tab of its own, only while a source is revised or
removed): the old → new clause with the words that changed marked, as the 上级原文 tab
marks adaptation's changes, and the county's three answers, each one undoable command:
采用新文字 (ops.take_revised_text: re-adapted, the county's edits kept where they do not
meet the parent's), 保留 and 已核对 (ops.keep_despite_revision: the county text stays).
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.core import operations as ops
from app.core.draft.model import Draft, Node
from app.core.operations.revised_parent.rebase import revision_of
from app.core.plans.resolver import NO_PLANS, PlanResolver
from app.core.plans.revisions import section_text
from app.core.text.clause_label import clause_label
from app.core.text.diff import Mark, inline
from app.gui.commands import push_or_say
from app.gui.document import DraftDocument

_STYLE = {
    Mark.DELETED: "background:#ffe0e0;text-decoration:line-through",
    Mark.INSERTED: "background:#d8f5d0",
}


def revision_html(old: str, new: str | None) -> str:
    """The old clause → the new one, the words removed struck through, the words added marked."""
    if new is None:
        return (
            "<p><b>上级新版本已删去此条。</b>采纳时的原文：</p>"
            + "".join(f"<p>{escape(line)}</p>" for line in old.split("\n"))
            if old
            else "<p><b>上级新版本已删去此条。</b></p>"
        )
    if not old:
        return "<p>采纳时的上级原文未保存在方案库中，下面是现行文字：</p>" + "".join(
            f"<p>{escape(line)}</p>" for line in new.split("\n")
        )
    html: list[str] = []
    for piece in inline(old, new):
        body = escape(piece.text).replace("\n", "<br>")
        style = _STYLE.get(piece.mark)
        html.append(f'<span style="{style}">{body}</span>' if style else body)
    return f"<p>{''.join(html)}</p>"


class RevisionPanel(QWidget):
    """The revised parent clause of the node being edited, and what to do about it."""

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.doc = doc
        self.plans: PlanResolver = NO_PLANS
        self.node_id = ""
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.view = QTextBrowser()
        self.take = QPushButton(self.tr("采用新文字"))
        self.take.setToolTip(
            self.tr("采用上级新文字（按本县调整），本县改过而上级未改之处保留；冲突处列为待定事项")
        )
        self.take.clicked.connect(self._take)
        self.keep = QPushButton(self.tr("保留"))
        self.keep.setToolTip(self.tr("保留本县现有文字，不采用上级新文字"))
        self.keep.clicked.connect(lambda: self._keep(self.tr("保留本县文字（上级已修订）")))
        self.checked = QPushButton(self.tr("已核对"))
        self.checked.setToolTip(self.tr("已对照上级新文字，本县文字无须修改"))
        self.checked.clicked.connect(lambda: self._keep(self.tr("已核对上级修订")))
        buttons = QHBoxLayout()
        for button in (self.take, self.keep, self.checked):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def show_node(self, draft: Draft, node: Node | None, plans: PlanResolver) -> bool:
        """Show the node's revised clause; False when it has none (the tab is then hidden)."""
        self.plans = plans
        self.node_id = node.id if node is not None else ""
        revision = revision_of(draft, node.id, plans) if node is not None else None
        if revision is None:
            self.heading.clear()
            self.view.clear()
            return False
        label = clause_label(revision.source.node)
        state = "已删去" if revision.removed else "已修订"
        self.heading.setText(
            self.tr("《{}》第 {} 版{}条款 {}（删去的字划线，新增的字底色标出）").format(
                revision.plan.title, revision.plan.revision, state, label
            )
        )
        old = section_text(revision.old) if revision.old is not None else ""
        new = section_text(revision.new) if revision.new is not None else None
        self.view.setHtml(revision_html(old, new))
        self.take.setEnabled(not revision.removed and revision.old is not None)
        return True

    def _take(self) -> None:
        push_or_say(
            self, self.doc, "采用上级新文字", ops.take_revised_text, self.node_id, self.plans
        )

    def _keep(self, text: str) -> None:
        push_or_say(self, self.doc, text, ops.keep_despite_revision, self.node_id, self.plans)
