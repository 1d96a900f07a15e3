"""The open draft: its data, its file, its undo stack; the one place the GUI changes it.

Widgets never change the draft: they push a command (commands.py) whose redo
and undo call apply() with a draft made by a core operation. Every change
emits `changed`, and views refresh from the draft.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core.draft.files import (
    discard_recovery,
    file_sha256,
    load_draft,
    save_draft,
    save_recovery,
)
from app.core.draft.model import Draft


class DraftDocument(QObject):
    changed = Signal()
    path_changed = Signal()

    def __init__(
        self, draft: Draft, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.path = path
        self.sha = file_sha256(path) if path else ""
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.path_changed.emit()

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> DraftDocument:
        return cls(load_draft(path), path, parent)

    def apply(self, draft: Draft) -> None:
        """Replace the draft (called by commands only) and tell the views."""
        if draft is self.draft:
            return
        self.draft = draft
        self.changed.emit()

    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    @property
    def title(self) -> str:
        return self.path.name if self.path else f"{self.draft.meta.document_title}（未保存）"

    def changed_on_disk(self) -> bool:
        """Has someone else written the file since we opened or saved it?"""
        if self.path is None or not self.path.exists():
            return False
        return file_sha256(self.path) != self.sha

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        assert target is not None
        saved = save_draft(self.draft, target)
        discard_recovery(self.path)
        self.path = saved
        self.sha = file_sha256(saved)
        self.stack.setClean()
        self.path_changed.emit()
        return saved

    def autosave(self) -> Path | None:
        """The recovery file, when there are unsaved changes."""
        if not self.modified:
            return None
        return save_recovery(self.draft, self.path)

    def discard_recovery(self) -> None:
        discard_recovery(self.path)


class DocumentView:
    """Mixed into a view that follows the open draft: refresh() after every change."""

    doc: DraftDocument

    def set_document(self, doc: DraftDocument) -> None:
        self.doc = doc
        doc.changed.connect(self.document_changed)
        self.refresh()

    def document_changed(self) -> None:
        """What a change does to the view; views that refresh late (a timer) override it."""
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover — every view defines it
        raise NotImplementedError
