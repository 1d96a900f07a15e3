"""The command line: `peakplan plans`, `peakplan import-plan`, …

Same core as the desktop app, no Qt. Exit codes: 0 ok, 1 findings or failed
checks, 2 bad input (unreadable, invalid, unsupported) with one line on
stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from pathlib import Path

from app import __version__
from app.core.draft.files import is_draft_path
from app.core.errors import PeakPlanError
from app.core.files import os_reason, same_file
from app.core.plans.library import add_user_plan, list_plans, load_plan, save_plan
from app.core.plans.model import LEVEL_NAMES, Plan
from app.core.plans.resolver import PlanResolver
from app.core.plans.summary import plan_summary

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
"""--date: a month as the cover prints it (二〇二三年九月)."""


def _configure_stdio() -> None:
    """Chinese output even where the console's code page is not UTF-8 (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]


def _fail(where: str, message: str) -> int:
    """One line on stderr: a file name with a newline or a control character is escaped."""
    where = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in where)
    print(f"peakplan: {where}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- plans


def cmd_plans(args: argparse.Namespace) -> int:
    entries = list_plans()
    if args.json:
        _print_json([e.as_json() for e in entries])
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
        print(f"{entry.id}\t[{origin}]\t{level}级\t{entry.title}{stage}\t{entry.date}")
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


def cmd_import_plan(args: argparse.Namespace) -> int:
    from app.importer import import_plan

    source = Path(args.file)
    try:
        result = import_plan(source, plan_id=args.id, level=args.level)
    except PeakPlanError as exc:
        return _fail(str(source), exc.one_line())
    plan = result.plan
    if args.output:
        out = Path(args.output)
        if out.is_dir():
            out = out / f"{plan.id}.json"
        if same_file(out, source):
            return _fail(str(out), "输出文件就是要读取的方案文件，未覆盖（请换一个输出文件名）")
        if out.exists() and not args.force:
            return _fail(str(out), "文件已存在，未覆盖（如确需覆盖，请加 --force）")
        try:
            saved = save_plan(plan, out)
        except PeakPlanError as exc:
            return _fail(str(out), exc.one_line())
    elif args.json:
        saved = None
    else:
        try:
            saved = add_user_plan(plan)
        except PeakPlanError as exc:
            return _fail(str(source), exc.one_line())
        plan = load_plan(saved)  # the library may have given it another id
    for note in result.notes:
        print(f"提示：{note}", file=sys.stderr)
    if args.json:
        _print_json(plan_summary(plan))
        return EXIT_OK
    for line in _summary(plan):
        print(line)
    if saved is not None:
        print(f"已保存：{saved}")
    return EXIT_OK


# ---------------------------------------------------------------- new


def cmd_new(args: argparse.Namespace) -> int:
    from app.core.draft.files import save_draft, with_draft_suffix
    from app.core.operations.content import set_meta
    from app.core.operations.new_draft import as_is, new_draft
    from app.core.plans.library import find_plan

    out = with_draft_suffix(args.output)
    if out.exists() and not args.force:
        return _fail(str(out), "文件已存在，未覆盖（如确需覆盖，请加 --force）")
    if args.date and not _MONTH.fullmatch(args.date):
        return _fail("peakplan new", f"--date 应为 YYYY-MM（如 2023-09），而不是“{args.date}”")
    cover = {"date": args.date, "commissioned_by": args.commissioner, "drafted_by": args.drafter}
    if args.from_plan:
        if not args.as_is:
            return _fail("peakplan new", "--from-plan 需要与 --as-is 一起使用")
        plan = find_plan(args.from_plan)
        draft = as_is(plan)
        given = {field: value for field, value in cover.items() if value}
        if given:
            draft = set_meta(draft, **given)
        reports = []
    else:
        missing = [n for n, v in (("--county", args.county), ("--from", args.source)) if not v]
        if missing:
            return _fail("peakplan new", f"缺少参数 {'、'.join(missing)}")
        if args.all and args.actions:
            return _fail("peakplan new", "--all 与 --actions 只能选一个")
        plan = find_plan(args.source)
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
            **cover,
        )
    try:
        save_draft(draft, out)
    except PeakPlanError as exc:
        return _fail(str(out), exc.one_line())
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


def _load_draft_arg(args: argparse.Namespace):
    from app.core.draft.demo import load_demo
    from app.core.draft.files import load_draft

    if args.demo:
        return load_demo()
    if not args.draft:
        raise PeakPlanError("请给出起草文件，或使用 --demo")
    return load_draft(args.draft)


def cmd_check(args: argparse.Namespace) -> int:
    from app.core.readout.checks import check_draft

    where = "示例" if args.demo else (args.draft or "peakplan check")
    try:
        draft = _load_draft_arg(args)
    except PeakPlanError as exc:
        return _fail(where, exc.one_line())
    findings = check_draft(draft, PlanResolver.library())
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    if args.json:
        _print_json(
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
        draft = _load_draft_arg(args)
    except PeakPlanError as exc:
        return _fail(where, exc.one_line())
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)  # ARCHITECTURE.md: DIR made if missing
    except OSError as exc:
        reason = "不是文件夹" if out.exists() else os_reason(exc)
        return _fail(str(out), f"无法导出：{reason}")
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
        return _fail(str(out), exc.one_line())
    for path in (result.word, result.excel):
        if path is not None:
            print(path)
    line = result.questions_line()
    if line:
        print(line)
    return EXIT_OK


# ---------------------------------------------------------------- entry


def _run_gui(path: str | None = None) -> int:
    """`peakplan` with no command (or with a .peakplan file) opens the desktop app; Qt loads only here."""
    try:
        from app.gui.app import run
    except ImportError as exc:
        return _fail("peakplan", f"无法启动窗口程序（{exc}），命令行用法见 peakplan --help")
    return run([sys.argv[0], *([path] if path else [])])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peakplan",
        description="碳达峰方案起草助手：从上级方案起草县级碳达峰实施方案",
    )
    parser.add_argument("--version", action="version", version=f"peakplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    plans = sub.add_parser("plans", help="列出方案库（内置参考方案和导入的方案）")
    plans.add_argument("--json", action="store_true", help="以 JSON 输出")
    plans.set_defaults(handler=cmd_plans)

    imp = sub.add_parser(
        "import-plan",
        help="读取 .txt/.docx/.doc/.wps/.pdf 方案文件或保存的网页（.html/.htm/.mhtml）",
    )
    imp.add_argument("file", metavar="FILE", help="方案文件")
    imp.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="把结构化方案写到此 JSON 文件（或文件夹），而不是方案库",
    )
    imp.add_argument("--force", action="store_true", help="覆盖 -o 指定的已存在文件")
    imp.add_argument("--json", action="store_true", help="在标准输出打印方案结构（不存入方案库）")
    imp.add_argument("--id", help="方案编号（默认取文件名）")
    imp.add_argument(
        "--level",
        choices=["national", "region", "province", "city", "county", "zone"],
        help="方案层级（默认从标题判断）",
    )
    imp.set_defaults(handler=cmd_import_plan)

    new = sub.add_parser("new", help="新建起草文件：采纳上级方案的行动，或按原样打开一个方案")
    new.add_argument("--county", help="县名，如 永宁县")
    new.add_argument("--city", help="所属市，如 银川市")
    new.add_argument("--region", help="所属自治区/省，如 宁夏回族自治区")
    new.add_argument(
        "--from", dest="source", metavar="PLAN-ID", help="上级方案编号（见 peakplan plans）"
    )
    scope = new.add_mutually_exclusive_group()
    scope.add_argument("--all", action="store_true", help="采纳全部行动（默认）")
    scope.add_argument("--actions", metavar="一,二", help="只采纳这些行动（按编号）")
    new.add_argument("--stage", choices=["征求意见稿", "送审稿"], default="征求意见稿", help="稿本")
    new.add_argument("--drafter", default="", metavar="D", help="编制单位（印在封面）")
    new.add_argument("--commissioner", default="", metavar="U", help="委托单位（印在封面）")
    new.add_argument(
        "--date", default="", metavar="YYYY-MM", help="成稿年月，封面写作“二〇二三年九月”"
    )
    new.add_argument(
        "--from-plan", metavar="PLAN-ID", help="按原样打开的方案编号（与 --as-is 一起用）"
    )
    new.add_argument(
        "--as-is", action="store_true", help="不作调整，原样转为起草文件（含任务分工表）"
    )
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="起草文件（.peakplan）")
    new.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    new.set_defaults(handler=cmd_new)

    check = sub.add_parser("check", help="检查起草文件的一致性；有错误时退出码为 1")
    check.add_argument("draft", nargs="?", metavar="DRAFT", help="起草文件（.peakplan）")
    check.add_argument("--demo", action="store_true", help="检查内置示例（平罗县）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    check.set_defaults(handler=cmd_check)

    export = sub.add_parser("export", help="导出 Word 文稿和任务分工表（Excel）")
    export.add_argument("draft", nargs="?", metavar="DRAFT", help="起草文件（.peakplan）")
    export.add_argument("--demo", action="store_true", help="导出内置示例（平罗县）")
    export.add_argument("-o", "--output", required=True, metavar="DIR", help="输出文件夹")
    only = export.add_mutually_exclusive_group()
    only.add_argument("--word-only", action="store_true", help="只导出 Word 文稿")
    only.add_argument("--excel-only", action="store_true", help="只导出任务分工表")
    export.add_argument(
        "--clean", action="store_true", help="Word 文稿不附批注（默认把待定事项作为批注标出）"
    )
    export.set_defaults(handler=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    _configure_stdio()
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 1 and is_draft_path(argv[0]):
        return _run_gui(argv[0])  # double-clicked draft, "open with"
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        return _run_gui()
    try:
        return handler(args)
    except PeakPlanError as exc:
        where = (
            getattr(args, "file", None)
            or getattr(args, "draft", None)
            or f"peakplan {args.command}"
        )
        return _fail(where, exc.one_line())
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("PEAKPLAN_DEBUG"):
            raise
        where = getattr(args, "file", None) or getattr(args, "draft", None) or args.command
        return _fail(where, f"程序内部错误（{type(exc).__name__}: {exc}），请把此文件发给开发者")


if __name__ == "__main__":
    sys.exit(main())
