"""上级方案 panel: each parent plan's chapters, actions and measures, checked when taken up.

Checking a measure takes it up with adapted text (one undo step); unchecking
removes it, asking first when the county has edited it since. The tabs follow
the draft's parent plans: adding a parent, or undoing that, adds or removes
its tab.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMenu,
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
from app.core.draft.changes import DraftChange, Part
from app.core.draft.tree import EditError
from app.core.errors import PeakPlanError
from app.core.plans.lineage import links
from app.core.plans.lineage_corrections import save_correction
from app.core.plans.model import LEVEL_NAMES, Plan, Section
from app.core.plans.resolver import PlanResolver
from app.core.readout.coverage import descendants
from app.core.text.clause_label import clause_label
from app.gui.commands import push
from app.gui.document import DocumentView, DraftDocument

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


class ParentTree(QWidget, DocumentView):
    """One parent plan: filter box, tree with check boxes, the full clause below."""

    taken = Signal(str)
    shows = frozenset({Part.OUTLINE})  # which parent clauses are taken up

    corrected = Signal()  # the user corrected a lineage link: the plans read anew

    def __init__(
        self,
        doc: DraftDocument,
        plan: Plan,
        nearer: tuple[Plan, ...] = (),
        farther: tuple[Plan, ...] = (),
    ) -> None:
        super().__init__()
        self.doc = doc
        self.plan = plan
        self.nearer = nearer
        """The draft's parents nearer than this one (the city's above the region's)."""
        self.farther = farther
        """The draft's parents above this one: where its measures may descend from."""
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选（标题或正文中的字词）"))
        self.filter.textChanged.connect(self._filter)
        self.tree = _SectionTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.itemChanged.connect(self._checked)
        self.tree.currentItemChanged.connect(self._show)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
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
        self.set_document(doc)

    def refresh(self) -> None:
        self.refresh_checks()

    def _fill(self) -> None:
        self._filling = True
        self.tree.clear()

        down = descendants(list(self.nearer), self.plan.id)
        measures = {m.id for area in self.plan.task_areas() for m in area.children}
        nearer_level = f"{LEVEL_NAMES.get(self.nearer[0].level, '')}级" if self.nearer else ""
        titles = {p.id: p.title for p in self.doc.draft.parents}

        def add(parent, section: Section) -> None:
            item = QTreeWidgetItem(parent, [section.heading])
            item.setData(0, SECTION_ID, section.id)
            tips = [f"{section.heading}"]
            for link in links(section):
                title = titles.get(link.plan_id, link.plan_id)
                tips.append(f"源自《{title}》{clause_label(link.node)}（相似度 {link.score:.0f}）")
            if self.nearer and section.id in measures:
                carried = [d for part in section.walk() for d in down.get(part.id, [])]
                if carried:
                    tips.append(
                        "已由"
                        + nearer_level
                        + "方案承接："
                        + "、".join(clause_label(d) for d in carried)
                    )
                else:
                    item.setText(0, f"{section.heading}（上级有、{nearer_level}未承接）")
                    item.setForeground(0, Qt.GlobalColor.darkRed)
                    tips.append(f"{nearer_level}方案没有承接这一条：本县可直接采纳")
            item.setToolTip(0, "\n".join(tips))
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
        titles = {p.id: p.title for p in self.doc.draft.parents}
        lineage = "".join(
            f"\n\n源自《{titles.get(link.plan_id, link.plan_id)}》{clause_label(link.node)}"
            f"（相似度 {link.score:.0f}"
            + ("，本县更正" if link.by == "user" else "")
            + (f"；共同字词：{'、'.join(link.words[:8])}" if link.words else "")
            + "）"
            for link in links(section)
        )
        self.clause.setPlainText(f"{section.heading}\n{text}{lineage}")

    def _menu(self, position) -> None:
        item = self.tree.itemAt(position)
        section = self.plan.find(item.data(0, SECTION_ID)) if item else None
        if section is None or section.level < 2:
            return
        menu = QMenu(self.tree)
        action = menu.addAction(self.tr("更正上级来源…"), lambda: self.correct_source(section))
        action.setEnabled(bool(self.farther))
        action.setToolTip(self.tr("指定这一条源自上级方案的哪一条（或没有上级来源）"))
        self.popup(menu, self.tree.viewport().mapToGlobal(position))

    def popup(self, menu: QMenu, at) -> None:
        """Show the context menu until the user chooses (tests replace this)."""
        menu.exec(at)

    def ask_source(self, section: Section) -> list[str] | None:
        """The user's choice of where the section descends from ([]: nowhere; None: cancelled;
        tests replace this)."""
        choices = [self.tr("（没有上级来源）")]
        ids: list[str | None] = [None]
        for plan in self.farther:
            for area in plan.task_areas():
                for measure in area.children:
                    choices.append(f"{plan.title}  {clause_label(measure.id)} {measure.title}")
                    ids.append(measure.id)
        current = next(iter(links(section)), None)
        start = ids.index(current.node) if current and current.node in ids else 0
        text, ok = QInputDialog.getItem(
            self, self.tr("更正上级来源"), section.heading, choices, start, False
        )
        if not ok:
            return None
        chosen = ids[choices.index(text)]
        return [] if chosen is None else [chosen]

    def correct_source(self, section: Section) -> None:
        chosen = self.ask_source(section)
        if chosen is None:
            return
        try:
            save_correction(self.plan.id, section.id, chosen)
        except PeakPlanError as exc:
            QMessageBox.warning(self, self.tr("更正上级来源"), exc.one_line())
            return
        self.corrected.emit()

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
                lambda draft: ops.take_up(
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
        if node.role == "goals":  # the parent's 主要目标, merged into the county's: give it back
            push(self.doc, "取消采纳", ops.release_goals, section_id)
            return
        if (
            ops.edited_since_take_up(self.doc.draft, self.plan, node.id, section_id)
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


class ParentPanel(QTabWidget, DocumentView):
    """One tab per parent plan of the draft, in the draft's order."""

    taken = Signal(str)
    shows = frozenset({Part.PARENTS})
    lineage_changed = Signal()

    def __init__(self, doc: DraftDocument, plans: PlanResolver) -> None:
        super().__init__()
        self.plans = plans
        self.set_document(doc)

    def set_document(self, doc: DraftDocument) -> None:
        """Another draft: its own tabs (the trees follow the document they were made for)."""
        self._remove_tabs(set(self.trees()))
        super().set_document(doc)

    def document_changed(self, change: DraftChange) -> None:
        self.refresh()

    def trees(self) -> dict[str, ParentTree]:
        return {
            widget.plan.id: widget
            for widget in (self.widget(i) for i in range(self.count()))
            if isinstance(widget, ParentTree)
        }

    def _remove_tabs(self, plan_ids: set[str]) -> None:
        for i in reversed(range(self.count())):
            widget = self.widget(i)
            if isinstance(widget, ParentTree) and widget.plan.id in plan_ids:
                self.removeTab(i)
                widget.unfollow()
                widget.deleteLater()

    def refresh(self) -> None:
        """One tab per parent plan the library knows; tabs of parents no longer there go."""
        wanted = [p for p in self.doc.draft.parents]
        self._remove_tabs(set(self.trees()) - {p.id for p in wanted})
        have = self.trees()
        known = [p for p in wanted if self.plans(p.id) is not None]
        for position, parent in enumerate(known):
            tree = have.get(parent.id)
            if tree is None:
                nearer = tuple(self.plans(p.id) for p in known[:position])
                farther = tuple(self.plans(p.id) for p in known[position + 1 :])
                tree = ParentTree(self.doc, self.plans(parent.id), nearer, farther)
                tree.taken.connect(self.taken)
                tree.corrected.connect(self.reread)
                self.insertTab(
                    position, tree, parent.title.replace("碳达峰实施方案", "方案") or parent.id
                )
            elif self.indexOf(tree) != position:
                self.tabBar().moveTab(self.indexOf(tree), position)

    def reread(self) -> None:
        """A lineage corrected: every plan read from the library again, the tabs rebuilt, the
        checks told (their coverage counts through lineage)."""
        self.plans.forget()
        current = self.currentIndex()
        self._remove_tabs(set(self.trees()))
        self.refresh()
        self.setCurrentIndex(current)
        self.lineage_changed.emit()

    def tree(self, plan_id: str) -> ParentTree | None:
        return self.trees().get(plan_id)
