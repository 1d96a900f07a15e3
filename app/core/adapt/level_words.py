"""The level-words pass: 全区/全市 → 全县, 我区 → 我县 (rules in resources/adapt/level_words.json)."""

from __future__ import annotations

from app.core.adapt.changes import ChangeKind, Edit
from app.core.adapt.whole_words import cuts_a_word
from app.core.text.county import CountyContext
from app.core.text.places import gazetteer
from app.core.text.rules import adapt_rules


def in_book_title(text: str, position: int) -> bool:
    """Is position inside 《…》? Document titles are quoted as they are, never adapted."""
    opening = text.rfind("《", 0, position)
    return opening >= 0 and text.rfind("》", opening, position) < 0


_LEVEL_START = ("自治区", "省", "市", "区", "县")


def _name_before(text: str, start: int, county: CountyContext) -> int:
    """How many characters before `start` are a place name the match would cut in two.

    "需经银川市碳达峰碳中和工作领导小组" matched from 市 would leave 银川县: the
    rule must take 银川 with it (the county's own group replaces the city's).
    """
    level = next((w for w in _LEVEL_START if text.startswith(w, start)), "")
    if not level:
        return 0
    places = gazetteer()
    for length in range(8, 1, -1):  # 吴忠市, 石嘴山市, 宁夏回族自治区 …: any division's name
        if start >= length and places.named(text[start - length : start] + level):
            return length
    names = {county.city_short, county.region_short, county.city, county.region}
    for name in sorted((n for n in names if n and len(n) >= 2), key=len, reverse=True):
        if text.endswith(name, 0, start):
            return len(name)
    return 0


def level_word_edits(text: str, level: str, county: CountyContext) -> list[Edit]:
    edits: list[Edit] = []
    for rule in adapt_rules().for_level(level):
        for m in rule.find.finditer(text):
            if in_book_title(text, m.start()) or cuts_a_word(text, m.start(), m.end()):
                continue  # 资本市场 holds 本市, 市域（郊）铁路 市域: neither is the parent's own
            new = county.fill(rule.replace)
            if new != m.group():
                start = m.start() - _name_before(text, m.start(), county)
                edits.append(Edit(start, m.end(), new, rule.reason, ChangeKind.LEVEL_WORD))
    return edits
