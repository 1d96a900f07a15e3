"""The task-division table (任务分工表) at the end of a plan.

Read from .docx tables or from the tab-separated rows of a text copy. A row
without 序号 either adds a piece of work to the numbered row above (it has its
own 牵头单位: 银川 序号 8, 9, 12, 13) or, after a page break, continues it. The
重点领域 cell is merged over its rows and printed once, somewhere in the middle
of them, sometimes itself split by a page break ("十、各县" … "(市)区梯次有序碳
达峰行动"); which rows it covers is settled by matching each row's 行动措施 to
the plan's own measures, falling back to the rows below the label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.plans.model import Section, TableRow, TableWork
from app.core.text.diff import similarity
from app.core.text.normalise import compact, ends_sentence
from app.core.text.unit_lists import clean_unit_name, parse_unit_list
from app.importer.blocks import Block, ImportNote

COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号"),
    "area": ("重点领域", "领域", "任务类别", "重点行动"),
    "action": ("行动措施", "主要任务", "具体措施", "任务措施", "重点措施", "工作任务", "重点任务"),
    "work": ("主要工作", "工作内容", "重点工作", "具体工作", "任务内容", "主要内容"),
    "lead": ("牵头单位", "牵头部门", "责任单位", "责任部门"),
    "cooperating": ("配合单位", "配合部门", "协同单位", "参与单位"),
}
_AREA_LABEL = re.compile(r"^[一二三四五六七八九十百]+[、.．]")
_MISSING_COMMA = re.compile(r"(?<=[局委厅办会部院司府心])(?=各[县市区乡镇园])")


def is_header(cells: list[str]) -> bool:
    joined = [compact(c) for c in cells]
    return "序号" in joined and any(word in joined for word in COLUMNS["lead"])


def column_map(cells: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    joined = [compact(c) for c in cells]
    for key, words in COLUMNS.items():
        for index, cell in enumerate(joined):
            if cell in words and index not in mapping.values():
                mapping[key] = index
                break
    return mapping


def split_task_table(blocks: list[Block]) -> tuple[list[Block], str, list[Block]]:
    """(other blocks, table title, table rows): the first table with a task-table header."""
    header = next((i for i, b in enumerate(blocks) if b.cells and is_header(b.cells)), None)
    if header is None:
        return blocks, "", []
    start = header
    title = ""
    if header > 0 and blocks[header - 1].cells is None:
        candidate = blocks[header - 1].text
        if "分工" in candidate and len(candidate) <= 60:
            title = candidate
            start = header - 1
    end = header
    table = blocks[header].table
    while (
        end < len(blocks)
        and blocks[end].cells is not None
        and (table is None or blocks[end].table == table or is_header(blocks[end].cells or []))
    ):
        end += 1
    return blocks[:start] + blocks[end:], title, blocks[header:end]


@dataclass
class _Work:
    work: str
    lead: str
    cooperating: str


@dataclass
class _Row:
    number: int
    action: str
    line: int
    works: list[_Work] = field(default_factory=list)
    area_fragments: list[str] = field(default_factory=list)


def _clean_units(text: str) -> str:
    text = (
        clean_unit_name(text) if "、" not in text and "，" not in text else re.sub(r"\s+", "", text)
    )
    return "" if text in ("/", "—", "-", "无") else text


class TaskTableReader:
    """Rows of the table into numbered rows with their pieces of work."""

    def __init__(self, level: str | None) -> None:
        self.level = level
        self.notes: list[ImportNote] = []
        self.rows: list[_Row] = []

    def read(self, blocks: list[Block]) -> None:
        mapping: dict[str, int] = {}
        after_break = False
        for block in blocks:
            cells = block.cells or []
            if is_header(cells):
                mapping = mapping or column_map(cells)
                after_break = bool(self.rows)
                continue
            values = {key: (cells[i] if i < len(cells) else "") for key, i in mapping.items()}
            for key in COLUMNS:
                values.setdefault(key, "")
            self._shift_if_needed(values, block.line)
            self._add(values, block.line, after_break)
            after_break = False

    def _shift_if_needed(self, values: dict[str, str], line: int) -> None:
        """A copy that lost the 重点领域 cell prints its label under 行动措施: move it back."""
        if not values["area"] and _AREA_LABEL.match(values["action"]) and values["number"]:
            (
                values["area"],
                values["action"],
                values["work"],
                values["lead"],
                values["cooperating"],
            ) = (
                values["action"],
                values["work"],
                values["lead"],
                values["cooperating"],
                "",
            )
            self.notes.append(
                ImportNote(
                    line, "任务分工表此行错位（重点领域写在行动措施栏），已移回；配合单位缺失"
                )
            )

    def _add(self, values: dict[str, str], line: int, after_break: bool) -> None:
        number_text = re.sub(r"\s+", "", values["number"])
        lead = _clean_units(values["lead"])
        cooperating = _clean_units(values["cooperating"])
        if number_text.isdigit() and not (self.rows and int(number_text) == self.rows[-1].number):
            row = _Row(number=int(number_text), action=values["action"], line=line)
            row.works.append(_Work(values["work"], lead, cooperating))
            if values["area"]:
                row.area_fragments.append(values["area"])
            self.rows.append(row)
            return
        if not self.rows:
            self.notes.append(ImportNote(line, "任务分工表第一行没有序号，已忽略"))
            return
        row = self.rows[-1]
        if values["area"] and (not row.area_fragments or values["area"] != row.area_fragments[-1]):
            row.area_fragments.append(values["area"])
        last = row.works[-1]
        continues = not lead or (after_break and not ends_sentence(last.work))
        if number_text.isdigit() and lead and values["work"] != last.work:
            continues = False  # a merged 序号 cell: another piece of work of the same row
        if continues:
            if values["action"] and values["action"] != row.action:
                row.action += values["action"]
            last.work += values["work"]
            last.lead += lead if lead != last.lead else ""
            last.cooperating += cooperating
        else:
            row.works.append(_Work(values["work"], lead, cooperating))

    # ------------------------------------------------------------------ areas

    def task_rows(self, sections: list[Section]) -> list[TableRow]:
        groups, anchors = self._area_groups()
        matches = [_match_section(row.action, sections) for row in self.rows]
        assigned = self._assign_areas(groups, anchors, matches, sections)
        rows: list[TableRow] = []
        for row, area, match in zip(self.rows, assigned, matches, strict=True):
            works = []
            for work in row.works:
                cooperating = _MISSING_COMMA.sub("、", work.cooperating)
                if cooperating != work.cooperating:
                    self.notes.append(
                        ImportNote(row.line, f"序号 {row.number} 的配合单位缺少顿号，已补上")
                    )
                units = [u.name for u in parse_unit_list(cooperating, level=self.level)]
                works.append(
                    TableWork(
                        work=work.work,
                        lead=work.lead,
                        cooperating=cooperating,
                        cooperating_units=units,
                    )
                )
            rows.append(
                TableRow(
                    number=row.number,
                    area=area,
                    action=row.action,
                    work_rows=works,
                    measure_id=match.id if match else None,
                )
            )
            if match is None:
                self.notes.append(
                    ImportNote(row.line, f"序号 {row.number}“{row.action}”在正文中找不到对应的措施")
                )
        return rows

    def _area_groups(self) -> tuple[list[str], list[int]]:
        """The 重点领域 labels, joined across page breaks, and the row each is printed on."""
        groups: list[str] = []
        anchors: list[int] = []
        for position, row in enumerate(self.rows):
            for fragment in row.area_fragments:
                if groups and compact(fragment) == compact(groups[-1]):
                    continue  # a merged cell repeated on every row (docx)
                if _AREA_LABEL.match(fragment) or not groups:
                    groups.append(fragment)
                    anchors.append(position)
                else:
                    groups[-1] += fragment
        return groups, anchors

    def _assign_areas(
        self,
        groups: list[str],
        anchors: list[int],
        matches: list[Section | None],
        sections: list[Section],
    ) -> list[str]:
        if not groups:
            return [""] * len(self.rows)
        parents = _parent_titles(sections)
        matched_group: list[int | None] = []
        for match in matches:
            parent = parents.get(match.id) if match else None
            matched_group.append(_best_group(parent, groups) if parent else None)
        index_of = [0] * len(self.rows)
        for k, anchor in enumerate(anchors):
            end = anchors[k + 1] if k + 1 < len(anchors) else len(self.rows)
            for position in range(anchor, end):
                index_of[position] = k
        for position in range(anchors[0]):
            index_of[position] = 0
        # The label sits in the middle of its merged cell: rows just above it that
        # the plan puts under the next action belong to the next group.
        for k in range(1, len(anchors)):
            start = anchors[k - 1] + 1
            for position in range(start, anchors[k]):
                if matched_group[position] == k:
                    for later in range(position, anchors[k]):
                        index_of[later] = k
                    break
        return [groups[i] for i in index_of]


def _parent_titles(sections: list[Section]) -> dict[str, str]:
    parents: dict[str, str] = {}

    def visit(section: Section) -> None:
        for child in section.children:
            parents[child.id] = section.title
            visit(child)

    for section in sections:
        visit(section)
    return parents


def _similarity(a: str, b: str) -> float:
    return similarity(compact(a), compact(b))


def _best_group(parent_title: str, groups: list[str]) -> int | None:
    best, best_score = None, 0.0
    for index, group in enumerate(groups):
        score = _similarity(parent_title, _AREA_LABEL.sub("", group))
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= 0.6 else None


def _match_section(action: str, sections: list[Section]) -> Section | None:
    """The plan node a row's 行动措施 names: same title, or nearly."""
    wanted = compact(action)
    if not wanted:
        return None
    candidates = [s for root in sections for s in root.walk() if s.level >= 2 and s.title]
    for section in candidates:
        if compact(section.title) == wanted:
            return section
    best, best_score = None, 0.0
    for section in candidates:
        score = _similarity(section.title, action)
        if score > best_score:
            best, best_score = section, score
    return best if best_score >= 0.75 else None
