"""The one place a task loads a draft file, changes it and saves it (the CLI's way; the
window changes its open draft through an undoable command instead).

Kept to one small function so a lock and a did-someone-else-write-it check wrap every
command-line draft save at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.tasks.result import TaskError, TaskResult


def load(path: str | Path) -> Draft:
    from app.core.draft.store.files import load_draft

    try:
        return load_draft(path)
    except PeakPlanError as exc:
        raise TaskError(str(path), exc.one_line()) from exc


def change_draft_file(
    path: str | Path, task: Callable[..., TaskResult], *args, **kwargs
) -> tuple[TaskResult, bool]:
    """Run `task(draft, …)` on the draft in `path` and save what it changed, under the draft's
    lock from reading to writing (app/core/draft/store/writing.py): another writer waits its turn,
    and a file changed behind the lock's back is refused, never written over. The result
    and whether the file was written."""
    from app.core.draft.store.writing import editing_draft

    try:
        with editing_draft(path) as edit:
            draft = edit.draft
            result = task(draft, *args, **kwargs)
            if result.draft is None or result.draft == draft:
                return result, False
            edit.save(result.draft)
    except TaskError:
        raise
    except PeakPlanError as exc:
        raise TaskError(str(path), exc.one_line()) from exc
    return result, True


def save_new(draft: Draft, path: str | Path, *, force: bool = False) -> Path:
    """A new draft saved to `path` (.peakplan added); an existing file only with `force`."""
    from app.core.draft.store.files import save_draft

    out = new_path(path, force=force)
    try:  # without force, a file made meanwhile by another program is not written over
        save_draft(draft, out, expected_sha256=None if force else "")
    except PeakPlanError as exc:
        raise TaskError(str(out), exc.one_line()) from exc
    return out


def new_path(path: str | Path, *, force: bool = False) -> Path:
    """Where a new draft goes (.peakplan added); refused when a file is there, unless `force`."""
    from app.core.draft.store.files import with_draft_suffix

    out = with_draft_suffix(path)
    if out.exists() and not force:
        raise TaskError(str(out), "文件已存在，未覆盖（如确需覆盖，请加 --force）")
    return out
