"""The task-division table (任务分工表) of a draft: the one function both exports use.

The Word attachment and the Excel sheet are generated from these rows, so the
two can never disagree. 重点领域 are the actions of 重点任务 numbered 一、二、…,
followed by any other chapter whose measures carry work rows (银川 十一、对外合作);
a measure with several pieces of work keeps one 序号 over its rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.draft.mentions import TextRenderer
from app.core.draft.model import Draft, Node, county_of, work_row_units
from app.core.draft.units_printed import comma_leads
from app.core.readout.render import labels
from app.core.text.numbering import to_chinese

TASK_HEADERS = ("序号", "重点领域", "行动措施", "主要工作", "牵头单位", "配合单位")
"""The columns of the 任务分工表, in order: the Word 附件, the Excel sheet and the GUI page."""


@dataclass(frozen=True)
class TaskWork:
    """One piece of work: 主要工作, 牵头单位, 配合单位 (full names)."""

    work: str
    lead: str
    cooperating: tuple[str, ...]
    deadline: str = ""
    """完成时限, where the parent's clause set one."""

    @property
    def cooperating_text(self) -> str:
        return "、".join(self.cooperating)

    @property
    def printed_work(self) -> str:
        """主要工作 as the table prints it: with its 完成时限 when there is one."""
        if not self.deadline or self.deadline in self.work:
            return self.work
        return f"{self.work}（完成时限：{self.deadline}）"


@dataclass(frozen=True)
class TaskRow:
    """A numbered row: 序号, 重点领域, 行动措施, and its pieces of work."""

    number: int
    area: str
    action: str
    node_id: str
    works: tuple[TaskWork, ...]
    own_area: bool = False
    """The action is its own only measure (a plan of tasks without items, 阜阳): 重点领域 and
    行动措施 are one cell, the title printed once (LAYOUT.md)."""


def _rows_under(node: Node) -> list[Node]:
    """Nodes under an area that carry work rows, in document order."""
    return [n for n in node.walk() if n.work_rows]


def task_row_nodes(draft: Draft) -> list[tuple[int, str, Node]]:
    """序号, 重点领域 and the node, for every numbered row of the table.

    In a county draft 重点领域 is labelled as the body labels it (LAYOUT.md: the
    action with its label): an action of 重点任务 as （一）能源绿色低碳转型行动, a
    chapter of its own (对外合作) by its chapter label, so a reader finds it in the
    body; a published plan opened as it is keeps its own table's 一、二、.
    """
    label_of = labels(draft)
    owners = _owners(draft)
    as_published = draft.meta.level != "county"  # a plan opened as it is keeps its table's 一、二、
    out: list[tuple[int, str, Node]] = []
    number = 0
    for owner in owners:
        rows = _rows_under(owner)
        if not rows:
            continue
        number += 1
        label = f"{to_chinese(number)}、" if as_published else label_of[owner.id]
        area = f"{label}{owner.area or owner.title}"
        for node in rows:
            out.append((len(out) + 1, area, node))
    return out


def _owners(draft: Draft) -> list[Node]:
    """The nodes a 重点领域 names: the actions of 重点任务, other chapters whole."""
    owners: list[Node] = []
    for chapter in draft.chapters:
        owners += chapter.children if chapter.role == "tasks" else [chapter]
    return owners


def task_rows(draft: Draft) -> list[TaskRow]:
    renderer = TextRenderer(draft, county_of(draft))
    alone = {o.id for o in _owners(draft) if [n.id for n in _rows_under(o)] == [o.id]}
    return [
        TaskRow(
            number,
            area,
            node.task_title or node.title,
            node.id,
            node_works(node, renderer),
            own_area=node.id in alone,
        )
        for number, area, node in task_row_nodes(draft)
    ]


def node_works(node: Node, renderer: TextRenderer) -> tuple[TaskWork, ...]:
    """The pieces of work of one node's task row, its targets in the county's words."""
    works = []
    for work_row in node.work_rows:
        units = work_row_units(work_row, node)
        leads = _joint_leads(node) or _several_leads(node) if not work_row.units else ()
        works.append(
            TaskWork(
                work=renderer(work_row.work),
                lead="、".join(leads) if leads else (units[0] if units else ""),
                cooperating=tuple(u for u in units if u not in leads)
                if leads
                else tuple(units[1:]),
                deadline=node.responsibility.deadline if node.responsibility else "",
            )
        )
    return tuple(works)


def _joint_leads(node: Node) -> tuple[str, ...]:
    """A joint plan's clause: the first unit of each government leads (各方牵头)."""
    responsibility = node.responsibility
    if responsibility is None or len(set(responsibility.sides)) < 2:
        return ()
    first: dict[int, str] = {}
    for unit, side in zip(responsibility.units, responsibility.sides, strict=True):
        first.setdefault(side, unit)
    return tuple(first.values())


def _several_leads(node: Node) -> tuple[str, ...]:
    """A clause whose note says the units before its comma lead (逗号前为牵头单位): all of them."""
    return comma_leads(node.responsibility) if node.responsibility is not None else ()
