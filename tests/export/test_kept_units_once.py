"""A clause keeping several parent units the county lacks is commented once, listing each
unit with what to do about it — not once a unit (a 广东 finance plan gave 112 comments over
15 names on 18 clauses). The Excel sheet says the same words in one cell comment."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.core import operations as ops
from app.core.operations.new_draft import new_draft
from app.core.plans.resolver import PlanResolver
from app.export.excel import excel_bytes
from app.export.word.document import word_bytes
from app.importer import import_plan
from tests.cases.word_text import read_word

PARENT = (
    "广东省发展绿色金融支持碳达峰行动的实施方案\n\n一、总体要求\n坚持绿色金融服务实体经济。\n二、主要措施\n"
    "（一）统筹规划绿色金融发展\n"
    "1.完善绿色金融组织体系。支持金融机构设立绿色金融事业部。"
    "（省发展改革委牵头，人民银行广州分行、广东银保监局、深圳银保监局、深圳证监局配合）\n"
    "2.丰富绿色金融产品体系。鼓励金融机构研发绿色信贷产品。"
    "（省财政厅牵头，广东银保监局、深圳银保监局配合）\n"
)
KEPT = ("人民银行广州分行", "广东银保监局", "深圳银保监局", "深圳证监局")


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    path = tmp_path_factory.mktemp("parent") / "guangdong.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="gd-finance", level="province").plan
    draft, _ = new_draft(county="翁源县", city="韶关市", region="广东省", plan=plan)
    return ops.set_layout(draft, attachment=True), PlanResolver.of([plan])


def _body_unit_comments(draft, tmp: Path) -> list:
    path = tmp / "d.docx"
    path.write_bytes(word_bytes(draft))
    word = read_word(path)
    return [c for c in word.comments if c.text.startswith("上级单位，本县无对应单位")]


def test_a_clause_keeping_four_units_has_one_comment_naming_each(drafted, tmp_path):
    draft, _plans = drafted
    comments = _body_unit_comments(draft, tmp_path)
    clauses = [
        n for n in draft.walk() if n.responsibility and set(KEPT) & set(n.responsibility.units)
    ]
    assert len(clauses) == 2
    assert len(comments) == 2
    first = comments[0].text
    for unit in KEPT:
        assert unit in first
    # units with the same advice said together, once
    assert "深圳银保监局、深圳证监局：" in first
    assert first.count("请删去") >= 1


def test_the_excel_sheet_says_the_words_of_the_word_comment(drafted, tmp_path):
    draft, plans = drafted
    sheet = load_workbook(io.BytesIO(excel_bytes(draft, plans=plans, comments=True))).worksheets[0]
    notes = [c.comment.text for row in sheet.iter_rows() for c in row if c.comment is not None]
    kept = [n for n in notes if "上级单位，本县无对应单位" in n]
    assert len(kept) == 2
    said = [c.text for c in _body_unit_comments(draft, tmp_path)]
    assert [k.replace("\r", "") for k in kept] == said


def test_the_export_line_says_how_many_comments_hold_the_questions(drafted, tmp_path):
    """Six kept units in two clauses are six questions in two comments: the line after an
    export says both, not "6 个待定事项作为批注" over a file with fewer comments."""
    from app.export.files import export_draft

    draft, plans = drafted
    done = export_draft(draft, tmp_path, plans=plans)
    notes = len(read_word(done.word).comments)
    assert done.comments > notes
    line = done.questions_line()
    assert line == f"已将 {done.comments} 个待定事项作为 {notes} 条批注标在 Word 文稿中。"
