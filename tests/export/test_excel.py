"""The 任务分工 workbook, read back: it reproduces the 银川 table and prints like it."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from app.core.draft.demo import load_demo
from app.core.operations.new_draft import as_is
from app.core.plans.library import find_plan
from app.core.plans.resolver import NO_PLANS, PlanResolver
from app.core.readout.task_rows import TASK_HEADERS, task_rows
from app.export.excel import excel_bytes, lines_needed
from app.export.word.document import word_bytes


@pytest.fixture(scope="module")
def yinchuan():
    return as_is(find_plan("yinchuan-city"))


@pytest.fixture(scope="module")
def sheet(yinchuan):
    return load_workbook(io.BytesIO(excel_bytes(yinchuan, plans=NO_PLANS)))["任务分工"]


def _merged(sheet) -> set[str]:
    return {str(r) for r in sheet.merged_cells.ranges}


def test_reproduces_the_yinchuan_table(sheet):
    table = find_plan("yinchuan-city").task_table
    assert sheet["A1"].value == "银川市碳达峰实施方案任务分工表"
    assert [c.value for c in sheet[2]] == [
        "序号",
        "重点领域",
        "行动措施",
        "主要工作",
        "牵头单位",
        "配合单位",
    ]
    numbers = [c.value for c in sheet["A"][2:] if c.value is not None]
    assert numbers == list(range(1, 40))
    leads = [c.value for c in sheet["E"][2:]]
    assert leads == [w.lead for row in table for w in row.work_rows]
    merged = _merged(sheet)
    line = 3
    for row in table:
        span = len(row.work_rows)
        if row.number in (8, 9, 12, 13):
            assert span == 2
            assert f"A{line}:A{line + 1}" in merged and f"C{line}:C{line + 1}" in merged
        line += span
    # 重点领域 merged over each action's rows, numbered as the published 银川 table numbers
    # them (一、 covers 序号 1–3, rows 3–5): the plan is opened as it is.
    assert "B3:B5" in merged and sheet["B3"].value == "一、能源绿色低碳转型行动"
    areas = list(dict.fromkeys(c.value for c in sheet["B"][2:] if c.value))
    assert len(areas) == len({r.area for r in table}) == 12
    assert areas[-2:] == ["十一、对外合作", "十二、政策保障"]  # as the published table numbers them


def test_borders_on_every_cell_of_every_merge(sheet):
    """Every edge of the grid is drawn: each cell's own edges, and a merge's outer edges on all its cells."""
    ranges = list(sheet.merged_cells.ranges)

    def outer(cell, side):
        for merged in ranges:
            if cell.coordinate in merged:
                return {
                    "left": cell.column == merged.min_col,
                    "right": cell.column == merged.max_col,
                    "top": cell.row == merged.min_row,
                    "bottom": cell.row == merged.max_row,
                }[side]
        return True

    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row, max_col=6):
        for cell in row:
            for side in ("left", "right", "top", "bottom"):
                if outer(cell, side):
                    assert getattr(cell.border, side).style == "thin", (cell.coordinate, side)


def test_print_setup_fonts_and_heights(sheet):
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows.replace("$", "") == "1:2"
    assert sheet.page_margins.footer < sheet.page_margins.bottom
    assert sheet.freeze_panes == "A3"
    assert "&P" in sheet.oddFooter.center.text
    assert sheet["A2"].font.name == "黑体" and sheet["D3"].font.name == "仿宋_GB2312"
    assert sheet["D3"].font.charset == 134
    assert sheet["D3"].alignment.wrap_text
    widths = [sheet.column_dimensions[c].width for c in "ABCDEF"]
    assert widths[0] == min(widths) and widths[3] == max(widths)
    for row in range(3, sheet.max_row + 1):
        text = str(sheet.cell(row, 4).value or "")
        assert sheet.row_dimensions[row].height >= lines_needed(text, widths[3]) * 15


def test_word_attachment_and_sheet_have_the_same_rows(yinchuan):
    from docx import Document

    rows = task_rows(yinchuan)
    sheet = load_workbook(io.BytesIO(excel_bytes(yinchuan, plans=NO_PLANS)))["任务分工"]
    document = Document(io.BytesIO(word_bytes(yinchuan)))
    table = document.tables[-1]
    word_rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    sheet_rows = [
        [("" if c.value is None else str(c.value)) for c in r]
        for r in sheet.iter_rows(min_row=3, max_col=6)
    ]
    assert [r[3:] for r in word_rows] == [r[3:] for r in sheet_rows]
    assert len(word_rows) == sum(len(r.works) for r in rows)


def test_demo_has_target_and_source_sheets():
    workbook = load_workbook(io.BytesIO(excel_bytes(load_demo(), plans=PlanResolver.library())))
    assert workbook.sheetnames == ["任务分工", "指标表", "对照表"]
    targets = workbook["指标表"]
    indicators = [c.value for c in targets["B"][1:]]
    assert "新能源发电总装机容量" in indicators
    sources = workbook["对照表"]
    assert any(c.value == "三（一）2" for c in sources["C"])


def test_the_source_sheet_is_built_from_the_plans_passed_in(monkeypatch):
    """对照表 names the parent plans the caller hands over; the library on disk is never read."""
    demo = load_demo()
    ningxia = find_plan("ningxia-region")
    renamed = ningxia.model_copy(update={"title": "传入的自治区方案"})

    def no_library(plan_id):
        raise AssertionError(f"the export looked {plan_id} up in the library")

    monkeypatch.setattr("app.core.plans.library.find_plan_or_none", no_library)
    given = load_workbook(io.BytesIO(excel_bytes(demo, plans=PlanResolver.of([renamed]))))
    none = load_workbook(io.BytesIO(excel_bytes(demo, plans=NO_PLANS)))
    given_rows = [[c.value for c in row] for row in given["对照表"].iter_rows(min_row=2)]
    none_rows = [[c.value for c in row] for row in none["对照表"].iter_rows(min_row=2)]
    assert given_rows and len(given_rows) == len(none_rows)
    assert {row[1] for row in given_rows} == {"传入的自治区方案"}
    assert {row[1] for row in none_rows} == {"ningxia-region"}
    assert {row[3] for row in none_rows} == {"（上级方案中已找不到）"}
    clause = next(row for row in given_rows if row[2] == "三（一）2")
    assert clause[3] == next(s.heading for s in ningxia.walk() if s.id.endswith(":三.一.2"))


def test_word_and_excel_title_and_head_the_task_table_alike(yinchuan):
    from docx import Document

    sheet = load_workbook(io.BytesIO(excel_bytes(yinchuan, plans=NO_PLANS)))["任务分工"]
    document = Document(io.BytesIO(word_bytes(yinchuan)))
    title = "银川市碳达峰实施方案任务分工表"
    assert document.paragraphs[-1].text == sheet["A1"].value == title
    word_headers = [c.text for c in document.tables[-1].rows[0].cells]
    assert word_headers == [c.value for c in sheet[2]] == list(TASK_HEADERS)
