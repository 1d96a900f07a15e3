"""A new draft (`peakplan new`, 文件 › 新建) and the consistency check (`peakplan check`,
检查 › 检查全文)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.draft.model import Draft
from app.core.plans.resolver import PlanResolver
from app.tasks.result import TaskError, TaskResult

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")
"""The cover's month (二〇二三年九月) as given: YYYY-MM (a day after it, as the wizard reads a
date, is kept and not printed)."""


def _cover(date: str, commissioned_by: str, drafted_by: str) -> dict[str, str]:
    if date and not MONTH.fullmatch(date):
        raise TaskError("", f"--date 应为 YYYY-MM（如 2023-09），而不是“{date}”")
    return {"date": date, "commissioned_by": commissioned_by, "drafted_by": drafted_by}


def _summary(draft: Draft, reports: Sequence = ()) -> TaskResult:
    from app.core.readout.task_rows import task_row_nodes

    measures = len(
        task_row_nodes(draft)
    )  # as the 任务分工表 counts them: an action with no items is one
    lines = [f"{draft.meta.document_title}，{measures} 条措施，{len(draft.targets)} 个目标"]
    notes = []
    unmapped = list(dict.fromkeys(u for r in reports for u in r.unmapped_units))
    if unmapped:
        notes.append(
            f"提示：{len(unmapped)} 个上级单位在县单位目录中没有对应，已原样保留：{'、'.join(unmapped)}"
        )
    return TaskResult(lines=lines, notes=notes, draft=draft)


def new_from_parents(
    *,
    county: str,
    sources: Sequence[str],
    city: str = "",
    region: str = "",
    actions: list[str] | None = None,
    stage: str = "征求意见稿",
    date: str = "",
    commissioned_by: str = "",
    drafted_by: str = "",
    committee: tuple = (),
    catalogue_id: str | None = None,
    keep_first: bool = False,
) -> TaskResult:
    """A county draft from its parents' plan ids, adapted. The nearest parent is taken up
    (the first when `keep_first`; otherwise the parents are put nearest first, and the user
    told when that changed their order); the others are offered."""
    from app.core.operations.new_draft import nearest_first, new_draft
    from app.core.plans.library import find_plan

    missing = [n for n, v in (("--county", county), ("--from", sources)) if not v]
    if missing:
        raise TaskError("", f"缺少参数 {'、'.join(missing)}")
    cover = _cover(date, commissioned_by, drafted_by)
    found = [find_plan(source) for source in dict.fromkeys(sources)]
    ordered = found[:1] + nearest_first(found[1:]) if keep_first else nearest_first(found)
    notes = []
    if ordered != found:
        notes.append(f"提示：上级方案按由近及远排列为 {'、'.join(p.id for p in ordered)}")
    extra = {"catalogue_id": catalogue_id} if catalogue_id else {}
    draft, reports = new_draft(
        county=county,
        city=city,
        region=region,
        plan=ordered[0],
        actions=actions,
        stage=stage,
        farther=tuple(ordered[1:]),
        committee=committee,
        **cover,
        **extra,
    )
    result = _summary(draft, reports)
    result.notes[:0] = notes
    return result


def new_as_is(
    plan_id: str, *, date: str = "", commissioned_by: str = "", drafted_by: str = ""
) -> TaskResult:
    """A published plan opened as a draft, unadapted (its task table too)."""
    from app.core.operations.content import set_meta
    from app.core.operations.new_draft import as_is
    from app.core.plans.library import find_plan

    cover = _cover(date, commissioned_by, drafted_by)
    draft = as_is(find_plan(plan_id))
    given = {key: value for key, value in cover.items() if value}
    return _summary(set_meta(draft, **given) if given else draft)


def check(draft: Draft, plans: PlanResolver) -> TaskResult:
    """Every finding, one line each, and the count; not ok when there is an error."""
    from app.core.readout.checks import check_draft

    findings = check_draft(draft, plans)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return TaskResult(
        lines=[f.line() for f in findings] + [f"共 {errors} 个错误，{warnings} 个警告。"],
        ok=not errors,
        data={
            "title": draft.meta.document_title,
            "errors": errors,
            "warnings": warnings,
            "findings": [f.as_json() for f in findings],
        },
    )
