"""Suggestions for the unit boxes: one row per body, found by any of its names.

The catalogue knows a body under its name (县发改局, as clauses write it), its
full name (县发展和改革局) and aliases (县发展改革局). The list offered
each name as a unit of its own, three rows for one body; and the 牵头单位
box, handed a completer over another model than its own, set itself to the
row of its own list with the same number as the suggestion picked: ↓ and
Enter on 县发改局 made 中国人民银行…支行 the lead (issue 27). Here a row is a
body, shown with its full name, searched by all its names, and what is put in
the box is its name.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

from app.core.draft.model import Catalogue

NAME_ROLE = Qt.ItemDataRole.UserRole
"""The name put in the box (the catalogue's own)."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
"""Every name of the body, one a line: what typing is matched against."""


def shown_name(name: str, full_name: str) -> str:
    """县发改局（县发展和改革局）: the name, and the full name where it says more."""
    if full_name and full_name != name and "{" not in full_name:
        return f"{name}（{full_name}）"
    return name


def unit_rows(catalogue: Catalogue, parent: QObject | None = None) -> QStandardItemModel:
    """The catalogue's bodies, once each, in the catalogue's order."""
    model = QStandardItemModel(parent)
    for unit in catalogue.units:
        item = QStandardItem(shown_name(unit.name, unit.full_name))
        item.setData(unit.name, NAME_ROLE)
        names = [unit.name, unit.full_name, *unit.aliases]
        item.setData("\n".join(n for n in names if n and "{" not in n), SEARCH_ROLE)
        if unit.aliases:
            item.setToolTip("又称：" + "、".join(unit.aliases))
        item.setEditable(False)
        model.appendRow(item)
    return model


class UnitCompleter(QCompleter):
    """Matches what is typed anywhere in any of a body's names; puts the body's name in.

    ↓/↑ move the highlight, and Enter, Tab or a click take the highlighted
    row; `picked(name)` then says which.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionRole(SEARCH_ROLE)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        self.setModel(unit_rows(catalogue, self))  # Qt deletes the old one (its parent is us)

    def pathFromIndex(self, index: QModelIndex) -> str:
        return index.data(NAME_ROLE) or ""
