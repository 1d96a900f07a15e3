"""The adaptation rules (resources/adapt/level_words.json), loaded once.

They are data so that a county, or a province with other habits, can change
them without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths


@dataclass(frozen=True)
class WordRule:
    levels: frozenset[str]
    find: re.Pattern[str]
    replace: str
    reason: str


@dataclass(frozen=True)
class LeftoverRule:
    find: re.Pattern[str]
    unless_county_word: str = ""


@dataclass(frozen=True)
class LevelWords:
    """全省, 我市, 本县 … by the level of the government writing them (the file's `words`)."""

    by_level: tuple[tuple[str, str], ...]
    """(word, level) in the file's order."""
    compounds: tuple[str, ...]
    """区属, 市直, 各县（市）区 …: words of a level that name no level of their own."""

    def words(self) -> tuple[str, ...]:
        return tuple(word for word, _level in self.by_level)

    def pattern(self, *, compounds: bool = False) -> str:
        """A regular expression alternation of the words (longest first, so 全自治区 before 全区)."""
        words = [*self.words(), *(self.compounds if compounds else ())]
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class AdaptRules:
    rules: tuple[WordRule, ...]
    leftover: tuple[LeftoverRule, ...]
    assigned_text: str
    keep_verbs_when_assigned: frozenset[str]
    indicator_strip_prefixes: tuple[str, ...]
    indicator_strip_suffixes: tuple[str, ...]
    national_standards: tuple[str, ...] = ()
    allocated_indicators: tuple[str, ...] = ()
    shared_suffix_starts: tuple[str, ...] = ()
    directions: tuple[str, ...] = ()
    direction_indicators: tuple[str, ...] = ()
    qualitative: tuple[tuple[str, str], ...] = ()
    level_words: LevelWords = LevelWords((), ())

    def for_level(self, level: str) -> list[WordRule]:
        return [rule for rule in self.rules if level in rule.levels]


@lru_cache(maxsize=1)
def adapt_rules() -> AdaptRules:
    data = json.loads(paths.resource("adapt", "level_words.json").read_text(encoding="utf-8"))
    targets = data["targets"]
    return AdaptRules(
        rules=tuple(
            WordRule(frozenset(r["levels"]), re.compile(r["find"]), r["replace"], r["reason"])
            for r in data["rules"]
        ),
        leftover=tuple(
            LeftoverRule(re.compile(r["find"]), r.get("unless_county_word", ""))
            for r in data["leftover"]
        ),
        assigned_text=targets["assigned_text"],
        keep_verbs_when_assigned=frozenset(targets["keep_verbs_when_assigned"]),
        indicator_strip_prefixes=tuple(targets["indicator_strip_prefixes"]),
        indicator_strip_suffixes=tuple(targets["indicator_strip_suffixes"]),
        national_standards=tuple(targets.get("national_standards", ())),
        allocated_indicators=tuple(targets.get("allocated_indicators", ())),
        shared_suffix_starts=tuple(targets.get("shared_suffix_starts", ())),
        directions=tuple(targets.get("directions", ())),
        direction_indicators=tuple(targets.get("direction_indicators", ())),
        qualitative=tuple((q["find"], q["name"]) for q in targets.get("qualitative", ())),
        level_words=LevelWords(
            tuple(
                (word, level)
                for level, words in data["words"]["by_level"].items()
                for word in words
            ),
            tuple(data["words"]["compounds"]),
        ),
    )


def level_words() -> LevelWords:
    """The level words of resources/adapt/level_words.json (the one list of them)."""
    return adapt_rules().level_words
