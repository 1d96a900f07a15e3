"""One printed form of a clause reference wherever the user sees one: 三（一）2 (issue 28 item 6).

The 意见采纳情况表 and the 对照表 printed 三.一.2 while the 修改对照表 printed 三（一）2;
the window's 来源 showed the parent id's 三.一.2; a failed 采纳全部 named 意见 o4.
"""

from __future__ import annotations

import pytest

from app.core import operations as ops
from app.core.draft.consultation import Opinion
from app.core.draft.demo import load_demo
from app.core.draft.tree import EditError
from app.core.plans.resolver import PlanResolver
from app.core.readout.crosswalk import crosswalk
from app.core.readout.revision_table import revision_rows
from app.export.excel import excel_bytes
from app.export.package.opinions_doc import opinion_rows


def test_the_three_package_tables_name_a_measure_alike():
    draft = ops.save_version(load_demo(), "征求意见稿", "2023-08-15")
    measure = list(draft.measures())[1]
    changed = ops.set_paragraphs(draft, measure.id, (measure.paragraphs[0] + "新增的一句。",))
    opinion = Opinion(id="o1", unit="县住建局", kind="comment", node_id=measure.id, comment="好")
    changed = changed.model_copy(update={"opinions": (opinion,)})
    (row,) = [r for r in revision_rows(draft, changed) if r.node_id == measure.id]
    revision_place = row.place  # 修改对照表
    opinion_place = opinion_rows(changed)[0].place  # 意见采纳情况表
    crosswalk_places = {  # 对照表
        county.split(" ", 1)[0]
        for parent in crosswalk(changed, PlanResolver.library())
        for r in parent.rows
        for county in r.county
        if measure.title in county
    }
    assert "（" in revision_place and "." not in revision_place
    assert opinion_place == f"{revision_place} {measure.title}"
    assert crosswalk_places == {revision_place}


def test_parent_clauses_print_as_the_plans_number_them():
    from io import BytesIO

    from openpyxl import load_workbook

    draft = load_demo()
    data = excel_bytes(draft, plans=PlanResolver.library())
    sheets = load_workbook(BytesIO(data))
    clauses = [
        cell.value
        for sheet in sheets.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] == "三" and len(cell.value) <= 8
    ]
    assert clauses and all("." not in c for c in clauses)
    assert any("（" in c for c in clauses)


def test_a_failed_adopt_all_names_the_opinion_as_the_table_numbers_it():
    draft = load_demo()
    first = next(iter(draft.measures()))
    opinions = (
        Opinion(id="o1", unit="县财政局", kind="none"),
        Opinion(
            id="o7",
            unit="县交通局",
            kind="deletion",
            node_id=first.id,
            original="这句话不在方案中",
        ),
    )
    draft = draft.model_copy(update={"opinions": opinions})
    with pytest.raises(EditError) as raised:
        ops.adopt_all(draft)
    message = raised.value.message
    assert message.startswith("第 1 条意见（县交通局）无法采纳")
    assert "o7" not in message
