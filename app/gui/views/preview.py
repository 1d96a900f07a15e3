"""The live preview: the draft as it will print, refreshed shortly after each edit.

A draft of ordinary size is shown whole. A big one (thousands of measures)
is shown around the node being edited — its headings above it and the nodes
before and after it, numbered and worded as in the whole draft — since Qt
lays out every paragraph it is given, and a whole 10,000-measure draft took
it many seconds after each edit. The export always prints the whole draft.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from app.core.draft.changes import DraftChange, Part
from app.core.draft.model import Draft, Node
from app.export.html import draft_html
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


PART_NOTE = "（方案较长，预览只显示当前位置前后的部分，编号与全文一致；导出的文稿为全文）"


def preview_html(draft: Draft, current: str = "") -> str:
    """The preview's HTML: the whole draft (export/html.py), or the part around `current`."""
    part = shown_part(draft, current)
    if part is None:
        return draft_html(draft, current=current)
    ids, at_start, at_end = part
    return draft_html(
        draft,
        current=current,
        only=ids,
        front=at_start,
        above="" if at_start else PART_NOTE,
        below="" if at_end else PART_NOTE,
    )


def node_html(draft: Draft, node_id: str, current: str = "") -> str:
    """One node's blocks as the whole preview shows them, anchor first: what a partial refresh
    puts in place of that node's old blocks (export/html.py's writer, that node only)."""
    return draft_html(draft, current=current, only=[node_id], front=False)


def _anchors(block: QTextBlock) -> list[str]:
    """The anchors a block carries (Qt puts an empty <a name> on the next block's format)."""
    names: list[str] = list(block.charFormat().anchorNames())
    fragments = block.begin()
    while not fragments.atEnd():
        names.extend(fragments.fragment().charFormat().anchorNames())
        fragments += 1
    return names


class Preview(QTextBrowser, DocumentView):
    """The draft as it prints. A pause after typing in one measure rebuilds that measure's
    blocks only (the change names it); anything else shows the draft afresh."""

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.current = ""
        self.stale: set[str] | None = None
        """Nodes whose own content changed since the preview was built; None: rebuild all."""
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        if change.parts == {Part.NODES} and self.stale is not None:
            self.stale |= change.nodes  # a measure's text, units or rows: its blocks only
        else:
            self.stale = None  # numbering, targets, the cover …: the whole draft
        self.timer.start()  # refresh once the user pauses

    def show_node(self, node_id: str) -> None:
        self.current = node_id
        self.stale = None  # the highlight moves: everything afresh
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()  # shown now: a refresh still waiting would only repeat it
        stale, self.stale = self.stale, set()
        if stale and all(self._replace(node_id) for node_id in stale):
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(preview_html(self.doc.draft, self.current))
        if self.current:
            self.scrollToAnchor(self.current)
        else:
            bar.setValue(position)

    def resizeEvent(self, event) -> None:
        """The words at the top stay at the top: a narrower or wider pane wraps the text
        anew, and the same scroll offset would show another measure (at 1366×768 the
        measure after the one chosen)."""
        top = self._top_position() if self.verticalScrollBar().value() > 0 else 0
        super().resizeEvent(event)
        if top > 0:
            self.keep_at_top(top)

    def _top_position(self) -> int:
        """The character at the top of the pane."""
        document = self.document()
        # Qt lays a long document out in steps: a hit test past what is laid out is wrong
        document.documentLayout().blockBoundingRect(document.lastBlock())
        return self.cursorForPosition(QPoint(0, 0)).position()

    def keep_at_top(self, position: int) -> None:
        """Scroll so the line holding the character `position` is the first one shown."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def _replace(self, node_id: str) -> bool:
        """Put the node's new blocks in place of its old ones; False: not possible here (the
        node is new, gone, or shares a block with another), so the whole draft is rebuilt."""
        span = self._span(node_id)
        if span is None or self.doc.draft.find(node_id) is None:
            return False
        bar = self.verticalScrollBar()
        position = bar.value()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.insertHtml(node_html(self.doc.draft, node_id, self.current))
        cursor.endEditBlock()
        bar.setValue(position)
        return True

    def _span(self, node_id: str) -> tuple[int, int] | None:
        """Where the node's blocks are: from its anchor to the next node's, less the break."""
        block, start = self.document().begin(), None
        while block.isValid():
            names = _anchors(block)
            if start is None and node_id in names:
                if len(names) > 1:
                    return None
                start = block.position()
            elif start is not None and names:
                return start, block.position() - 1
            block = block.next()
        return None if start is None else (start, self.document().characterCount() - 1)
