"""The words an opinion changes, with a little of what stands around them.

An opinion sent back as a tracked change or a 意见表 row often carries the whole
paragraph, original and proposed: the 意见处理 table showed both in full, the
change unmarked, one opinion filling the screen (issue 27). An excerpt keeps
CONTEXT characters either side of the changed words, marks those with 【】,
and says with “…” where it cut.
"""

from __future__ import annotations

from typing import NamedTuple

from app.core.text.diff import Op, segments

CONTEXT = 12
"""Characters kept either side of the change."""
OPEN, CLOSE = "【", "】"


class Excerpt(NamedTuple):
    original: str
    proposed: str


def _cut(text: str, start: int, end: int, context: int) -> str:
    """text[start:end] marked, with `context` characters either side and “…” where cut."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    changed = f"{OPEN}{text[start:end]}{CLOSE}" if end > start else ""
    return (
        ("…" if left > 0 else "")
        + text[left:start]
        + changed
        + text[end:right]
        + ("…" if right < len(text) else "")
    )


def change_excerpt(original: str, proposed: str, context: int = CONTEXT) -> Excerpt:
    """Both texts cut to the changed words and their context; unchanged texts come back whole."""
    if not original or not proposed or original == proposed:
        return Excerpt(original, proposed)
    changed = [c for c in segments(original, proposed) if c.op is not Op.EQUAL]
    first, last = changed[0], changed[-1]
    return Excerpt(
        _cut(original, first[1], last[2], context),
        _cut(proposed, first[3], last[4], context),
    )
