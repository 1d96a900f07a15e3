"""A 反馈意见表 row's 理由 is the unit's grounds, kept as its own field: never run into the
opinion's words (意见内容), printed in the 意见采纳情况表's 理由/说明 column named as the
unit's; a draft of format 5, which ran it in, has it moved out when opened."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document
from openpyxl import Workbook, load_workbook

from app.core.draft.demo import load_demo
from app.core.draft.model import DRAFT_FORMAT_VERSION
from app.core.draft.store.files import load_draft
from app.export.package.opinions_doc import OPINION_HEADERS, opinions_bytes
from app.export.package.opinions_sheet import opinions_xlsx
from app.tasks.feedback import read_returned_files

FIXTURE = Path(__file__).parents[1] / "drafts" / "fixtures" / "pingluo-v5-opinions.peakplan"
ASKED = "建议将“严控煤炭消费增量”改为“严格控制煤炭消费增量”"


def _form(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    for row in (
        ["县工信局反馈意见表", "", "", "", ""],
        ["序号", "章节", "原文", "修改意见", "理由"],
        ["1", "三、（一）1", "", ASKED, "与自治区方案表述一致"],
        ["2", "三、（二）1", "逐步推进", "", "建议删除“逐步”"],
    ):
        sheet.append(row)
    book.save(path)
    return path


def _table_rows(data: bytes) -> list[dict[str, str]]:
    table = Document(io.BytesIO(data)).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert tuple(rows[0]) == OPINION_HEADERS
    return [dict(zip(OPINION_HEADERS, r, strict=True)) for r in rows[1:]]


def test_a_rows_reason_is_its_own_field_and_column(tmp_path):
    draft = read_returned_files(load_demo(), [_form(tmp_path / "县工信局反馈意见表.xlsx")]).draft
    first, second = draft.opinions
    assert first.comment == ASKED and first.grounds == "与自治区方案表述一致"
    assert second.comment == "建议删除“逐步”" and second.grounds == ""  # a request under 理由
    rows = _table_rows(opinions_bytes(draft))
    assert "与自治区方案表述一致" not in rows[0]["意见内容"]
    assert rows[0]["理由/说明"] == "反馈单位理由：与自治区方案表述一致"
    sheet = load_workbook(io.BytesIO(opinions_xlsx(draft))).active
    cells = [str(c.value or "") for row in sheet.iter_rows() for c in row]
    assert "反馈单位理由：与自治区方案表述一致" in cells
    assert not any("与自治区方案表述一致" in c and ASKED[:6] in c for c in cells)


def test_a_format_5_draft_has_its_form_reasons_moved_out(tmp_path):
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert raw["version"] == 5 and "\n理由：" in raw["opinions"][0]["comment"]
    draft = load_draft(FIXTURE)
    assert draft.version == DRAFT_FORMAT_VERSION
    row, whole, comment = draft.opinions
    assert (row.comment, row.grounds) == (
        "建议将“推行绿色社区试点”改为“推行绿色社区创建”",
        "与上级方案一致",
    )
    assert (whole.comment, whole.grounds) == ("建议附上名词解释", "")
    assert comment.comment == "建议补充\n理由：不是表格的理由" and comment.grounds == ""
