"""The level-words pass: 全区/全市 → 全县, 我区 → 我县 (rules in resources/adapt/level_words.json)."""

from __future__ import annotations

from app.core.adapt.changes import ChangeKind, Edit
from app.core.text.county import CountyContext
from app.core.text.rules import adapt_rules


def in_book_title(text: str, position: int) -> bool:
    """Is position inside 《…》? Document titles are quoted as they are, never adapted."""
    opening = text.rfind("《", 0, position)
    return opening >= 0 and text.rfind("》", opening, position) < 0


def level_word_edits(text: str, level: str, county: CountyContext) -> list[Edit]:
    edits: list[Edit] = []
    for rule in adapt_rules().for_level(level):
        for m in rule.find.finditer(text):
            if in_book_title(text, m.start()):
                continue
            new = county.fill(rule.replace)
            if new != m.group():
                edits.append(Edit(m.start(), m.end(), new, rule.reason, ChangeKind.LEVEL_WORD))
    return edits
