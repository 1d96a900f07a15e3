"""Undo commands: each holds the draft before and after one core operation.

Core operations are pure functions, so a command is the two drafts and undo
is putting the old one back. Typing in one field of one measure merges into a
single step per burst (mergeWith, draft_fields.Burst), as Qt's own examples do; a
burst that changed nothing leaves no step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from app.core.draft.model import Draft
from app.core.draft.tree import EditError
from app.gui.document import DraftDocument

_MERGE_ID = 4242


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class DraftCommand(QUndoCommand):
    """One edit: the draft before, the draft after, and the view that made it.

    The view is named only for the first redo (when it is pushed): the view
    already shows its own edit. Undo and later redos change the draft under
    every view, so all of them hear of it.
    """

    def __init__(
        self,
        doc: DraftDocument,
        text: str,
        after: Draft,
        merge_key: str = "",
        initiator: object = None,
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self.before = doc.draft
        self.after = after
        self.merge_key = merge_key
        self.initiator = initiator

    def redo(self) -> None:
        self.doc.apply(self.after, self.initiator)
        self.initiator = None

    def undo(self) -> None:
        self.doc.apply(self.before)

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, DraftCommand)
            or other.merge_key != self.merge_key
            or not self.merge_key
        ):
            return False
        self.after = other.after
        # typing that came back to where it started is no step (Qt drops the command)
        self.setObsolete(self.after == self.before)
        return True


def push(
    doc: DraftDocument,
    text: str,
    operation: Callable[..., Draft],
    *args,
    merge_key: str = "",
    initiator: object = None,
    **kwargs,
) -> Draft:
    """Run a core operation on the open draft as one undoable step.

    `initiator` is the widget making the edit, when it already shows the result
    (the text field being typed in): its view will not be refreshed under it.
    """
    after = operation(doc.draft, *args, **kwargs)
    if after == doc.draft:
        return after
    doc.stack.push(DraftCommand(doc, tr(text), after, merge_key, initiator))
    return after


def push_or_say(widget: QWidget, doc: DraftDocument, text: str, operation, *args, **kwargs):
    """push, for an edit the user made in a field: an edit the core refuses (a title too
    long, the last 主要工作) is said on the status bar, the draft left as it was."""
    try:
        return push(doc, text, operation, *args, **kwargs)
    except EditError as exc:
        window = widget.window()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(exc.one_line(), 10_000)
        return None
