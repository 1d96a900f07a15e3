"""Item models over the draft's unit catalogue and its parent→county mapping.

Both read the draft by row; an edit pushes the core operation (a rename, a
mapping applied where the parent unit is still named) and a refused edit
says why through `refused`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from app.core import operations as ops
from app.core.draft.model import Draft
from app.core.draft.tree import EditError
from app.core.text.unit_lists import split_unit_names
from app.gui.commands import push
from app.gui.document import DraftDocument

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CatalogueTable:
    """What one table of the 单位目录 page shows of the draft and what an edit does."""

    headers: tuple[str, ...]
    editable_column: int
    rows: Callable[[Draft], list[tuple[str, ...]]]
    """The rows, keyed by their first column."""
    edit: Callable[[DraftDocument, str, str], None]
    """Push the edit of the row with this key to this text."""


class _CatalogueModel(QAbstractTableModel):
    refused = Signal(str)

    def __init__(
        self, doc: DraftDocument, table: CatalogueTable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.table = table
        self.headers = table.headers
        self.editable_column = table.editable_column
        self.rows = table.rows(doc.draft)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.headers[section])
        return None

    def data(self, index: _Index, role: int = 0) -> object:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return (
            flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.editable_column else flags
        )

    def setData(self, index: _Index, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.editable_column:
            return False
        text = str(value).strip()
        if text == self.rows[index.row()][index.column()]:
            return False
        try:
            self.table.edit(self.doc, self.rows[index.row()][0], text)
        except EditError as exc:
            self.refused.emit(exc.one_line())
            return False
        return True

    def follow(self) -> None:
        """Rows come and go with the catalogue; the same rows are repainted where they differ."""
        rows = self.table.rows(self.doc.draft)
        if [r[0] for r in rows] != [r[0] for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        old, self.rows = self.rows, rows
        changed = [i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a != b]
        if changed:
            last = self.index(changed[-1], len(self.headers) - 1)
            self.dataChanged.emit(self.index(changed[0], 0), last)


def _rename(doc: DraftDocument, unit: str, text: str) -> None:
    if text:
        push(doc, "单位改名", ops.rename_unit, unit, text)


def _map(doc: DraftDocument, parent: str, text: str) -> None:
    push(doc, "单位对应", ops.map_parent_unit, parent, split_unit_names(text))


UNITS = CatalogueTable(
    headers=("单位（方案中写法）", "全称", "其他写法"),
    editable_column=0,
    rows=lambda draft: [
        (unit.name, unit.full_name, "、".join(unit.aliases)) for unit in draft.catalogue.units
    ],
    edit=_rename,
)
MAPPING = CatalogueTable(
    headers=("上级单位", "对应县单位（用“、”分隔）"),
    editable_column=1,
    rows=lambda draft: [(e.parent, "、".join(e.county)) for e in draft.catalogue.mapping],
    edit=_map,
)


class UnitsModel(_CatalogueModel):
    """The county's units: 单位 (as plans write it, editable: a rename), 全称, 其他写法."""

    def __init__(self, doc: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, UNITS, parent)


class MappingModel(_CatalogueModel):
    """上级单位 → 县单位: editing the county side applies the mapping where the parent is named."""

    def __init__(self, doc: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, MAPPING, parent)
