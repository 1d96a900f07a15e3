"""The live preview: the draft as it will print, refreshed shortly after each edit."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser

from app.core.draft.changes import DraftChange
from app.export.html import draft_html
from app.gui.document import DocumentView, DraftDocument

DEBOUNCE_MS = 150


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
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(draft_html(self.doc.draft, current=self.current))
        if self.current:
            self.scrollToAnchor(self.current)
        else:
            bar.setValue(position)
