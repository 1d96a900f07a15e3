"""A rebase can be undone: the draft is kept as a version before the parent's text goes in.

`rebase` rewrites many measures at once (every revised clause of a parent); a wrong parent
version, or a plan that should not have been its revision, must not cost the county its
text. `keep_before_rebase` saves the draft as the version 采用上级修订前 (through the
draft's own versions, app/core/operations/consultation/versions.py) before anything changes;
`undo_rebase` puts the newest such version back, the state it replaces kept as the
version 撤销前 first, the draft's versions and opinions as they are.
"""

from __future__ import annotations

from datetime import date

from app.core.draft.model import Draft
from app.core.draft.tree import EditError
from app.core.operations.consultation.versions import find_version, save_version, version_draft

BEFORE_REBASE = "采用上级修订前"
"""The version a rebase keeps of the draft before it changes anything."""
BEFORE_UNDO = "撤销采用上级修订前"
"""The version an undo keeps of the draft it replaces."""


def keep_before_rebase(draft: Draft, today: str = "") -> Draft:
    """The draft with its current state kept as the version 采用上级修订前 (today)."""
    return save_version(draft, BEFORE_REBASE, today or date.today().isoformat())


def undo_rebase(draft: Draft, today: str = "") -> tuple[Draft, str]:
    """The draft as it was before the last rebase, and that version's name; the state it
    replaces is kept as a version first. EditError when no rebase kept one."""
    if not any(v.stage == BEFORE_REBASE for v in draft.versions):
        raise EditError("此起草文件没有“采用上级修订前”的版本，没有可撤销的上级修订")
    index = max(i for i, v in enumerate(draft.versions) if v.stage == BEFORE_REBASE)
    name = find_version(draft, index).name
    kept = save_version(draft, BEFORE_UNDO, today or date.today().isoformat())
    back = version_draft(kept, index)
    restored = back.model_copy(  # what a version does not hold stays as the draft has it now
        update={
            "versions": kept.versions,
            "version_parts": kept.version_parts,
            "opinions": kept.opinions,
            "sent": kept.sent,
        }
    )
    return restored, name
