"""Starting a draft: from a parent plan's actions, or from a published plan as it is.

`peakplan new` and the GUI's new-draft wizard both come here, so the same
answers give the same draft.
"""

from __future__ import annotations

import re

from app.core.draft.boilerplate import (
    GENERAL,
    GOALS,
    PREAMBLE,
    SAFEGUARDS,
    context_for,
    render_template,
    template_nodes,
)
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue
from app.core.draft.model import (
    Catalogue,
    CatalogueUnit,
    ChapterRole,
    CommitteeMember,
    Draft,
    DraftMeta,
    Node,
    ParentPlan,
    Stage,
)
from app.core.draft.tree import insert_node, parent_of, update_node
from app.core.errors import PeakPlanError
from app.core.operations.adapted_nodes import NodeBuilder, TakeUpReport
from app.core.operations.goal_questions import ask_of_goals
from app.core.operations.goals import parent_goals, state_table_targets
from app.core.operations.take_up import take_up, taken_node
from app.core.plans.model import Plan, Section, chapter_role
from app.core.text.county import CountyContext
from app.core.text.numbering import number_value


class NewDraftError(PeakPlanError):
    """The answers for a new draft do not fit the parent plan."""


_NEARNESS = {"zone": 0, "county": 1, "city": 2, "province": 3, "region": 3, "national": 4}


def nearest_first(plans: list[Plan]) -> list[Plan]:
    """Parents from the nearest (a city's plan, a zone's) to the farthest (the nation's);
    plans of one level keep the order given."""
    return sorted(plans, key=lambda p: _NEARNESS.get(p.level, 5))


def choose_actions(plan: Plan, actions: list[str] | None) -> list[Section]:
    """The parent actions named by their numbers (一,二 or 1,2); None: all of them."""
    areas = plan.task_areas()
    if not areas:
        raise NewDraftError(f"上级方案 {plan.id} 中找不到可采纳的重点任务")
    if actions is None:
        return areas
    chosen: list[Section] = []
    for wanted in actions:
        wanted = wanted.strip().strip("（）()、.")
        value = number_value(2, wanted) if not wanted.isdigit() else int(wanted)
        match = next((a for a in areas if number_value(a.level, a.number) == value), None)
        if match is None:
            known = "、".join(a.number for a in areas)
            raise NewDraftError(f"上级方案的重点任务中没有行动“{wanted}”（可选：{known}）")
        if match not in chosen:
            chosen.append(match)
    return chosen


def new_draft(
    *,
    county: str,
    city: str,
    region: str,
    plan: Plan,
    actions: list[str] | None = None,
    stage: Stage = "征求意见稿",
    date: str = "",
    commissioned_by: str = "",
    drafted_by: str = "",
    committee: tuple[CommitteeMember, ...] = (),
    catalogue_id: str = GENERIC_CATALOGUE,
    farther: tuple[Plan, ...] = (),
) -> tuple[Draft, list[TakeUpReport]]:
    """A county draft taking up the chosen actions of its nearest parent, with that parent's
    other chapters; `farther` parents (the region's above the city's, sector plans) are the
    draft's parents too — named in the preamble, their unit mappings loaded, their coverage
    counted — and their measures are offered, not taken up.

    The 总体要求, 主要目标 and closing chapters come adapted from the parent too,
    so the draft reads as a whole from the start; the chosen actions fill 重点任务.
    """
    context = CountyContext(county, city, region)
    chosen = choose_actions(plan, actions)
    parents = (plan, *(p for p in farther if p.id != plan.id))
    catalogue = load_catalogue(catalogue_id, context, [p.id for p in parents])
    template_context = context_for(context, [p.title for p in parents], catalogue)
    preamble = tuple(render_template(PREAMBLE, template_context).paragraphs)
    draft = Draft(
        meta=DraftMeta(
            county=county,
            city=city,
            region=region,
            stage=stage,
            date=date,
            commissioned_by=commissioned_by,
            drafted_by=drafted_by,
            committee=committee,
            preamble=preamble,
        ),
        parents=tuple(ParentPlan(id=p.id, title=p.title, level=p.level) for p in parents),
        catalogue=catalogue,
    )
    draft = _template_chapter(draft, GENERAL, "总体要求", "general", template_context)
    draft = _goals_chapter(draft, plan, parents[1:], template_context)
    reports: list[TakeUpReport] = []
    # A plan with no 重点任务 chapter: its task chapters become the county's actions.
    holder = None if plan.key_tasks() is not None else f"n{draft.next_id}"
    if holder is not None:
        chapter = Node(id=holder, level=1, title="重点任务", role="tasks")
        draft = insert_node(
            draft.model_copy(update={"next_id": draft.next_id + 1}), None, None, chapter
        )
    for action in chosen:
        if taken_node(draft, action.id) is not None:
            continue  # an action that is the parent's 主要目标: merged into the county's above
        draft, report = take_up(draft, plan, action.id, parent_id=holder)
        reports.append(report)
    draft = state_table_targets(draft)  # the measures' targets are indicators of 主要目标 too
    draft = ask_of_goals(draft)  # the parent's words in the statements' names are asked too
    draft = _template_chapter(draft, SAFEGUARDS, "保障措施", "safeguards", template_context)
    return draft, reports


def _template_chapter(
    draft: Draft, template: str, title: str, role: ChapterRole, context: dict[str, object]
) -> Draft:
    """A chapter written from a template: its paragraphs and "## " sub-sections."""
    rendered = render_template(template, context)
    chapter_id = f"n{draft.next_id}"
    children, next_id = template_nodes(rendered, 1, draft.next_id + 1)
    chapter = Node(
        id=chapter_id,
        level=1,
        title=title,
        role=role,
        template=template,
        paragraphs=tuple(rendered.paragraphs),
        children=children,
    )
    draft = draft.model_copy(update={"next_id": next_id})
    return insert_node(draft, None, None, chapter)


def _goals_chapter(
    draft: Draft, plan: Plan, farther: tuple[Plan, ...], context: dict[str, object]
) -> Draft:
    """主要目标 from its template, stating every indicator the parents' goals sections set
    (a chapter of its own or a sub-section of 总体要求) as county table entries."""
    draft, statements, sources = parent_goals(draft, plan, farther)
    draft = _template_chapter(draft, GOALS, "主要目标", "goals", {**context, "targets": statements})
    if not sources:
        return draft
    chapter = draft.chapters[-1]
    return update_node(draft, chapter.id, lambda n: n.model_copy(update={"sources": sources}))


def _area_name(plan: Plan) -> str:
    """The place a plan is for, from its title: 平罗县碳达峰实施方案 → 平罗县."""
    match = re.match(r"(.+?)(?:碳达峰|关于)", plan.title)
    return match.group(1) if match else plan.title


def _plan_units(plan: Plan) -> tuple[CatalogueUnit, ...]:
    names: list[str] = []
    for section in plan.walk():
        if section.clause:
            names.extend(u.name for u in section.clause.units)
    for row in plan.task_table:
        for work_row in row.work_rows:
            names.extend([work_row.lead, *work_row.cooperating_units])
    return tuple(CatalogueUnit(name=n, kind="other") for n in dict.fromkeys(n for n in names if n))


def as_is(
    plan: Plan, *, catalogue: Catalogue | None = None, region: str = "", city: str = ""
) -> Draft:
    """A published plan opened as a draft, unadapted: same text, units, targets and table.

    Its targets become entries of the draft's target table holding the plan's
    own values, so editing one still changes every sentence stating it.
    """
    cover = plan.cover
    meta = DraftMeta(
        county=_area_name(plan),
        level=plan.level,
        lead_note=any(s.clause is not None and "列首位" in s.clause.note for s in plan.walk()),
        city=city,
        region=region,
        title=plan.title,
        stage=plan.stage if plan.stage in ("征求意见稿", "送审稿") else "征求意见稿",
        date=plan.date,
        commissioned_by=cover.commissioned_by if cover else "",
        drafted_by=cover.drafted_by if cover else "",
        committee=tuple(
            CommitteeMember(role=m.role, name=m.name, unit=m.unit)
            for m in (cover.committee if cover else [])
        ),
        preamble=tuple(plan.preamble),
    )
    draft = Draft(
        meta=meta,
        catalogue=catalogue
        or Catalogue(
            id=f"{plan.id}-units", name=f"{_area_name(plan)}单位", units=_plan_units(plan)
        ),
    )
    builder = NodeBuilder(draft, plan, adapt=False)
    chapters = tuple(
        builder.node(chapter, role=chapter_role(chapter.title)) for chapter in plan.sections
    )
    draft = draft.model_copy(update={"chapters": chapters})
    return builder.finish(_table_wording(draft, plan))


def _table_wording(draft: Draft, plan: Plan) -> Draft:
    """Where the published table words an area or a measure unlike its heading, keep the table's words."""
    node_of = {s.id: n.id for s, n in zip(plan.walk(), draft.walk(), strict=True)}
    for row in plan.task_table:
        if row.measure_id is None or row.measure_id not in node_of:
            continue
        node_id = node_of[row.measure_id]
        node = draft.find(node_id)
        if node is not None and row.action != node.title:
            draft = update_node(
                draft, node_id, lambda n, a=row.action: n.model_copy(update={"task_title": a})
            )
        owner = parent_of(draft, node_id)
        while owner is not None and owner.level > 2:
            owner = parent_of(draft, owner.id)
        area_title = re.sub(r"^[一二三四五六七八九十]+、", "", row.area)
        if (
            owner is not None
            and area_title
            and area_title != owner.title
            and owner.area != area_title
        ):
            draft = update_node(
                draft, owner.id, lambda n, a=area_title: n.model_copy(update={"area": a})
            )
    return draft
