"""编辑 menu: undo and redo over every open draft's stack (QUndoGroup), history, outline edits.

Undo first asks the views to push what the user is still typing, so 撤销
undoes the typing too instead of leaving it in a field to be redone by the
next keystroke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from app.core import operations as ops
from app.core.draft.tree import EditError, index_in_parent, parent_of
from app.gui.actions.menus import add_action
from app.gui.commands import push

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Y and the platform's redo keys, each once: Windows' (and Qt's offscreen) redo keys
    include Ctrl+Y already, and a key given twice is ambiguous, so Qt did nothing on it."""
    keys = [QKeySequence("Ctrl+Y")]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        if key not in keys:
            keys.append(key)
    return keys


class EditActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.group = QUndoGroup(self)
        self.find_dialog = None
        self.history = None
        self.actions: dict[str, QAction] = {}
        self.undo_action = QAction(self.tr("撤销"), window)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("重做"), window)
        self.redo_action.setShortcuts(redo_keys())
        self.redo_action.triggered.connect(self.redo)
        self.group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.group.undoTextChanged.connect(self._undo_text)
        self.group.redoTextChanged.connect(self._redo_text)
        self._undo_text("")
        self._redo_text("")

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        self.actions["history"] = self._add(menu, self.tr("操作历史…"), self.show_history)
        menu.addSeparator()
        find = self._add(
            menu, self.tr("查找(&F)…"), lambda: self.find(False), QKeySequence.StandardKey.Find
        )
        self.actions["find"] = find
        find.setToolTip(self.tr("在整个文稿中查找：标题、正文、主要工作、责任单位、前言"))
        replace = self._add(menu, self.tr("替换(&H)…"), lambda: self.find(True), "Ctrl+H")
        replace.setToolTip(self.tr("在整个文稿中替换，全部替换可一次撤销"))
        menu.addSeparator()
        self._add(menu, self.tr("添加本县措施…"), self.add_measure, "Ctrl+M")
        self._add(menu, self.tr("与下一条措施合并"), self.merge_next)
        self._add(menu, self.tr("上移"), lambda: self.reorder(-1), "Alt+Up")
        self._add(menu, self.tr("下移"), lambda: self.reorder(1), "Alt+Down")
        delete = self._add(menu, self.tr("删除"), self.delete, QKeySequence.StandardKey.Delete)
        # Delete deletes a measure only where the outline has the focus: in a table or a
        # unit list it is that widget's own (a cell offered to delete the whole measure)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.outline.addAction(delete)
        delete.setToolTip(self.tr("删除大纲中选中的章节、行动或措施及其下的全部内容"))

    def find(self, replace: bool) -> None:
        if self.find_dialog is None:
            from app.gui.dialogs.find_dialog import FindDialog

            self.find_dialog = FindDialog(self.window)
        self.find_dialog.open_for(replace)

    def _add(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        return add_action(menu, self.window, text, slot, shortcut)

    def follow(self, doc) -> None:
        """The open draft's stack drives the menu; the previous one leaves the group."""
        stack = doc.stack
        doc.typing.connect(self.allow_undo_of_typing)
        for old in list(self.group.stacks()):
            if old is not stack:
                self.group.removeStack(old)
        self.group.addStack(stack)
        self.group.setActiveStack(stack)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    def allow_undo_of_typing(self) -> None:
        """Text typed but not yet pushed can be undone: 撤销 pushes it, then undoes it."""
        self.undo_action.setEnabled(True)

    def _undo_text(self, text: str) -> None:
        self.undo_action.setText(self.tr("撤销 {}").format(text) if text else self.tr("撤销"))

    def _redo_text(self, text: str) -> None:
        self.redo_action.setText(self.tr("重做 {}").format(text) if text else self.tr("重做"))

    def undo(self) -> None:
        self.window.doc.flush()
        self.group.undo()

    def redo(self) -> None:
        self.window.doc.flush()
        self.group.redo()

    def show_history(self) -> None:
        if self.history is None:
            from app.gui.dialogs.history_dialog import HistoryDialog

            self.history = HistoryDialog(self.window, self.group, lambda: self.window.doc.flush())
        self.history.show()
        self.history.raise_()
        self.history.activateWindow()

    # ------------------------------------------------------------ outline edits

    @property
    def _doc(self):
        return self.window.doc

    def _current(self) -> str:
        return self.window.outline.current_id()

    def add_measure(self) -> None:
        node = self._doc.draft.find(self._current())
        if node is None:
            return
        if node.level <= 2:
            action_id = node.id
        else:
            parent = parent_of(self._doc.draft, node.id)
            action_id = parent.id if parent else node.id
        title, ok = QInputDialog.getText(self.window, self.tr("添加本县措施"), self.tr("措施标题"))
        if ok and title.strip():
            try:
                push(
                    self._doc,
                    "添加本县措施",
                    lambda d: ops.add_measure(d, action_id, title.strip())[0],
                )
            except EditError as exc:
                self.window.show_error(self.tr("添加本县措施"), exc.one_line())

    def merge_next(self) -> None:
        node_id = self._current()
        parent = parent_of(self._doc.draft, node_id)
        if parent is None:
            return
        _pid, index = index_in_parent(self._doc.draft, node_id)
        if index + 1 >= len(parent.children):
            return
        push(self._doc, "合并措施", ops.merge, node_id, parent.children[index + 1].id)

    def reorder(self, step: int) -> None:
        node_id = self._current()
        if not node_id:
            return
        _parent, index = index_in_parent(self._doc.draft, node_id)
        if index + step >= 0:
            try:
                push(self._doc, "调整顺序", ops.reorder, node_id, index + step)
            except EditError:
                return
            self.window.outline.select(node_id)

    def delete(self) -> None:
        node = self._doc.draft.find(self._current())
        if node is None:
            return
        if (
            QMessageBox.question(
                self.window,
                self.tr("删除"),
                self.tr("删除“{}”及其下的全部内容？（可以撤销）").format(node.title),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,  # Enter keeps the measure
            )
            == QMessageBox.StandardButton.Yes
        ):
            push(self._doc, "删除", ops.remove, node.id)
