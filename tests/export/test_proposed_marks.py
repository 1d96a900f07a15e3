"""Proposed units are marked as proposals in all four places — `check`, the Word draft's
clause, the Word 附件's unit cell and the Excel sheet's unit cell — with the same words,
and every mark goes once the county settles the unit (issue 24, item 2)."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import load_workbook

from app.core import operations as ops
from app.core.operations.content import WorkRowField
from app.core.operations.new_draft import new_draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.export.excel import excel_bytes
from app.export.word.document import word_bytes
from app.importer import import_plan

PARENT = (
    "江西省关于加快建立健全绿色低碳循环发展经济体系的若干措施\n\n一、重点任务\n"
    "（一）健全绿色低碳循环发展的生产体系\n"
    "1.推进工业绿色升级。加快实施钢铁、石化、化工等行业绿色化改造。\n"
    "2.加快农业绿色发展。推进农业投入品减量，加强畜禽粪污资源化利用。\n"
    "（二）健全绿色低碳循环发展的流通体系\n"
    "1.打造绿色物流。推广新能源汽车，加快充电设施建设。\n"
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    path = tmp_path_factory.mktemp("parent") / "jiangxi.txt"
    path.write_text(PARENT, encoding="utf-8")
    plan = import_plan(path, plan_id="jiangxi-measures", level="province").plan
    draft, _ = new_draft(county="南昌县", city="南昌市", region="江西省", plan=plan)
    return ops.set_layout(draft, attachment=True), PlanResolver.of([plan])


def _word_marks(draft) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(marked words, comment text) in the body and in the 附件 table, read from the .docx."""
    with zipfile.ZipFile(io.BytesIO(word_bytes(draft))) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/comments.xml"))
    said = {
        c.get(qn("w:id")): "".join(t.text or "" for t in c.iter(qn("w:t")))
        for c in notes.iter(qn("w:comment"))
    }
    marked: dict[str, list[str]] = {}
    in_table: set[str] = set()
    for element in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            number = element.get(qn("w:id"))
            marked[number] = []
            if any(a.tag == qn("w:tc") for a in element.iterancestors()):
                in_table.add(number)
        elif element.tag == qn("w:t"):
            for words in marked.values():
                if not words or not words[-1].endswith("\0"):
                    words.append(element.text or "")
        else:
            marked[element.get(qn("w:id"))].append("\0")
    pairs = {n: ("".join(w).rstrip("\0"), said[n]) for n, w in marked.items()}
    return (
        [p for n, p in pairs.items() if n not in in_table],
        [p for n, p in pairs.items() if n in in_table],
    )


def _sheet_marks(draft, plans) -> list[tuple[str, str]]:
    """(cell text, cell comment) of the Excel 任务分工 sheet's 牵头单位 cells with a comment."""
    sheet = load_workbook(io.BytesIO(excel_bytes(draft, plans=plans)))["任务分工"]
    return [
        (row[4].value, row[4].comment.text)
        for row in sheet.iter_rows(min_row=3)
        if row[4].comment is not None
    ]


def _proposals(draft) -> list[tuple[str, str]]:
    """(lead, message) of each measure's open proposal, in document order."""
    return [
        (q.quote, q.message)
        for n in draft.walk()
        for q in n.questions
        if q.kind == "proposed_unit" and n.responsibility and n.responsibility.lead == q.quote
    ]


def test_the_four_places_mark_the_same_proposals(drafted):
    draft, plans = drafted
    proposals = _proposals(draft)
    assert len(proposals) == 3
    said = [f.message for f in check_draft(draft, plans) if "建议牵头单位" in f.message]
    assert len(said) == 3 and all("配合单位" in m and "待确认" in m for m in said)
    body, table = _word_marks(draft)
    sheet = _sheet_marks(draft, plans)
    for marks in (body, table, sheet):
        proposed = [(words, text) for words, text in marks if "拟定的责任单位，待确认" in text]
        assert [w for w, _t in proposed] == [lead for lead, _m in proposals]
        assert all(
            message in text for (_w, text), (_l, message) in zip(proposed, proposals, strict=True)
        )


def test_settling_a_unit_takes_every_mark_away(drafted):
    draft, plans = drafted
    node = next(n for n in draft.walk() if n.title == "加快农业绿色发展")
    assert node.responsibility.lead == "县农业农村局"
    # the county names another lead on the 任务分工 page: the measure's clause follows
    settled = ops.set_work_row_field(draft, node.id, 0, WorkRowField.LEAD, "县发改局")
    assert settled.find(node.id).responsibility.lead == "县发改局"
    assert len(_proposals(settled)) == 2
    assert len([f for f in check_draft(settled, plans) if "建议牵头单位" in f.message]) == 2
    body, table = _word_marks(settled)
    for marks in (body, table, _sheet_marks(settled, plans)):
        assert len([t for _w, t in marks if "拟定的责任单位" in t]) == 2
        assert not any("县农业农村局" in t for _w, t in marks)
