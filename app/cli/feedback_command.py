"""`peakplan feedback DRAFT FILE… [--unit U] [--json] [--adopt-all]`: returned files read in.

Each returned .docx (.doc/.wps, or a 反馈意见表 .xlsx) is read against the draft as its Word
export prints it (app/feedback/reader.py); the opinions found are printed and added to
the draft, which is read and saved under its lock, once, after every file is read (app/tasks/feedback.py, as 意见处理 › 导入反馈… does).
--adopt-all adopts every one of them (the team's own edited export). A file that cannot be read: one line, exit 2, the draft untouched.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.common import EXIT_OK, print_json, task_failed
from app.core.errors import PeakPlanError


def add_feedback_parser(sub) -> None:
    feedback = sub.add_parser(
        "feedback", help="导入反馈稿（批注、修订、修改、反馈意见表），意见存入起草文件"
    )
    feedback.add_argument("draft", metavar="DRAFT", help="起草文件（.peakplan）")
    feedback.add_argument("files", metavar="FILE", nargs="+", help="返回的 .docx/.doc/.wps/.xlsx")
    feedback.add_argument("--unit", help="反馈单位（默认：由文件名、批注作者判断）")
    feedback.add_argument("--json", action="store_true", help="以 JSON 列出意见")
    feedback.add_argument("--adopt-all", action="store_true", help="全部采纳（本单位修改稿）并保存")
    feedback.set_defaults(handler=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    from app.tasks.feedback import closing_line, read_returned_files
    from app.tasks.files import change_draft_file

    try:
        result, _saved = change_draft_file(
            args.draft, read_returned_files, args.files, args.unit, adopt_all=args.adopt_all
        )
    except PeakPlanError as exc:
        return task_failed(exc, args.draft)
    if args.json:  # the list on standard output, what was said beside it on standard error
        print_json(result.data)
        for line in result.said:
            print(line, file=sys.stderr)
        return EXIT_OK
    for line in result.lines:
        print(line)
    print(closing_line(result, args.draft))
    return EXIT_OK
