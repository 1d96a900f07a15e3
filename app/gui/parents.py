"""上级方案 panel: each parent plan's chapters, actions and measures, checked when taken up.

Checking a measure takes it up with adapted text (one undo step); unchecking
removes it, asking first when the county has edited it since.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import operations as ops
from app.core.draft.tree import EditError
from app.core.operations.take_up import take_up
from app.core.plans.library import find_plan_or_none
from app.core.plans.model import Plan, Section
from app.gui.commands import push
from app.gui.document import DraftDocument

SECTION_ID = Qt.ItemDataRole.UserRole + 1
SECTION_MIME = "application/x-peakplan-section"


class _SectionTree(QTreeWidget):
    """A parent plan's tree whose items drag as section ids (dropped on the outline to take up)."""

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        ids = [item.data(0, SECTION_ID) for item in items]
        data.setData(SECTION_MIME, QByteArray("\n".join(ids).encode("utf-8")))
        data.setText("\n".join(ids))
        return data


class ParentTree(QWidget):
    """One parent plan: filter box, tree with check boxes, the full clause below."""

    taken = Signal(str)

    def __init__(self, doc: DraftDocument, plan: Plan) -> None:
        super().__init__()
        self.doc = doc
        self.plan = plan
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选（标题或正文中的字词）"))
        self.filter.textChanged.connect(self._filter)
        self.tree = _SectionTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.itemChanged.connect(self._checked)
        self.tree.currentItemChanged.connect(self._show)
        self.clause = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.clause)
        splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(splitter)
        self._filling = False
        self._fill()
        doc.changed.connect(self.refresh_checks)

    def _fill(self) -> None:
        self._filling = True
        self.tree.clear()

        def add(parent, section: Section) -> None:
            item = QTreeWidgetItem(parent, [section.heading])
            item.setData(0, SECTION_ID, section.id)
            if section.level >= 2:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
            for child in section.children:
                add(item, child)

        for chapter in self.plan.sections:
            add(self.tree, chapter)
        tasks = self.plan.key_tasks()
        self.tree.expandToDepth(0)
        if tasks is not None:
            for i in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(i)
                if item.data(0, SECTION_ID) == tasks.id:
                    item.setExpanded(True)
        self._filling = False
        self.refresh_checks()

    def _items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def refresh_checks(self) -> None:
        taken = {s.node for n in self.doc.draft.walk() for s in n.sources}
        self._filling = True
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                state = (
                    Qt.CheckState.Checked
                    if item.data(0, SECTION_ID) in taken
                    else Qt.CheckState.Unchecked
                )
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
        self._filling = False

    def item_for(self, section_id: str) -> QTreeWidgetItem | None:
        return next((i for i in self._items() if i.data(0, SECTION_ID) == section_id), None)

    def _filter(self, text: str) -> None:
        text = text.strip()
        for item in self._items():
            section = self.plan.find(item.data(0, SECTION_ID))
            hit = not text or (
                section is not None
                and (text in section.title or any(text in p for p in section.paragraphs))
            )
            item.setHidden(not hit and item.childCount() == 0)

    def _show(self, item: QTreeWidgetItem | None, _previous) -> None:
        section = self.plan.find(item.data(0, SECTION_ID)) if item else None
        if section is None:
            self.clause.clear()
            return
        text = "\n\n".join(section.paragraphs) + (
            "\n" + section.clause.text if section.clause else ""
        )
        self.clause.setPlainText(f"{section.heading}\n{text}")

    def _checked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._filling:
            return
        section_id = item.data(0, SECTION_ID)
        if item.checkState(0) == Qt.CheckState.Checked:
            self.take(section_id)
        else:
            self.drop(section_id)

    def take(self, section_id: str, parent_id: str | None = None, index: int | None = None) -> None:
        try:
            push(
                self.doc,
                "采纳上级措施",
                lambda draft: take_up(
                    draft, self.plan, section_id, parent_id=parent_id, index=index
                )[0],
            )
        except EditError as exc:
            QMessageBox.information(self, self.tr("采纳"), exc.one_line())
        self.refresh_checks()
        node = next(
            (n for n in self.doc.draft.walk() if any(s.node == section_id for s in n.sources)), None
        )
        if node is not None:
            self.taken.emit(node.id)

    def drop(self, section_id: str) -> None:
        node = next(
            (n for n in self.doc.draft.walk() if any(s.node == section_id for s in n.sources)), None
        )
        if node is None:
            return
        if (
            self._edited(node, section_id)
            and QMessageBox.question(
                self,
                self.tr("取消采纳"),
                self.tr("“{}”在采纳后已修改过，确定从方案中删除吗？").format(node.title),
            )
            != QMessageBox.StandardButton.Yes
        ):
            self.refresh_checks()
            return
        push(self.doc, "取消采纳", ops.remove, node.id)

    def _edited(self, node, section_id: str) -> bool:
        """Does the county node differ from what taking the section up afresh would give?"""
        fresh, report = take_up(
            self.doc.draft.model_copy(update={"chapters": ()}), self.plan, section_id
        )
        made = fresh.find(report.node_id)
        return (
            made is None or made.title != node.title or len(made.paragraphs) != len(node.paragraphs)
        )


class ParentPanel(QTabWidget):
    """One tab per parent plan of the draft."""

    taken = Signal(str)

    def __init__(self, doc: DraftDocument) -> None:
        super().__init__()
        self.set_document(doc)

    def set_document(self, doc: DraftDocument) -> None:
        self.doc = doc
        self.clear()
        for parent in doc.draft.parents:
            plan = find_plan_or_none(parent.id)
            if plan is None:
                continue
            tree = ParentTree(doc, plan)
            tree.taken.connect(self.taken)
            self.addTab(tree, parent.title.replace("碳达峰实施方案", "方案") or parent.id)

    def tree(self, plan_id: str) -> ParentTree | None:
        for i in range(self.count()):
            widget = self.widget(i)
            if isinstance(widget, ParentTree) and widget.plan.id == plan_id:
                return widget
        return None
