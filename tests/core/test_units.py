"""The shared-prefix rule, read and written back."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.adapt.units import adapt_units
from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue
from app.core.plans.library import builtin_plan_paths, load_plan
from app.core.text.county import CountyContext
from app.core.text.unit_lists import format_unit_list, home_prefix, naming_rules, parse_unit_list


def names(text: str, level: str) -> list[str]:
    return [u.name for u in parse_unit_list(text, level=level)]


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("县发改局、财政局、工信局", "county", ["县发改局", "县财政局", "县工信局"]),
        ("县委组织部、宣传部、党校、县发改局、人社局", "county",
         ["县委组织部", "县委宣传部", "县委党校", "县发改局", "县人社局"]),
        ("县住建局、市生态环境局平罗分局、机关事务服务中心", "county",
         ["县住建局", "市生态环境局平罗分局", "县机关事务服务中心"]),
        ("自治区党委组织部、宣传部、党校、发展改革委、财政厅", "region",
         ["自治区党委组织部", "自治区党委宣传部", "自治区党委党校", "自治区发展改革委", "自治区财政厅"]),
        ("宁东管委会，自治区发展改革委、科技厅、国网宁夏电力公司", "region",
         ["宁东管委会", "自治区发展改革委", "自治区科技厅", "国网宁夏电力公司"]),
        ("市发改委、市政管理局、市场监管局", "city", ["市发改委", "市市政管理局", "市市场监管局"]),
        ("市委宣传部，发改委、教育局", "city", ["市委宣传部", "市发改委", "市教育局"]),
        ("经济发展局、宁东新能源公司", "zone", ["经济发展局", "宁东新能源公司"]),
        ("各县（市）区人民政府、园区管委会", "city", ["各县（市）区人民政府", "园区管委会"]),
        ("市委宣传 部、 发改委", "city", ["市委宣传部", "市发改委"]),
        ("县委宣传部，发改局、教体局", "county", ["县委宣传部", "县发改局", "县教体局"]),
        ("县委组织部、宣传部，县委党校、县发改局", "county",
         ["县委组织部", "县委宣传部", "县委党校", "县发改局"]),
    ],
)  # fmt: skip
def test_parse(text, level, expected):
    assert names(text, level) == expected


def test_format_writes_the_shared_prefix_once():
    full = ["县发改局", "县财政局", "县工信局", "市生态环境局平罗分局", "县机关事务服务中心"]
    assert (
        format_unit_list(full, home="县")
        == "县发改局、财政局、工信局、市生态环境局平罗分局、机关事务服务中心"
    )
    party = ["县委组织部", "县委宣传部", "县委党校", "县发改局", "县人社局"]
    assert format_unit_list(party, home="县") == "县委组织部、宣传部、党校、县发改局、人社局"
    other_first = ["宁东管委会", "自治区发展改革委", "自治区科技厅"]
    assert (
        format_unit_list(other_first, home="自治区", groups=[0, 1, 1])
        == "宁东管委会，自治区发展改革委、科技厅"
    )
    # 县市场监管局 shortened would read as 市场监管局 of nobody: "市场" is no prefix, so 县 stays implied.
    assert format_unit_list(["县发改局", "县市场监管局"], home="县") == "县发改局、市场监管局"


def test_every_clause_of_the_library_round_trips():
    """Writing the units of each published clause back gives the same units, mostly the same text."""
    differing = []
    count = 0
    for path in builtin_plan_paths():
        plan = load_plan(path)
        for section in plan.walk():
            clause = section.clause
            if clause is None:
                continue
            count += 1
            home = home_prefix(plan.level, clause.units[0].written)
            text = format_unit_list(clause.names, home=home, groups=[u.group for u in clause.units])
            assert [u.name for u in parse_unit_list(text, home=home)] == clause.names
            if text not in clause.text:
                differing.append(section.id)
    assert count > 150
    # 宁夏 三.九.4 leaves out 自治区 after the party organs; 银川 三.九.1 and 三.九.4
    # write "市委宣传部，发改委", which we write "市委宣传部，市发改委" (not 市委发改委).
    assert differing == ["ningxia-region:三.九.4", "yinchuan-city:三.九.1", "yinchuan-city:三.九.4"]


def test_after_a_comma_the_prefix_is_written_again():
    """A reader takes "县委宣传部，发改局" for 县委发改局: after a comma the county restates 县."""
    party_then_government = ["县委宣传部", "县发改局", "县教体局"]
    text = format_unit_list(party_then_government, home="县", groups=[0, 1, 1])
    assert text == "县委宣传部，县发改局、教体局"
    assert format_unit_list(["县委宣传部", "县委组织部"], home="县", groups=[0, 1]) == (
        "县委宣传部，县委组织部"
    )
    assert format_unit_list(["县发改局", "县财政局", "县工信局"], home="县", groups=[0, 0, 1]) == (
        "县发改局、财政局，县工信局"
    )


def _lists_of_the_library() -> list[tuple[str, list[str], list[int]]]:
    """Every unit list of the reference plans: clauses and task-table rows, with their groups."""
    lists = []
    for path in builtin_plan_paths():
        plan = load_plan(path)
        for section in plan.walk():
            if section.clause is not None:
                units = section.clause.units
                lists.append((plan.level, [u.name for u in units], [u.group for u in units]))
        for row in plan.task_table:
            for work in row.work_rows:
                # a lead cell may name two units (银川 序号 32: 各县（市）区人民政府、园区管委会)
                lead = [u.name for u in parse_unit_list(work.lead, level=plan.level)]
                cooperating = parse_unit_list(work.cooperating, level=plan.level)
                names = [*lead, *(u.name for u in cooperating)]
                groups = [0] * len(lead) + [u.group + 1 for u in cooperating]
                lists.append((plan.level, names, groups))
    return lists


def test_every_unit_list_of_the_library_round_trips_for_a_county():
    """Each list of every reference plan, as the county's units, written and read back whole."""
    county = CountyContext("永宁县", "银川市", "宁夏回族自治区")
    catalogue = load_catalogue(GENERIC_CATALOGUE, county, ["ningxia-region", "yinchuan-city"])
    rules = naming_rules()
    restated = bare = 0
    for level, names, groups in _lists_of_the_library():
        # as published, with the plan's own prefix
        home = home_prefix(level, names[0])
        text = format_unit_list(names, home=home, groups=groups)
        assert [u.name for u in parse_unit_list(text, home=home)] == names, text
        # as the county's, after mapping
        units, county_groups, _ = adapt_units(names, groups, catalogue, county)
        if any(rules.prefix_of(u) is None and not rules.is_self_named(u) for u in units):
            # 宁东 names its bodies bare (经济发展局): kept, flagged, and nothing tells
            # them from the county's own in a written list.
            assert level == "zone"
            bare += 1
            continue
        text = format_unit_list(units, home="县", groups=county_groups)
        read = parse_unit_list(text, home="县")
        assert [u.name for u in read] == units, text
        for before, unit in itertools.pairwise(read):
            if unit.group != before.group and rules.prefix_of(unit.name) in ("县", "县委"):
                assert unit.written == unit.name, text  # 县委宣传部，县发改局: never "，发改局"
                restated += 1
    assert restated > 30
    assert 0 < bare < len(_lists_of_the_library())


_UNITS = [
    "县发改局", "县财政局", "县市场监管局", "县委组织部", "县委宣传部", "县委党校",
    "县委网信办", "县文明办", "团县委", "市生态环境局平罗分局", "国网宁夏电力有限公司平罗县供电公司",
    "各乡镇人民政府", "工业园区管委会", "县机关事务服务中心", "宁东管委会",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_UNITS), min_size=1, max_size=8, unique=True),
    st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_any_list_of_county_units_round_trips(names, commas):
    groups = [0]
    for comma in commas[: len(names) - 1]:
        groups.append(groups[-1] + int(comma))
    text = format_unit_list(names, home="县", groups=groups)
    read = parse_unit_list(text, home="县")
    assert [u.name for u in read] == names, text
    assert [u.group for u in read] == groups, text
