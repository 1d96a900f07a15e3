"""Give each section its responsibility clause, sub-items and targets; then freeze it.

A clause ends the text it belongs to. When one section's text holds several
clauses, each closes a run-in sub-item of its own (银川 三.三.1: 构建绿色低碳产业
体系 … （责任单位：…） 实施重点行业清洁生产 … （责任单位：…）). When only the last
paragraph has one, it belongs to the whole section, however many run-in
paragraphs come before it (银川 三.一.1).
"""

from __future__ import annotations

import re

from app.core.plans.model import Section, UnitClause, node_id
from app.core.plans.targets import extract_targets, is_goals_title, locate_goals_targets
from app.importer.blocks import ImportNote
from app.importer.clauses import (
    BEFORE_COMMA,
    INNER_CLAUSE,
    ClauseMatch,
    merge_clauses,
    split_inner_clauses,
    split_trailing_clause,
    with_leads,
)
from app.importer.structure import RawSection, run_in_lead

_DEADLINE_ONLY = re.compile(r"^\s*(?:完成时限|完成时间|时间节点|完成期限)\s*[：:]")


class ClauseReader:
    """Finds clauses in a plan's sections, with the plan's level for unit prefixes."""

    def __init__(self, level: str | None, *, home: str | None = None) -> None:
        self.level = level
        self.home = home
        self.before_comma = False  # set by a "逗号前为牵头单位，下同" note
        self.notes: list[ImportNote] = []
        self.clauses: dict[int, UnitClause] = {}  # id(RawSection) → its clause

    def _match(self, text: str, line: int) -> ClauseMatch | None:
        """The paragraph's clause: the one ending it, merged with those ending its sentences
        inside it (山西 "…。（省农业农村厅牵头负责）…。（省商务厅牵头负责）"): a measure's
        text carries no clause in its middle, and its task row names every unit."""
        body, inner = split_inner_clauses(text, level=self.level, home=self.home)
        match = split_trailing_clause(body, level=self.level, home=self.home)
        if match:
            for repair in match.repairs:
                self.notes.append(ImportNote(line, repair))
            match.clause = self._same_rule(match.clause)
        if inner:
            clauses = [*inner, match.clause] if match else inner
            body = match.body if match else body.rstrip()
            match = ClauseMatch(body=body, clause=merge_clauses(clauses))
            if len(clauses) > 1:
                self.notes.append(
                    ImportNote(line, f"句末的 {len(clauses)} 处责任单位合并为该项的责任单位")
                )
        return match

    def _same_rule(self, clause: UnitClause) -> UnitClause:
        """ "逗号前为牵头单位，下同": the clauses after the first lead the same way."""
        if BEFORE_COMMA.search(clause.note) and "下同" in clause.note:
            self.before_comma = True
        elif self.before_comma and not clause.note and not clause.joint:
            return clause.model_copy(update={"units": with_leads(clause.units, before_comma=True)})
        return clause

    def read(self, section: RawSection) -> None:
        for child in list(section.children):
            self.read(child)
        self._read_own(section)

    def _closes(self, before: str, text: str) -> bool:
        """Is text only the clause of the paragraph before it (a bare parenthesis included)?"""
        match = split_trailing_clause(before + text, level=self.level, home=self.home)
        return match is not None and len(match.body) <= len(before.rstrip())

    def _merge_clause_only_paragraphs(self, section: RawSection) -> None:
        """A clause that a page break left on a line of its own closes the paragraph before."""
        paragraphs, lines = [], []
        for text, line in zip(section.paragraphs, section.paragraph_lines, strict=True):
            if paragraphs and _DEADLINE_ONLY.match(text):
                paragraphs[-1] = paragraphs[-1].rstrip("。；") + "；" + text
                continue
            if paragraphs and self._closes(paragraphs[-1], text):
                paragraphs[-1] = paragraphs[-1] + text
                continue
            paragraphs.append(text)
            lines.append(line)
        section.paragraphs, section.paragraph_lines = paragraphs, lines

    def _split_at_inner_clauses(self, section: RawSection) -> None:
        """A measure whose sentences each end with their own clause in one paragraph (黑龙江:
        "…方案(责任部门：气候处，完成期限：…)。…服务(责任处室：环评处，…)。"): each clause
        closes a sub-item of its own, as when they stand in paragraphs of their own."""
        paragraphs, lines = [], []
        for text, line in zip(section.paragraphs, section.paragraph_lines, strict=True):
            start = 0
            for m in INNER_CLAUSE.finditer(text):
                if text[m.end() :].strip():
                    paragraphs.append(text[start : m.end()])
                    lines.append(line)
                    start = m.end()
            paragraphs.append(text[start:].strip())
            lines.append(line)
        section.paragraphs, section.paragraph_lines = paragraphs, lines

    def _read_own(self, section: RawSection) -> None:
        if not section.children:
            self._split_at_inner_clauses(section)
        self._merge_clause_only_paragraphs(section)
        found: list[tuple[int, ClauseMatch]] = []
        for index, (text, line) in enumerate(
            zip(section.paragraphs, section.paragraph_lines, strict=True)
        ):
            match = self._match(text, line)
            if match:
                found.append((index, match))
        if not found:
            return
        if len(found) == 1 or section.children:
            index, match = found[-1]
            section.paragraphs[index] = match.body
            self.clauses[id(section)] = match.clause
            if index != len(section.paragraphs) - 1:
                self.notes.append(
                    ImportNote(
                        section.paragraph_lines[index + 1], "责任单位之后还有正文，已保留在该节"
                    )
                )
            for extra_index, extra in found[:-1]:
                section.paragraphs[extra_index] = extra.body
                self.notes.append(
                    ImportNote(
                        section.paragraph_lines[extra_index],
                        f"{section.label}{section.title} 有多处责任单位，只保留最后一处",
                    )
                )
            return
        self._split_sub_items(section, found)

    def _split_sub_items(self, section: RawSection, found: list[tuple[int, ClauseMatch]]) -> None:
        """Several clauses: each closes an unnumbered sub-item of its own."""
        paragraphs = section.paragraphs
        lines = section.paragraph_lines
        intro: list[str] = []
        intro_lines: list[int] = []
        start = 0
        items: list[RawSection] = []
        for order, (index, match) in enumerate(found):
            texts = [*paragraphs[start:index], match.body]
            item_lines = lines[start : index + 1]
            if order == 0:
                first_lead = next((i for i, t in enumerate(texts) if run_in_lead(t)), None)
                if first_lead:
                    intro, intro_lines = texts[:first_lead], item_lines[:first_lead]
                    texts, item_lines = texts[first_lead:], item_lines[first_lead:]
            lead = run_in_lead(texts[0])
            if lead is None:
                self.notes.append(ImportNote(item_lines[0], "分项没有可识别的标题"))
            item = RawSection(
                rank=5,
                number="",
                value=order + 1,
                label="",
                title=lead or "",
                title_style="run_in" if lead else "none",
                line=item_lines[0],
                paragraphs=[texts[0][len(lead) + 1 :].strip() if lead else texts[0], *texts[1:]],
                paragraph_lines=item_lines,
                depth=section.depth + 1,
            )
            self.clauses[id(item)] = match.clause
            items.append(item)
            start = index + 1
        rest = paragraphs[start:]
        if rest:
            items[-1].paragraphs.extend(rest)
            items[-1].paragraph_lines.extend(lines[start:])
            self.notes.append(
                ImportNote(lines[start], "最后一处责任单位之后还有正文，并入最后一个分项")
            )
        section.paragraphs, section.paragraph_lines = intro, intro_lines
        section.children = items


def freeze(
    raw: RawSection,
    plan_id: str,
    path: list[str],
    clauses: dict[int, UnitClause],
    notes: list[ImportNote],
) -> Section:
    """The validated Section for a raw one, with ids from the label path."""
    paragraphs = [p for p in raw.paragraphs if p.strip()]
    goals = is_goals_title(raw.title)  # a 主要目标's year holds up to the next one named
    targets = (
        [s.target for spans in locate_goals_targets(paragraphs) for s in spans]
        if goals
        else [t for i, p in enumerate(paragraphs) for t in extract_targets(p, i)]
    )
    children: list[Section] = []
    used: dict[str, int] = {}
    for child in raw.children:
        key = child.number if child.rank != 5 else f"#{child.value}"
        used[key] = used.get(key, 0) + 1
        if used[key] > 1:
            notes.append(ImportNote(child.line, f"编号 {child.label or key} 在同一级重复出现"))
            key = f"{key}~{used[key]}"
        children.append(freeze(child, plan_id, [*path, key], clauses, notes))
    return Section(
        id=node_id(plan_id, path),
        level=raw.depth,
        label=raw.label,
        number=raw.number,
        title=raw.title,
        title_style=raw.title_style,
        paragraphs=paragraphs,
        clause=clauses.get(id(raw)),
        targets=targets,
        children=children,
    )
