"""The Word drafts sent out, kept with the draft (consultation.SentCopy), so a copy returned
after the team has gone on editing is read against what the unit saw."""

from __future__ import annotations

from app.core.draft.consultation import SentCopy
from app.core.draft.model import Draft

MAX_SENT_COPIES = 30
"""Sent copies a draft keeps, the oldest dropped first: a returned copy of one dropped is read
against the current draft, with a note saying so."""


def record_sent(draft: Draft, copy: SentCopy) -> Draft:
    """The draft keeping `copy` (the same draft unchanged when it already keeps one of that mark)."""
    if any(kept.mark == copy.mark for kept in draft.sent):
        return draft
    kept = (*draft.sent, copy)[-MAX_SENT_COPIES:]
    return draft.model_copy(update={"sent": kept})
