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


@dataclass(frozen=True)
class CoveredMeasure:
    section: Section
    county: tuple[Node, ...]
    """The county nodes taking up the measure or a part of it, in document order."""

    @property
    def label(self) -> str:
        """三.一.4, the measure's place in its plan."""
        return self.section.id.split(":", 1)[-1]

    @property
    def taken_up(self) -> bool:
        return bool(self.county)


@dataclass(frozen=True)
class ParentCoverage:
    parent: ParentPlan
    plan: Plan | None
    """None: the plan is not in the library the session was given."""
    measures: tuple[CoveredMeasure, ...] = ()

    @property
    def taken(self) -> list[CoveredMeasure]:
        return [m for m in self.measures if m.taken_up]

    @property
    def missing(self) -> list[CoveredMeasure]:
        return [m for m in self.measures if not m.taken_up]


def _parent_measures(plan: Plan) -> list[Section]:
    return [m for action in plan.task_areas() for m in action.children]


def taking_up(draft: Draft) -> dict[str, list[Node]]:
    """Parent node id → the county nodes that take it up."""
    out: dict[str, list[Node]] = {}
    for node in draft.walk():
        for source in node.sources:
            out.setdefault(source.node, []).append(node)
    return out


def coverage(draft: Draft, plans: PlanResolver) -> list[ParentCoverage]:
    """For each parent plan of the draft, its measures and the county nodes taking them up."""
    takers = taking_up(draft)
    out: list[ParentCoverage] = []
    for parent in draft.parents:
        plan = plans(parent.id)
        if plan is None:
            out.append(ParentCoverage(parent, None))
            continue
        measures = []
        for section in _parent_measures(plan):
            county = {node.id: node for part in section.walk() for node in takers.get(part.id, [])}
            measures.append(CoveredMeasure(section, tuple(county.values())))
        out.append(ParentCoverage(parent, plan, tuple(measures)))
    return out
