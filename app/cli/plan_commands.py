"""`peakplan plans` and `peakplan import-plan`: the plan library, and a newer version of a plan
in it (`--replaces PLAN-ID`, or the same title with a later stage or date).

Thin callers of app/tasks/plans.py, as the window's 文件 › 方案库… and 导入上级方案… are."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, say, task_failed
from app.core.errors import PeakPlanError


def cmd_plans(args: argparse.Namespace) -> int:
    from app.tasks.plans import library_listing

    say(library_listing(), as_json=args.json)
    return EXIT_OK


def cmd_import_plan(args: argparse.Namespace) -> int:
    from app.tasks.plans import import_plan_file

    replaces = getattr(args, "replaces", None)
    try:
        result = import_plan_file(
            args.file,
            output=args.output,
            force=args.force,
            plan_id=args.id,
            level=args.level,
            replaces=replaces,
            keep=not (args.json and not replaces),
        )
    except PeakPlanError as exc:
        return task_failed(exc, args.file)
    say(result, as_json=args.json)
    return EXIT_OK
