"""Two versions compared: the one diff every mark of a change comes from.

Revision marks (修订稿), the 修改对照表, the revision panel, a returned draft's edits and
adopting an opinion all compare with these functions, so that they agree on what
changed. Text is compared character by character — Chinese has no spaces between
words, and a county's edit is often one character (区 → 县) — and lists (of
paragraphs, of node ids) item by item. No autojunk: in a long plan 的 and 和 are
frequent, not noise.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


class Segment(NamedTuple):
    """old[a0:a1] became new[b0:b1] (unpacks like difflib's opcodes)."""

    op: Op
    a0: int
    a1: int
    b0: int
    b1: int


class Mark(StrEnum):
    """How a piece of text is marked: the same in both versions, deleted, inserted."""

    SAME = "same"
    DELETED = "deleted"
    INSERTED = "inserted"


@dataclass(frozen=True)
class Piece:
    text: str
    mark: Mark = Mark.SAME


def _matcher(old: Sequence[Hashable], new: Sequence[Hashable]) -> SequenceMatcher:
    return SequenceMatcher(None, old, new, autojunk=False)  # type: ignore[arg-type]


def segments(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[Segment]:
    """Both sequences (two texts, two lists of paragraphs) in segments, in order."""
    return [Segment(Op(tag), *span) for tag, *span in _matcher(old, new).get_opcodes()]


def common(old: Sequence[Hashable], new: Sequence[Hashable]) -> dict[int, int]:
    """Each position of `old` that the diff keeps, and its position in `new`."""
    return {
        s.a0 + k: s.b0 + k
        for s in segments(old, new)
        if s.op is Op.EQUAL
        for k in range(s.a1 - s.a0)
    }


def longest_common(old: str, new: str) -> int:
    """The length of the longest run of characters both texts have."""
    return _matcher(old, new).find_longest_match().size


def similarity(old: Sequence[Hashable], new: Sequence[Hashable]) -> float:
    """0 to 1: twice the characters in common over the characters of both."""
    return _matcher(old, new).ratio()


def inline(old: str, new: str) -> list[Piece]:
    """Both texts in one run, as a tracked change reads: the deleted words before the
    words inserted in their place."""
    pieces: list[Piece] = []
    for op, a0, a1, b0, b1 in segments(old, new):
        if op is Op.EQUAL:
            pieces.append(Piece(old[a0:a1]))
            continue
        if a1 > a0:
            pieces.append(Piece(old[a0:a1], Mark.DELETED))
        if b1 > b0:
            pieces.append(Piece(new[b0:b1], Mark.INSERTED))
    return pieces


def sides(old: str, new: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...]]:
    """Both texts in pieces side by side: what is deleted from `old`, inserted into `new`."""
    pieces = inline(old, new)
    return (
        tuple(p for p in pieces if p.mark is not Mark.INSERTED),
        tuple(p for p in pieces if p.mark is not Mark.DELETED),
    )


@dataclass(frozen=True)
class Pair(Generic[T]):
    """An item of the older list beside the newer's: both (the same or changed), or one."""

    old: T | None
    new: T | None
    old_index: int
    """Its place in the older list (for an added item: where it comes in)."""
    new_index: int
    """Its place in the newer list (for a removed item: where it went out)."""
    same: bool = False


def pairs(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable] = lambda x: x
) -> Iterator[Pair[T]]:
    """Two lists (paragraphs) item by item in the newer order: the unchanged ones, and
    within a changed stretch the k-th old beside the k-th new, the rest added or removed."""
    for op, a0, a1, b0, b1 in segments([key(x) for x in old], [key(x) for x in new]):
        if op is Op.EQUAL:
            for k in range(a1 - a0):
                yield Pair(old[a0 + k], new[b0 + k], a0 + k, b0 + k, same=True)
            continue
        for k in range(max(a1 - a0, b1 - b0)):
            before = old[a0 + k] if a0 + k < a1 else None
            after = new[b0 + k] if b0 + k < b1 else None
            yield Pair(before, after, a0 + k, b0 + k)
