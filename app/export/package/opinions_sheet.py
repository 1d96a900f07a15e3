"""意见采纳情况表 as an Excel sheet: the Word table's rows (opinions_doc.py) laid out as the
任务分工 sheet is (excel.py): title over the columns, the summary line, the header, ruled
cells, row heights from the text, frozen header, A4 landscape one page wide, the note under."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Border

from app.core.draft.model import Draft
from app.export.excel import _Sheet, lines_needed
from app.export.package.opinions_doc import (
    OPINION_HEADERS,
    opinion_rows,
    opinion_summary,
    opinions_title,
)
from app.export.style import HouseStyle, usable_style

WIDTHS = (6, 18, 22, 60, 12, 34)
TEXT_COLUMNS = (2, 3, 5)
"""Columns written left-aligned: 条款, 意见内容, 理由/说明."""
HEADER_ROW = 3


def opinions_workbook(draft: Draft, style: HouseStyle | None = None) -> Workbook:
    style = style or usable_style(draft.layout.style)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "意见采纳情况"
    out = _Sheet(sheet, style)
    out.widths(WIDTHS)
    last_col = len(OPINION_HEADERS)
    summary = opinion_summary(draft)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    out.cell(1, 1, opinions_title(draft), font=out.title).border = Border()
    sheet.row_dimensions[1].height = out.style.title_size * 2.2
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    out.cell(2, 1, summary.line, left=True).border = Border()
    sheet.row_dimensions[2].height = out.style.line_height_pt * 1.6
    out.header(HEADER_ROW, OPINION_HEADERS)
    sheet.row_dimensions[HEADER_ROW].height = out.style.line_height_pt * 1.6
    row = HEADER_ROW
    for row, line in enumerate(opinion_rows(draft), HEADER_ROW + 1):
        for col, value in enumerate(line.values):
            out.cell(row, col + 1, line.number if col == 0 else value, left=col in TEXT_COLUMNS)
        needed = max(lines_needed(str(v), WIDTHS[c]) for c, v in enumerate(line.values))
        sheet.row_dimensions[row].height = max(needed, 2) * out.style.line_height_pt + 4
    note_row = row + 2
    sheet.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=last_col)
    out.cell(note_row, 1, summary.note, left=True).border = Border()
    needed = lines_needed(summary.note, sum(WIDTHS))
    sheet.row_dimensions[note_row].height = max(needed, 1) * out.style.line_height_pt + 6
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    out.print_setup(f"{HEADER_ROW}:{HEADER_ROW}")
    return workbook


def opinions_xlsx(draft: Draft, style: HouseStyle | None = None) -> bytes:
    buffer = io.BytesIO()
    opinions_workbook(draft, style).save(buffer)
    return buffer.getvalue()
