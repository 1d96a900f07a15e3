"""Responsibility clauses (责任单位) at the end of a measure's text.

Spellings seen in published plans, all recognised here:
（责任单位：县发改局、财政局；列首位的为牵头单位，下同）, (责任单位:…), a trailing
按照职责分工分别负责, a note after 。 or ；, a bare parenthesis of unit names with
no label, unit names with their own parentheses (各县（市）区人民政府), a full
stop after the closing parenthesis, square brackets (成都：［责任单位：…；逗号前为
牵头单位，下同］, several leads before the comma), an unlabelled list ending in
"等按职责分工负责" (江西), two governments' lists separated by ； each with its
own prefix and lead (成渝：重庆市能源局、市经济信息委；四川省能源局、经济和信息化厅),
"牵头单位：…；配合单位：…" written out, and a clause on lines of its own with a
deadline ("责任单位：市经信局" / "完成时限：2022年2月底前").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.plans.model import UnitClause
from app.core.text.unit_lists import (
    ClauseUnit,
    naming_rules,
    parse_government_list,
    parse_unit_list,
    shared_suffix,
    split_top_level,
)

_UNITS_LABEL = (
    r"责任单位|责任部门|责任处室|责任主体|牵头单位|牵头部门|牵头处室|配合单位|配合部门|配合处室"
    r"|协同单位|参与单位"
)
_DEADLINE_LABEL = r"完成时限|完成时间|时间节点|完成期限"
INNER_CLAUSE = re.compile(
    rf"[（(](?:{_UNITS_LABEL})\s*[：:∶][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)][。；;]?"
)
"""A labelled clause anywhere in a paragraph: "…方案(责任部门：气候处，完成期限：…)。" """
_LABEL = re.compile(rf"^\s*(?:{_UNITS_LABEL})\s*[：:∶]\s*")
_FIELD = re.compile(rf"^\s*({_UNITS_LABEL}|{_DEADLINE_LABEL})\s*[：:∶]\s*")
_DUTY = re.compile(
    r"(?:等(?:相关|有关)?部门)?(?:等)?(?:按照|按)?(?:各自)?职责分工(?:分别)?(?:负责|落实|推进|实施)?$"
    r"|(?<=[局厅委办部府室心司行会院所站队处])(?:牵头)?负责$"
)
"""The duty words ending a list: 等按职责分工负责, 等相关部门按职责分工负责 (山西), and a
unit's own 牵头负责 / 负责 (山西 "（省农业农村厅牵头负责）", 天津 "（市生态环境局负责）")."""
_IMPLEMENTS = re.compile(r"^(?P<units>[^，,；;。]+?)(?:负责)?落实$")
"""A second list after the first's duty: "…等按职责分工负责，各区人民政府负责落实" (天津)."""
_NOTE_WORDS = ("牵头", "下同", "列首位", "排在第一", "排名第一", "逗号前", "为主", "配合")
BEFORE_COMMA = re.compile(r"逗号前|顿号前")
_NOTE_SPLIT = "；;。"
_OPEN = "（(［[【"
_CLOSE = "）)］]】"
_OWN_LINE = re.compile(rf"(?:^|(?<=[。；！？]))\s*(?:{_UNITS_LABEL})\s*[：:∶]")


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


def _government_of(first_unit: str) -> str | None:
    """The government a list's first unit names at its start: 重庆市能源局 → 重庆市."""
    from app.core.text.places import gazetteer

    found = gazetteer().find(first_unit)
    if found and found[0].start == 0 and not found[0].short:
        return found[0].text
    return None


def _is_unit_list(text: str) -> bool:
    rules = naming_rules()
    names = [n for n in split_top_level(_DUTY.sub("", text).strip(), "、，,") if n.strip()]
    names = shared_suffix([re.sub(r"等$", "", n.strip()) for n in names])
    return bool(names) and all(rules.looks_like_unit(n) for n in names)


@dataclass
class _Parts:
    """The pieces of a clause's content, sorted by what they say."""

    sides: list[str] = field(default_factory=list)
    leads: str = ""
    cooperating: str = ""
    deadline: str = ""
    notes: list[str] = field(default_factory=list)


_INLINE_LEAD = re.compile(
    r"^(?P<leads>[^；;。]+?)牵头(?:负责)?[，,]\s*(?P<rest>[^；;。]+?)(?:配合|参与)?(?:落实)?(?P<tail>[；;。].*)?$"
)


def _sort_parts(content: str) -> _Parts:
    parts = _Parts()
    # "省发展改革委、省能源局牵头，省直有关部门按职责分工负责": the leads are named by 牵头.
    inline = _INLINE_LEAD.match(content.strip())
    if inline and _is_unit_list(inline.group("leads")) and _is_unit_list(inline.group("rest")):
        parts.leads, parts.cooperating = inline.group("leads"), inline.group("rest")
        content = (inline.group("tail") or "").lstrip("；;。")
    # "责任单位：市经信局完成时限：2022年底前": a field label begins a part of its own.
    content = re.sub(
        rf"(?<=[^；;。\s：:])\s*(?=(?:{_UNITS_LABEL}|{_DEADLINE_LABEL})\s*[：:∶])", "；", content
    )
    for index, raw in enumerate(split_top_level(content, _NOTE_SPLIT)):
        part = raw.strip()
        if not part:
            continue
        m = _FIELD.match(part)
        label = m.group(1) if m else ""
        value = part[m.end() :].strip() if m else part
        if label.startswith("牵头"):
            parts.leads = value
        elif label.startswith(("配合", "协同", "参与")) or (
            label and parts.leads and not re.fullmatch(_DEADLINE_LABEL, label)
        ):
            # "牵头单位：市发改委；责任单位：市经信局、…": the units after the leads cooperate
            parts.cooperating = "、".join(x for x in (parts.cooperating, value) if x)
        elif label and re.fullmatch(_DEADLINE_LABEL, label):
            parts.deadline = value
        elif index == 0 or (not any(w in part for w in _NOTE_WORDS) and _is_unit_list(part)):
            parts.sides.append(value)
        else:
            parts.notes.append(part)
    if parts.leads and parts.sides and not parts.cooperating:
        # "责任单位：A、B、C；牵头单位：A": the units that do not lead cooperate
        leads = {n.strip() for n in split_top_level(parts.leads, "、，,")}
        rest = [n for n in split_top_level(parts.sides.pop(0), "、，,") if n.strip() not in leads]
        parts.cooperating = "、".join(n.strip() for n in rest if n.strip())
    return parts


def _units_of(text: str, *, level: str | None, home: str | None) -> tuple[list[ClauseUnit], str]:
    """The units of one written list and its trailing duty words (等按职责分工负责)."""
    text, implementing = _implementing_tail(text)
    duty = ""
    m = _DUTY.search(text)
    if m and m.group(0):
        duty, text = m.group(0), text[: m.start()].rstrip()
    if text.endswith("等"):
        duty, text = "等" + duty, text[:-1]
    units = parse_unit_list(text, level=level, home=home)
    if duty.startswith("牵头"):  # "（省农业农村厅牵头负责）": the units named lead
        units = [u.model_copy(update={"lead": True}) for u in units]
    if implementing and units:
        group = units[-1].group + 1
        units += [
            u.model_copy(update={"group": group})
            for u in parse_unit_list(implementing, level=level, home=home)
        ]
    return units, duty


def _implementing_tail(text: str) -> tuple[str, str]:
    """A list whose duty words are followed by the units that carry it out (天津 "市发展改革委
    等按职责分工负责，各区人民政府负责落实"): the list, and the implementing units apart."""
    head, comma, tail = text.rpartition("，")
    if not comma or not _DUTY.search(head.rstrip()):
        return text, ""
    m = _IMPLEMENTS.match(tail.strip())
    if m is None or not _is_unit_list(m.group("units")):
        return text, ""
    return head.rstrip(), m.group("units")


def parse_clause_content(
    content: str, *, labelled: bool, level: str | None = None, home: str | None = None
) -> tuple[UnitClause | None, list[str]]:
    """Read what stands inside the parentheses (label already known or absent)."""
    repairs: list[str] = []
    parts = _sort_parts(content)
    note = "；".join(parts.notes)
    units: list[ClauseUnit] = []
    duty = ""
    if parts.leads:
        leads, duty = _units_of(parts.leads, level=level, home=home)
        cooperating, more = _units_of(parts.cooperating, level=level, home=home)
        duty = duty or more
        units = [u.model_copy(update={"lead": True, "group": 0}) for u in leads]
        units += [u.model_copy(update={"group": 1}) for u in cooperating]
    else:
        governments = [_government_of(re.split(r"[、，,]", s)[0].strip()) for s in parts.sides]
        joint = len(parts.sides) > 1 and all(governments) and len(set(governments)) > 1
        offset = 0
        for side, text in enumerate(parts.sides if joint else parts.sides[:1]):
            if re.search(r"[、，,]\s*$", text):
                repairs.append("责任单位末尾有多余的顿号或逗号")
            if joint:
                side_units = parse_government_list(
                    _DUTY.sub("", text), governments[side], side=side
                )
            else:
                side_units, duty = _units_of(text, level=level, home=home)
            side_units = [u.model_copy(update={"group": u.group + offset}) for u in side_units]
            offset = max((u.group for u in side_units), default=offset - 1) + 1
            units.extend(with_leads(side_units, before_comma=bool(BEFORE_COMMA.search(note))))
        if not joint and len(parts.sides) > 1:
            note = "；".join([*parts.sides[1:], *parts.notes])
    if not units:
        return None, repairs
    if not labelled:
        rules = naming_rules()
        names_ok = all(rules.looks_like_unit(u.name) for u in units)
        prefixed = rules.prefix_of(units[0].written) is not None
        if not names_ok or (len(units) < 2 and not prefixed and not duty) or (note and not duty):
            return None, repairs
    clause = UnitClause(
        text=content,
        labelled=labelled,
        units=units,
        duty=duty,
        note=note,
        deadline=parts.deadline,
    )
    return clause, repairs


def with_leads(units: list[ClauseUnit], *, before_comma: bool) -> list[ClauseUnit]:
    """Mark the leads of one list: its first unit, or all before the comma if the note says so."""
    if not units:
        return units
    first_group = units[0].group
    return [
        u.model_copy(update={"lead": (u.group == first_group) if before_comma else i == 0})
        for i, u in enumerate(units)
    ]


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
        return split_own_line_clause(paragraph, level=level, home=home)
    start = _opening_paren(text)
    if start is None:
        return None
    content = text[start + 1 : -1]
    m = _LABEL.match(content)
    labelled = m is not None
    if m and not content[: m.end()].strip().startswith("牵头"):
        content = content[m.end() :]
    if not labelled and not re.search(r"[。；！？]\s*$", text[:start]):
        return None  # a bare parenthesis is a clause only after a finished sentence
    clause, more = parse_clause_content(content, labelled=labelled, level=level, home=home)
    if clause is None:
        return None
    written = text[start:]
    written = re.sub(r"[、，,]\s*([）］】])$", r"\1", written)
    clause = clause.model_copy(update={"text": written})
    body = text[:start].rstrip()
    return ClauseMatch(body=body, clause=clause, repairs=repairs + more)


def split_own_line_clause(
    paragraph: str, *, level: str | None = None, home: str | None = None
) -> ClauseMatch | None:
    """A clause without brackets after the text: "…。责任单位：市经信局；完成时限：2022年底前"."""
    text = paragraph.rstrip().rstrip("。；;")
    m = _OWN_LINE.search(text)
    if m is None:
        return None
    content = text[m.start() :].strip()
    clause, repairs = parse_clause_content(
        _LABEL.sub("", content, count=1) if not content.startswith("牵头") else content,
        labelled=True,
        level=level,
        home=home,
    )
    if clause is None:
        return None
    clause = clause.model_copy(update={"text": content})
    return ClauseMatch(body=text[: m.start()].rstrip(), clause=clause, repairs=repairs)


def split_inner_clauses(
    paragraph: str, *, level: str | None = None, home: str | None = None
) -> tuple[str, list[UnitClause]]:
    """A paragraph whose sentences each end with their own bare clause (山西: "…基地建设。
    （省农业农村厅牵头负责）加强粮油…。（省粮食和储备局牵头负责）…"): the text without the
    clauses that stand inside it, and those clauses in order. The clause ending the paragraph
    is left where it is, for split_trailing_clause."""
    clauses: list[UnitClause] = []
    pieces: list[str] = []
    start = 0
    end_of_text = len(paragraph.rstrip().rstrip("。；;").rstrip())
    for m in re.finditer(r"[）)]", paragraph):
        end = m.end()
        if end >= end_of_text or end <= start:
            continue
        match = split_trailing_clause(paragraph[start:end], level=level, home=home)
        if match is None or match.clause.labelled or not match.body.strip():
            continue
        pieces.append(match.body)
        clauses.append(match.clause)
        start = end + (1 if paragraph[end : end + 1] in ("。", "；") else 0)
    if not clauses:
        return paragraph, []
    pieces.append(paragraph[start:])
    return "".join(pieces), clauses


def merge_clauses(clauses: list[UnitClause]) -> UnitClause:
    """Several clauses of one measure as its one clause: the leads of each first (the units
    written with 牵头, or each list's first), then the rest, each unit once."""
    if len(clauses) == 1:
        return clauses[0]
    leads: dict[str, None] = {}
    others: dict[str, None] = {}
    for clause in clauses:
        for unit in clause.units:
            (leads if unit.lead else others)[unit.name] = None
    rest = [n for n in others if n not in leads]
    units = [ClauseUnit(written=n, name=n, group=0, lead=True) for n in leads]
    units += [ClauseUnit(written=n, name=n, group=1) for n in rest]
    return UnitClause(
        text="".join(c.text for c in clauses),
        labelled=any(c.labelled for c in clauses),
        units=units,
        duty="按职责分工负责",
    )
