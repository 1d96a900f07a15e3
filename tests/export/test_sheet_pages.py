"""The 任务分工 sheet prints no 重点领域 cell across a page's end; a longer area repeats its label."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.model import WorkRow
from app.core.plans.resolver import NO_PLANS
from app.export.excel import excel_bytes
from app.export.pdf import to_pdf
from app.export.sheet_pages import Span, column_points, cut, page_starts
from tests.conftest import ROOT

LONG_WORK = "加快推进清洁能源替代，严格控制煤炭消费，推动燃煤锅炉改造和散煤治理。" * 4


def test_an_area_that_would_straddle_a_page_starts_the_next():
    heights = [10.0] * 10
    areas = [Span(0, 3), Span(4, 7), Span(8, 9)]
    measures = [Span(i, i) for i in range(10)]
    assert page_starts(heights, areas, measures, capacity=60) == [4]
    assert page_starts(heights, areas, measures, capacity=100) == []


def test_an_area_longer_than_a_page_breaks_between_measures_only():
    heights = [10.0] * 20
    measures = [Span(i, i + 1) for i in range(0, 20, 2)]
    starts = page_starts(heights, [Span(0, 19)], measures, capacity=45)
    assert starts == [4, 8, 12, 16]
    assert cut(Span(0, 19), starts) == [
        Span(0, 3),
        Span(4, 7),
        Span(8, 11),
        Span(12, 15),
        Span(16, 19),
    ]


def test_column_points_follow_excels_pixel_rule():
    assert column_points(6) == 31.5  # 42 px at 96 dpi
    assert column_points(70) == 367.5


def _long_area_draft():
    """The demo with 能源 (（一）) given six long pieces of work per measure: over two pages."""
    draft = ops.set_layout(load_demo(), attachment=True)
    action = next(c for c in draft.chapters if c.role == "tasks").children[0]
    for measure in action.children:
        works = tuple(WorkRow(work=f"{k + 1}.{LONG_WORK}") for k in range(6))
        draft = ops.set_work_rows(draft, measure.id, works)
    return draft


@pytest.fixture(scope="module", params=["demo", "long"])
def workbook(request):
    draft = load_demo() if request.param == "demo" else _long_area_draft()
    return load_workbook(io.BytesIO(excel_bytes(draft, plans=NO_PLANS)))


def _breaks(sheet) -> list[int]:
    """Rows after which a page ends (manual breaks)."""
    return [brk.id for brk in sheet.row_breaks.brk]


def test_no_merged_cell_crosses_a_page_break(workbook):
    sheet = workbook["任务分工"]
    breaks = _breaks(sheet)
    assert breaks
    for merged in sheet.merged_cells.ranges:
        if merged.min_row > 2:
            assert not [b for b in breaks if merged.min_row <= b < merged.max_row], str(merged)
    for after in breaks:  # every page begins under a label of its own
        assert sheet.cell(after + 1, 2).value


def test_a_long_area_repeats_its_label_on_each_page():
    sheet = load_workbook(io.BytesIO(excel_bytes(_long_area_draft(), plans=NO_PLANS)))["任务分工"]
    labels = [
        sheet.cell(row, 2).value for row in range(3, sheet.max_row + 1) if sheet.cell(row, 2).value
    ]
    assert labels.count("（一）能源绿色低碳转型行动") >= 3
    assert labels[0] == "（一）能源绿色低碳转型行动" and labels[-1] == "（十）低碳示范创建行动"


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice/poppler not installed",
)
def test_libreoffice_prints_each_page_under_its_label(tmp_path):
    workbook = load_workbook(io.BytesIO(excel_bytes(_long_area_draft(), plans=NO_PLANS)))
    for name in workbook.sheetnames[1:]:
        del workbook[name]
    path = tmp_path / "任务分工.xlsx"
    workbook.save(path)
    pdf = to_pdf(path, tmp_path, fonts_conf=ROOT / "tools" / "fonts.conf")
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = [page for page in pages.split("\f") if page.strip()]
    # No automatic break of LibreOffice's own: as many pages as the sheet's breaks make.
    assert len(pages) == len(_breaks(workbook["任务分工"])) + 1
    for page in pages:
        assert re.search(r"（[一二三四五六七八九十]+）", page), page[:200]
