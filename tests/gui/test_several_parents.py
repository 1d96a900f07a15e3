"""Several parents from the start (issue 17): the wizard takes a farther parent, the 上级方案
tabs show the region's measures the city did not carry down, and what the city's came from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from app.gui.dialogs.wizard import NewDraftWizard
from tests.gui.helpers import type_text


def _click_check(view, row: int) -> None:
    """A click on the row's check box, at its left."""
    from PySide6.QtCore import QPoint

    rect = view.visualItemRect(view.item(row))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )


def test_the_wizard_takes_the_region_as_a_farther_parent(window, qtbot, monkeypatch):
    made = {}

    def answer(wizard: NewDraftWizard) -> bool:
        wizard.show()
        type_text(wizard.county, "永宁县")
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        wizard.plan.setCurrentIndex(wizard.plan.findData("yinchuan-city"))
        farther = wizard.farther
        row = next(
            i
            for i in range(farther.count())
            if farther.item(i).data(Qt.ItemDataRole.UserRole) == "ningxia-region"
        )
        assert all(
            farther.item(i).data(Qt.ItemDataRole.UserRole) != "yinchuan-city"
            for i in range(farther.count())
        )
        _click_check(farther, row)
        assert farther.item(row).checkState() == Qt.CheckState.Checked
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        made["answers"] = wizard.answers()
        wizard.hide()
        return True

    monkeypatch.setattr(window.files, "run_wizard", answer)
    window.files.new_draft()
    assert [p.id for p in window.doc.draft.parents] == ["yinchuan-city", "ningxia-region"]
    measures = [n for n in window.doc.draft.walk() if n.role != "goals"]  # 主要目标: both
    assert all(s.plan_id == "yinchuan-city" for n in measures for s in n.sources)
    tabs = window.parents
    assert [tabs.tabText(i) for i in range(tabs.count())][:2] == ["银川市方案", "自治区方案"]


def test_the_region_tab_marks_what_the_city_did_not_carry_down(window, qtbot):
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.gui.document import DraftDocument

    city, region = find_plan("yinchuan-city"), find_plan("ningxia-region")
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=city, farther=(region,)
    )
    window.set_document(DraftDocument(draft, None, window))
    tree = window.parents.tree("ningxia-region")
    linked = {link.node for s in city.walk() for link in s.lineage}
    measures = [m for a in region.task_areas() for m in a.children]
    for measure in measures:
        item = tree.item_for(measure.id)
        marked = "未承接" in item.text(0)
        carried = any(part.id in linked for part in measure.walk())
        assert marked == (not carried), measure.id
    if linked:  # the city's tab says where its measures came from
        city_tree = window.parents.tree("yinchuan-city")
        section = next(s for s in city.walk() if s.lineage)
        assert "源自《" in city_tree.item_for(section.id).toolTip(0)


def test_the_user_corrects_where_a_city_measure_descends_from(window, qtbot, monkeypatch):
    """A link found by similarity may be wrong; the right-click 更正上级来源… fixes it, and
    the region's coverage follows."""
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.core.plans.lineage import links
    from app.core.readout.coverage import coverage
    from app.gui.document import DraftDocument

    city, region = find_plan("yinchuan-city"), find_plan("ningxia-region")
    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=city, farther=(region,)
    )
    window.set_document(DraftDocument(draft, None, window))
    tree = window.parents.tree("yinchuan-city")
    section = city.find("yinchuan-city:三.一.3")
    wanted = "ningxia-region:三.一.5"
    assert wanted not in [link.node for link in links(section)]
    monkeypatch.setattr(tree, "ask_source", lambda s: [wanted])
    monkeypatch.setattr(tree, "popup", lambda menu, at: menu.actions()[0].trigger())
    item = tree.item_for(section.id)
    tree.tree.scrollToItem(item)
    tree.tree.customContextMenuRequested.emit(tree.tree.visualItemRect(item).center())

    assert [link.node for link in links(find_plan("yinchuan-city").find(section.id))] == [wanted]
    regional = next(c for c in coverage(window.doc.draft, window.plans) if c.parent.id == region.id)
    assert wanted in {m.section.id for m in regional.through_nearer}
    fresh = window.parents.tree("yinchuan-city")
    assert "三（一）5" in fresh.item_for(section.id).toolTip(0)
