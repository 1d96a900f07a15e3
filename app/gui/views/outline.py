"""The draft outline: chapters, actions and measures, numbered as they will print.

A tree over node ids; every change to the structure goes through a command
(rename by editing the item, reorder with 上移/下移 or by dragging, add a
county-only measure, merge, delete).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from app.core import operations as ops
from app.core.draft.changes import EVERYTHING, DraftChange, Part
from app.core.draft.tree import EditError, index_in_parent
from app.core.readout.render import labels
from app.core.text.clause_label import clause_label
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument
from app.gui.views.parents import SECTION_MIME

NODE_ID = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeView, DocumentView):
    shows = frozenset({Part.OUTLINE})
    node_selected = Signal(str)
    parent_dropped = Signal(str, str, int)  # section id, county parent node id, index (-1: end)

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.doc = doc
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setAcceptDrops(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.model_.itemChanged.connect(self._renamed)
        self.selectionModel().currentChanged.connect(self._current)
        self._filling = False
        self._items: dict[str, QStandardItem] = {}
        """Each node's row, by id."""
        self.set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        """Titles and numbers change in place; the tree is rebuilt only when nodes come, go or move."""
        structure = self._structure()
        if change is EVERYTHING or structure != self._shape:
            self.refresh()
            return
        label_of = labels(self.doc.draft)
        self._filling = True
        for node in self.doc.draft.walk():
            item = self._items.get(node.id)
            text = f"{label_of[node.id]}{node.title}"
            if item is not None and item.text() != text:
                item.setText(text)
                item.setToolTip(self._tip(node, label_of[node.id]))
        self._filling = False

    def _tip(self, node, label: str) -> str:
        """The full title (cut off in a narrow outline) and where it came from, by plan title."""
        if node.is_own:
            return f"{label}{node.title}\n本县自有"
        titles = {p.id: p.title for p in self.doc.draft.parents}
        sources = "、".join(
            f"《{titles.get(s.plan_id, s.plan_id)}》{clause_label(s.node)}" for s in node.sources
        )
        return f"{label}{node.title}\n采纳自：{sources}"

    def _structure(self) -> list[tuple[str, int]]:
        return [(node.id, node.level) for node in self.doc.draft.walk()]

    def refresh(self) -> None:
        self._shape = self._structure()
        current = self.current_id()
        expanded = (
            {i for i, item in self._items.items() if self.isExpanded(item.index())}
            if self.model_.rowCount()
            else None
        )
        self._items = {}
        self._filling = True
        self.model_.clear()
        label_of = labels(self.doc.draft)

        def add(parent: QStandardItem, node) -> None:
            item = QStandardItem(f"{label_of[node.id]}{node.title}")
            item.setData(node.id, NODE_ID)
            self._items[node.id] = item
            item.setEditable(True)
            item.setToolTip(self._tip(node, label_of[node.id]))
            parent.appendRow(item)
            for child in node.children:
                add(item, child)

        root = self.model_.invisibleRootItem()
        for chapter in self.doc.draft.chapters:
            add(root, chapter)
        self._filling = False
        if expanded is None:
            self.expandToDepth(1)
        else:
            for node_id in expanded:
                index = self._index_of(node_id)
                if index.isValid():
                    self.expand(index)
        if current:
            self._filling = True  # the selection stays where it was: nothing to announce
            self.select(current)
            self._filling = False

    def _index_of(self, node_id: str) -> QModelIndex:
        """The node's row, by id (no search through the tree)."""
        item = self._items.get(node_id)
        return item.index() if item is not None else QModelIndex()

    def select(self, node_id: str) -> None:
        index = self._index_of(node_id)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def current_id(self) -> str:
        index = self.currentIndex()
        return index.data(NODE_ID) if index.isValid() else ""

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filling:
            self.node_selected.emit(current.data(NODE_ID))

    def _renamed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        node = self.doc.draft.find(item.data(NODE_ID))
        if node is None:
            return
        label = labels(self.doc.draft)[node.id]
        title = item.text().removeprefix(label).strip()
        if title and title != node.title:
            push(self.doc, "重命名", ops.rename, node.id, title)
        else:
            self.refresh()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(SECTION_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(SECTION_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def drop_target(self, target: QModelIndex, position) -> tuple[str | None, int | None]:
        """Where a drop lands: under the item (at the end), or beside it."""
        target_id = target.data(NODE_ID)
        if position == QAbstractItemView.DropIndicatorPosition.OnItem:
            return target_id, None
        parent_id, index = index_in_parent(self.doc.draft, target_id)
        if position == QAbstractItemView.DropIndicatorPosition.BelowItem:
            index += 1
        return parent_id, index

    def dropEvent(self, event) -> None:
        """A drag within the outline is a move; a parent measure dropped here is taken up there."""
        target = self.indexAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        if event.mimeData().hasFormat(SECTION_MIME):
            event.acceptProposedAction()
            section_id = bytes(event.mimeData().data(SECTION_MIME)).decode("utf-8").split("\n")[0]
            parent_id, index = (
                self.drop_target(target, position) if target.isValid() else (None, None)
            )
            self.parent_dropped.emit(section_id, parent_id or "", -1 if index is None else index)
            return
        moving = self.current_id()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if not moving or not target.isValid():
            return
        parent_id, index = self.drop_target(target, position)
        old_parent, old_index = index_in_parent(self.doc.draft, moving)
        if index is not None and old_parent == parent_id and old_index < index:
            index -= 1  # counted with the moving node still in place
        try:
            push(self.doc, "移动", ops.move, moving, parent_id, index)
        except EditError:  # a move the tree does not allow (into itself) just does not happen
            self.refresh()
