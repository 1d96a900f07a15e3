"""Taking up parent sections into a draft, adapted to the county.

A measure is placed under the county action that took up its parent action
(created if need be), among its siblings in the parent's order; a whole action
or chapter comes with everything under it. Every new node remembers the parent
node and a fingerprint of its text, and the report lists every change made to
the parent's words and units so the user can see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.adapt.changes import AdaptedText, TextChange, UnitChange
from app.core.adapt.targets import TargetBook
from app.core.adapt.text import adapt_text
from app.core.adapt.units import adapt_units
from app.core.draft.mentions import TOKEN
from app.core.draft.model import (
    ChapterRole,
    Draft,
    Node,
    ParentPlan,
    Responsibility,
    SourceRef,
    WorkRow,
    county_of,
)
from app.core.draft.tree import EditError, insert_node, parent_of
from app.core.operations.work_summary import summary_work
from app.core.plans.model import Plan, Section, TableRow, fingerprint

_ROLE_WORDS: tuple[tuple[str, ChapterRole], ...] = (
    ("总体要求", "general"),
    ("指导思想", "general"),
    ("主要目标", "goals"),
    ("重点任务", "tasks"),
    ("主要任务", "tasks"),
    ("保障措施", "safeguards"),
    ("组织实施", "safeguards"),
)


def role_for_title(title: str) -> ChapterRole:
    for word, role in _ROLE_WORDS:
        if word in title:
            return role
    return "other"


@dataclass(frozen=True)
class NodeChanges:
    """What adaptation changed in one new node: title, paragraphs, units."""

    node_id: str
    source: str
    title: tuple[TextChange, ...] = ()
    paragraphs: tuple[tuple[TextChange, ...], ...] = ()
    units: tuple[UnitChange, ...] = ()

    @property
    def unmapped(self) -> list[str]:
        return [u.parent for u in self.units if u.status == "unmapped"]


@dataclass
class TakeUpReport:
    node_id: str = ""
    nodes: list[NodeChanges] = field(default_factory=list)
    targets_added: list[str] = field(default_factory=list)

    @property
    def unmapped_units(self) -> list[str]:
        return list(dict.fromkeys(u for n in self.nodes for u in n.unmapped))


class _Builder:
    """Turns parent sections into county nodes, sharing one target book and id counter."""

    def __init__(self, draft: Draft, plan: Plan, *, adapt: bool = True) -> None:
        self.draft = draft
        self.plan = plan
        self.adapt = adapt
        self.county = county_of(draft)
        self.book = TargetBook(list(draft.targets), draft.next_id, as_written=not adapt)
        self.report = TakeUpReport()
        self.rows_by_measure: dict[str, list[TableRow]] = {}
        for row in plan.task_table:
            if row.measure_id:
                self.rows_by_measure.setdefault(row.measure_id, []).append(row)

    def _id(self) -> str:
        node_id = f"n{self.book.next_id}"
        self.book.next_id += 1
        return node_id

    def text(self, text: str, source: str) -> AdaptedText:
        if not self.adapt:
            return adapt_text(
                text,
                level="",
                county=self.county,
                catalogue=self.draft.catalogue,
                book=self.book,
                source="",
            )
        return adapt_text(
            text,
            level=self.plan.level,
            county=self.county,
            catalogue=self.draft.catalogue,
            book=self.book,
            source=source,
        )

    def title(self, text: str) -> AdaptedText:
        level = self.plan.level if self.adapt else ""
        return adapt_text(text, level=level, county=self.county, catalogue=self.draft.catalogue)

    def units(
        self, names: list[str], groups: list[int]
    ) -> tuple[list[str], list[int], list[UnitChange]]:
        if not self.adapt:
            return names, groups, [UnitChange(n, (n,), "same") for n in names]
        return adapt_units(names, groups, self.draft.catalogue)

    def node(
        self,
        section: Section,
        *,
        role: ChapterRole = "other",
        shell: bool = False,
        in_tasks: bool = False,
    ) -> Node:
        node_id = self._id()
        title = self.title(section.title)
        paragraphs = [self.text(p, section.id) for p in section.paragraphs]
        responsibility = None
        unit_changes: list[UnitChange] = []
        if section.clause is not None:
            names = [u.name for u in section.clause.units]
            groups = [u.group for u in section.clause.units]
            names, groups, unit_changes = self.units(names, groups)
            responsibility = Responsibility(
                units=tuple(names),
                groups=tuple(groups) if any(groups) else (),
                duty=section.clause.duty,
                labelled=section.clause.labelled,
                note="" if "列首位" in section.clause.note else section.clause.note,
            )
        children: tuple[Node, ...] = ()
        if not shell:
            children = tuple(
                self.node(child, in_tasks=in_tasks or role == "tasks") for child in section.children
            )
        self.report.nodes.append(
            NodeChanges(
                node_id,
                section.id,
                title.changes,
                tuple(p.changes for p in paragraphs),
                tuple(unit_changes),
            )
        )
        node = Node(
            id=node_id,
            level=section.level,
            numbered=bool(section.label),
            title=title.text,
            title_style=section.title_style,
            role=role if section.level == 1 else "other",
            paragraphs=tuple(p.text for p in paragraphs),
            sources=(SourceRef(node=section.id, fingerprint=fingerprint(section)),)
            if self.adapt
            else (),
            responsibility=responsibility,
            children=children,
        )
        return node.model_copy(
            update={"work_rows": self.work_rows(section, node, in_tasks=in_tasks)}
        )

    def work_rows(self, section: Section, node: Node, *, in_tasks: bool) -> tuple[WorkRow, ...]:
        rows = self.rows_by_measure.get(section.id)
        if rows:
            out: list[WorkRow] = []
            for row in rows:
                for work_row in row.work_rows:
                    names = [work_row.lead, *work_row.cooperating_units]
                    groups = [0] + [
                        1 if _after_comma(work_row.cooperating, u) else 0
                        for u in work_row.cooperating_units
                    ]
                    names, groups, _ = self.units(names, groups)
                    same_as_clause = (
                        node.responsibility is not None
                        and tuple(names) == node.responsibility.units
                    )
                    out.append(
                        WorkRow(
                            work=self.text(work_row.work, section.id).text,
                            units=() if same_as_clause else tuple(names),
                            groups=() if same_as_clause or not any(groups) else tuple(groups),
                        )
                    )
            return tuple(out)
        if not in_tasks or self.plan.task_table:
            return ()
        is_measure = node.level == 3 or (node.level == 2 and not node.children)
        if not is_measure:
            return ()
        if node.responsibility is not None:
            return (WorkRow(work=summary_work(node.paragraphs)),)
        sub_rows = [
            WorkRow(
                work=summary_work(child.paragraphs, child.title),
                units=child.responsibility.units,
                groups=child.responsibility.groups,
            )
            for child in node.children
            if child.responsibility is not None
        ]
        return tuple(sub_rows)

    def finish(self, draft: Draft) -> Draft:
        self.report.targets_added = list(self.book.added)
        return draft.model_copy(
            update={"targets": tuple(self.book.targets), "next_id": self.book.next_id}
        )


def _after_comma(cooperating: str, unit: str) -> bool:
    """Is this unit written after the comma that starts a second lead group?"""
    comma = cooperating.find("，")
    position = cooperating.find(unit)
    return comma >= 0 and position > comma


def _order(plan: Plan) -> dict[str, int]:
    return {section.id: i for i, section in enumerate(plan.walk())}


def _taken(draft: Draft, section_id: str) -> Node | None:
    return next((n for n in draft.walk() if any(s.node == section_id for s in n.sources)), None)


def _position(siblings: tuple[Node, ...], order: dict[str, int], section_id: str) -> int:
    """Where a node taken up from section_id goes among siblings, keeping the parent's order."""
    mine = order.get(section_id, 0)
    for i, sibling in enumerate(siblings):
        ranks = [order[s.node] for s in sibling.sources if s.node in order]
        if ranks and min(ranks) > mine:
            return i
    return len(siblings)


def _parent_section(plan: Plan, section: Section) -> Section | None:
    for candidate in plan.walk():
        if any(child.id == section.id for child in candidate.children):
            return candidate
    return None


def _ensure_container(
    builder: _Builder, draft: Draft, section: Section
) -> tuple[Draft, str | None]:
    """The draft node that should hold section's county node, creating shells above it."""
    parent = _parent_section(builder.plan, section)
    if parent is None:
        return draft, None
    existing = _taken(draft, parent.id)
    if existing is not None:
        return draft, existing.id
    if parent.level == 1:
        role = role_for_title(parent.title)
        same_role = draft.chapter(role) if role != "other" else None
        if same_role is not None:
            return draft, same_role.id
    draft, grand = _ensure_container(builder, draft, parent)
    role = role_for_title(parent.title) if parent.level == 1 else "other"
    shell = builder.node(parent, role=role, shell=True)
    siblings = draft.find(grand).children if grand else draft.chapters
    draft = insert_node(draft, grand, _position(siblings, _order(builder.plan), parent.id), shell)
    return draft, shell.id


def _in_tasks(draft: Draft, container: str | None) -> bool:
    node_id = container
    while node_id is not None:
        node = draft.find(node_id)
        if node is not None and node.level == 1:
            return node.role == "tasks"
        parent = parent_of(draft, node_id)
        node_id = parent.id if parent else None
    return False


def take_up(
    draft: Draft,
    plan: Plan,
    section_id: str,
    *,
    parent_id: str | None = None,
    index: int | None = None,
    adapt: bool = True,
) -> tuple[Draft, TakeUpReport]:
    """The draft with a parent section (and everything under it) taken up, adapted.

    Without parent_id the node goes where the parent's structure says; with it
    (a drop on the outline) it goes there, at index.
    """
    section = plan.find(section_id)
    if section is None:
        raise EditError(f"上级方案 {plan.id} 中没有 {section_id}")
    if adapt and _taken(draft, section_id) is not None:
        raise EditError(f"{section.heading} 已采纳，不能重复采纳")
    builder = _Builder(draft, plan, adapt=adapt)
    if parent_id is None:
        draft, container = _ensure_container(builder, draft, section)
    else:
        container = parent_id
        if draft.find(parent_id) is None:
            raise EditError(f"找不到节点 {parent_id}")
    role = role_for_title(section.title) if section.level == 1 and container is None else "other"
    node = builder.node(section, role=role, in_tasks=_in_tasks(draft, container))
    if index is None:
        siblings = draft.find(container).children if container else draft.chapters
        index = _position(siblings, _order(plan), section.id)
    draft = insert_node(draft, container, index, node)
    if not any(p.id == plan.id for p in draft.parents) and adapt:
        draft = draft.model_copy(
            update={
                "parents": (
                    *draft.parents,
                    ParentPlan(id=plan.id, title=plan.title, level=plan.level),
                )
            }
        )
    builder.report.node_id = node.id
    return builder.finish(draft), builder.report


def take_up_into(
    draft: Draft, plan: Plan, section_id: str, measure_id: str
) -> tuple[Draft, TakeUpReport]:
    """A parent measure merged into an existing county measure (two parent clauses, one county measure)."""
    from app.core.operations.structure import merge

    holder = parent_of(draft, measure_id)
    if holder is None:
        raise EditError(f"找不到措施 {measure_id}")
    # Taken up beside the county measure, so no empty parent action is left behind.
    draft, report = take_up(draft, plan, section_id, parent_id=holder.id)
    merged = merge(draft, measure_id, report.node_id)
    report.node_id = measure_id
    return merged, report


def _comparable(node: Node) -> tuple:
    """A node's words and units, with target mentions by year and words, not by table id."""

    def words(text: str) -> str:
        return TOKEN.sub(lambda m: f"⟦{m.group('year')}|{m.group('lead')}⟧", text)

    units = node.responsibility.units if node.responsibility else ()
    return (
        node.title,
        tuple(words(p) for p in node.paragraphs),
        units,
        tuple((words(r.work), r.units) for r in node.work_rows),
        tuple(_comparable(child) for child in node.children),
    )


def edited_since_take_up(draft: Draft, plan: Plan, node_id: str, section_id: str) -> bool:
    """Has the county changed a node since it took the section up (so removing it loses work)?

    Taking the section up afresh, with the draft's county and catalogue, gives
    what the county started from; any difference in words, units or rows is an edit.
    """
    node = draft.find(node_id)
    if node is None:
        return False
    fresh, report = take_up(
        draft.model_copy(update={"chapters": (), "targets": ()}), plan, section_id
    )
    made = fresh.find(report.node_id) if report.node_id else None
    return made is None or _comparable(made) != _comparable(node)
