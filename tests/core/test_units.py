"""The shared-prefix rule, read and written back."""

from __future__ import annotations

import pytest

from app.core.plans.library import builtin_plan_paths, load_plan
from app.core.text.unit_lists import format_unit_list, home_prefix, parse_unit_list


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
    # The one clause whose author left out 自治区 after the party organs.
    assert differing == ["ningxia-region:三.九.4"]
