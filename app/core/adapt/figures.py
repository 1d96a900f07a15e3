"""The figures pass: a parent's quantities are never the county's.

"新能源装机规模突破500万千瓦", "建设公共充电桩4000台以上": every number with a
unit of measure, percentage or count of things in taken-up text is either a
target the target book turned into a mention (the target pass, which wins
over this one) or an open question "上级数值" for the county to decide. What
counts as a quantity is data (resources/adapt/figures.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.adapt.changes import PassContext, Question
from app.core.draft.adaptation import Suggestion
from app.core.text.rules import adapt_rules


@dataclass(frozen=True)
class FigureRules:
    pattern: re.Pattern[str]
    message: str


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def figure_rules() -> FigureRules:
    data = json.loads(paths.resource("adapt", "figures.json").read_text(encoding="utf-8"))
    number = r"(?<![\d.A-Za-z])\d+(?:\.\d+)?(?:[-~～—至]\d+(?:\.\d+)?)?\s*(?:万|亿)?"
    pattern = (
        rf"(?:{_alternatives(data['before'])})?"
        rf"{number}(?:{_alternatives(data['units'])})"
        rf"(?!{_alternatives(data['not_after'])})"
        rf"(?:{_alternatives(data['after'])})?"
    )
    return FigureRules(re.compile(pattern), data["message"])


_YEARS = re.compile(r"(?:19|20)\d\d\s*年")


def figure_questions(text: str, context: PassContext) -> list[Question]:
    """One question for each quantity the text states."""
    rules = figure_rules()
    standards = adapt_rules().national_standards
    out: list[Question] = []
    for m in rules.pattern.finditer(text):
        if _YEARS.fullmatch(m.group().strip()):
            continue
        if text.startswith(standards, m.end()):
            continue  # 75%节能设计标准: a national standard, kept as it is
        out.append(
            Question(
                m.start(),
                m.end(),
                "figure",
                rules.message,
                (Suggestion(label="删去", replacement=""), Suggestion(label="保留")),
            )
        )
    return out
