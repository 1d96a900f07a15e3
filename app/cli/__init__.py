"""The command line: `peakplan plans`, `peakplan import-plan`, …

Same core as the desktop app, no Qt. Exit codes: 0 ok, 1 findings or failed
checks, 2 bad input (unreadable, invalid, unsupported) with one line on
stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from app.cli.common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, configure_stdio, fail
from app.cli.draft_commands import cmd_check, cmd_export, cmd_new
from app.cli.feedback_command import add_feedback_parser
from app.cli.parser import GIVEN, ChineseParser
from app.cli.plan_commands import cmd_import_plan, cmd_plans
from app.cli.rebase_command import add_rebase_parser
from app.cli.version_command import add_version_parsers
from app.core.errors import PeakPlanError

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "build_parser", "main"]

# ---------------------------------------------------------------- entry


def _run_gui(path: str | None = None) -> int:
    """`peakplan` with no command (or with a .peakplan file) opens the desktop app; Qt loads only here."""
    try:
        from app.gui.app import run
    except ImportError as exc:
        return fail("peakplan", f"无法启动窗口程序（{exc}），命令行用法见 peakplan --help")
    return run([sys.argv[0], *([path] if path else [])])


class _VersionAction(argparse.Action):
    """`--version`, reading the installed metadata only when asked (app/__init__.py)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        kwargs.setdefault("default", argparse.SUPPRESS)
        super().__init__(option_strings, dest, nargs=0, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from app import __version__

        parser._print_message(f"peakplan {__version__}\n", sys.stdout)
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(
        prog="peakplan",
        description="碳达峰方案起草助手：从上级方案起草县级碳达峰实施方案",
    )
    parser.add_argument("--version", action=_VersionAction, help="显示版本号并退出")
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
    imp.add_argument(
        "--replaces",
        metavar="PLAN-ID",
        help="此文件是方案库中该方案的新版本（如印发稿替代征求意见稿）：同一编号存为下一版，旧版本保留",
    )
    imp.set_defaults(handler=cmd_import_plan)

    new = sub.add_parser("new", help="新建起草文件：采纳上级方案的行动，或按原样打开一个方案")
    new.add_argument("--county", help="县名，如 永宁县")
    new.add_argument("--city", help="所属市，如 银川市")
    new.add_argument("--region", help="所属自治区/省，如 宁夏回族自治区")
    new.add_argument(
        "--from",
        dest="sources",
        action="append",
        metavar="PLAN-ID",
        help="上级方案编号（见 peakplan plans）；可给多个，由近及远（先市、后省或自治区）",
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
    export.add_argument(
        "--package",
        action="store_true",
        help="送审材料：另写上级方案任务承接对照表、意见采纳情况表（.docx、.xlsx）、修改对照表（最近两个版本）和起草说明",
    )
    export.add_argument(
        "--new-name",
        action="store_true",
        help="另名保存：文件名后加（2）、（3）……（上次导出的文件正在 Word/WPS 中打开时用）",
    )
    export.set_defaults(handler=cmd_export)

    add_rebase_parser(sub)
    add_feedback_parser(sub)
    add_version_parsers(sub)
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    """The command names (`plans`, `export` …), so that `peakplan plans` is never taken for a file."""
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def main(argv: list[str] | None = None) -> int:
    configure_stdio()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in _commands(parser):
        from app.core.draft.store.files import is_draft_path  # lazily: a command loads no model

        if is_draft_path(argv[0]):
            return _run_gui(argv[0])  # double-clicked draft, "open with"
    GIVEN[:] = argv
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        return _run_gui()
    # A command is one short process: the cyclic collector only walked the heap of imported
    # modules again and again (~15 % of `export --demo`); drafts and documents make no cycles
    # worth it (three 1,000-measure exports peak at 106 MB without it, 100 MB with).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return handler(args)
    except PeakPlanError as exc:
        where = (
            getattr(args, "file", None)
            or getattr(args, "draft", None)
            or f"peakplan {args.command}"
        )
        return fail(where, exc.one_line())
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("PEAKPLAN_DEBUG"):
            raise
        where = getattr(args, "file", None) or getattr(args, "draft", None) or args.command
        return fail(where, f"程序内部错误（{type(exc).__name__}: {exc}），请把此文件发给开发者")
    finally:
        if collecting:  # main() called in a process that goes on (the tests)
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
