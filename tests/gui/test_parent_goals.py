"""Ticking a parent's 主要目标 in the 上级方案 tab merges it into the county's 主要目标
(issue 24): one chapter, one 目录 line, its new indicators stated as 【待定】; unticking
takes them out again, and undo brings back what was."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core import operations as ops
from app.core.draft.mentions import render
from app.core.operations.new_draft import new_draft
from app.core.plans.library import add_user_plan
from app.export.word.document import word_bytes
from app.gui.document import DraftDocument
from app.importer import import_plan

FIXTURES = Path(__file__).parents[1] / "drafts" / "fixtures" / "parent_goals"


def _toggle(tree, section_id: str) -> None:
    """Select the parent's section and press Space on its check box, as a keyboard user does."""
    item = tree.item_for(section_id)
    tree.tree.scrollToItem(item)
    tree.tree.setCurrentItem(item)
    tree.tree.setFocus()
    QTest.keyClick(tree.tree, Qt.Key.Key_Space)


def _goals(draft) -> str:
    return "".join(render(p, draft) for p in draft.chapter("goals").paragraphs)


def test_ticking_the_regions_goals_merges_them_into_the_countys(window, qtbot):
    city = import_plan(FIXTURES / "beihai.txt", plan_id="beihai-goals").plan
    region = import_plan(FIXTURES / "guangxi.txt", plan_id="guangxi-goals").plan
    add_user_plan(city)
    add_user_plan(region)
    draft, _ = new_draft(county="合浦县", city="北海市", region="广西壮族自治区", plan=city)
    draft = ops.add_parent(draft, region.id, region.title, region.level)
    window.set_document(DraftDocument(draft, None, window))
    before = window.doc.draft
    assert "森林覆盖率" not in _goals(before)  # 北海 sets none; the region 62.6%

    tree = window.parents.tree(region.id)
    _toggle(tree, f"{region.id}:一.二")
    after = window.doc.draft
    assert [c.title for c in after.chapters].count("主要目标") == 1
    assert not [n for n in after.walk() if n.level > 1 and "目标" in n.title]
    text = _goals(after)
    assert "森林覆盖率提高到【待定】%" in text and "62.6" not in text
    assert text.count("万元地区生产总值能耗") == 1  # the city's row, not the region's again
    assert tree.item_for(f"{region.id}:一.二").checkState(0) == Qt.CheckState.Checked
    document = Document(io.BytesIO(word_bytes(after)))
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("toc")]
    assert sum("主要目标" in line for line in toc) == 1

    _toggle(tree, f"{region.id}:一.二")  # given back: its indicator goes, the chapter stays
    released = window.doc.draft
    assert "森林覆盖率" not in _goals(released) and released.chapter("goals") is not None
    assert not [t for t in released.targets if t.indicator == "森林覆盖率"]
    window.edits.undo_action.trigger()
    window.edits.undo_action.trigger()
    assert window.doc.draft == before


def test_the_target_page_shows_the_parents_value_as_reference_and_the_county_decides(window, qtbot):
    from tests.gui.helpers import edit_cell

    city = import_plan(FIXTURES / "shijiazhuang.txt", plan_id="shijiazhuang-goals").plan
    add_user_plan(city)
    draft, _ = new_draft(county="平山县", city="石家庄市", region="河北省", plan=city)
    window.set_document(DraftDocument(draft, None, window))
    window.preview.refresh()
    shown = window.preview.toPlainText()
    assert "非化石能源消费占比提高到【待定】%" in shown and "8%" not in shown

    window.pages.setCurrentWidget(window.targets)
    model, table = window.targets.model, window.targets.table
    energy = next(t for t in window.doc.draft.targets if t.indicator == "单位GDP能耗下降")
    row = window.targets.row_of(energy.id)
    parent_cell = model.index(row, model.parent_column(2025)).data()
    county_cell = model.index(row, model.county_column(2025))
    assert (parent_cell, county_cell.data()) == ("16以上", "待定")
    hint = county_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "上级为 16%以上" in hint and "确保完成省、石家庄市下达任务" in hint

    edit_cell(qtbot, table, row, model.county_column(2025), "完成上级下达任务")
    share = next(t for t in window.doc.draft.targets if t.indicator == "非化石能源消费占比")
    edit_cell(qtbot, table, window.targets.row_of(share.id), model.county_column(2025), "10")
    window.preview.refresh()
    shown = window.preview.toPlainText()
    assert "单位GDP能耗下降确保完成省、石家庄市下达任务" in shown
    assert "非化石能源消费占比提高到10%" in shown


def test_a_target_for_another_year_has_its_own_columns(window, qtbot):
    """黑龙江's 2021-2023 plan sets targets for 2023: the table shows that year too, and a
    value typed there prints where the measure states it."""
    from app.core.operations.targets import add_target
    from tests.gui.helpers import edit_cell

    draft = window.doc.draft
    measure = next(draft.measures())
    draft, target_id = add_target(draft, measure.id, "秸秆综合利用率", 2023, value="90", unit="%")
    window.set_document(DraftDocument(draft, None, window))
    window.pages.setCurrentWidget(window.targets)
    model = window.targets.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
               for c in range(model.columnCount())]  # fmt: skip
    assert "本县2023年" in headers and "上级2023年" in headers
    column = headers.index("本县2023年")
    row = window.targets.row_of(target_id)
    assert model.index(row, column).data() == "90"
    edit_cell(qtbot, window.targets.table, row, column, "95以上")
    text = "".join(
        render(p, window.doc.draft) for p in window.doc.draft.find(measure.id).paragraphs
    )
    assert "到2023年，秸秆综合利用率达到95%以上" in text
