"""Changing a draft file: read, change and save as one step, one writer at a time.

A command changes a draft through update_draft or editing_draft, which hold the draft's
lock (app/core/file_lock.py) from reading to writing, so two commands on one draft take
turns; the save checks the file is still what was read (files.write_draft). The window
uses write_draft with the hash it read, and changed_since to notice a change on disk.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.draft.model import Draft
from app.core.draft.store.files import (
    DraftChangedError,
    LoadedDraft,
    changed_since,
    read_draft,
    save_draft,
    write_draft,
)
from app.core.file_lock import WAIT_SECONDS, file_lock


class DraftEdit:
    """A draft read under its lock, to be changed and saved before the lock is let go."""

    def __init__(self, path: Path, loaded: LoadedDraft) -> None:
        self.path = path
        self.draft = loaded.draft
        self.sha256 = loaded.sha256

    def save(self, draft: Draft) -> Path:
        saved, self.sha256 = write_draft(draft, self.path, expected_sha256=self.sha256)
        self.draft = draft
        return saved


@contextlib.contextmanager
def editing_draft(path: str | Path, wait: float = WAIT_SECONDS) -> Iterator[DraftEdit]:
    """Read the draft under its lock and keep the lock for the block: other writers wait
    until the block's save is done, so no one's change is lost between read and write."""
    path = Path(path)
    with file_lock(path, wait):
        yield DraftEdit(path, read_draft(path))


@dataclass(frozen=True)
class DraftUpdate:
    before: Draft
    after: Draft
    saved: bool
    """False when the change left the draft as it was (nothing written)."""


def update_draft(
    path: str | Path, change: Callable[[Draft], Draft], wait: float = WAIT_SECONDS
) -> DraftUpdate:
    """Load, change and save the draft as one step, under its lock. A writer that ignores
    the lock (an older program) and writes between is noticed by the hash: the change is
    made again on the new file (up to 3 times), never written over it."""
    for attempt in range(3):
        with editing_draft(path, wait) as edit:
            before = edit.draft
            after = change(before)
            if after is before or after == before:
                return DraftUpdate(before, after, saved=False)
            try:
                edit.save(after)
            except DraftChangedError:
                if attempt == 2:
                    raise
                continue
            return DraftUpdate(before, after, saved=True)
    raise AssertionError("unreachable")


__all__ = [
    "DraftChangedError",
    "DraftEdit",
    "DraftUpdate",
    "changed_since",
    "editing_draft",
    "save_draft",
    "update_draft",
    "write_draft",
]
