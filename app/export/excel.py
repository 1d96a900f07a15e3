"""The task-division workbook: the 任务分工 sheet, and 指标表 / 对照表 when there is data.

Laid out like the 银川 table (LAYOUT.md): title row, header, 重点领域 merged
over its rows, 序号 and 行动措施 merged over a measure's pieces of work, ruled
borders on every cell of every merge, row heights from the text length,
frozen header, A4 landscape fitted to one page wide with the header repeated
and page numbers in the footer. The lines, title and headers are the Word
附件's (content.py); widths, fonts, margins and borders come from the house
style. The parent plans of the 对照表 are passed in by the caller.
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
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from app.core.draft.model import DECISION_NAMES, Draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.render import labels
from app.core.readout.task_rows import TASK_HEADERS, task_rows
from app.core.text.clause_label import clause_label
from app.export.content import (
    TEXT_COLUMNS,
    TaskLine,
    printable,
    task_lines,
    task_title,
)
from app.export.sheet_notes import add_question_comments
from app.export.sheet_pages import Span, cut, page_capacity, page_starts, print_scale
from app.export.style import BorderStyle, HouseStyle, PageStyle, usable_style

_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


FIRST_TASK_ROW = 3  # under the title and the header


def _font(name: str, size: float, bold: bool = False) -> Font:
    return Font(name=name, size=size, bold=bold, charset=134)


def _border(style: BorderStyle) -> Border:
    """Excel's nearest line to the house style's width: hair, thin, medium or thick."""
    width = style.width_pt
    line = (
        "hair"
        if width < 0.5
        else "thin"
        if width <= 0.75
        else "medium"
        if width <= 1.5
        else "thick"
    )
    side = Side(style=line, color=style.color)
    return Border(left=side, right=side, top=side, bottom=side)


def _value(value: object) -> object:
    """Text as printable in a cell (openpyxl refuses control characters); numbers as they are."""
    return printable(value) if isinstance(value, str) else value


def text_width(text: str) -> int:
    """Width in Excel character units: an East-Asian wide character counts 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(text: str, column_width: float) -> int:
    """How many lines a wrapped cell needs (Excel does not grow rows a library writes)."""
    usable = max(1.0, column_width - 1)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in (text.split("\n") or [""]))


class _Sheet:
    """A sheet being written, with cell styles built once and copied.

    Assigning Font/Border objects hashes them every time; copying a finished
    cell's style array is the same result, many times faster.
    """

    def __init__(self, sheet: Worksheet, style: HouseStyle) -> None:
        self.sheet = sheet
        self.style = style.sheet
        self.border = _border(style.task_table.border)
        self.body = _font(self.style.body_font, self.style.body_size)
        self.heading = _font(self.style.header_font, self.style.header_size)
        self.title = _font(self.style.title_font, self.style.title_size)
        self._arrays: dict[tuple[int, int], object] = {}

    def cell(
        self, row: int, col: int, value: object, *, left: bool = False, font: Font | None = None
    ):
        cell = self.sheet.cell(row, col, _value(value))
        font, alignment = font or self.body, _LEFT if left else _CENTRE
        key = (id(font), id(alignment))
        array = self._arrays.get(key)
        if array is None:
            cell.font, cell.alignment, cell.border = font, alignment, self.border
            self._arrays[key] = copy(cell._style)
        else:
            cell._style = copy(array)
        return cell

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """A merged range whose every cell carries the top-left cell's borders (or Excel draws none there)."""
        top_left = self.sheet.cell(first_row, first_col)
        self.sheet.merged_cells.add(
            MergedCellRange(
                self.sheet, f"{top_left.coordinate}:{get_column_letter(last_col)}{last_row}"
            )
        )
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                if (row, col) != (first_row, first_col):
                    merged = MergedCell(self.sheet, row, col)
                    merged._style = copy(top_left._style)
                    self.sheet._cells[(row, col)] = merged

    def header(self, row: int, headers) -> None:
        """A table's header row: 黑体, centred, ruled."""
        for col, header in enumerate(headers, 1):
            self.cell(row, col, header, font=self.heading)

    def widths(self, widths) -> None:
        for col, width in enumerate(widths, 1):
            self.sheet.column_dimensions[get_column_letter(col)].width = width

    def print_setup(self, header_rows: str) -> None:
        """A4 landscape, one page wide, the header on every page, page numbers in the footer."""
        sheet, style = self.sheet, self.style
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = header_rows
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = style.margin_side_in
        sheet.page_margins.top = sheet.page_margins.bottom = style.margin_end_in
        # The footer inside the bottom margin, not over the table (LibreOffice would shrink it).
        sheet.page_margins.header = sheet.page_margins.footer = style.margin_end_in / 2
        sheet.oddFooter.center.text = style.footer
        sheet.oddFooter.center.font = style.body_font


def write_task_sheet(out: _Sheet, title: str, lines: list[TaskLine], page: PageStyle) -> None:
    """任务分工: the title over the columns, the header, a line per piece of work.

    Pages break so that no 重点领域 cell is split by a page's end (sheet_pages.py).
    """
    sheet, style = out.sheet, out.style
    widths = style.column_widths
    out.widths(widths)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TASK_HEADERS))
    out.cell(
        1, 1, title, font=out.title
    ).border = Border()  # the title stands above the ruled table
    sheet.row_dimensions[1].height = style.title_size * 2.2
    out.header(2, TASK_HEADERS)
    sheet.row_dimensions[2].height = style.line_height_pt * 1.6
    first = FIRST_TASK_ROW
    for offset, line in enumerate(lines):
        row = first + offset
        for col, value in enumerate(line.values):
            out.cell(row, col + 1, value, left=col in TEXT_COLUMNS)
        needed = max(lines_needed(str(v), widths[c]) for c, v in enumerate(line.values) if c >= 3)
        sheet.row_dimensions[row].height = max(needed, 2) * style.line_height_pt + 4
    for offset, line in enumerate(lines):
        row = first + offset
        if line.spans[2]:
            # A measure's title may need more lines than its pieces of work give it.
            last = row + line.spans[2] - 1
            need = lines_needed(str(line.values[2]), widths[2]) * style.line_height_pt + 4
            spare = sum(sheet.row_dimensions[r].height for r in range(row, last + 1))
            if need > spare:
                sheet.row_dimensions[last].height += need - spare
    heights = [sheet.row_dimensions[first + i].height for i in range(len(lines))]
    areas = _spans(lines, 1)
    scale = print_scale(widths, page, style)
    title_rows = sheet.row_dimensions[1].height + sheet.row_dimensions[2].height
    capacity = page_capacity(scale, title_rows, page, style)
    starts = page_starts(heights, areas, _spans(lines, 0), capacity)
    for offset, line in enumerate(lines):
        row = first + offset
        for col in (0, 2):
            if line.spans[col] > 1:
                out.merge(row, col + 1, row + line.spans[col] - 1, col + 1)
    for area in areas:
        label = lines[area.first].values[1]
        for piece in cut(area, starts):
            # A piece on a later page repeats the label: no row prints under no area.
            out.cell(first + piece.first, 2, label)
            last_col = 3 if lines[area.first].joined else 2  # the action is its own measure
            if piece.last > piece.first or last_col > 2:
                out.merge(first + piece.first, 2, first + piece.last, last_col)
    for start in starts:
        sheet.row_breaks.append(Break(id=first + start - 1))  # a break after the row before
    sheet.freeze_panes = "A3"
    out.print_setup("1:2")


def _spans(lines: list[TaskLine], col: int) -> list[Span]:
    """The runs of lines one merged cell of column `col` covers (序号: a measure, 重点领域: an area)."""
    return [
        Span(index, index + max(line.spans[col], 1) - 1)
        for index, line in enumerate(lines)
        if line.spans[col]
    ]


def write_target_sheet(out: _Sheet, draft: Draft) -> None:
    """指标表: each indicator with its unit, the parent's and the county's values per year."""
    years = sorted({y.year for t in draft.targets for y in t.years})
    headers = (
        ["序号", "指标", "单位"] + [f"上级{y}年" for y in years] + [f"本县{y}年" for y in years]
    )
    out.header(1, headers)
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
            out.cell(number + 1, col, value, left=col == 2)
    number, indicator, unit, year = out.style.target_widths
    out.widths([number, indicator, unit] + [year] * (2 * len(years)))
    out.sheet.freeze_panes = "A2"
    out.print_setup("1:1")


def write_source_sheet(out: _Sheet, draft: Draft, plans: PlanResolver) -> None:
    """对照表: each county measure and the parent clauses it takes up, from the plans passed in."""
    label_of = labels(draft)
    found = {p.id: plans(p.id) for p in draft.parents}
    sections = {s.id: s for plan in found.values() if plan for s in plan.walk()}
    out.header(1, ("本县条目", "上级方案", "上级条款", "上级条款标题"))
    line = 2
    for node in draft.walk():
        for source in node.sources:
            plan = found.get(source.plan_id)
            section = sections.get(source.node)
            values = (
                f"{label_of.get(node.id, '')}{node.title}",
                plan.title if plan else source.plan_id,
                clause_label(source.node),
                section.heading if section else "（上级方案中已找不到）",
            )
            for col, value in enumerate(values, 1):
                out.cell(line, col, value, left=True)
            line += 1
    out.widths(out.style.source_widths)
    out.sheet.freeze_panes = "A2"
    out.print_setup("1:1")


def build_workbook(
    draft: Draft, *, plans: PlanResolver, style: HouseStyle | None = None, comments: bool = True
) -> Workbook:
    """The workbook; `plans` gives the parent plans the 对照表 names (the caller's, never looked up here).

    With `comments` a cell holding an open question's words carries it as a cell comment.
    """
    style = style or usable_style(draft.layout.style)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分工"
    lines = task_lines(task_rows(draft))
    write_task_sheet(_Sheet(sheet, style), task_title(draft, style), lines, style.page)
    if comments:
        add_question_comments(sheet, draft, lines, first_row=FIRST_TASK_ROW)
    if draft.targets:
        write_target_sheet(_Sheet(workbook.create_sheet("指标表"), style), draft)
    if any(n.sources for n in draft.walk()):
        write_source_sheet(_Sheet(workbook.create_sheet("对照表"), style), draft, plans)
    return workbook


def excel_bytes(
    draft: Draft, *, plans: PlanResolver, style: HouseStyle | None = None, comments: bool = True
) -> bytes:
    """The .xlsx file for a draft, as bytes (written to disk atomically by the caller)."""
    buffer = io.BytesIO()
    build_workbook(draft, plans=plans, style=style, comments=comments).save(buffer)
    return buffer.getvalue()
