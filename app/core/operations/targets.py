"""The county target table: a decision or a value, the indicator's name, a new target, and dropping entries nothing mentions.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

import re

from app.core.draft.mentions import mentions
from app.core.draft.model import DECISION_NAMES, CountyTarget, Decision, Draft, TargetYear
from app.core.draft.tree import (
    EditError,
    existing_node,
    update_node,
)


def mentioned_targets(draft: Draft) -> set[str]:
    """Ids of the target entries some text of the draft states."""
    found: set[str] = set()
    texts = [*draft.meta.preamble]
    for node in draft.walk():
        texts.extend(node.paragraphs)
        texts.extend(row.work for row in node.work_rows)
    for text in texts:
        found.update(m.target for m in mentions(text))
    return found


def prune_targets(draft: Draft) -> Draft:
    """Drop target entries no text states any more (after removing a measure)."""
    used = mentioned_targets(draft)
    kept = tuple(t for t in draft.targets if t.id in used)
    if len(kept) == len(draft.targets):
        return draft
    return draft.model_copy(update={"targets": kept})


# ---------------------------------------------------------------- structure


def set_target(
    draft: Draft,
    target_id: str,
    year: int,
    *,
    decision: Decision,
    value: str | None = None,
    after: str | None = None,
) -> Draft:
    """The county's decision for one indicator and year; every sentence stating it follows."""
    target = draft.target(target_id)
    if target is None:
        raise EditError(f"找不到目标 {target_id}")
    current = target.year(year)
    if current is None:
        raise EditError(f"目标“{target.indicator}”没有 {year} 年的值")
    if decision == "value":
        value = (value or "").strip()
        if not value:
            raise EditError("请填写目标值")
    updated = current.model_copy(
        update={
            "decision": decision,
            "value": value if decision == "value" else current.value,
            "after": current.after if after is None else after,
        }
    )
    TargetYear.model_validate(updated.model_dump())
    years = tuple(updated if y.year == year else y for y in target.years)
    return _replace_target(draft, target.model_copy(update={"years": years}))


_CELL_VALUE = re.compile(
    r"^(?P<value>[\d.\-~～—至]+)\s*(?P<after>以上|左右|以内|以下|及以上|及以下)?$"
)


def target_cell_text(year: TargetYear | None) -> str:
    """How the target table writes a county decision: 120以上, 完成上级下达任务, 不列此目标, 待定."""
    if year is None:
        return ""
    if year.decision == "value":
        return f"{year.value}{year.after}"
    return DECISION_NAMES[year.decision]


_APPROX = re.compile(r"^(?:约|大约|左右约)\s*")


def parse_target_cell(text: str, unit: str = "") -> tuple[Decision, str | None, str]:
    """What a target-table cell's words mean: (decision, value, qualifier). The indicator's
    unit may be typed after the number (30%), and 约30 means 30左右."""
    text = " ".join(text.split()).replace("％", "%")
    approx = _APPROX.match(text)
    if approx:
        text = text[approx.end() :]
    for qualifier in ("以上", "左右", "以内", "以下", "及以上", "及以下", ""):
        if unit and text.endswith(unit + qualifier) and len(text) > len(unit + qualifier):
            head = text[: len(text) - len(unit + qualifier)].rstrip()
            if head and head[-1].isdigit():
                text = head + qualifier
                break
    text = text.replace(" ", "")
    if approx and not text.endswith(("以上", "左右", "以内", "以下")):
        text += "左右"
    for decision, words in DECISION_NAMES.items():
        if text == words and decision != "value":
            return decision, None, ""  # type: ignore[return-value]
    if text in ("", "待定"):
        return "pending", None, ""
    match = _CELL_VALUE.match(text)
    if match is None:
        raise EditError(
            f"“{text}”不是目标值：请填数字（可加 以上/左右/以内），或“完成上级下达任务”“不列此目标”"
        )
    return "value", match.group("value"), match.group("after") or ""


def set_target_cell(draft: Draft, target_id: str, year: int, text: str) -> Draft:
    """A county cell of the target table as typed: a value, or one of the decision words."""
    target = draft.target(target_id)
    decision, value, after = parse_target_cell(text, target.unit if target else "")
    return set_target(draft, target_id, year, decision=decision, value=value, after=after)


def set_target_indicator(
    draft: Draft, target_id: str, indicator: str, unit: str | None = None
) -> Draft:
    target = draft.target(target_id)
    if target is None:
        raise EditError(f"找不到目标 {target_id}")
    indicator = indicator.strip()
    if not indicator:
        raise EditError("指标名称不能为空")
    update: dict[str, object] = {"indicator": indicator}
    if unit is not None:
        update["unit"] = unit.strip()
    return _replace_target(draft, target.model_copy(update=update))


def _replace_target(draft: Draft, target: CountyTarget) -> Draft:
    targets = tuple(target if t.id == target.id else t for t in draft.targets)
    return draft.model_copy(update={"targets": targets})


def add_target(
    draft: Draft,
    node_id: str,
    indicator: str,
    year: int,
    *,
    value: str,
    unit: str = "",
    lead: str = "达到",
    after: str = "",
    base_year: int | None = None,
) -> tuple[Draft, str]:
    """A county's own target: a table entry, and a sentence stating it at the end of a node's text."""
    from app.core.draft.mentions import make_token
    from app.core.plans.targets import target_sentence

    indicator = indicator.strip()
    if not indicator or not value.strip():
        raise EditError("请填写指标名称和目标值")
    node = existing_node(draft, node_id)
    target_id = f"t{draft.next_id}"
    entry = CountyTarget(
        id=target_id,
        indicator=indicator,
        unit=unit,
        years=(TargetYear(year=year, decision="value", value=value.strip(), after=after),),
    )
    sentence = target_sentence(indicator, year, lead="", value="", base_year=base_year)
    sentence = sentence[:-1] + make_token(target_id, year, lead) + "。"
    paragraphs = (
        (*node.paragraphs, sentence)
        if not node.paragraphs
        else (*node.paragraphs[:-1], node.paragraphs[-1] + sentence)
    )
    draft = draft.model_copy(
        update={"targets": (*draft.targets, entry), "next_id": draft.next_id + 1}
    )
    return update_node(
        draft, node_id, lambda n: n.model_copy(update={"paragraphs": paragraphs})
    ), target_id


# ---------------------------------------------------------------- unit catalogue
