"""Parent text made the county's: the passes run in order and their edits merged.

Each pass (level words, units, targets) proposes edits on the parent text;
targets win over words inside them, earlier and longer edits over overlapping
ones. The result is the county text and one record per change (span in the
new text, old, new, reason, kind), so the user can see every change.
"""

from __future__ import annotations

from app.core.adapt.changes import AdaptedText, ChangeKind, Edit, TextChange, non_overlapping
from app.core.adapt.level_words import level_word_edits
from app.core.adapt.targets import TargetBook, target_edits
from app.core.adapt.units import unit_text_edits
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext


def adapt_text(
    text: str,
    *,
    level: str,
    county: CountyContext,
    catalogue: Catalogue,
    book: TargetBook | None = None,
    source: str = "",
) -> AdaptedText:
    """County text from parent text, and every change made to it.

    With a target book, each target the text states becomes a mention of a
    county target-table entry (pending the county's decision).
    """
    # No level: the text is taken as it stands (a plan opened as it is), only targets are linked.
    edits = level_word_edits(text, level, county) + (
        unit_text_edits(text, catalogue) if level else []
    )
    if book is not None:
        edits += target_edits(text, book, source)
    # Target spans win over words inside them.
    targets_first = sorted(edits, key=lambda e: e.kind is not ChangeKind.TARGET)
    chosen: list[Edit] = []
    for edit in targets_first:
        if any(edit.start < c.end and c.start < edit.end for c in chosen):
            continue
        chosen.append(edit)
    chosen = non_overlapping(chosen)
    out: list[str] = []
    changes: list[TextChange] = []
    position = 0
    length = 0
    for edit in chosen:
        out.append(text[position : edit.start])
        length += edit.start - position
        out.append(edit.new)
        changes.append(
            TextChange(
                length,
                length + len(edit.new),
                text[edit.start : edit.end],
                edit.new,
                edit.reason,
                edit.kind,
                edit.start,
            )
        )
        length += len(edit.new)
        position = edit.end
    out.append(text[position:])
    return AdaptedText("".join(out), tuple(changes))
