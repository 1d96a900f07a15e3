"""`peakplan new`, `check` and `export`: a county draft from its parents to its files.

Each is a thin caller of its task (app/tasks/): the window calls the same functions."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from app.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    fail,
    load_draft_arg,
    say,
    task_failed,
)
from app.core.errors import PeakPlanError

# ---------------------------------------------------------------- new


def cmd_new(args: argparse.Namespace) -> int:
    from app.tasks import drafts
    from app.tasks.files import new_path, save_new

    where = "peakplan new"
    try:
        out = new_path(args.output, force=args.force)
        cover = {
            "date": args.date,
            "commissioned_by": args.commissioner,
            "drafted_by": args.drafter,
        }
        if args.from_plan:
            if not args.as_is:
                return fail(where, "--from-plan 需要与 --as-is 一起使用")
            result = drafts.new_as_is(args.from_plan, **cover)
        else:
            if args.all and args.actions:
                return fail(where, "--all 与 --actions 只能选一个")
            actions = (
                None if args.all or not args.actions else args.actions.replace("，", ",").split(",")
            )
            result = drafts.new_from_parents(
                county=args.county or "",
                city=args.city or "",
                region=args.region or "",
                sources=args.sources or [],
                actions=actions,
                stage=args.stage,
                **cover,
            )
        assert result.draft is not None
        save_new(result.draft, out, force=args.force)
    except PeakPlanError as exc:
        return task_failed(exc, where)
    print(f"已创建：{out}（{result.lines[0]}）")
    for note in result.notes:
        print(note, file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    from app.core.plans.resolver import PlanResolver
    from app.tasks import drafts

    where = "示例" if args.demo else (args.draft or "peakplan check")
    try:
        draft = load_draft_arg(args)
    except PeakPlanError as exc:
        return fail(where, exc.one_line())
    result = drafts.check(draft, PlanResolver.library())
    say(result, as_json=args.json)
    return EXIT_OK if result.ok else EXIT_FINDINGS


# ---------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace) -> int:
    from app.core.plans.resolver import PlanResolver
    from app.tasks.export import (
        ExportChoice,
        ExportInUseError,
        export_selected,
        free_other_name,
        make_folder,
        planned_paths,
    )

    where = "示例" if args.demo else (args.draft or "peakplan export")
    try:
        draft = load_draft_arg(args)
    except PeakPlanError as exc:
        return fail(where, exc.one_line())
    from app.export.style import style_problem

    problem = style_problem(draft.layout.style)
    if problem:  # the house style is used: said once, the export goes on
        print(f"提示：{problem}", file=sys.stderr)
    choice = ExportChoice(
        word=not args.excel_only,
        excel=not args.word_only,
        comments=not args.clean,
        package=args.package,
    )
    try:
        folder = make_folder(args.output)
        if args.new_name:
            choice = replace(choice, other_name=free_other_name(draft, folder, choice))
        result = export_selected(draft, folder, PlanResolver.library(), choice)
    except ExportInUseError as exc:
        other = planned_paths(draft, folder, replace(choice, other_name=exc.other_name))[0]
        return fail(exc.where, f"{exc.one_line()}（加 --new-name 即另存为“{other.name}”等）")
    except PeakPlanError as exc:
        return task_failed(exc, args.output)
    for path in result.written:
        print(path)
    if args.draft and not args.demo and result.sent is not None:
        # the draft keeps what went out, so a copy returned later is read against it
        from app.tasks.export import keep_sent
        from app.tasks.files import change_draft_file

        try:  # under the draft's lock, on the file as it is now (another writer may have saved)
            change_draft_file(args.draft, keep_sent, result.sent)
        except PeakPlanError as exc:
            return task_failed(exc, args.draft)
    for line in result.lines:  # the pending-opinion line among them (tasks/export.py)
        print(line)
    return EXIT_OK
