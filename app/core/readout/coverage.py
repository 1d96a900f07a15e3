"""对照: per parent plan, which of its measures the county took up, and where.

The checks (coverage finding) and the window's 对照表 tab read the same
answer: a parent measure counts as taken up when the county takes up the
measure itself or any part of it (an item, a sub-clause).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.draft.model import Draft, Node, ParentPlan
from app.core.plans.model import Plan, Section
from app.core.plans.resolver import PlanResolver
from app.core.text.clause_label import clause_label


@dataclass(frozen=True)
class CoveredMeasure:
    section: Section
    county: tuple[Node, ...]
    """The county nodes taking up the measure or a part of it, in document order."""
    via: tuple[Node, ...] = ()
    """County nodes taking up a nearer parent's measure that descends from this one (宁夏
    三.二.1 taken up through 银川 三.二.1): covered, and not to be taken up twice."""
    nearer: tuple[str, ...] = ()
    """The nearer parents' clauses descending from this one (ids), taken up or not."""

    @property
    def label(self) -> str:
        """三（一）4, the measure's place in its plan."""
        return clause_label(self.section.id)

    @property
    def taken_up(self) -> bool:
        return bool(self.county or self.via)

    @property
    def twice(self) -> bool:
        """Taken up directly and through a nearer parent: the same task under two names."""
        return bool(self.county and self.via)


@dataclass(frozen=True)
class ParentCoverage:
    parent: ParentPlan
    plan: Plan | None
    """None: the plan is not in the library the session was given."""
    measures: tuple[CoveredMeasure, ...] = ()
    nearer: tuple[ParentPlan, ...] = ()
    """The draft's parents nearer than this one, through which it may be taken up."""

    @property
    def taken(self) -> list[CoveredMeasure]:
        return [m for m in self.measures if m.taken_up]

    @property
    def direct(self) -> list[CoveredMeasure]:
        return [m for m in self.measures if m.county]

    @property
    def through_nearer(self) -> list[CoveredMeasure]:
        return [m for m in self.measures if m.via and not m.county]

    @property
    def missing(self) -> list[CoveredMeasure]:
        return [m for m in self.measures if not m.taken_up]

    @property
    def not_descended(self) -> list[CoveredMeasure]:
        """Untaken measures no nearer parent carried down: 上级有、市级未承接."""
        return [m for m in self.missing if not m.nearer]


def _parent_measures(plan: Plan) -> list[Section]:
    """The parent's measures: an action's items, or the action itself where it has none (a
    plan of five tasks and no sub-items has five measures, not none)."""
    return [m for action in plan.task_areas() for m in (action.children or (action,))]


def taking_up(draft: Draft) -> dict[str, list[Node]]:
    """Parent node id → the county nodes that take it up."""
    out: dict[str, list[Node]] = {}
    for node in draft.walk():
        for source in node.sources:
            out.setdefault(source.node, []).append(node)
    return out


def descendants(plans: list[Plan], above_id: str) -> dict[str, list[str]]:
    """For a plan above: its clause id → the clauses of the given (nearer) plans linked to
    it by lineage."""
    out: dict[str, list[str]] = {}
    for plan in plans:
        for section in plan.walk():
            for link in section.lineage:
                if link.plan_id == above_id:
                    out.setdefault(link.node, []).append(section.id)
    return out


def coverage(draft: Draft, plans: PlanResolver) -> list[ParentCoverage]:
    """For each parent plan of the draft, its measures and the county nodes taking them up,
    directly or through a nearer parent whose measure descends from it (no task counted
    for two parents as two tasks of one)."""
    takers = taking_up(draft)
    out: list[ParentCoverage] = []
    loaded: list[Plan] = []
    for index, parent in enumerate(draft.parents):
        plan = plans(parent.id)
        if plan is None:
            out.append(ParentCoverage(parent, None))
            continue
        down = descendants(loaded, plan.id)
        measures = []
        for section in _parent_measures(plan):
            parts = [part.id for part in section.walk()]
            county = {node.id: node for part in parts for node in takers.get(part, [])}
            nearer = tuple(d for part in parts for d in down.get(part, []))
            via = {
                node.id: node for d in nearer for node in takers.get(d, []) if node.id not in county
            }
            measures.append(
                CoveredMeasure(section, tuple(county.values()), tuple(via.values()), nearer)
            )
        out.append(ParentCoverage(parent, plan, tuple(measures), tuple(draft.parents[:index])))
        loaded.append(plan)
    return out
