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
    defining: dict[str, list[str]]
    scales: re.Pattern[str]
    scale_message: str


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def figure_rules() -> FigureRules:
    data = json.loads(paths.resource("adapt", "figures.json").read_text(encoding="utf-8"))
    number = r"(?<![\d.A-Za-z])\d+(?:\.\d+)?(?:[-~～—至]\d+(?:\.\d+)?)?\s*(?:万|亿)?"
    pattern = (
        rf"(?P<before>{_alternatives(data['before'])})?"
        rf"{number}(?:{_alternatives(data['units'])})"
        rf"(?!{_alternatives(data['not_after'])})"
        rf"(?:{_alternatives(data['after'])})?"
    )
    return FigureRules(
        re.compile(pattern),
        data["message"],
        data["defining"],
        re.compile(data["scales"]),
        data["scale_message"],
    )


_YEARS = re.compile(r"(?:19|20)\d\d\s*年")
_OF_A_KIND = re.compile(r"(?:（含）|\(含\))?(?:及?以[上下])?(?:（含）|\(含\))?的")
"""…以上的 / …（含）以上的 after a figure: it qualifies a kind of thing (项目, 地区, 建筑)."""
_AND_OVER = re.compile(r"及以[上下][\u4e00-\u9fff]")
"""30万千瓦及以上热电联产: a class of plant, the figure's 及以上 run straight into a noun."""


def defines_a_kind(text: str, m: re.Match[str], defining: dict[str, list[str]]) -> bool:
    """A figure that says which things a rule is about (its threshold) or is part of a name,
    not a quantity the county sets."""
    before = text[max(0, m.start() - 10) : m.start()]
    said = m.group("before") or ""
    if any(before.endswith(word) for word in defining["not_before"]):
        return True  # 上浮20%: a price band
    if any(word in before for word in defining["single"]):
        return True  # 单体建筑面积2万平方米: the size of one building
    if _AND_OVER.match(text, m.end() - (3 if m.group().endswith(("及以上", "及以下")) else 0)):
        return True
    quote = text.rfind("“", 0, m.start())
    if quote == m.start() - len(said) - 1 and re.match(r"[^”，。；、]{1,10}”", text[m.end() :]):
        return True  # 爱国卫生“7个专项行动”: the figure is part of the name
    goal = said and said not in defining["comparisons"]
    if goal or any(before.endswith(word) for word in defining["goal_verbs"]):
        return False
    return _OF_A_KIND.match(text, m.end()) is not None


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
        if defines_a_kind(text, m, rules.defining):
            continue
        out.append(
            Question(
                m.start(),
                m.end(),
                "figure",
                rules.message,
                (Suggestion(label="删去", replacement=""), Suggestion(label="保留")),
            )
        )
    for m in rules.scales.finditer(text):
        if not any(m.start() < q.end and q.start < m.end() for q in out):
            out.append(
                Question(
                    m.start(),
                    m.end(),
                    "figure",
                    rules.scale_message,
                    (Suggestion(label="删去", replacement=""), Suggestion(label="保留")),
                )
            )
    return out
