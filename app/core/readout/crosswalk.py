"""上级方案任务承接对照表: per parent plan, each of its measures, the county measures taking
it up and how (承接方式), or the county's reason for leaving it out.

One source for the Word 对照表 (app/export/package/crosswalk_doc.py) and the window's
对照表 tab (the 检查与对照 dock). How a measure is taken up:

- 直接承接: taken up and not edited since (the parent clause taken up afresh reads
  as the county's measure does: app/core/operations/take_up.py);
- 调整承接: taken up and edited since;
- 合并承接: the county measure taking it up takes up another measure of the same
  parent too (two parent measures made one, or one taken into a county measure);
- 经《…》承接: not taken up itself, but through a nearer parent's measure that
  descends from it (lineage, app/core/readout/coverage.py);
- 未承接: with the county's reason (Draft.not_taken_up), or 理由待填.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from app.core.draft.model import Draft, Node, ParentPlan
from app.core.operations.take_up import edited_since_take_up
from app.core.plans.resolver import PlanResolver
from app.core.readout.coverage import CoveredMeasure, ParentCoverage, coverage
from app.core.readout.findings import Finding
from app.core.readout.render import labels
from app.core.text.clause_label import printed_place

Manner = Literal["direct", "adjusted", "merged", "via", "missing"]
MANNER_NAMES: dict[str, str] = {
    "direct": "直接承接",
    "adjusted": "调整承接",
    "merged": "合并承接",
    "via": "经{plan}承接",
    "missing": "未承接",
}
CROSSWALK_HEADERS = ("上级措施", "县方案对应措施", "承接方式")
NO_REASON = "理由待填"
_LABEL_MARKS = re.compile(r"[、.．（）()\s]")


@dataclass(frozen=True)
class CrosswalkRow:
    """One parent measure: how the county takes it up."""

    parent_id: str
    """The parent measure's clause id: yinchuan-city:三.一.4."""
    parent: str
    """上级措施 as printed: 三（一）4 大力发展新能源."""
    county_ids: tuple[str, ...]
    """The county nodes taking it up (or, 经…承接, taking up its nearer descendant)."""
    county: tuple[str, ...]
    """县方案对应措施 as printed, one a county node: 三（一）4 推进新能源开发利用."""
    manner: Manner
    via: str = ""
    """经…承接: the nearer parent's title."""
    reason: str = ""
    """未承接: the county's reason; empty: none given yet."""

    @property
    def taken_up(self) -> bool:
        return self.manner != "missing"

    @property
    def manner_text(self) -> str:
        """直接承接, 经银川市方案承接, 未承接 …"""
        return MANNER_NAMES[self.manner].format(plan=short_plan_name(self.via))

    @property
    def county_text(self) -> str:
        return "\n".join(self.county)

    @property
    def cell(self) -> str:
        """The 承接方式 cell: the manner, and for one not taken up, the reason."""
        if self.manner != "missing":
            return self.manner_text
        return f"未承接：{self.reason}" if self.reason else f"未承接（{NO_REASON}）"


def short_plan_name(title: str) -> str:
    """银川市碳达峰实施方案 → 银川市方案 (a 对照表 cell is narrow); another title in 《》."""
    for ending in ("碳达峰实施方案", "碳达峰行动方案"):
        if title.endswith(ending) and len(title) > len(ending):
            return title[: -len(ending)] + "方案"
    return f"《{title}》"


@dataclass(frozen=True)
class ParentCrosswalk:
    """One parent plan's table; `found` False: the plan is not in the library given."""

    parent: ParentPlan
    rows: tuple[CrosswalkRow, ...] = ()
    found: bool = True

    @property
    def taken(self) -> int:
        return sum(row.taken_up for row in self.rows)

    @property
    def heading(self) -> str:
        """《银川市碳达峰实施方案》（措施 34 条，承接 34 条）."""
        return f"《{self.parent.title}》（措施 {len(self.rows)} 条，承接 {self.taken} 条）"


def county_paths(draft: Draft) -> dict[str, str]:
    """Each county node's place as clauses are printed: 三（一）4 (an unnumbered
    sub-item: its measure's)."""
    label_of = labels(draft)
    out: dict[str, str] = {}

    def visit(nodes: tuple[Node, ...], path: tuple[str, ...]) -> None:
        for node in nodes:
            mark = _LABEL_MARKS.sub("", label_of.get(node.id, ""))
            here = (*path, mark) if mark else path
            out[node.id] = printed_place(here)
            visit(node.children, here)

    visit(draft.chapters, ())
    return out


def crosswalk(draft: Draft, plans: PlanResolver) -> list[ParentCrosswalk]:
    """The 对照表 of each parent plan of the draft, in the draft's order of parents."""
    paths = county_paths(draft)
    up: dict[str, Node] = {}
    for node in draft.walk():
        for child in node.children:
            up[child.id] = node
    tables = []
    for parent in coverage(draft, plans):
        if parent.plan is None:
            tables.append(ParentCrosswalk(parent.parent, found=False))
            continue
        walk = _Walk(draft, parent, paths, up)
        tables.append(ParentCrosswalk(parent.parent, tuple(map(walk.row, parent.measures))))
    return tables


class _Walk:
    """What the rows of one parent read of the draft, gathered once."""

    def __init__(
        self, draft: Draft, parent: ParentCoverage, paths: dict[str, str], up: dict[str, Node]
    ) -> None:
        assert parent.plan is not None
        self.draft, self.plan, self.paths, self.up = draft, parent.plan, paths, up
        self.measure_of = {
            part.id: m.section.id for m in parent.measures for part in m.section.walk()
        }
        self.titles = {p.id: p.title for p in draft.parents}

    def row(self, measure: CoveredMeasure) -> CrosswalkRow:
        parent_text = f"{measure.label} {measure.section.title}"
        section_id = measure.section.id
        if measure.county:
            nodes = self._topmost(measure.county)
            manner: Manner = "direct"
            if any(len(self._measures_in(self._enclosing(n))) > 1 for n in nodes):
                manner = "merged"
            elif any(self._edited(n, section_id) for n in nodes):
                manner = "adjusted"
            return self._taken(section_id, parent_text, nodes, manner)
        if measure.via:
            nodes = self._topmost(measure.via)
            nearer = set(measure.nearer)
            plan_id = next(
                (s.plan_id for n in nodes for s in n.sources if s.node in nearer),
                nodes[0].sources[0].plan_id if nodes[0].sources else "",
            )
            row = self._taken(section_id, parent_text, nodes, "via")
            return replace(row, via=self.titles.get(plan_id, plan_id))
        reason = self.draft.not_taken_reason(section_id)
        return CrosswalkRow(section_id, parent_text, (), (), "missing", reason=reason)

    def _taken(
        self, section_id: str, parent_text: str, nodes: list[Node], manner: Manner
    ) -> CrosswalkRow:
        county = tuple(f"{self.paths.get(n.id, '')} {n.title}".strip() for n in nodes)
        return CrosswalkRow(section_id, parent_text, tuple(n.id for n in nodes), county, manner)

    def _topmost(self, nodes: tuple[Node, ...]) -> list[Node]:
        """The nodes none of whose ancestors is among them (a measure, not also its items)."""
        ids = {n.id for n in nodes}
        out = []
        for node in nodes:
            above = self.up.get(node.id)
            while above is not None and above.id not in ids:
                above = self.up.get(above.id)
            if above is None:
                out.append(node)
        return out

    def _enclosing(self, node: Node) -> Node:
        """The county measure holding a node taken up as an item (the node itself otherwise)."""
        while node.level > 3 and node.id in self.up:
            node = self.up[node.id]
        return node

    def _measures_in(self, node: Node) -> set[str]:
        """The measures of this parent a county node (and what it holds) takes up."""
        return {
            self.measure_of[s.node]
            for n in node.walk()
            for s in n.sources
            if s.node in self.measure_of
        }

    def _edited(self, node: Node, section_id: str) -> bool:
        source = next(
            (s.node for s in node.sources if self.measure_of.get(s.node) == section_id), None
        )
        return source is None or edited_since_take_up(self.draft, self.plan, node.id, source)


def reason_findings(draft: Draft, covered: list[ParentCoverage]) -> Iterator[Finding]:
    """One finding a parent plan listing its measures neither taken up nor given a reason
    (from the coverage `check` has already counted: no 对照表 rows needed)."""
    for parent in covered:
        waiting = [m for m in parent.missing if not draft.not_taken_reason(m.section.id)]
        if not waiting:
            continue
        names = "、".join(f"{m.label} {m.section.title}" for m in waiting[:5])
        more = f"等 {len(waiting)} 条" if len(waiting) > 5 else ""
        yield Finding(
            "info",
            "reason-missing",
            f"《{parent.parent.title}》有 {len(waiting)} 条措施未承接且未填理由：{names}{more}",
            "在“检查与对照”的对照表中填写未承接的理由，送审时列入上级方案任务承接对照表",
            data={"parent": parent.parent.id, "not_taken_up": [m.section.id for m in waiting]},
        )


def check_reasons(draft: Draft, plans: PlanResolver) -> list[Finding]:
    """The findings of reason_findings for a draft."""
    return list(reason_findings(draft, coverage(draft, plans)))
