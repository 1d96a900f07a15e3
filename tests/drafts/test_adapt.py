"""Adapting parent text: level words as data, units through the catalogue, every change visible."""

from __future__ import annotations

from app.core.adapt.targets import TargetBook
from app.core.adapt.text import adapt_text
from app.core.adapt.units import adapt_units
from app.core.draft.mentions import TOKEN
from app.core.draft.model import Catalogue, CatalogueUnit, UnitMapEntry
from app.core.text.county import CountyContext

COUNTY = CountyContext("永宁县", "银川市", "宁夏回族自治区")
CATALOGUE = Catalogue(
    units=(
        CatalogueUnit(name="县发改局"),
        CatalogueUnit(name="县工信局"),
        CatalogueUnit(name="各乡镇人民政府"),
    ),
    mapping=(
        UnitMapEntry(parent="自治区发展改革委", county=("县发改局",)),
        UnitMapEntry(parent="自治区工业和信息化厅", county=("县工信局",)),
        UnitMapEntry(parent="市发改委", county=("县发改局",)),
    ),
)


def _adapt(text: str, level: str = "region"):
    return adapt_text(text, level=level, county=COUNTY, catalogue=CATALOGUE)


def test_level_words_change_and_the_parent_government_stays():
    result = _adapt(
        "按照自治区要求，全区推进节能降碳，我区新能源企业走出去，由自治区发展改革委牵头。"
    )
    assert result.text == "按照自治区要求，全县推进节能降碳，我县新能源企业走出去，由县发改局牵头。"
    assert [(c.old, c.new) for c in result.changes] == [
        ("全区", "全县"),
        ("我区", "我县"),
        ("自治区发展改革委", "县发改局"),
    ]
    for change in result.changes:
        assert result.text[change.start : change.end] == change.new
        assert change.reason


def test_city_words():
    result = _adapt(
        "明确全市碳达峰目标，市直各有关部门和各县（市）区要制定方案，依托市域河湖。", level="city"
    )
    assert result.text == "明确全县碳达峰目标，县直各有关部门和各乡镇要制定方案，依托县域河湖。"


def test_document_titles_are_quoted_as_they_are():
    result = _adapt("落实《关于加强全区干部碳达峰碳中和教育培训的通知》，在全区开展培训。")
    assert result.text == "落实《关于加强全区干部碳达峰碳中和教育培训的通知》，在全县开展培训。"


def test_a_district_keeps_its_own_level_word():
    district = CountyContext("金凤区", "银川市", "宁夏回族自治区")
    result = adapt_text("全市推进", level="city", county=district, catalogue=CATALOGUE)
    assert result.text == "全区推进"


def test_targets_become_mentions_of_one_table_entry():
    book = TargetBook([], 1)
    first = adapt_text(
        "到2025年，全区森林覆盖率达到20%，湿地保护率达到56%以上。",
        level="region",
        county=COUNTY,
        catalogue=CATALOGUE,
        book=book,
        source="ningxia-region:二",
    )
    second = adapt_text(
        "到2025年，森林覆盖率达到20%。",
        level="region",
        county=COUNTY,
        catalogue=CATALOGUE,
        book=book,
        source="ningxia-region:三.七.2",
    )
    assert first.text.startswith("到2025年，全县森林覆盖率⟦t1@2025|达到⟧")
    assert [m.group("target") for m in TOKEN.finditer(second.text)] == ["t1"]
    forest = book.targets[0]
    assert forest.indicator == "森林覆盖率" and forest.unit == "%"
    assert forest.years[0].parent_value == "20" and forest.years[0].decision == "pending"
    assert forest.sources == ("ningxia-region:二", "ningxia-region:三.七.2")
    wetland = book.targets[1]
    assert wetland.years[0].parent_after == "以上"


def test_units_map_through_the_catalogue_and_unknown_ones_are_kept_and_flagged():
    units, groups, changes = adapt_units(
        ["宁东管委会", "自治区发展改革委", "自治区工业和信息化厅", "县发改局"],
        [0, 1, 1, 1],
        CATALOGUE,
    )
    # the unit with no county counterpart is kept, but cannot lead
    assert units == ["县发改局", "县工信局", "宁东管委会"]
    assert groups == [0, 0, 0]
    status = {c.parent: c.status for c in changes}
    assert status == {
        "宁东管委会": "unmapped",
        "自治区发展改革委": "mapped",
        "自治区工业和信息化厅": "mapped",
        "县发改局": "same",
    }
    assert "宁东管委会" in next(c for c in changes if c.status == "unmapped").message


def test_groups_survive_mapping():
    units, groups, _changes = adapt_units(
        ["县发改局", "自治区发展改革委", "自治区工业和信息化厅"], [0, 1, 1], CATALOGUE
    )
    assert units == ["县发改局", "县工信局"] and groups == [0, 1]
