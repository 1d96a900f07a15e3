"""Control characters typed or pasted into a draft export: Word and Excel get the text without them.

Issue 15: U+000B in a title, a unit or a work row crashed the export (openpyxl's
IllegalCharacterError; python-docx refused it in a comment). Both writers clean
text through one function, app.export.content.printable.
"""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from app.core import operations as ops
from app.core.draft.adaptation import OpenQuestion
from app.core.draft.demo import load_demo
from app.core.draft.model import WorkRow
from app.core.draft.tree import update_node
from app.core.plans.resolver import PlanResolver
from app.export.content import printable
from app.export.files import export_draft

C0 = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n")


def _draft():
    draft = load_demo()
    measure = next(n for n in draft.walk() if n.level == 3 and n.work_rows)
    draft = ops.set_meta(draft, title=f"某县\x0b碳达峰{C0}实施方案")
    draft = ops.set_units(draft, measure.id, (f"县发改局\x0b{C0}",))
    draft = ops.set_work_rows(
        draft, measure.id, (WorkRow(work=f"推进\x0b工作{C0}甲乙", units=(f"县财政局\x0b{C0}",)),)
    )
    question = OpenQuestion(
        kind="figure", quote=f"推进\x0b工作{C0}甲", where="work", message=f"请核实\x0b{C0}"
    )
    draft = update_node(
        draft, measure.id, lambda n: n.model_copy(update={"questions": (question,)})
    )
    return ops.set_layout(draft, attachment=True)


def test_printable_drops_c0_controls_but_tab_and_line_break():
    assert printable(f"甲\x0b乙{C0}\t丙\n丁") == "甲乙\t丙\n丁"


def test_a_draft_full_of_control_characters_exports_both_files(tmp_path):
    result = export_draft(_draft(), tmp_path, plans=PlanResolver.library())
    assert result.word.name == "某县_碳达峰" + "_" * len(C0) + "实施方案.docx"
    assert result.comments == 1  # the question on the work row, with its control characters
    document = Document(io.BytesIO(result.word.read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "某县碳达峰实施方案" in body
    assert "推进工作甲乙" in cells and "县财政局" in cells
    assert not any(ch in body + cells for ch in C0)
    sheet = load_workbook(result.excel)["任务分工"]
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("推进工作甲乙" in v for v in values) and any("县发改局" in v for v in values)
    assert not any(ch in v for v in values for ch in C0)
    comments = [c.comment.text for row in sheet.iter_rows() for c in row if c.comment]
    assert comments and all("请核实" in t and "\x0b" not in t for t in comments)
