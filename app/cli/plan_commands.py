"""`peakplan plans` and `peakplan import-plan`: the plan library, and a newer version of a plan
in it (`--replaces PLAN-ID`, or the same title with a later stage or date)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import EXIT_OK, fail, print_json
from app.core.errors import PeakPlanError
from app.core.files import same_file
from app.core.plans.library import (
    list_plans,
    save_plan,
    version_path,
)
from app.core.plans.model import LEVEL_NAMES, Plan
from app.core.plans.summary import plan_summary

# ---------------------------------------------------------------- plans


def cmd_plans(args: argparse.Namespace) -> int:
    entries = list_plans()
    if args.json:
        print_json([e.as_json() for e in entries])
        return EXIT_OK
    if not entries:
        print("方案库为空。")
        return EXIT_OK
    for entry in entries:
        origin = "内置" if entry.builtin else "导入"
        if entry.problem:
            print(f"{entry.id}\t[{origin}]\t无法读取：{entry.problem}\t{entry.path}")
            continue
        level = LEVEL_NAMES.get(entry.level, entry.level)
        stage = f"（{entry.stage}）" if entry.stage and entry.stage != "印发" else ""
        print(
            f"{entry.id}\t[{origin}]\t{level}级\t{entry.title}{stage}\t{entry.date}"
            f"\t第 {entry.revision} 版"
        )
    return EXIT_OK


# ---------------------------------------------------------------- import-plan


def _summary(plan: Plan) -> list[str]:
    lines = [f"{plan.title}（{LEVEL_NAMES.get(plan.level, plan.level)}级，编号 {plan.id}）"]
    lines.append("章：" + "、".join(s.heading for s in plan.sections))
    areas = plan.task_areas()
    if areas:
        measures = sum(len(a.children) for a in areas)
        lines.append(f"重点任务：{len(areas)} 项行动，{measures} 条措施")
    clauses = sum(1 for s in plan.walk() if s.clause)
    targets = sum(len(s.targets) for s in plan.walk())
    lines.append(f"责任单位条款 {clauses} 处，目标 {targets} 个")
    if plan.task_table:
        lines.append(f"任务分工表 {len(plan.task_table)} 行")
    return lines


def _version_words(plan: Plan) -> str:
    return "，".join(part for part in (plan.stage or "未注明稿本", plan.date) if part)


def _older_path(plan: Plan) -> Path:
    return version_path(plan.id, plan.revision - 1)


def cmd_import_plan(args: argparse.Namespace) -> int:
    from app.importer import import_plan, import_to_library

    source = Path(args.file)
    replaces = getattr(args, "replaces", None)
    if args.output and replaces:
        return fail(str(source), "--replaces 与 -o 不能同时使用（新版本存入方案库）")
    saved: Path | None = None
    if args.output or (args.json and not replaces):
        try:
            result = import_plan(source, plan_id=args.id, level=args.level)
        except PeakPlanError as exc:
            return fail(str(source), exc.one_line())
        plan = result.plan
        if args.output:
            out = Path(args.output)
            if out.is_dir():
                out = out / f"{plan.id}.json"
            if same_file(out, source):
                return fail(str(out), "输出文件就是要读取的方案文件，未覆盖（请换一个输出文件名）")
            if out.exists() and not args.force:
                return fail(str(out), "文件已存在，未覆盖（如确需覆盖，请加 --force）")
            try:
                saved = save_plan(plan, out)
            except PeakPlanError as exc:
                return fail(str(out), exc.one_line())
    else:
        # into the library: linked to the plans above it, a newer version stored as such
        try:
            result, saved = import_to_library(
                source, plan_id=args.id, level=args.level, replaces=replaces
            )
        except PeakPlanError as exc:
            return fail(str(source), exc.one_line())
        plan = result.plan
    for note in result.notes:
        print(f"提示：{note}", file=sys.stderr)
    if args.json:
        print_json(plan_summary(plan))
        return EXIT_OK
    for line in _summary(plan):
        print(line)
    if result.replaced:
        print(
            f"已替换：{result.replaced}，现为第 {plan.revision} 版"
            f"（旧版本保留，见 {_older_path(plan)}）"
        )
    if saved is not None:
        print(f"已保存：{saved}")
    return EXIT_OK
