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
class AdaptRules:
    rules: tuple[WordRule, ...]
    leftover: tuple[LeftoverRule, ...]
    assigned_text: str
    keep_verbs_when_assigned: frozenset[str]
    indicator_strip_prefixes: tuple[str, ...]
    indicator_strip_suffixes: tuple[str, ...]
    national_standards: tuple[str, ...] = ()

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
    )
