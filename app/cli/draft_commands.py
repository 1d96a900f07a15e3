"""`peakplan new`, `check` and `export`: a county draft from its parents to its files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    MONTH,
    fail,
    load_draft_arg,
    print_json,
)
from app.core.errors import PeakPlanError
from app.core.files import os_reason
from app.core.plans.resolver import PlanResolver

# ---------------------------------------------------------------- new


def cmd_new(args: argparse.Namespace) -> int:
    from app.core.draft.files import save_draft, with_draft_suffix
    from app.core.operations.content import set_meta
    from app.core.operations.new_draft import as_is, nearest_first, new_draft
    from app.core.plans.library import find_plan

    out = with_draft_suffix(args.output)
    if out.exists() and not args.force:
        return fail(str(out), "文件已存在，未覆盖（如确需覆盖，请加 --force）")
    if args.date and not MONTH.fullmatch(args.date):
        return fail("peakplan new", f"--date 应为 YYYY-MM（如 2023-09），而不是“{args.date}”")
    cover = {"date": args.date, "commissioned_by": args.commissioner, "drafted_by": args.drafter}
    if args.from_plan:
        if not args.as_is:
            return fail("peakplan new", "--from-plan 需要与 --as-is 一起使用")
        plan = find_plan(args.from_plan)
        draft = as_is(plan)
        given = {field: value for field, value in cover.items() if value}
        if given:
            draft = set_meta(draft, **given)
        reports = []
    else:
        missing = [n for n, v in (("--county", args.county), ("--from", args.sources)) if not v]
        if missing:
            return fail("peakplan new", f"缺少参数 {'、'.join(missing)}")
        if args.all and args.actions:
            return fail("peakplan new", "--all 与 --actions 只能选一个")
        found = [find_plan(source) for source in dict.fromkeys(args.sources)]
        ordered = nearest_first(found)
        if ordered != found:
            names = "、".join(p.id for p in ordered)
            print(f"提示：上级方案按由近及远排列为 {names}", file=sys.stderr)
        plan, farther = ordered[0], tuple(ordered[1:])
        actions = (
            None if args.all or not args.actions else args.actions.replace("，", ",").split(",")
        )
        draft, reports = new_draft(
            county=args.county,
            city=args.city or "",
            region=args.region or "",
            plan=plan,
            actions=actions,
            stage=args.stage,
            farther=farther,
            **cover,
        )
    try:
        save_draft(draft, out)
    except PeakPlanError as exc:
        return fail(str(out), exc.one_line())
    measures = sum(1 for _ in draft.measures())
    print(
        f"已创建：{out}（{draft.meta.document_title}，{measures} 条措施，{len(draft.targets)} 个目标）"
    )
    unmapped = list(dict.fromkeys(u for r in reports for u in r.unmapped_units))
    if unmapped:
        print(
            f"提示：{len(unmapped)} 个上级单位在县单位目录中没有对应，已原样保留：{'、'.join(unmapped)}",
            file=sys.stderr,
        )
    return EXIT_OK


# ---------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    from app.core.readout.checks import check_draft

    where = "示例" if args.demo else (args.draft or "peakplan check")
    try:
        draft = load_draft_arg(args)
    except PeakPlanError as exc:
        return fail(where, exc.one_line())
    findings = check_draft(draft, PlanResolver.library())
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    if args.json:
        print_json(
            {
                "title": draft.meta.document_title,
                "errors": errors,
                "warnings": warnings,
                "findings": [f.as_json() for f in findings],
            }
        )
    else:
        for finding in findings:
            print(finding.line())
        print(f"共 {errors} 个错误，{warnings} 个警告。")
    return EXIT_FINDINGS if errors else EXIT_OK


# ---------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace) -> int:
    from app.export.files import export_draft

    where = "示例" if args.demo else (args.draft or "peakplan export")
    try:
        draft = load_draft_arg(args)
    except PeakPlanError as exc:
        return fail(where, exc.one_line())
    from app.export.style import style_problem

    problem = style_problem(draft.layout.style)
    if problem:  # the house style is used: said once, the export goes on
        print(f"提示：{problem}", file=sys.stderr)
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)  # ARCHITECTURE.md: DIR made if missing
    except OSError as exc:
        reason = "不是文件夹" if out.exists() else os_reason(exc)
        return fail(str(out), f"无法导出：{reason}")
    try:
        result = export_draft(
            draft,
            out,
            plans=PlanResolver.library(),
            word=not args.excel_only,
            excel=not args.word_only,
            comments=not args.clean,
        )
    except PeakPlanError as exc:
        return fail(str(out), exc.one_line())
    for path in (result.word, result.excel):
        if path is not None:
            print(path)
    if args.package:  # the 送审 package beside the draft (app/export/package.py)
        from app.export.package import export_package

        try:
            package = export_package(draft, out, PlanResolver.library())
        except PeakPlanError as exc:
            return fail(str(out), exc.one_line())
        for path in package.paths:
            print(path)
        for note in package.notes:
            print(note)
    line = result.questions_line()
    if line:
        print(line)
    return EXIT_OK
