"""The house style is the one source of sizes, widths, borders and titles: change it and every export follows."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from app import paths
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.plans.resolver import NO_PLANS
from app.export.excel import excel_bytes
from app.export.html import draft_html
from app.export.style import StyleError, house_style
from app.export.word.document import word_bytes

OWN = {
    "format": "peakplan-house-style",
    "version": 1,
    "name": "本单位版式",
    "text": {"body": {"size": 15}, "title": {"size": 20}},
    "task_table": {"title": "附表：{title}分工", "border": {"width_pt": 1}},
    "attachment": {"column_widths_mm": [12, 28, 30, 85, 26, 44]},
    "sheet": {"column_widths": [5, 16, 22, 60, 16, 26], "margin_side_in": 0.4},
    "preview": {"scale": 1},
}


@pytest.fixture
def own_style():
    folder = paths.user_data_dir() / "styles"
    folder.mkdir(parents=True)
    (folder / "gbt9704.json").write_text(json.dumps(OWN, ensure_ascii=False), encoding="utf-8")
    return house_style()


def test_an_own_style_says_only_what_differs(own_style):
    assert own_style.name == "本单位版式" and own_style.of("body").size == 15
    assert own_style.of("body").east_asia == "仿宋_GB2312"  # the rest from the default
    assert own_style.page.lines_per_page == 22


def test_word_excel_and_preview_follow_the_house_style(own_style):
    draft = ops.set_layout(load_demo(), attachment=True)
    document = Document(io.BytesIO(word_bytes(draft)))
    sheet = load_workbook(io.BytesIO(excel_bytes(draft, plans=NO_PLANS)))["任务分工"]
    title = "附表：平罗县碳达峰实施方案分工"
    assert document.paragraphs[-1].text == sheet["A1"].value == title
    body = next(p for p in document.paragraphs if p.style.name == "Normal" and p.text)
    assert body.runs[0].font.size.pt == 15
    table = document.tables[-1]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [round(mm / 25.4 * 1440) for mm in OWN["attachment"]["column_widths_mm"]]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "8"  # eighths of a point
    assert [sheet.column_dimensions[c].width for c in "ABCDEF"] == OWN["sheet"]["column_widths"]
    assert sheet["D3"].border.left.style == "medium"
    assert sheet.page_margins.left == 0.4
    page = draft_html(draft)
    assert "font-size: 15pt" in page and "font-size: 20pt" in page


def test_a_title_with_an_unknown_field_is_refused():
    folder = paths.user_data_dir() / "styles"
    folder.mkdir(parents=True)
    bad = {**OWN, "task_table": {"title": "{county}任务分工表"}}
    (folder / "gbt9704.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StyleError) as caught:
        house_style()
    assert "task_table" in " ".join(caught.value.problems)
