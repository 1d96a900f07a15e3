"""`peakplan version DRAFT --save STAGE [--date YYYY-MM-DD]`, `peakplan version DRAFT --drop N`
and `peakplan versions DRAFT`.

A version is the draft frozen at a stage inside the .peakplan file
(app/core/operations/versions.py); the cover's stage follows for 征求意见稿 and 送审稿.
The draft is read and saved under its lock, atomically. `versions` lists them, oldest first, numbered from 1.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, fail
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
    from app.core.draft.writing import update_draft
    from app.core.operations.versions import COVER_STAGES, save_version

    if args.drop:
        return _drop(args)

    def add(draft):
        name = f"{args.save.strip()} {args.date.strip()}".strip()
        same = [v for v in draft.versions if v.name == name]
        if same and not args.force:
            raise PeakPlanError(
                f"已有版本“{name}”（保存于 {same[-1].saved_at or '未记录'}），未再保存："
                "要再保存一个同名版本请加 --force"
            )
        return save_version(draft, args.save, args.date)

    try:  # read, add and write under the draft's lock: a concurrent writer waits its turn
        saved = update_draft(args.draft, add).after
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    version = saved.versions[-1]
    cover = (
        f"，封面稿本：{saved.meta.stage}"
        if version.stage in COVER_STAGES
        else f"（封面稿本仍为{saved.meta.stage}）"
    )
    print(f"已保存第 {len(saved.versions)} 个版本：{version.name}{cover}")
    return EXIT_OK


def _drop(args: argparse.Namespace) -> int:
    from app.core.draft.writing import update_draft
    from app.core.operations.versions import drop_version, find_version

    gone = []

    def change(draft):
        gone.append(find_version(draft, args.drop).name)
        return drop_version(draft, args.drop)

    try:
        left = update_draft(args.draft, change).after
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    print(f"已删去版本：{gone[-1]}（还有 {len(left.versions)} 个版本）")
    return EXIT_OK


def cmd_versions(args: argparse.Namespace) -> int:
    from app.core.draft.files import load_draft

    try:
        draft = load_draft(args.draft)
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    if not draft.versions:
        print("此起草文件还没有保存过版本（peakplan version DRAFT --save 稿本）。")
        return EXIT_OK
    for number, version in enumerate(draft.versions, 1):
        saved = version.saved_at.replace("T", " ")
        print(f"{number}\t{version.stage}\t{version.date or '—'}\t保存于 {saved}")
    return EXIT_OK
