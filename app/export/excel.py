"""The task-division workbook: the 任务分工 sheet, and 指标表 / 对照表 when there is data.

Laid out like the 银川 table (LAYOUT.md): title row, header, 重点领域 merged
over its rows, 序号 and 行动措施 merged over a measure's pieces of work, thin
borders on every cell of every merge, row heights from the text length,
frozen header, A4 landscape fitted to one page wide with the header repeated
and page numbers in the footer. The rows come from app.core.readout.task_rows, the
same rows as the Word attachment.
"""

from __future__ import annotations

import io
import math
import unicodedata
from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from app.core.draft.model import DECISION_NAMES, Draft
from app.core.plans.library import find_plan_or_none
from app.core.readout.render import labels
from app.core.readout.task_rows import TaskRow, task_rows
from app.export.style import HouseStyle, SheetStyle, house_style

HEADERS = ("序号", "重点领域", "行动措施", "主要工作", "牵头单位", "配合单位")
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _font(name: str, size: float, bold: bool = False) -> Font:
    return Font(name=name, size=size, bold=bold, charset=134)


def text_width(text: str) -> int:
    """Width in Excel character units: an East-Asian wide character counts 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(text: str, column_width: float) -> int:
    """How many lines a wrapped cell needs (Excel does not grow rows a library writes)."""
    usable = max(1.0, column_width - 1)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in (text.split("\n") or [""]))


class _Styles:
    """Cell styles built once and copied: assigning Font/Border objects hashes them every time."""

    def __init__(self) -> None:
        self._arrays: dict[tuple[int, int], object] = {}

    def merge(
        self, sheet: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int
    ) -> None:
        """A merged range whose every cell carries the top-left cell's borders.

        openpyxl's merge_cells builds new Border objects for each edge cell; copying
        the top-left cell's style is the same result, many times faster.
        """
        top_left = sheet.cell(first_row, first_col)
        sheet.merged_cells.add(
            MergedCellRange(sheet, f"{top_left.coordinate}:{get_column_letter(last_col)}{last_row}")
        )
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                if (row, col) == (first_row, first_col):
                    continue
                merged = MergedCell(sheet, row, col)
                merged._style = copy(top_left._style)
                sheet._cells[(row, col)] = merged

    def apply(self, cell, font: Font, alignment: Alignment) -> None:
        key = (id(font), id(alignment))
        array = self._arrays.get(key)
        if array is None:
            cell.font = font
            cell.alignment = alignment
            cell.border = _BORDER
            self._arrays[key] = copy(cell._style)
        else:
            cell._style = copy(array)


def _box(sheet: Worksheet, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
    """Borders on every cell of a range: a merged range shows only the borders its cells have."""
    for row in sheet.iter_rows(
        min_row=first_row, max_row=last_row, min_col=first_col, max_col=last_col
    ):
        for cell in row:
            cell.border = _BORDER


def _header_row(sheet: Worksheet, row: int, headers, style: SheetStyle) -> None:
    """A table's header row: 黑体, centred, boxed."""
    for col, header in enumerate(headers, 1):
        cell = sheet.cell(row, col, header)
        cell.font = _font(style.header_font, style.header_size)
        cell.alignment = _CENTRE
    _box(sheet, row, row, 1, len(headers))


def _print_setup(sheet: Worksheet, header_rows: str) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = header_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.font = "仿宋_GB2312"


def write_task_sheet(sheet: Worksheet, title: str, rows: list[TaskRow], style: SheetStyle) -> None:
    widths = style.column_widths
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.cell(1, 1, title).font = _font(style.title_font, style.title_size)
    sheet.cell(1, 1).alignment = _CENTRE
    sheet.row_dimensions[1].height = style.title_size * 2.2
    _header_row(sheet, 2, HEADERS, style)
    sheet.row_dimensions[2].height = style.line_height_pt * 1.6
    body = _font(style.body_font, style.body_size)
    styles = _Styles()
    line = 3
    area_start = 3
    for index, row in enumerate(rows):
        first = line
        works = row.works or ()
        for work in works:
            values = (row.number, row.area, row.action, work.work, work.lead, work.cooperating_text)
            for col, value in enumerate(values, 1):
                keep = col > 3 or line == first or (col == 2 and line == area_start)
                cell = sheet.cell(line, col, value if keep else None)
                styles.apply(cell, body, _LEFT if col in (4, 6) else _CENTRE)
            needed = max(lines_needed(str(v), widths[c]) for c, v in enumerate(values) if c >= 3)
            sheet.row_dimensions[line].height = max(needed, 2) * style.line_height_pt + 4
            line += 1
        last = line - 1
        # A measure's title may need more lines than its pieces of work give it.
        title_lines = lines_needed(row.action, widths[2])
        spare = sum(sheet.row_dimensions[r].height for r in range(first, last + 1))
        if title_lines * style.line_height_pt + 4 > spare:
            sheet.row_dimensions[last].height += title_lines * style.line_height_pt + 4 - spare
        if last > first:
            for col in (1, 3):
                styles.merge(sheet, first, col, last, col)
        next_area = rows[index + 1].area if index + 1 < len(rows) else None
        if next_area != row.area:
            if last > area_start:
                styles.merge(sheet, area_start, 2, last, 2)
            area_start = line
    # Every cell has its border from styles.apply; merged ranges take theirs from the top-left cell.
    sheet.freeze_panes = "A3"
    _print_setup(sheet, "1:2")


def write_target_sheet(sheet: Worksheet, draft: Draft, style: SheetStyle) -> None:
    """指标表: each indicator with its unit, the parent's and the county's values per year."""
    years = sorted({y.year for t in draft.targets for y in t.years})
    headers = (
        ["序号", "指标", "单位"] + [f"上级{y}年" for y in years] + [f"本县{y}年" for y in years]
    )
    _header_row(sheet, 1, headers, style)
    body = _font(style.body_font, style.body_size)
    styles = _Styles()
    for number, target in enumerate(draft.targets, 1):
        values: list[object] = [number, target.indicator, target.unit]
        for year in years:
            entry = target.year(year)
            values.append(
                f"{entry.parent_value}{entry.parent_after}" if entry and entry.parent_value else ""
            )
        for year in years:
            entry = target.year(year)
            if entry is None:
                values.append("")
            elif entry.decision == "value":
                values.append(f"{entry.value}{entry.after}")
            else:
                values.append(DECISION_NAMES[entry.decision])
        for col, value in enumerate(values, 1):
            styles.apply(sheet.cell(number + 1, col, value), body, _LEFT if col == 2 else _CENTRE)
    widths = [6, 40, 10] + [12] * (2 * len(years))
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet, "1:1")


def write_source_sheet(sheet: Worksheet, draft: Draft, style: SheetStyle) -> None:
    """对照表: each county measure and the parent clauses it takes up."""
    label_of = labels(draft)
    plans = {p.id: find_plan_or_none(p.id) for p in draft.parents}
    sections = {s.id: s for plan in plans.values() if plan for s in plan.walk()}
    headers = ("本县条目", "上级方案", "上级条款", "上级条款标题")
    _header_row(sheet, 1, headers, style)
    body = _font(style.body_font, style.body_size)
    styles = _Styles()
    line = 2
    for node in draft.walk():
        for source in node.sources:
            plan = plans.get(source.plan_id)
            section = sections.get(source.node)
            values = (
                f"{label_of.get(node.id, '')}{node.title}",
                plan.title if plan else source.plan_id,
                source.node.split(":", 1)[1],
                section.heading if section else "（上级方案中已找不到）",
            )
            for col, value in enumerate(values, 1):
                styles.apply(sheet.cell(line, col, value), body, _LEFT)
            line += 1
    for col, width in enumerate((40, 30, 14, 40), 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet, "1:1")


def build_workbook(draft: Draft, style: HouseStyle | None = None) -> Workbook:
    style = style or house_style(draft.layout.style)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分工"
    title = f"{draft.meta.document_title}任务分工表"
    write_task_sheet(sheet, title, task_rows(draft), style.sheet)
    if draft.targets:
        write_target_sheet(workbook.create_sheet("指标表"), draft, style.sheet)
    if any(n.sources for n in draft.walk()):
        write_source_sheet(workbook.create_sheet("对照表"), draft, style.sheet)
    return workbook


def excel_bytes(draft: Draft, style: HouseStyle | None = None) -> bytes:
    buffer = io.BytesIO()
    build_workbook(draft, style).save(buffer)
    return buffer.getvalue()
