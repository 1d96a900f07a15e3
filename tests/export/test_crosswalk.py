"""上级方案任务承接对照表: the rows per parent (直接/调整/合并/经…/未承接 with the county's reason)
and the Word document made of them."""

from __future__ import annotations

import io

import pytest
from docx import Document

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.core.plans.resolver import NO_PLANS, PlanResolver
from app.core.readout.crosswalk import CROSSWALK_HEADERS, check_reasons, crosswalk
from app.export.package.crosswalk_doc import crosswalk_bytes, export_crosswalk

REMOVED = "yinchuan-city:三.一.2"
EDITED = "yinchuan-city:三.二.1"
MERGED = ("yinchuan-city:三.五.1", "yinchuan-city:三.五.2")


def _taking(draft, clause):
    return next(n for n in draft.walk() if any(s.node == clause for s in n.sources))


@pytest.fixture(scope="module")
def yongning():
    """永宁县 from 银川 (宁夏 the farther parent): one measure removed, one edited, two merged."""
    city, region = find_plan("yinchuan-city"), find_plan("ningxia-region")
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=city, farther=(region,)
    )
    draft = ops.remove(draft, _taking(draft, REMOVED).id)
    edited = _taking(draft, EDITED)
    draft = ops.set_paragraphs(draft, edited.id, (*edited.paragraphs, "县发改局每年通报一次。"))
    keep, other = (_taking(draft, clause).id for clause in MERGED)
    draft = ops.merge(draft, keep, other)
    return draft, PlanResolver.of([city, region])


def _rows(tables, plan_id):
    table = next(t for t in tables if t.parent.id == plan_id)
    return table, {row.parent_id: row for row in table.rows}


def test_each_city_measure_is_taken_up_directly_adjusted_merged_or_not(yongning):
    draft, plans = yongning
    table, rows = _rows(crosswalk(draft, plans), "yinchuan-city")
    assert len(rows) == 34
    assert rows[REMOVED].cell == "未承接（理由待填）" and rows[REMOVED].county == ()
    assert rows[EDITED].cell == "调整承接"
    assert rows[EDITED].county == ("三（二）1 全面提升节能管理能力",)
    assert {rows[c].cell for c in MERGED} == {"合并承接"}
    assert rows[MERGED[0]].county_ids == rows[MERGED[1]].county_ids
    others = [r for c, r in rows.items() if c not in {REMOVED, EDITED, *MERGED}]
    assert {r.cell for r in others} == {"直接承接"}
    assert table.heading == "《银川市碳达峰实施方案》（措施 34 条，承接 33 条）"


def test_the_region_measures_are_taken_up_through_the_city(yongning):
    draft, plans = yongning
    _table, rows = _rows(crosswalk(draft, plans), "ningxia-region")
    via = [r for r in rows.values() if r.manner == "via"]
    assert via and {r.cell for r in via} == {"经银川市方案承接"}
    assert all(r.county for r in via)
    assert {r.manner for r in rows.values()} <= {"via", "missing"}


def test_a_reason_is_printed_and_a_missing_one_reported(yongning):
    draft, plans = yongning
    assert any(
        f.code == "reason-missing" and REMOVED in f.data["not_taken_up"]
        for f in check_reasons(draft, plans)
    )
    reasoned = ops.set_not_taken_reason(draft, REMOVED, "本县无燃煤电厂，由市级统筹")
    _table, rows = _rows(crosswalk(reasoned, plans), "yinchuan-city")
    assert rows[REMOVED].cell == "未承接：本县无燃煤电厂，由市级统筹"
    assert not any(
        REMOVED in f.data["not_taken_up"]
        for f in check_reasons(reasoned, plans)
        if f.data["parent"] == "yinchuan-city"
    )


def test_the_document_has_a_table_a_parent_with_its_header(yongning, tmp_path):
    draft, plans = yongning
    draft = ops.set_not_taken_reason(draft, REMOVED, "本县无燃煤电厂，由市级统筹")
    path = export_crosswalk(draft, tmp_path, plans)
    assert path == tmp_path / "永宁县碳达峰实施方案上级方案任务承接对照表.docx"
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "《永宁县碳达峰实施方案》\n上级方案任务承接对照表"
    assert "一、《银川市碳达峰实施方案》（措施 34 条，承接 33 条）" in texts
    assert any(t.startswith("二、《自治区碳达峰实施方案》（措施 43 条") for t in texts)
    assert len(document.tables) == 2
    for table in document.tables:
        assert tuple(c.text for c in table.rows[0].cells) == CROSSWALK_HEADERS
    city = document.tables[0]
    assert len(city.rows) == 1 + 34
    cells = {row.cells[0].text: row.cells[2].text for row in city.rows[1:]}
    assert cells["三（一）2 严格合理控制化石能源消费"] == "未承接：本县无燃煤电厂，由市级统筹"
    assert cells["三（二）1 全面提升节能管理能力"] == "调整承接"
    assert not list(tmp_path.glob(".~pp*.tmp"))


def test_a_parent_not_in_the_library_is_said_in_the_document():
    document = Document(io.BytesIO(crosswalk_bytes(load_demo(), NO_PLANS)))
    assert document.tables == []
    assert any("不在方案库中" in p.text for p in document.paragraphs)
