"""Is a file a newer version of a library plan, or another plan? (`--replaces`, the same title)

A revision of a plan (征求意见稿 → 送审稿 → 印发) keeps its level, its place and most of
its wording; another plan that happens to share a title or was named by mistake
(成都's 行动方案 given as `--replaces ningxia-region`) differs in at least one of these.
Storing it as a revision would let `rebase` rewrite a county's measures with another
province's text, so what differs is said and the file is not taken as a revision.

Measured on the shipped plans and the corpus fixtures: a plan and its revision share
95–100 % of their 6-character phrases (place names and level words taken out); a
child plan and the plan it adapts (银川 ← 宁夏) 17–41 %; unrelated plans 2–7 %. The
chapters and actions of two carbon-peak plans of one province match up to 88 %, of
plans of different kinds 0–14 %.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from app.core.plans.lineage import _neutral as neutral_text  # level words and places out
from app.core.plans.lineage import plan_division
from app.core.plans.model import LEVEL_NAMES, Plan

TEXT_MIN = 50.0
"""The share (%) of the shorter text's phrases the other must hold to be the same plan."""
SKELETON_MIN = 40.0
"""The share (%) of chapters and actions that must have a counterpart of a similar title."""
PHRASE = 6
"""Phrase length (characters) compared: long enough that common policy words do not count."""
TITLE_MATCH = 70.0
"""Two chapter or action titles are counterparts from this similarity (0–100) on."""
_NOT_TEXT = re.compile(r"[\W_]+")


def _phrases(plan: Plan) -> set[str]:
    parts = [*plan.preamble]
    for section in plan.walk():
        parts.append(section.title)
        parts.extend(section.paragraphs)
    text = neutral_text("。".join(parts))
    return {
        run[i : i + PHRASE] for run in _NOT_TEXT.split(text) for i in range(len(run) - PHRASE + 1)
    }


def text_similarity(old: Plan, new: Plan) -> float:
    """How much of the shorter plan's wording the other holds (0–100)."""
    a, b = _phrases(old), _phrases(new)
    if not a or not b:
        return 0.0
    return 100 * len(a & b) / min(len(a), len(b))


def _skeleton(plan: Plan) -> list[str]:
    titles = [s.title for s in plan.sections] + [a.title for a in plan.task_areas()]
    return [t for t in (neutral_text(title) for title in titles) if t]


def skeleton_similarity(old: Plan, new: Plan) -> float:
    """The share (0–100) of chapters and actions with a counterpart of a similar title."""
    a, b = _skeleton(old), _skeleton(new)
    if not a or not b:
        return 0.0
    matched = sum(1 for t in a if max(fuzz.ratio(t, u) for u in b) >= TITLE_MATCH)
    return 100 * matched / max(len(a), len(b))


def differences(old: Plan, new: Plan) -> list[str]:
    """What makes `new` another plan than `old` (empty: a revision of it), each in words."""
    found: list[str] = []
    if old.level != new.level:
        found.append(
            f"级别不同：方案库中为{LEVEL_NAMES.get(old.level, old.level)}级，"
            f"此文件为{LEVEL_NAMES.get(new.level, new.level)}级"
        )
    here, there = plan_division(old), plan_division(new)
    if here is not None and there is not None and here.code != there.code:
        found.append(f"地区不同：方案库中为{here.name}，此文件为{there.name}")
    elif old.governments and new.governments and not set(old.governments) & set(new.governments):
        found.append(
            f"印发机关不同：方案库中为{'、'.join(old.governments)}，"
            f"此文件为{'、'.join(new.governments)}"
        )
    skeleton = skeleton_similarity(old, new)
    if skeleton < SKELETON_MIN:
        found.append(
            f"章节和行动只有 {skeleton:.0f}% 对得上（同一方案的新版本至少 {SKELETON_MIN:.0f}%）"
        )
    text = text_similarity(old, new)
    if text < TEXT_MIN:
        found.append(f"文字只有 {text:.0f}% 相同（同一方案的新版本至少 {TEXT_MIN:.0f}%）")
    return found
