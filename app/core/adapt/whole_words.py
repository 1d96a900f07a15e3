"""Whole words: no replacement and no comment cuts one (resources/adapt/whole_words.json).

"在多层次资本市场挂牌上市" holds 本市 and "市域（郊）铁路" holds 市域, yet neither is the
city speaking of itself; "江河源头" holds 河源 and "左右江" 右江, yet neither is a place.
A list of compounds decides, the same for every sentence: a span that a listed word
overlaps without lying wholly inside it would cut that word.
"""

from __future__ import annotations

import json
from functools import lru_cache

from app import paths


def whole_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the listed words that overlap text[start:end] (every length at each place)."""
    return [
        (at, at + len(word))
        for at in range(max(0, start - _longest() + 1), min(len(text), end))
        for word in _words()
        if text.startswith(word, at) and start < at + len(word)
    ]


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    data = json.loads(paths.resource("adapt", "whole_words.json").read_text(encoding="utf-8"))
    return tuple(sorted(set(data["words"]), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(w) for w in _words())


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """Would replacing or commenting text[start:end] cut a listed word in two?"""
    return any(
        not (start <= w_start and w_end <= end) for w_start, w_end in whole_words(text, start, end)
    )
