"""The wizard places the county from the gazetteer (issue 24, item 4): nothing of the demo's
宁夏 is pre-filled, the county's city and province follow from its name, its province's
plans come first, and a parent of another province is said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from app.core.plans.library import add_user_plan
from app.core.readout.render import rendered_nodes
from app.export.content import body_blocks, cover_blocks
from app.export.style import house_style
from app.importer import import_plan
from tests.conftest import ROOT
from tests.gui.helpers import type_text

WUZHOU = (
    ROOT
    / "tests"
    / "importer"
    / "fixtures"
    / "pdf"
    / "wuzhou_green_circular_economy_plan.pdftotext.txt"
)


def _click(wizard, which) -> None:
    QTest.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def _printed(draft) -> str:
    """The draft as its export prints it: cover, body, and the units its clauses name."""
    style = house_style()
    blocks = cover_blocks(draft) + body_blocks(draft, style, rendered_nodes(draft))
    units = [n for u in draft.catalogue.units for n in (u.name, u.full_name, *u.aliases)]
    return "\n".join([b.text for b in blocks] + units)


def _wizard(qtbot):
    from app.gui.dialogs.wizard import NewDraftWizard

    wizard = NewDraftWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_nothing_of_ningxia_is_filled_in_before_the_county_is_typed(qtbot):
    wizard = _wizard(qtbot)
    assert wizard.region.text() == ""
    assert wizard.city.text() == ""


def test_a_guangxi_county_gives_a_guangxi_draft_without_ningxia(qtbot):
    add_user_plan(import_plan(WUZHOU).plan)
    wizard = _wizard(qtbot)
    type_text(wizard.county, "阳朔县")
    assert wizard.city.text() == "桂林市"
    assert wizard.region.text() == "广西壮族自治区"
    _click(wizard, QWizard.WizardButton.NextButton)
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.plan.currentText().startswith("关于加快建立健全绿色低碳循环发展经济体系实施方案")
    assert wizard.other_province.isHidden()
    _click(wizard, QWizard.WizardButton.NextButton)
    _click(wizard, QWizard.WizardButton.FinishButton)
    draft = wizard.draft()
    assert (draft.meta.county, draft.meta.city, draft.meta.region) == (
        "阳朔县", "桂林市", "广西壮族自治区",
    )  # fmt: skip
    printed = _printed(draft)
    assert "阳朔县供电局" in printed  # 广西 is 南方电网's: there is no 国网广西
    assert "宁夏" not in printed


def test_a_parent_of_another_province_is_said(qtbot):
    wizard = _wizard(qtbot)
    type_text(wizard.county, "阳朔县")
    _click(wizard, QWizard.WizardButton.NextButton)
    _click(wizard, QWizard.WizardButton.NextButton)
    assert not wizard.other_province.isHidden()
    assert "宁夏回族自治区" in wizard.other_province.text()
    assert "广西壮族自治区" in wizard.other_province.text()


def test_a_shared_county_name_is_asked_and_the_choice_fills_city_and_province(qtbot):
    wizard = _wizard(qtbot)
    type_text(wizard.county, "鼓楼区")
    assert wizard.city.text() == ""  # four 鼓楼区: not guessed
    labels = [wizard.home.itemText(i) for i in range(wizard.home.count())]
    assert "福建省福州市鼓楼区" in labels and "江苏省南京市鼓楼区" in labels
    wizard.home.setCurrentIndex(labels.index("福建省福州市鼓楼区"))
    assert (wizard.city.text(), wizard.region.text()) == ("福州市", "福建省")


def test_a_banner_and_a_district_of_a_municipality_are_placed(qtbot):
    wizard = _wizard(qtbot)
    type_text(wizard.county, "准格尔旗")
    assert (wizard.city.text(), wizard.region.text()) == ("鄂尔多斯市", "内蒙古自治区")
    wizard.county.clear()
    type_text(wizard.county, "崇明区")
    assert (wizard.city.text(), wizard.region.text()) == ("", "上海市")


def test_what_the_user_typed_as_city_is_kept(qtbot):
    wizard = _wizard(qtbot)
    type_text(wizard.city, "桂林")
    type_text(wizard.county, "阳朔县")
    assert wizard.city.text() == "桂林"
    assert wizard.region.text() == "广西壮族自治区"
