"""A node's content and the draft's cover fields: text, responsibility units, work rows, meta.

Each is a pure function: the draft in, a new draft out (see app/core/draft/model.py).
"""

from __future__ import annotations

import re
from enum import StrEnum

from app.core.draft.mentions import editable, stored
from app.core.draft.model import (
    MAX_PARAGRAPH,
    CommitteeMember,
    Draft,
    DraftMeta,
    Layout,
    Node,
    Responsibility,
    WorkRow,
    work_row_units,
)
from app.core.draft.tree import EditError, existing_node, update_node
from app.core.operations.targets import prune_targets
from app.core.text.unit_lists import split_unit_names


class WorkRowField(StrEnum):
    """The editable columns of a work row (任务分工): 主要工作, 牵头单位, 配合单位."""

    WORK = "work"
    LEAD = "lead"
    COOPERATING = "cooperating"


def set_paragraphs(draft: Draft, node_id: str, paragraphs: tuple[str, ...]) -> Draft:
    """New text for a node; target entries no text states any more are dropped."""
    cleaned = tuple(p for p in (p.strip() for p in paragraphs) if p)
    too_long = next((p for p in cleaned if len(p) > MAX_PARAGRAPH), None)
    if too_long is not None:
        raise EditError(
            f"段落过长（{len(too_long)} 字，一段最多 {MAX_PARAGRAPH} 字），未改动：请分成几段"
        )
    draft = update_node(draft, node_id, lambda n: n.model_copy(update={"paragraphs": cleaned}))
    return prune_targets(draft)


def set_units(
    draft: Draft, node_id: str, units: tuple[str, ...], *, groups: tuple[int, ...] = ()
) -> Draft:
    """The node's responsibility units, lead first (empty: no clause)."""
    units = tuple(dict.fromkeys(u.strip() for u in units if u.strip()))

    def change(node: Node) -> Node:
        removed = set(node.responsibility.units if node.responsibility else ()) - set(units)
        rows = tuple(_without_units(row, removed, units) for row in node.work_rows)
        if not units:
            return node.model_copy(update={"responsibility": None, "work_rows": rows})
        base = node.responsibility or Responsibility(units=units)
        kept_groups = groups if groups and len(groups) == len(units) else ()
        return node.model_copy(
            update={
                "responsibility": base.model_copy(update={"units": units, "groups": kept_groups}),
                "work_rows": rows,
            }
        )

    return update_node(draft, node_id, change)


def _without_units(row: WorkRow, removed: set[str], clause: tuple[str, ...]) -> WorkRow:
    """A work row naming its own units loses those the measure no longer has (removing a
    unit from a measure left it in the task table); one the same as the clause follows it."""
    if not row.units or not removed & set(row.units):
        return row
    units = tuple(u for u in row.units if u not in removed)
    return row.model_copy(update={"units": () if units == clause else units})


def remove_work_row(draft: Draft, node_id: str, index: int) -> Draft:
    """One 主要工作 of a measure removed; a measure keeps at least one."""
    node = existing_node(draft, node_id)
    if not 0 <= index < len(node.work_rows):
        raise EditError(f"没有第 {index + 1} 项主要工作")
    if len(node.work_rows) == 1:
        raise EditError("每条措施至少要有一项主要工作：可以修改它，但不能删去")
    rows = node.work_rows[:index] + node.work_rows[index + 1 :]
    return set_work_rows(draft, node_id, rows)


def _paragraphs_from_shown(shown: str, current: tuple[str, ...], draft: Draft) -> tuple[str, ...]:
    """Edited text back to stored paragraphs: the k-th ⟦…⟧ is the k-th mention it had."""
    _shown, tokens = editable("\n".join(current), draft)
    return tuple(p for p in (p.strip() for p in stored(shown, tokens).split("\n")) if p)


def set_shown_text(draft: Draft, node_id: str, shown: str) -> Draft:
    """The node's text as the editor shows it (targets as ⟦their words⟧, a paragraph a line)."""
    node = existing_node(draft, node_id)
    return set_paragraphs(draft, node_id, _paragraphs_from_shown(shown, node.paragraphs, draft))


def set_shown_preamble(draft: Draft, shown: str) -> Draft:
    """The preamble (前言) as the 文本章节 page shows it."""
    preamble = _paragraphs_from_shown(shown, draft.meta.preamble, draft)
    if preamble == draft.meta.preamble:
        return draft
    return prune_targets(set_meta(draft, preamble=preamble))


def set_work_row_field(
    draft: Draft, node_id: str, index: int, field: WorkRowField, text: str
) -> Draft:
    """One cell of a work row, as typed in the measure editor or on the 任务分工 page.

    主要工作 keeps its target mentions (shown as ⟦their words⟧). Units are full
    names separated by 、 or ，; a row whose units equal the measure's clause
    stores none, so it keeps following the measure's lead unit.
    """
    node = existing_node(draft, node_id)
    if not 0 <= index < len(node.work_rows):
        raise EditError(f"“{node.title}”没有第 {index + 1} 行任务分工")
    rows = list(node.work_rows)
    old = rows[index]
    if field is WorkRowField.WORK:
        _shown, tokens = editable(old.work, draft)
        rows[index] = old.model_copy(update={"work": stored(text, tokens).strip()})
    else:
        units = list(work_row_units(old, node))
        if field is WorkRowField.LEAD:
            units = [*split_unit_names(text)[:1], *units[1:]]
        else:
            units = [*units[:1], *split_unit_names(text)]
        units = list(dict.fromkeys(u for u in units if u))
        clause = node.responsibility.units if node.responsibility else ()
        if _proposed_clause(node) and not old.units and len(rows) == 1:
            # the units were proposed, not written: the county's correction in the table
            # is its answer for the measure, so the clause and every mark follow it
            return set_units(draft, node_id, tuple(units))
        rows[index] = WorkRow(work=old.work, units=() if tuple(units) == clause else tuple(units))
    return set_work_rows(draft, node_id, tuple(rows))


def _proposed_clause(node: Node) -> bool:
    """Is the measure's lead one the app proposed and the county has not settled yet?"""
    lead = node.responsibility.units[:1] if node.responsibility else ()
    return any(q.kind == "proposed_unit" and (q.quote,) == lead for q in node.questions)


def set_work_rows(draft: Draft, node_id: str, rows: tuple[WorkRow, ...]) -> Draft:
    draft = update_node(draft, node_id, lambda n: n.model_copy(update={"work_rows": tuple(rows)}))
    return prune_targets(draft)


def set_meta(draft: Draft, **fields: object) -> Draft:
    """Cover fields: county, stage, date, 委托单位, 编制单位, committee …"""
    meta = DraftMeta.model_validate({**draft.meta.model_dump(), **fields})
    return draft.model_copy(update={"meta": meta})


def set_layout(draft: Draft, **choices: object) -> Draft:
    """Export layout choices: measure titles, page numbers, committee page, attachment."""
    layout = Layout.model_validate({**draft.layout.model_dump(), **choices})
    return draft if layout == draft.layout else draft.model_copy(update={"layout": layout})


COMMITTEE_FIELDS = ("role", "name", "unit")


def set_committee_member(draft: Draft, index: int, field: str, text: str) -> Draft:
    """One cell of the 编制委员会 table: 职务 (role), 姓名 (name) or 单位 (unit)."""
    members = list(draft.meta.committee)
    if not 0 <= index < len(members) or field not in COMMITTEE_FIELDS:
        raise EditError(f"编制委员会没有第 {index + 1} 行的“{field}”")
    members[index] = members[index].model_copy(update={field: text.strip()})
    return set_meta(draft, committee=tuple(members))


def add_committee_member(draft: Draft, role: str = "成员", name: str = "（姓名）") -> Draft:
    return set_meta(draft, committee=(*draft.meta.committee, CommitteeMember(role=role, name=name)))


def remove_committee_member(draft: Draft, index: int) -> Draft:
    members = list(draft.meta.committee)
    if 0 <= index < len(members):
        del members[index]
    return set_meta(draft, committee=tuple(members))


def move_committee_member(draft: Draft, index: int, step: int) -> Draft:
    members = list(draft.meta.committee)
    if not (0 <= index < len(members) and 0 <= index + step < len(members)):
        return draft
    members[index], members[index + step] = members[index + step], members[index]
    return set_meta(draft, committee=tuple(members))


def _tidy(text: str) -> str:
    """What deleting words from a list or a clause leaves: doubled or stray separators."""
    for pattern, replacement in (
        (r"、{2,}", "、"),
        (r"、(?=[，。；：）])", ""),
        (r"(?<=[，。；：（])、", ""),
        (r"，{2,}", "，"),
        (r"，(?=[。；])", ""),
        (r"（\s*）", ""),
        (r"^[，、；]", ""),
    ):
        text = re.sub(pattern, replacement, text)
    return text


def _replaced(text: str, quote: str, replacement: str) -> str:
    """The text with the quote replaced once; deleted words take one list separator with them.

    "银川市、吴忠市、固原市要…" without 吴忠市、固原市 reads "银川市要…", not "银川市、要…".
    """
    at = text.find(quote)
    if at < 0:
        return text
    start, end = at, at + len(quote)
    if not replacement:
        if start > 0 and text[start - 1] == "、":
            start -= 1
        elif end < len(text) and text[end] == "、":
            end += 1
    return _tidy(text[:start] + replacement + text[end:])


def answer_question(draft: Draft, node_id: str, question: int, suggestion: int) -> Draft:
    """Take one of a question's suggestions: its words replace the quote, and the question closes.

    A suggestion without words (保留) keeps the text as it is and only closes
    the question; for a unit in the 责任单位 clause, deleting takes it out.
    """
    node = existing_node(draft, node_id)
    if not 0 <= question < len(node.questions):
        raise EditError(f"“{node.title}”没有第 {question + 1} 个待定事项")
    asked = node.questions[question]
    if not 0 <= suggestion < len(asked.suggestions):
        raise EditError(f"待定事项“{asked.quote}”没有第 {suggestion + 1} 个建议")
    replacement = asked.suggestions[suggestion].replacement
    rest = node.questions[:question] + node.questions[question + 1 :]
    update: dict[str, object] = {"questions": rest}
    if replacement is not None:
        if asked.where == "title":
            update["title"] = _replaced(node.title, asked.quote, replacement) or node.title
        elif asked.where == "paragraph" and asked.index < len(node.paragraphs):
            paragraphs = list(node.paragraphs)
            paragraphs[asked.index] = _replaced(paragraphs[asked.index], asked.quote, replacement)
            update["paragraphs"] = tuple(p for p in paragraphs if p.strip())
        elif asked.where == "work" and asked.index < len(node.work_rows):
            rows = list(node.work_rows)
            row = rows[asked.index]
            rows[asked.index] = row.model_copy(
                update={"work": _replaced(row.work, asked.quote, replacement)}
            )
            update["work_rows"] = tuple(rows)
        elif asked.where == "clause" and node.responsibility is not None:
            units = node.responsibility.units
            kept = (
                tuple(u for u in units if u != asked.quote)
                if not replacement
                else tuple(replacement if u == asked.quote else u for u in units)
            )
            draft = set_units(draft, node_id, kept)
            node = existing_node(draft, node_id)
    draft = update_node(draft, node_id, lambda n: n.model_copy(update=update))
    if asked.where in ("paragraph", "title"):
        # the 附件 row restating these words takes the same answer
        node = existing_node(draft, node_id)
        twin = next(
            (
                i
                for i, q in enumerate(node.questions)
                if q.where == "work" and q.quote == asked.quote and q.kind == asked.kind
            ),
            None,
        )
        if twin is not None:
            return answer_question(draft, node_id, twin, suggestion)
    return prune_targets(draft)
