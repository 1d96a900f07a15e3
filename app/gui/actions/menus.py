"""A menu entry: text, what it does, its shortcut. Shared by the 文件 and 编辑 menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget


def add_action(
    menu: QMenu,
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """Add an entry to the menu; the action belongs to the window, so its shortcut works there.
    The tip shows on the tool bar and in the status bar."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def menu_of(action: QAction) -> QMenu:
    """The menu an entry is in."""
    return next(m for m in action.associatedObjects() if isinstance(m, QMenu))


def add_action_before(
    before: QAction, owner: QWidget, text: str, slot: Callable[[], object], tip: str = ""
) -> QAction:
    """An entry put just above `before`, in its menu (the entries other parts of the window
    add to the 文件 menu go before its 保存 or 导出)."""
    menu = menu_of(before)
    action = add_action(menu, owner, text, slot, None, tip)
    menu.removeAction(action)
    menu.insertAction(before, action)
    return action


def on_delete(widget: QWidget, slot: Callable[[], object]) -> QShortcut:
    """Delete pressed in this widget (a list, a table) does this, and only here: the window's
    编辑 › 删除 (a whole measure) never answers it."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut
