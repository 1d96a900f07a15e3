"""`peakplan feedback DRAFT FILE… [--unit U] [--json] [--adopt-all]`: returned files read in;
`peakplan feedback DRAFT --adopt-all [--unit U]`: the changes already stored adopted.

Each returned .docx (.doc/.wps, or a 反馈意见表 .xlsx) is read against the draft as its Word
export prints it (app/feedback/reader.py); the opinions found are printed and added to
the draft, which is read and saved under its lock, once, after every file is read (app/tasks/feedback.py, as 意见处理 › 导入反馈… does).
--adopt-all adopts every change among them (the team's own edited export), those imported
before and still 待处理 included; without a file, every pending change the draft holds (of
the --unit given), as 意见处理 › 采纳列出的全部修改 does. A comment or form row that asks
without giving its words is left 待处理 and named. A file that cannot be read: one line,
exit 2, the draft untouched.
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
    feedback.add_argument(
        "files",
        metavar="FILE",
        nargs="*",
        help="返回的 .docx/.doc/.wps/.xlsx（不给文件并加 --adopt-all：采纳已导入的待处理修改）",
    )
    feedback.add_argument(
        "--unit", help="反馈单位（默认：由文件名、批注作者判断）；不给文件时只采纳该单位的意见"
    )
    feedback.add_argument("--json", action="store_true", help="以 JSON 列出意见")
    feedback.add_argument(
        "--adopt-all",
        action="store_true",
        help="采纳全部修改（本单位修改稿；含此前已导入的待处理意见）并保存",
    )
    feedback.set_defaults(handler=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    from app.tasks.feedback import adopt_stored, closing_line, read_returned_files
    from app.tasks.files import change_draft_file
    from app.tasks.result import TaskError

    try:
        if args.files:
            result, _saved = change_draft_file(
                args.draft, read_returned_files, args.files, args.unit, adopt_all=args.adopt_all
            )
        elif args.adopt_all:
            result, _saved = change_draft_file(args.draft, adopt_stored, args.unit)
        else:
            raise TaskError("", "请给出返回的文件；或加 --adopt-all，采纳已导入的待处理修改")
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
