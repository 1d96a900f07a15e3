"""编辑 › 操作历史: the draft's steps, and going back or forward to one of them on purpose.

Qt's QUndoView jumps on a single click: one click on 〈打开时〉 silently
undid every edit (issue 27). Here a click only selects; the jump is a
double-click, Enter or the button, which says how many steps it undoes or
redoes. Esc closes the window. Every step undone can be redone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class _Steps(QListWidget):
    """The list of steps: Enter jumps to the selected one (a click only selects it)."""

    def __init__(self, jump: Callable[[], None]) -> None:
        super().__init__()
        self.jump = jump

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.jump()
            event.accept()
            return
        super().keyPressEvent(event)


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget, group: QUndoGroup, flush: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作历史"))
        self.group = group
        self.flush = flush  # typing not yet pushed is a step of the history first
        self.stack: QUndoStack | None = None
        self.steps = _Steps(self.jump)
        self.steps.currentRowChanged.connect(self._say)
        self.steps.itemDoubleClicked.connect(lambda _item: self.jump())
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.go = QPushButton(self.tr("回到所选步骤"))
        self.go.setAutoDefault(False)
        self.go.clicked.connect(self.jump)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.go, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("单击只选中一步；双击、回车或按下方的按钮才会撤销或重做到那一步。"))
        )
        layout.addWidget(self.steps)
        layout.addWidget(self.what)
        layout.addWidget(buttons)
        self.resize(380, 440)
        group.activeStackChanged.connect(self._follow)
        self._follow(group.activeStack())

    def _follow(self, stack: QUndoStack | None) -> None:
        if self.stack is not None:
            for signal in (self.stack.indexChanged, self.stack.cleanChanged):
                signal.disconnect(self._fill)
        self.stack = stack
        if stack is not None:
            stack.indexChanged.connect(self._fill)
            stack.cleanChanged.connect(self._fill)
        self._fill()

    def _fill(self, *_args) -> None:
        """Show the steps, the current one in bold, those undone in grey. Items are changed in
        place, never cleared: a jump runs inside the list's own double-click."""
        stack = self.stack
        texts = [self.tr("〈打开时〉")]
        texts += [stack.text(i) for i in range(stack.count())] if stack is not None else []
        current = stack.index() if stack is not None else 0
        self.steps.blockSignals(True)
        while self.steps.count() > len(texts):
            self.steps.takeItem(self.steps.count() - 1)
        while self.steps.count() < len(texts):
            self.steps.addItem("")
        for row, text in enumerate(texts):
            item = self.steps.item(row)
            item.setText(text)
            font = item.font()
            font.setBold(row == current)
            item.setFont(font)
            # undone steps are grey: they can be redone
            item.setForeground(Qt.GlobalColor.gray if row > current else self.palette().text())
        self.steps.setCurrentRow(current)
        self.steps.blockSignals(False)
        self._say(self.steps.currentRow())

    def moves(self, row: int) -> int:
        """Steps from where the draft is to the row: negative undoes, positive redoes."""
        return row - (self.stack.index() if self.stack is not None else 0)

    def _say(self, row: int) -> None:
        steps = self.moves(row)
        if steps < 0:
            self.what.setText(self.tr("回到这一步要撤销 {} 步（之后仍可重做）。").format(-steps))
            self.go.setText(self.tr("撤销 {} 步").format(-steps))
        elif steps > 0:
            self.what.setText(self.tr("回到这一步要重做 {} 步。").format(steps))
            self.go.setText(self.tr("重做 {} 步").format(steps))
        else:
            self.what.setText(self.tr("文稿现在就在这一步（粗体）。"))
            self.go.setText(self.tr("回到所选步骤"))
        self.go.setEnabled(steps != 0)

    def jump(self) -> None:
        """Undo or redo to the selected step: the user asked for it, knowing how many."""
        row = self.steps.currentRow()
        if self.stack is None or row < 0:
            return
        count = self.stack.count()
        self.flush()
        steps = self.moves(row)
        if steps == 0 or (steps > 0 and self.stack.count() != count):
            return  # typing just pushed threw the steps to redo away
        self.stack.setIndex(row)
        bar = getattr(self.parent(), "statusBar", None)
        if bar is not None:
            done = self.tr("已撤销 {} 步，可重做") if steps < 0 else self.tr("已重做 {} 步")
            bar().showMessage(done.format(abs(steps)), 10_000)
