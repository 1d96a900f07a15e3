"""A revised parent's text taken up where it changed (`peakplan rebase`, 上级方案 ›
采用上级修订…)."""

from __future__ import annotations

from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.core.plans.resolver import PlanResolver
from app.core.text.clause_label import clause_label
from app.tasks.result import TaskError, TaskResult

NOTHING = "上级方案没有修订本起草文件所承接的条款，未作修改。"


def rebase_draft(draft: Draft, plans: PlanResolver, to: str | None = None) -> TaskResult:
    """Every measure whose parent clause reads otherwise now takes the new text, merged with
    the county's edits; `to` = PLAN-ID[@N] limits it to one parent (at version N). Not ok
    when something needs the user (a conflict, a removed clause, an unknown base)."""
    from app.core.operations.revised_parent.rebase import rebase
    from app.core.operations.revised_parent.rebase_undo import keep_before_rebase
    from app.core.plans.library import find_plan_or_none, load_version
    from app.core.plans.revisions import split_ref
    from app.core.readout.findings import CheckContext

    plan_id = None
    if to:
        plan_id, _revision = split_ref(to)
        if not any(parent.id == plan_id for parent in draft.parents):
            known = "、".join(p.id for p in draft.parents) or "无"
            raise TaskError("", f"{plan_id} 不是此起草文件的上级方案（上级方案：{known}）")
        try:
            chosen = load_version(to)
        except PeakPlanError as exc:
            raise TaskError(to, exc.one_line()) from exc
        plans = PlanResolver(lambda pid: chosen if pid == plan_id else find_plan_or_none(pid))
    before = CheckContext(draft)
    try:  # the draft as it was, kept as the version 采用上级修订前 (rebase --undo puts it back)
        kept = keep_before_rebase(draft)
    except PeakPlanError as exc:
        raise TaskError("", exc.one_line()) from exc
    rebased, report = rebase(kept, plans, plan_id)
    if rebased == kept:  # nothing taken up: no version kept either
        rebased = draft

    def where(node_id: str) -> str:
        node = draft.find(node_id)
        return before.where(node) if node is not None else node_id

    def clause(section_id: str) -> str:
        return clause_label(section_id)

    lines = [f"已采用上级新文字：{where(n)}" for n in report.applied]
    lines += [
        f"部分采用：{where(n)}（上级 {clause(s)}）与本县修改冲突之处保留本县文字，已列为待定事项"
        for n, s in report.conflicts
    ]
    lines += [
        f"未能采用：{where(n)}：上级已删去所承接的条款 {clause(s)}，请确认是否保留"
        for n, s in report.removed
    ]
    lines += [
        f"未能采用：{where(n)}：采纳时的上级条款 {clause(s)} 的版本不在方案库中，"
        "无法合并，请对照后手工修改"
        for n, s in report.unknown_base
    ]
    pending = len(report.conflicts) + len(report.removed) + len(report.unknown_base)
    return TaskResult(
        lines=lines or [NOTHING],
        draft=rebased,
        ok=report.complete,
        data={"applied": len(report.applied), "pending": pending},
    )


def rebase_summary(result: TaskResult, saved: str) -> str:
    """The closing line: how many taken up, how many need the user, and where it was saved."""
    counts = result.data if isinstance(result.data, dict) else {}
    return f"共采用 {counts.get('applied', 0)} 条，{counts.get('pending', 0)} 处需要处理{saved}。"


def undo_rebase(draft: Draft) -> TaskResult:
    """The draft as it was before the last rebase (the version 采用上级修订前); what it
    replaces is kept as a version first."""
    from app.core.operations.revised_parent.rebase_undo import undo_rebase as undo

    try:
        restored, name = undo(draft)
    except PeakPlanError as exc:
        raise TaskError("", exc.one_line()) from exc
    return TaskResult(lines=[f"已恢复版本“{name}”（撤销前的内容已另存为版本）"], draft=restored)
