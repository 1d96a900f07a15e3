"""`peakplan rebase DRAFT [--to PLAN-ID[@N]]`: take up a revised parent's text where it changed.

Every county measure whose parent clause reads otherwise in the plan's current version
(or version N) takes the new text, adapted and merged with the county's own edits
(app/core/operations/rebase.py). The draft is saved (atomically) when anything changed,
its state before kept as the version 采用上级修订前 (`--undo` puts it back);
what could not be applied — a conflict with a county edit (left as an open question), a
clause removed upstream, a version taken up that the library no longer keeps — is
listed. Exit 0 when everything was applied, 1 when something needs the user.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_FINDINGS, EXIT_OK, fail
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


def cmd_undo(args: argparse.Namespace) -> int:
    from app.core.draft.files import load_draft, save_draft
    from app.core.operations.rebase_undo import undo_rebase

    if args.to:
        return fail(args.draft, "--undo 与 --to 不能同时使用")
    try:
        draft = load_draft(args.draft)
        restored, name = undo_rebase(draft)
        save_draft(restored, args.draft)
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    print(f"已恢复版本“{name}”（撤销前的内容已另存为版本），已保存：{args.draft}")
    return EXIT_OK


def cmd_rebase(args: argparse.Namespace) -> int:
    from app.core.draft.files import load_draft, save_draft
    from app.core.operations.rebase import rebase
    from app.core.operations.rebase_undo import keep_before_rebase
    from app.core.plans.library import find_plan_or_none, load_version
    from app.core.plans.resolver import PlanResolver
    from app.core.plans.revisions import split_ref
    from app.core.readout.findings import CheckContext

    if args.undo:
        return cmd_undo(args)
    try:
        draft = load_draft(args.draft)
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    plan_id = None
    plans = PlanResolver.library()
    if args.to:
        plan_id, _revision = split_ref(args.to)
        if not any(parent.id == plan_id for parent in draft.parents):
            known = "、".join(p.id for p in draft.parents) or "无"
            return fail(args.draft, f"{plan_id} 不是此起草文件的上级方案（上级方案：{known}）")
        try:
            chosen = load_version(args.to)
        except PeakPlanError as exc:
            return fail(args.to, exc.one_line())
        plans = PlanResolver(lambda pid: chosen if pid == plan_id else find_plan_or_none(pid))

    before = CheckContext(draft)
    try:
        kept = keep_before_rebase(draft)  # saved only when the rebase changes something
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    rebased, report = rebase(kept, plans, plan_id)

    def where(node_id: str) -> str:
        node = draft.find(node_id)
        return before.where(node) if node is not None else node_id

    def clause(section_id: str) -> str:
        return section_id.split(":", 1)[-1]

    changed = rebased != kept
    if changed:
        try:
            save_draft(rebased, args.draft)
        except PeakPlanError as exc:
            return fail(args.draft, exc.one_line())
    for node_id in report.applied:
        print(f"已采用上级新文字：{where(node_id)}")
    for node_id, section_id in report.conflicts:
        print(
            f"部分采用：{where(node_id)}（上级 {clause(section_id)}）与本县修改冲突之处保留本县文字，"
            "已列为待定事项"
        )
    for node_id, section_id in report.removed:
        print(
            f"未能采用：{where(node_id)}：上级已删去所承接的条款 {clause(section_id)}，请确认是否保留"
        )
    for node_id, section_id in report.unknown_base:
        print(
            f"未能采用：{where(node_id)}：采纳时的上级条款 {clause(section_id)} 的版本不在方案库中，"
            "无法合并，请对照后手工修改"
        )
    if not (report.applied or report.conflicts or report.removed or report.unknown_base):
        print("上级方案没有修订本起草文件所承接的条款，未作修改。")
        return EXIT_OK
    applied = len(report.applied)
    pending = len(report.conflicts) + len(report.removed) + len(report.unknown_base)
    saved = (
        f"，已保存：{args.draft}（改动前的内容已保存为版本“{kept.versions[-1].name}”，"
        f"撤销：peakplan rebase {args.draft} --undo）"
        if changed
        else "，起草文件未改动"
    )
    print(f"共采用 {applied} 条，{pending} 处需要处理{saved}。")
    return EXIT_OK if report.complete else EXIT_FINDINGS
