"""The open draft: its data, its file, its undo stack; the one place the GUI changes it.

Widgets never change the draft: they push a command (commands.py) whose redo
and undo call apply() with a draft made by a core operation. Every change
emits `changed(change, initiator)`: what changed (app/core/draft/changes.py)
and which view made the edit (None for undo, redo and everything else), so a
view refreshes only the parts it shows and leaves its own edits alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.core.draft.changes import EVERYTHING, DraftChange, Part, draft_change
from app.core.draft.model import Draft
from app.core.draft.store.files import (
    current_sha256,
    discard_recovery,
    read_draft,
    save_recovery,
)
from app.core.draft.store.writing import changed_since, write_draft
from app.core.files import same_file

SAVE_WAIT_SECONDS = 5.0
"""How long a save waits for a command writing the same draft (then says so)."""


class DraftDocument(QObject):
    changed = Signal(object, object)  # DraftChange, the initiating view or None
    path_changed = Signal()
    flush_requested = Signal()  # views holding typed text not yet pushed push it now
    typing = Signal()  # a view holds typed text it will push at the pause (undo is possible)

    def __init__(
        self,
        draft: Draft,
        path: Path | None = None,
        parent: QObject | None = None,
        sha: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.path = path
        # the hash of the file as this window read or wrote it: a save over anything else
        # asks first. A recovered draft whose file was moved or deleted: nothing to compare
        if sha is None:
            sha = current_sha256(path) if path and path.is_file() else ""
        self.sha = sha
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._clean_changed)
        self.recovery_file: Path | None = None
        """The recovery file this document writes (one of its own, also when untitled); it
        goes only when the draft is saved or its changes are explicitly discarded."""

    def _clean_changed(self, _clean: bool) -> None:
        self.path_changed.emit()

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> DraftDocument:
        loaded = read_draft(path)  # the draft and the hash of the very bytes it came from
        return cls(loaded.draft, path, parent, sha=loaded.sha256)

    def apply(self, draft: Draft, initiator: object = None) -> DraftChange:
        """Replace the draft (called by commands only) and tell the views what changed."""
        change = draft_change(self.draft, draft)
        self.draft = draft
        if change:
            self.changed.emit(change, initiator)
        return change

    def flush(self) -> None:
        """Before undo, save or export: typing still waiting for its pause becomes a command."""
        self.flush_requested.emit()

    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    @property
    def title(self) -> str:
        return self.path.name if self.path else f"{self.draft.meta.document_title}（未保存）"

    def changed_on_disk(self) -> bool:
        """Has someone else written the file since we opened or saved it?"""
        return self.path is not None and changed_since(self.path, self.sha)

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Save under the draft's lock. Over its own file, only if the file is still as this
        window last read or wrote it (DraftChangedError otherwise), unless `overwrite`: the
        user chose to replace what someone else wrote."""
        target = path or self.path
        assert target is not None
        own = self.path is not None and (target == self.path or same_file(target, self.path))
        expected = self.sha if own and not overwrite else None
        saved, self.sha = write_draft(
            self.draft, target, expected_sha256=expected, wait=SAVE_WAIT_SECONDS
        )
        self.discard_recovery()
        self.path = saved
        self.stack.setClean()
        self.path_changed.emit()
        return saved

    def autosave(self) -> Path | None:
        """The recovery file, when there are unsaved changes."""
        if not self.modified:
            return None
        self.recovery_file = save_recovery(
            self.draft, self.path, self.recovery_file, based_on=self.sha
        )
        return self.recovery_file

    def discard_recovery(self) -> None:
        """Saved, or the changes discarded by the user: this document's recovery file goes."""
        if self.recovery_file is not None:
            discard_recovery(self.recovery_file)
            self.recovery_file = None


class DocumentView:
    """Mixed into a view that follows the open draft.

    `shows` names the parts of the draft the view displays: a change to
    other parts, or one the view made itself, does not touch it. Views that
    can refresh less than everything override document_changed().
    """

    doc: DraftDocument
    shows: frozenset[Part] = frozenset(Part)
    refresh: Callable[[], None]
    """Show the draft afresh: every view has one (document_changed calls it by default)."""

    def set_document(self, doc: DraftDocument) -> None:
        following = getattr(self, "_following", None)
        if following is not doc:
            if following is not None:
                self.flush()  # what was typed belongs to the draft it was typed in
                self.unfollow()
            doc.changed.connect(self._on_document_changed)
            doc.flush_requested.connect(self.flush)
            self._following = doc
        self.doc = doc
        self.document_changed(EVERYTHING)

    def unfollow(self) -> None:
        """Stop hearing from the document (the view is going, or gets another draft)."""
        following = getattr(self, "_following", None)
        if following is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):
            following.changed.disconnect(self._on_document_changed)
            following.flush_requested.disconnect(self.flush)
        self._following = None

    def flush(self) -> None:
        """Push what the user typed and the view holds back until a pause (views that type override)."""

    def _on_document_changed(self, change: DraftChange, initiator: object) -> None:
        if self.made(initiator) or not change.touches(*self.shows):
            return
        self.document_changed(change)

    def made(self, initiator: object) -> bool:
        """Did this view (or a widget inside it) make the edit?"""
        if initiator is self:
            return True
        return (
            isinstance(initiator, QWidget)
            and isinstance(self, QWidget)
            and self.isAncestorOf(initiator)
        )

    def document_changed(self, change: DraftChange) -> None:
        """What a change does to the view; views that refresh late (a timer) override it."""
        self.refresh()
