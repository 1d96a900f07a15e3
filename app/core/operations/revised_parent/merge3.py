"""Three-way merges for a revised parent (app/core/operations/revised_parent/rebase.py): base is the old
parent text adapted, mine the county's text now, theirs the new parent text adapted.

Paragraphs are merged as diff3 does lines; a paragraph both sides changed is merged again
by sentence (cut after 。；！？, never inside a target mention ⟦…⟧). Where both changed the
same paragraph or sentence, the county's text stays and the caller asks (a conflict).
"""

from __future__ import annotations

import re

from app.core.text.diff import common


def three(base, mine, theirs):
    """A whole value merged three ways: (value, where from, conflict)."""
    if mine == base:
        return theirs, "theirs", False
    if theirs == base or mine == theirs:
        return mine, "mine", False
    return mine, "mine", True


def merge_text(base: str, mine: str, theirs: str) -> tuple[str, str, bool]:
    """One text merged by sentence: (text, "mine"/"theirs"/"both", conflict)."""
    if mine in (base, theirs):
        return theirs, "theirs", False
    if theirs == base:
        return mine, "mine", False
    merged, clashes = merge3(_sentences(base), _sentences(mine), _sentences(theirs))
    if clashes:
        return mine, "mine", True
    return "".join(merged), "both", False


def merge_paragraphs(base, mine, theirs):
    """Paragraphs merged three ways; a paragraph both sides changed is merged by sentence.

    Returns the paragraphs, each one's origin (origin, index in mine, index in theirs) and
    the conflicts (index in the result — None where the county deleted the paragraphs —, the
    parent's new paragraph for a suggestion)."""
    out: list[str] = []
    origins: list[tuple[str, int, int]] = []
    clashes: list[tuple[int | None, str | None]] = []
    for chunk in _fine_chunks(list(base), list(mine), list(theirs)):
        (b0, b1), (m0, m1), (t0, t1) = chunk
        b, m, t = base[b0:b1], mine[m0:m1], theirs[t0:t1]
        if m in (b, t):
            pick = [("theirs", m0 + min(i, max(m1 - m0 - 1, 0)), t0 + i) for i in range(len(t))]
            out.extend(t)
        elif t == b:
            pick = [("mine", m0 + i, t0 + min(i, max(t1 - t0 - 1, 0))) for i in range(len(m))]
            out.extend(m)
        elif len(b) == len(m) == len(t) == 1:
            text, origin, clash = merge_text(b[0], m[0], t[0])
            pick = [(origin, m0, t0)]
            out.append(text)
            if clash:
                clashes.append((len(out) - 1, t[0]))
        else:
            pick = [("mine", m0 + i, t0) for i in range(len(m))]
            start = len(out)
            out.extend(m)
            single = t[0] if len(m) == len(t) == 1 else None
            clashes.extend((start + i, single) for i in range(len(m)))
            if not m:
                clashes.append((None, None))
        origins.extend(pick)
    return out, origins, clashes


def merge3(base: list[str], mine: list[str], theirs: list[str]) -> tuple[list[str], int]:
    """A three-way merge of two edits of base: (the merged items, how many chunks clashed;
    a clashing chunk keeps mine)."""
    out: list[str] = []
    clashes = 0
    for (b0, b1), (m0, m1), (t0, t1) in _fine_chunks(base, mine, theirs):
        b, m, t = base[b0:b1], mine[m0:m1], theirs[t0:t1]
        if m in (b, t):
            out.extend(t)
        elif t == b:
            out.extend(m)
        else:
            out.extend(m)
            clashes += 1
    return out, clashes


def _fine_chunks(base: list[str], mine: list[str], theirs: list[str]):
    """diff3's chunks, a changed range of as many items on every side cut item by item: two
    edits of neighbouring sentences (or paragraphs) do not meet."""
    for (b0, b1), (m0, m1), (t0, t1) in _chunks(base, mine, theirs):
        if b1 - b0 == m1 - m0 == t1 - t0 > 1:
            for k in range(b1 - b0):
                yield (b0 + k, b0 + k + 1), (m0 + k, m0 + k + 1), (t0 + k, t0 + k + 1)
        else:
            yield (b0, b1), (m0, m1), (t0, t1)


def _chunks(base: list[str], mine: list[str], theirs: list[str]):
    """diff3's chunks: alternately stable (the same in all three) and changed ranges,
    as ((b0, b1), (m0, m1), (t0, t1))."""
    to_mine = _matches(base, mine)
    to_theirs = _matches(base, theirs)
    b = m = t = 0
    stable = [i for i in range(len(base)) if i in to_mine and i in to_theirs]
    for i in stable:
        if i < b:
            continue
        mi, ti = to_mine[i], to_theirs[i]
        if mi < m or ti < t:
            continue
        if (i, mi, ti) != (b, m, t):
            yield (b, i), (m, mi), (t, ti)
        yield (i, i + 1), (mi, mi + 1), (ti, ti + 1)
        b, m, t = i + 1, mi + 1, ti + 1
    if (b, m, t) != (len(base), len(mine), len(theirs)):
        yield (b, len(base)), (m, len(mine)), (t, len(theirs))


def _matches(a: list[str], b: list[str]) -> dict[int, int]:
    return common(a, b)


_SENTENCE = re.compile(r"(?:⟦[^⟧]*⟧|[^。；！？⟦])+(?:[。；！？]+|$)|[。；！？]+")


def _sentences(text: str) -> list[str]:
    """A paragraph cut after each 。；！？ (never inside a target mention); joined, the text."""
    parts = _SENTENCE.findall(text)
    return parts if "".join(parts) == text else [text]
