"""`peakplan rebase DRAFT [--to PLAN-ID[@N]]`: take up a revised parent's text where it changed.

Every county measure whose parent clause reads otherwise in the plan's current version
(or version N) takes the new text, adapted and merged with the county's own edits
(app/core/operations/revised_parent/rebase.py). The draft is saved (atomically) when anything changed;
what could not be applied — a conflict with a county edit (left as an open question), a
clause removed upstream, a version taken up that the library no longer keeps — is
listed. Exit 0 when everything was applied, 1 when something needs the user.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_FINDINGS, EXIT_OK, fail, task_failed
from app.core.errors import PeakPlanError


def add_rebase_parser(sub) -> None:
    rebase = sub.add_parser(
        "rebase",
        help="上级方案修订后：在本县措施中采用上级新文字（保留本县修改），列出未能采用之处",
    )
    rebase.add_argument("draft", metavar="DRAFT", help="起草文件（.peakplan）")
    rebase.add_argument(
        "--to",
        metavar="PLAN-ID",
        help="只对这一上级方案（可写作 编号@版本，如 yinchuan-city@2；默认：全部上级方案的现行版本）",
    )
    rebase.add_argument(
        "--undo",
        action="store_true",
        help="撤销上一次 rebase：恢复其前自动保存的版本“采用上级修订前”（当前内容先另存为版本）",
    )
    rebase.set_defaults(handler=cmd_rebase)


def cmd_rebase(args: argparse.Namespace) -> int:
    from app.core.plans.resolver import PlanResolver
    from app.tasks.files import change_draft_file
    from app.tasks.rebase import NOTHING, rebase_draft, rebase_summary, undo_rebase

    if args.undo:
        if args.to:
            return fail(args.draft, "--undo 与 --to 不能同时使用")
        try:
            result, _changed = change_draft_file(args.draft, undo_rebase)
        except PeakPlanError as exc:
            return task_failed(exc, args.draft)
        print(f"{result.lines[0]}，已保存：{args.draft}")
        return EXIT_OK
    try:
        result, changed = change_draft_file(
            args.draft, rebase_draft, PlanResolver.library(), args.to
        )
    except PeakPlanError as exc:
        return task_failed(exc, args.draft)
    for line in result.lines:
        print(line)
    if result.lines != [NOTHING]:
        saved = (
            f"，已保存：{args.draft}（改动前的内容已保存为版本“{result.draft.versions[-1].name}”，"
            f"撤销：peakplan rebase {args.draft} --undo）"
            if changed
            else "，起草文件未改动"
        )
        print(rebase_summary(result, saved))
    return EXIT_OK if result.ok else EXIT_FINDINGS
