"""The plan library: what it holds (`peakplan plans`, 文件 › 方案库…) and a plan file read
into it (`peakplan import-plan`, 文件 › 导入上级方案…, a file dropped on the window)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.files import same_file
from app.core.plans.library import list_plans, save_plan, version_path
from app.core.plans.model import LEVEL_NAMES, Plan
from app.core.plans.summary import plan_summary
from app.tasks.result import TaskError, TaskResult


def library_listing() -> TaskResult:
    """One line per plan in the library (built in and imported), and its JSON form."""
    entries = list_plans()
    lines = [] if entries else ["方案库为空。"]
    for entry in entries:
        origin = "内置" if entry.builtin else "导入"
        if entry.problem:
            lines.append(f"{entry.id}\t[{origin}]\t无法读取：{entry.problem}\t{entry.path}")
            continue
        level = LEVEL_NAMES.get(entry.level, entry.level)
        stage = f"（{entry.stage}）" if entry.stage and entry.stage != "印发" else ""
        lines.append(
            f"{entry.id}\t[{origin}]\t{level}级\t{entry.title}{stage}\t{entry.date}"
            f"\t第 {entry.revision} 版"
        )
    return TaskResult(lines=lines, data=[e.as_json() for e in entries])


def plan_lines(plan: Plan) -> list[str]:
    """What an imported plan holds, as the user checks it: chapters, actions, clauses."""
    lines = [f"{plan.title}（{LEVEL_NAMES.get(plan.level, plan.level)}级，编号 {plan.id}）"]
    lines.append("章：" + "、".join(s.heading for s in plan.sections))
    areas = plan.task_areas()
    if areas:
        measures = sum(len(a.children) or 1 for a in areas)  # an action with no items is one
        lines.append(f"重点任务：{len(areas)} 项行动，{measures} 条措施")
    clauses = sum(1 for s in plan.walk() if s.clause)
    targets = sum(len(s.targets) for s in plan.walk())
    lines.append(f"责任单位条款 {clauses} 处，目标 {targets} 个")
    if plan.task_table:
        lines.append(f"任务分工表 {len(plan.task_table)} 行")
    return lines


@dataclass
class PlanImported(TaskResult):
    plan: Plan | None = None
    imported: object = None
    """The importer's ImportResult (its notes, the level and how sure it is)."""
    stored: Path | None = None
    """Where the library keeps it (None: not put in the library)."""


def import_plan_file(
    source: str | Path,
    *,
    output: str | Path | None = None,
    force: bool = False,
    plan_id: str | None = None,
    level: str | None = None,
    replaces: str | None = None,
    keep: bool = True,
) -> PlanImported:
    """Read a plan file: into the library (linked to the plans above it, a newer version of a
    plan stored as its next revision), or to `output`, or nowhere (`keep=False`)."""
    from app.importer import import_plan, import_to_library

    source = Path(source)
    if output and replaces:
        raise TaskError(str(source), "--replaces 与 -o 不能同时使用（新版本存入方案库）")
    saved: Path | None = None
    stored: Path | None = None
    if output or not keep:
        result = _read(import_plan, source, plan_id=plan_id, level=level)
        if output:
            out = Path(output)
            if out.is_dir():
                out = out / f"{result.plan.id}.json"
            if same_file(out, source):
                raise TaskError(
                    str(out), "输出文件就是要读取的方案文件，未覆盖（请换一个输出文件名）"
                )
            if out.exists() and not force:
                raise TaskError(str(out), "文件已存在，未覆盖（如确需覆盖，请加 --force）")
            saved = _write(result.plan, out)
    else:
        result, stored = _read(
            import_to_library, source, plan_id=plan_id, level=level, replaces=replaces
        )
        saved = stored
    plan = result.plan
    lines = plan_lines(plan)
    if result.replaced:
        older = version_path(plan.id, plan.revision - 1)
        lines.append(
            f"已替换：{result.replaced}，现为第 {plan.revision} 版（旧版本保留，见 {older}）"
        )
    if saved is not None:
        lines.append(f"已保存：{saved}")
    return PlanImported(
        lines=lines,
        notes=[f"提示：{note}" for note in result.notes],
        written=[saved] if saved else [],
        data=plan_summary(plan),
        plan=plan,
        imported=result,
        stored=stored,
    )


def _read(reader, source: Path, **options):
    from app.core.errors import PeakPlanError

    try:
        return reader(source, **options)
    except TaskError:
        raise
    except PeakPlanError as exc:
        raise TaskError(str(source), exc.one_line()) from exc


def _write(plan: Plan, out: Path) -> Path:
    from app.core.errors import PeakPlanError

    try:
        return save_plan(plan, out)
    except PeakPlanError as exc:
        raise TaskError(str(out), exc.one_line()) from exc
