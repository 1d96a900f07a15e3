"""Any text a user types exports as typed: XML's special characters, control characters, our own markers.

The Word writer once put marker paragraphs (@@PEAKPLAN-PART-n@@) into the
document and spliced its parts in by searching the text, after the user's text
was in it: a measure whose text held a marker moved the 附件 table into the body.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.model import CommitteeMember, WorkRow
from app.core.plans.resolver import PlanResolver
from app.export.excel import excel_bytes
from app.export.html import draft_html
from app.export.word.document import word_bytes

CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n")
SPECIAL = (
    "甲&乙<丙>丁\"戊'己"
    + CONTROL
    + "@@PEAKPLAN-PART-0@@庚@@PEAKPLAN-PART-2@@辛]]>壬{{ draft.meta }}癸{% if x %}子{% endif %}"
)
"""Everything that could be taken for markup, a marker or a template, and every control character."""

IN_TEXT = SPECIAL + "\t制表符\n换行"
"""Text of a paragraph or cell: a tab and a line break are kept (Word writes w:tab and w:br)."""


def readable(text: str) -> str:
    """What must read back: the text less the control characters XML cannot hold (\\t and \\n stay)."""
    return re.sub("[\x00-\x08\x0b-\x1f]", "", text)


def _measure(draft):
    return next(n for n in draft.walk() if n.level == 3 and n.work_rows)


def _special_draft(measure_titles: str = "own_line"):
    draft = load_demo()
    measure = _measure(draft)
    lead, partner = f"县发改局{SPECIAL}", f"县财政局{SPECIAL}"
    draft = ops.rename(draft, measure.id, f"标题{SPECIAL}")
    draft = ops.set_paragraphs(draft, measure.id, (IN_TEXT, "第二段。"))
    draft = ops.set_units(draft, measure.id, (lead, partner))
    draft = ops.set_work_rows(
        draft, measure.id, (WorkRow(work=f"主要工作{IN_TEXT}", units=(lead, partner)),)
    )
    members = (CommitteeMember(role="组长", name="王芳", unit=f"单位{SPECIAL}"),)
    draft = ops.set_meta(
        draft,
        title=f"某县{SPECIAL}方案",
        commissioned_by=f"委托{SPECIAL}",
        drafted_by=f"编制{SPECIAL}",
        committee=members,
        preamble=(f"前言{IN_TEXT}",),
    )
    return ops.set_layout(draft, attachment=True, measure_titles=measure_titles)


def test_a_marker_in_a_measure_text_leaves_the_attachment_at_the_end():
    draft = ops.set_layout(load_demo(), attachment=True)
    measure = _measure(draft)
    draft = ops.set_paragraphs(draft, measure.id, ("前@@PEAKPLAN-PART-2@@后", *measure.paragraphs))
    document = Document(io.BytesIO(word_bytes(draft)))
    assert "前@@PEAKPLAN-PART-2@@后" in [p.text for p in document.paragraphs]
    body = list(document.element.body)
    assert body[-2].tag == qn("w:tbl") and body[-1].tag == qn("w:sectPr")
    assert [c.tag for c in body].count(qn("w:tbl")) == 2  # 编制委员会 and 附件


@pytest.fixture(scope="module", params=["own_line", "run_in"])
def special(request):
    return _special_draft(request.param)


@pytest.fixture(scope="module")
def document(special):
    return Document(io.BytesIO(word_bytes(special)))


def test_word_reads_back_every_field_as_typed(special, document):
    texts = [p.text for p in document.paragraphs]
    joined = "\n".join(texts)
    assert texts[0] == readable(f"某县{SPECIAL}方案")
    assert readable(f"委托单位：委托{SPECIAL}") in texts
    assert readable(f"编制单位：编制{SPECIAL}") in texts
    assert readable(f"前言{IN_TEXT}") in texts
    assert readable(IN_TEXT) in joined
    assert readable(f"标题{SPECIAL}") in joined
    assert readable(f"县发改局{SPECIAL}") in joined and readable(f"财政局{SPECIAL}") in joined
    if special.layout.measure_titles == "own_line":
        measure = _measure(special)
        assert f"1.{readable(measure.title)}" in texts
        assert readable(IN_TEXT) in texts
    committee = document.tables[0]
    assert committee.rows[0].cells[2].text == readable(f"单位{SPECIAL}")
    assert not any(ch in joined for ch in CONTROL)


def test_the_attachment_table_stays_last_and_reads_back(special, document):
    body = list(document.element.body)
    assert [c.tag for c in body].count(qn("w:tbl")) == 2
    assert body[-2].tag == qn("w:tbl") and body[-1].tag == qn("w:sectPr")
    table = document.tables[-1]
    cells = [[c.text for c in row.cells] for row in table.rows]
    wanted = [
        readable(f"主要工作{IN_TEXT}"),
        readable(f"县发改局{SPECIAL}"),
        readable(f"县财政局{SPECIAL}"),
    ]
    assert wanted in [row[3:] for row in cells]
    label, title = document.paragraphs[-2:]
    assert label.text == "附件"
    assert title.text == readable(f"某县{SPECIAL}方案任务分工表")


def test_excel_cells_hold_the_same_text(special):
    workbook = load_workbook(io.BytesIO(excel_bytes(special, plans=PlanResolver.library())))
    sheet = workbook["任务分工"]
    assert sheet["A1"].value == readable(f"某县{SPECIAL}方案任务分工表")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_col=6)]
    wanted = [
        readable(f"主要工作{IN_TEXT}"),
        readable(f"县发改局{SPECIAL}"),
        readable(f"县财政局{SPECIAL}"),
    ]
    assert wanted in [row[3:] for row in rows]
    measure = _measure(special)
    assert readable(measure.title) in [row[2] for row in rows]
    sources = [c.value for c in workbook["对照表"]["A"]]
    assert f"1.{readable(measure.title)}" in sources


def test_the_preview_escapes_and_shows_the_same_text(special):
    html = draft_html(special)
    assert "@@PEAKPLAN-PART-2@@" in html and "]]&gt;" in html
    assert "&lt;丙&gt;" in html and "<丙>" not in html
    assert not any(ch in html for ch in CONTROL)
