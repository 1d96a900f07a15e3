"""What `check` says about the parent plans: coverage against each (directly or through a
nearer parent), a task taken up twice, and a parent revised while the county drafts —
clauses revised or removed since taken up, measures added (app/core/plans/revisions.py)."""

from __future__ import annotations

from collections.abc import Iterator

from app.core.plans.model import Plan, Section, fingerprint
from app.core.plans.resolver import PlanResolver
from app.core.plans.revisions import added_sections, old_section, section_text
from app.core.readout.coverage import ParentCoverage, coverage
from app.core.readout.crosswalk import reason_findings
from app.core.readout.findings import CheckContext, Finding
from app.core.text.clause_label import clause_label


def check_parents(ctx: CheckContext, plans: PlanResolver) -> Iterator[Finding]:
    """Coverage against each parent, untaken measures without the county's reason, and
    measures whose parent text has changed since."""
    covered = coverage(ctx.draft, plans)  # counted once for the reasons and the coverage
    yield from reason_findings(ctx.draft, covered)
    for parent in covered:
        if parent.plan is None:
            yield Finding(
                "warning",
                "parent-missing",
                f"上级方案“{parent.parent.title}”（{parent.parent.id}）不在方案库中，无法核对来源",
                "导入该方案后再检查",
            )
            continue
        yield from _changed_sources(ctx, parent.plan, plans)
        yield from _added_measures(parent, plans)
        yield _coverage_finding(parent)
        for measure in parent.measures:
            if measure.twice:
                first, second = measure.county[0], measure.via[0]
                yield Finding(
                    "warning",
                    "taken-twice",
                    f"“{first.title}”与“{second.title}”承接的是同一项上级任务"
                    f"（{parent.parent.title} {measure.label} {measure.section.title}）",
                    "保留其一，或合并两条措施",
                    first.id,
                    ctx.where(first),
                    {"parent_clause": measure.section.id, "nodes": [first.id, second.id]},
                )


def _coverage_finding(parent: ParentCoverage) -> Finding:
    """宁夏 43 条：县方案直接或经银川承接 38 条，未承接 5 条（…）."""
    missing = parent.missing
    names = "、".join(f"{m.label} {m.section.title}" for m in missing)
    total = f"上级方案《{parent.parent.title}》：措施 {len(parent.measures)} 条，"
    through = parent.through_nearer
    if parent.nearer and (through or any(m.nearer for m in parent.measures)):
        nearer = "、".join(f"《{p.title}》" for p in parent.nearer)
        text = (
            total
            + f"县方案直接或经{nearer}承接 {len(parent.taken)} 条"
            + f"（直接 {len(parent.direct)} 条，经{nearer} {len(through)} 条）"
            + (f"，未承接 {len(missing)} 条：{names}" if missing else "；全部承接")
        )
    else:
        text = (
            total
            + f"已采纳 {len(parent.taken)} 条"
            + (f"；未采纳：{names}" if missing else "；全部采纳")
        )
    return Finding(
        "info",
        "coverage",
        text,
        "",
        data={
            "parent": parent.parent.id,
            "measures": len(parent.measures),
            "taken_up": len(parent.taken),
            "direct": len(parent.direct),
            "through_nearer": len(through),
            "not_taken_up": [m.section.id for m in missing],
            "not_descended": [m.section.id for m in parent.not_descended],
        },
    )


def _changed_sources(ctx: CheckContext, plan: Plan, plans: PlanResolver) -> Iterator[Finding]:
    """County nodes whose parent clause was revised (its text differs from the one taken up)
    or removed in the plan's current version.

    The plan's sections are indexed by id and each fingerprinted once, however many
    county nodes take it up; earlier versions are read only for a clause that changed.
    """
    sections: dict[str, Section] = {}
    for section in plan.walk():
        sections.setdefault(section.id, section)  # the first, as Plan.find has it
    prints: dict[str, str] = {}
    for node in ctx.draft.walk():
        for source in node.sources:
            if source.plan_id != plan.id:
                continue
            section = sections.get(source.node)
            if section is not None:
                if section.id not in prints:
                    prints[section.id] = fingerprint(section)
                if prints[section.id] == source.fingerprint:
                    continue
            old = old_section(plan, source.node, source.fingerprint, plans)
            old_text = section_text(old) if old is not None else ""
            data = {
                "node": node.id,
                "parent_clause": source.node,
                "source": source.node,
                "revision": plan.revision,
                "old_text": old_text,
            }
            label = clause_label(source.node)
            if section is None:
                yield Finding(
                    "warning",
                    "parent-removed",
                    f"上级方案《{plan.title}》第 {plan.revision} 版已删去所承接的条款 {label}"
                    + (f"（{old.title}）" if old is not None else ""),
                    "确认本县是否保留此措施",
                    node.id,
                    ctx.where(node),
                    data,
                )
                continue
            yield Finding(
                "warning",
                "parent-revised",
                f"上级已修订：《{plan.title}》第 {plan.revision} 版的条款 {label}"
                f"（{section.title}）与采纳时的文字不同",
                "对照上级新文字：采用新文字、保留本县文字，或标为已核对",
                node.id,
                ctx.where(node),
                {**data, "new_text": section_text(section)},
            )


def _added_measures(parent: ParentCoverage, plans: PlanResolver) -> Iterator[Finding]:
    """Measures of the plan's current version that no earlier version had, not taken up."""
    if parent.plan is None or parent.plan.revision <= 1:
        return
    open_ = {m.section.id: m for m in parent.measures if not m.taken_up}
    for section in added_sections(parent.plan, [m.section for m in parent.measures], plans):
        if section.id not in open_:
            continue
        label = clause_label(section.id)
        yield Finding(
            "info",
            "parent-added",
            f"上级方案《{parent.parent.title}》第 {parent.plan.revision} 版新增措施 {label}"
            f"（{section.title}），本县尚未承接",
            "如需承接，可从上级方案中采纳",
            "",
            "",
            {
                "parent_clause": section.id,
                "revision": parent.plan.revision,
                "new_text": section_text(section),
            },
        )
