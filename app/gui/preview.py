"""The live preview: the draft as it will print, refreshed shortly after each edit.

A draft of ordinary size is shown whole. A big one (thousands of measures)
is shown around the node being edited — its headings above it and the nodes
before and after it, numbered and worded as in the whole draft — since Qt
lays out every paragraph it is given, and a whole 10,000-measure draft took
it many seconds after each edit. The export always prints the whole draft.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser

from app.core.draft.changes import DraftChange
from app.core.draft.model import Draft, Node
from app.core.readout.render import rendered_nodes
from app.export.content import body_blocks, cover_blocks
from app.export.html import _paragraph, draft_html, stylesheet
from app.export.style import usable_style
from app.gui.document import DocumentView, DraftDocument

DEBOUNCE_MS = 150
WHOLE_UP_TO = 1500
"""Nodes: a draft up to this size is previewed whole."""
BEFORE, AFTER = 40, 160
"""Nodes shown before and after the current one in a bigger draft."""


def shown_part(draft: Draft, current: str) -> tuple[list[str], bool, bool] | None:
    """The ids a big draft's preview shows around `current` (None: show the whole draft).

    The nodes from BEFORE before the current node (the first node when there is
    none) to AFTER after it, with the headings above the first of them; and
    whether the part starts at the draft's beginning and ends at its end.
    """
    order: list[tuple[Node, tuple[str, ...]]] = []

    def visit(nodes: tuple[Node, ...], above: tuple[str, ...]) -> None:
        for node in nodes:
            order.append((node, above))
            visit(node.children, (*above, node.id))

    visit(draft.chapters, ())
    if len(order) <= WHOLE_UP_TO:
        return None
    at = next((i for i, (node, _above) in enumerate(order) if node.id == current), 0)
    first, last = max(0, at - BEFORE), min(len(order), at + AFTER + 1)
    ids = [*order[first][1], *(node.id for node, _above in order[first:last])]
    return ids, first == 0, last == len(order)


def preview_html(draft: Draft, current: str = "") -> str:
    """The preview's HTML: the whole draft (export/html.py), or the part around `current`."""
    part = shown_part(draft, current)
    if part is None:
        return draft_html(draft, current=current)
    ids, at_start, at_end = part
    style = usable_style(draft.layout.style)
    scale = style.preview.scale
    parts = [f"<html><head><style>{stylesheet(style, scale)}</style></head><body>"]
    note = (
        "<p align='center' style='color:#8a6d3b'>（方案较长，预览只显示当前位置前后的部分，"
        "编号与全文一致；导出的文稿为全文）</p>"
    )
    blocks = body_blocks(draft, style, rendered_nodes(draft, only=set(ids)))
    if at_start:
        parts.extend(_paragraph(block, style, current) for block in cover_blocks(draft))
        parts.append("<hr/>")
    else:
        parts.append(note)
        blocks = [
            block for block in blocks if block.node_id
        ]  # the title and preamble are far above
    anchored: set[str] = set()
    for block in blocks:
        if block.node_id and block.node_id not in anchored:
            anchored.add(block.node_id)
            parts.append(f'<a name="{escape(block.node_id)}"></a>')
        parts.append(_paragraph(block, style, current))
    if not at_end:
        parts.append(note)
    parts.append("</body></html>")
    return "".join(parts)


class Preview(QTextBrowser, DocumentView):
    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.current = ""
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        self.timer.start()  # refresh once the user pauses

    def show_node(self, node_id: str) -> None:
        self.current = node_id
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()  # shown now: a refresh still waiting would only repeat it
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(preview_html(self.doc.draft, self.current))
        if self.current:
            self.scrollToAnchor(self.current)
        else:
            bar.setValue(position)
