"""Responsibility clauses (责任单位) at the end of a measure's text.

Spellings seen in published plans, all recognised here:
（责任单位：县发改局、财政局；列首位的为牵头单位，下同）, (责任单位:…), a trailing
按照职责分工分别负责, a note after 。 or ；, a bare parenthesis of unit names with
no label, unit names with their own parentheses (各县（市）区人民政府), a full
stop after the closing parenthesis, and square brackets (成都：［责任单位：…］).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.plans.model import UnitClause
from app.core.text.unit_lists import naming_rules, parse_unit_list, split_top_level

_LABEL = re.compile(r"^\s*(?:责任单位|牵头单位|责任部门|牵头部门|责任主体)\s*[：:]\s*")
_DUTY = re.compile(r"(?:按照|按)?(?:各自)?职责分工(?:分别)?(?:负责|落实|推进|实施)?$")
_NOTE_SPLIT = "；;。"
_OPEN = "（(［["
_CLOSE = "）)］]"


@dataclass
class ClauseMatch:
    """A clause found at the end of a paragraph, and what had to be mended to read it."""

    body: str
    clause: UnitClause
    repairs: list[str] = field(default_factory=list)


def _opening_paren(text: str) -> int | None:
    """Index of the parenthesis that opens the group closing at the end of text."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


def parse_clause_content(
    content: str, *, labelled: bool, level: str | None = None, home: str | None = None
) -> tuple[UnitClause | None, list[str]]:
    """Read what stands inside the parentheses (label already known or absent)."""
    repairs: list[str] = []
    parts = split_top_level(content, _NOTE_SPLIT)
    units_text = parts[0].strip()
    note = "；".join(p.strip() for p in parts[1:] if p.strip())
    duty = ""
    m = _DUTY.search(units_text)
    if m and m.group(0):
        duty = m.group(0)
        units_text = units_text[: m.start()].rstrip()
    if re.search(r"[、，,]\s*$", units_text):
        repairs.append("责任单位末尾有多余的顿号或逗号")
    units = parse_unit_list(units_text, level=level, home=home)
    if not units:
        return None, repairs
    if not labelled:
        rules = naming_rules()
        names_ok = all(rules.looks_like_unit(u.written) for u in units)
        prefixed = rules.prefix_of(units[0].written) is not None
        if not names_ok or (len(units) < 2 and not prefixed) or note:
            return None, repairs
    clause = UnitClause(text=content, labelled=labelled, units=units, duty=duty, note=note)
    return clause, repairs


def split_trailing_clause(
    paragraph: str, *, level: str | None = None, home: str | None = None
) -> ClauseMatch | None:
    """The paragraph's text before its trailing responsibility clause, and the clause."""
    text = paragraph.rstrip()
    repairs: list[str] = []
    while text and text[-1] in "。.；;":
        text = text[:-1].rstrip()
        repairs.append("责任单位括号后多了标点")
    if not text or text[-1] not in _CLOSE:
        return None
    start = _opening_paren(text)
    if start is None:
        return None
    content = text[start + 1 : -1]
    m = _LABEL.match(content)
    labelled = m is not None
    if m:
        content = content[m.end() :]
    if not labelled and not re.search(r"[。；！？]\s*$", text[:start]):
        return None  # a bare parenthesis is a clause only after a finished sentence
    clause, more = parse_clause_content(content, labelled=labelled, level=level, home=home)
    if clause is None:
        return None
    written = text[start:]
    written = re.sub(r"[、，,]\s*([）］])$", r"\1", written)
    clause = clause.model_copy(update={"text": written})
    body = text[:start].rstrip()
    return ClauseMatch(body=body, clause=clause, repairs=repairs + more)
