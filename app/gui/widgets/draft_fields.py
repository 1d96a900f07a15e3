"""Text boxes that edit the draft: their Ctrl+Z is the draft's, their typing one step a burst.

A QLineEdit or QPlainTextEdit keeps an undo history of its own and takes
Ctrl+Z and Ctrl+Y before the window's 撤销/重做 can. It undid the box's own
keystrokes, which the typing pause then pushed as a new edit of the draft: an
empty step in the draft's history that also threw its redo away (issue 27).
A draft field hands these keys to the window (edit_actions.py), which first
pushes what the box holds and then undoes or redoes a step of the draft.

A burst is what one box receives between taking the focus and losing it,
paused for no longer than BURST_GAP_MS, and not interrupted by an undo, a
redo or a save: it is one step in the history, however often the short pause
pushed it on the way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

TYPING_PAUSE_MS = 400
"""A pause this long pushes what was typed (the preview and the checks follow)."""
BURST_GAP_MS = 2000
"""A pause this long ends the burst: what is typed after it is another undo step."""


def is_undo_key(event: QKeyEvent) -> bool:
    """Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z (and the platform's own undo and redo keys)."""
    # the keys are asked for here, not at import: the platform's need a QApplication
    keys = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    for standard in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
        keys += QKeySequence.keyBindings(standard)
    pressed = QKeySequence(event.keyCombination())
    return any(key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for key in keys)


class _DraftFieldFilter(QObject):
    """Lets the window's 撤销/重做 have the undo keys, and tells of the box losing focus."""

    def __init__(self, parent: QObject, focus_out: Callable[[], None] | None) -> None:
        super().__init__(parent)
        self.focus_out = focus_out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and is_undo_key(
            event  # type: ignore[arg-type]
        ):
            # not the box's: the shortcut (撤销/重做) takes it; when that is greyed out
            # (nothing to undo), the key does nothing rather than the box's own undo
            event.ignore()
            return True
        if event.type() == QEvent.Type.FocusOut and self.focus_out is not None:
            self.focus_out()
        return False


def draft_field(
    widget: QWidget,
    focus_out: Callable[[], None] | None = None,
    edited: Callable[[], None] | None = None,
) -> QWidget:
    """Make `widget` a box whose text is the draft's: undo keys go to the draft's history,
    its own history is off, and `focus_out` (the push of what it holds) runs when it is left.
    `edited` runs on the user's every change of a line (撤销 then has something to undo)."""
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)
    elif isinstance(widget, QLineEdit) and edited is not None:
        widget.textEdited.connect(edited)
    widget.installEventFilter(_DraftFieldFilter(widget, focus_out))
    return widget


class Burst(QObject):
    """The typing of one box: pushed at each short pause, merged into one step per burst.

    `push(merge_key)` makes the command; `key` names the burst so commands of
    one burst merge and those of the next do not.
    """

    def __init__(self, parent: QObject, base: Callable[[], str], push: Callable[[str], None]):
        super().__init__(parent)
        self.base = base
        self.push = push
        self.number = 0
        self.pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.pause.timeout.connect(self._pause)
        self.gap = QTimer(self, singleShot=True, interval=BURST_GAP_MS)
        self.gap.timeout.connect(self.end)

    @property
    def key(self) -> str:
        return f"{self.base()}#{self.number}"

    def typed(self) -> None:
        self.pause.start()
        self.gap.start()

    def _pause(self) -> None:
        self.push(self.key)

    def push_now(self) -> None:
        """What is typed and not yet pushed becomes (part of) the burst's step now."""
        if self.pause.isActive():
            self.pause.stop()
            self.push(self.key)

    def end(self) -> None:
        """Push what is pending; whatever is typed next is another step."""
        self.push_now()
        self.gap.stop()
        self.number += 1

    def stop(self) -> None:
        self.pause.stop()
        self.gap.stop()
