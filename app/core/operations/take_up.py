"""Taking up parent sections into a draft, adapted to the county.

A measure is placed under the county action that took up its parent action
(created if need be), among its siblings in the parent's order; a whole action
or chapter comes with everything under it. Every new node remembers the parent
node and a fingerprint of its text, and the report lists every change made to
the parent's words and units so the user can see them.
"""

from __future__ import annotations

from app.core.draft.mentions import TOKEN
from app.core.draft.model import Draft, Node, ParentPlan
from app.core.draft.tree import EditError, insert_node, parent_of
from app.core.operations.adapted_nodes import NodeBuilder, TakeUpReport
from app.core.operations.goal_questions import ask_of_goals
from app.core.operations.goals import is_goals_section, take_up_goals
from app.core.plans.model import Plan, Section, chapter_role
from app.core.text.clause_label import clause_label


def _order(plan: Plan) -> dict[str, int]:
    return {section.id: i for i, section in enumerate(plan.walk())}


def taken_node(draft: Draft, section_id: str) -> Node | None:
    """The county node already carrying this parent section, if any."""
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
    builder: NodeBuilder, draft: Draft, section: Section
) -> tuple[Draft, str | None]:
    """The draft node that should hold section's county node, creating shells above it."""
    parent = _parent_section(builder.plan, section)
    if parent is None:
        return draft, None
    existing = taken_node(draft, parent.id)
    if existing is not None:
        return draft, existing.id
    if parent.level == 1:
        role = chapter_role(parent.title)
        same_role = draft.chapter(role) if role != "other" else None
        if same_role is not None:
            return draft, same_role.id
    draft, grand = _ensure_container(builder, draft, parent)
    role = chapter_role(parent.title) if parent.level == 1 else "other"
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
        raise EditError(f"《{plan.title}》中没有 {clause_label(section_id)} 这一条")
    if adapt and taken_node(draft, section_id) is not None:
        raise EditError(f"{section.heading} 已采纳，不能重复采纳")
    if adapt and parent_id is None and is_goals_section(section) and draft.chapter("goals"):
        # the parent's 主要目标 joins the county's: one 主要目标, never two
        draft, report = take_up_goals(draft, plan, section)
        return ask_of_goals(_with_parent(draft, plan)), report
    builder = NodeBuilder(draft, plan, adapt=adapt)
    if parent_id is None:
        draft, container = _ensure_container(builder, draft, section)
    else:
        container = parent_id
        if draft.find(parent_id) is None:
            raise EditError(f"找不到节点 {parent_id}")
    role = chapter_role(section.title) if section.level == 1 and container is None else "other"
    node = builder.node(section, role=role, in_tasks=_in_tasks(draft, container))
    if index is None:
        siblings = draft.find(container).children if container else draft.chapters
        index = _position(siblings, _order(plan), section.id)
    draft = insert_node(draft, container, index, node)
    if adapt:
        draft = _with_parent(draft, plan)
    builder.report.node_id = node.id
    return builder.finish(draft), builder.report


def _with_parent(draft: Draft, plan: Plan) -> Draft:
    """The plan among the draft's parents (it is, once the draft takes something up from it)."""
    if any(p.id == plan.id for p in draft.parents):
        return draft
    parent = ParentPlan(id=plan.id, title=plan.title, level=plan.level)
    return draft.model_copy(update={"parents": (*draft.parents, parent)})


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
