"""What every command shares: exit codes, the one-line failure, JSON output, the draft argument."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

from app.core.errors import PeakPlanError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def configure_stdio() -> None:
    """Chinese output even where the console's code page is not UTF-8 (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]


def fail(where: str, message: str) -> int:
    """One line on stderr: a file name with a newline or a control character is escaped."""
    where = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in where)
    print(f"peakplan: {where}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def load_draft_arg(args: argparse.Namespace):
    from app.core.draft.demo import load_demo
    from app.core.draft.store.files import load_draft

    if args.demo:
        return load_demo()
    if not args.draft:
        raise PeakPlanError("请给出起草文件，或使用 --demo")
    return load_draft(args.draft)


def say(result, *, as_json: bool = False) -> None:
    """A task's result as the command line prints it: hints on stderr, lines (or JSON) on stdout."""
    for note in result.notes:
        print(note, file=sys.stderr)
    if as_json:
        print_json(result.data)
        return
    for line in result.lines:
        print(line)


def task_failed(exc: PeakPlanError, where: str) -> int:
    """One line for a task's error: the file it names (TaskError.where), else `where`."""
    return fail(getattr(exc, "where", "") or where, exc.one_line())
