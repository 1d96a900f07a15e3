"""`peakplan version DRAFT --save STAGE [--date YYYY-MM-DD] [--force]`, `peakplan version DRAFT
--drop N` and `peakplan versions DRAFT`.

A version is the draft frozen at a stage inside the .peakplan file
(app/core/operations/consultation/versions.py); the cover's stage follows for 征求意见稿 and 送审稿.
The draft is read and saved under its lock. `versions` lists them, oldest first, numbered from 1.
Thin callers of app/tasks/versions.py, as 文件 › 保存版本… and 版本列表… are.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, say, task_failed
from app.core.errors import PeakPlanError


def add_version_parsers(sub) -> None:
    version = sub.add_parser(
        "version", help="把起草文件的当前内容保存为一个版本（如 征求意见稿、送审稿）"
    )
    version.add_argument("draft", metavar="DRAFT", help="起草文件（.peakplan）")
    what = version.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--save",
        metavar="STAGE",
        help="稿本名称：征求意见稿、送审稿（封面随之改变）或其他名称（如 印发稿）",
    )
    what.add_argument(
        "--drop", metavar="N", help="删去一个版本（序号，见 peakplan versions；或版本名称）"
    )
    version.add_argument("--date", default="", metavar="YYYY-MM-DD", help="版本日期")
    version.add_argument(
        "--force", action="store_true", help="已有同一稿本、同一日期的版本时仍再保存一个"
    )
    version.set_defaults(handler=cmd_version)

    versions = sub.add_parser("versions", help="列出起草文件保存的版本")
    versions.add_argument("draft", metavar="DRAFT", help="起草文件（.peakplan）")
    versions.set_defaults(handler=cmd_versions)


def cmd_version(args: argparse.Namespace) -> int:
    from app.tasks.files import change_draft_file
    from app.tasks.versions import drop_version, save_version

    try:
        if args.drop:
            result, _saved = change_draft_file(args.draft, drop_version, args.drop)
        else:
            result, _saved = change_draft_file(
                args.draft, save_version, args.save, args.date, force=args.force
            )
    except PeakPlanError as exc:
        return task_failed(exc, args.draft)
    say(result)
    return EXIT_OK


def cmd_versions(args: argparse.Namespace) -> int:
    from app.tasks.files import load
    from app.tasks.versions import list_versions

    try:
        draft = load(args.draft)
    except PeakPlanError as exc:
        return task_failed(exc, args.draft)
    say(list_versions(draft))
    return EXIT_OK
