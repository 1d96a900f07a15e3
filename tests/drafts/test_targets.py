"""One indicator reads one way: a target value lives in the target table, not in loose text."""

from __future__ import annotations

import pytest

from app.core.draft.mentions import render
from app.core.draft.store.files import draft_json
from app.core.operations.new_draft import as_is
from app.core.operations.targets import set_target
from app.core.plans.library import find_plan
from app.core.readout.render import rendered_nodes


@pytest.fixture(scope="module", params=["demo", "as-is"])
def pingluo(request):
    """The demo, and the 平罗 plan opened as it is: the same text either way."""
    if request.param == "demo":
        from app.core.draft.demo import load_demo

        return load_demo()
    return as_is(find_plan("pingluo-county"), region="宁夏回族自治区", city="石嘴山市")


def _texts(draft) -> dict[tuple[str, str], str]:
    """Every printed text of the draft: paragraphs and task-table work, by place."""
    out = {}
    for item in rendered_nodes(draft):
        for i, paragraph in enumerate(item.paragraphs):
            out[(item.node.id, f"p{i}")] = paragraph
        for i, row in enumerate(item.node.work_rows):
            out[(item.node.id, f"w{i}")] = render(row.work, draft)
    return out


def _entry(draft, indicator: str):
    return next(t for t in draft.targets if t.indicator == indicator)


def test_as_is_keeps_every_sentence_exactly(pingluo):
    plan = find_plan("pingluo-county")
    for node, section in zip(pingluo.walk(), plan.walk(), strict=True):
        assert tuple(render(p, pingluo) for p in node.paragraphs) == tuple(section.paragraphs)


def test_changing_a_value_changes_every_sentence_stating_it_and_nothing_else(pingluo):
    entry = _entry(pingluo, "新能源发电总装机容量")
    assert entry.year(2025).value == "100"
    before = _texts(pingluo)
    changed = set_target(pingluo, entry.id, 2025, decision="value", value="120")
    after = _texts(changed)
    differing = {place for place in before if before[place] != after[place]}
    goals = pingluo.chapter("goals")
    measure = next(m for m in pingluo.measures() if m.title == "大力发展新能源")
    assert (goals.id, "p0") in differing
    assert (measure.id, "p0") in differing
    assert (measure.id, "w0") in differing
    for place in differing:
        assert before[place].replace("达到100万千瓦以上", "达到120万千瓦以上") == after[place]
        assert "120万千瓦以上" in after[place]
    # the 2030 value of the same indicator is not touched
    assert all("150万千瓦以上" in after[p] for p in differing if "150万千瓦" in before[p])

    undone = set_target(changed, entry.id, 2025, decision="value", value="100")
    assert undone == pingluo
    assert draft_json(undone) == draft_json(pingluo)


def test_assigned_and_dropped_targets(pingluo):
    entry = _entry(pingluo, "森林覆盖率")
    goals = pingluo.chapter("goals")
    assigned = set_target(pingluo, entry.id, 2025, decision="assigned")
    text = render(assigned.chapter("goals").paragraphs[0], assigned)
    assert "森林覆盖率确保完成自治区、石嘴山市下达任务" in text
    assert "10.6%" not in text

    dropped = set_target(pingluo, entry.id, 2025, decision="dropped")
    text = render(dropped.chapter("goals").paragraphs[0], dropped)
    assert "森林覆盖率" not in text
    assert "非化石能源消费比重达到15%左右，单位地区生产总值" in text
    assert "，，" not in text and "，。" not in text
    assert goals is pingluo.chapter("goals")  # the original draft is untouched


def test_a_county_value_needs_a_number(pingluo):
    entry = _entry(pingluo, "森林覆盖率")
    with pytest.raises(Exception, match="目标值"):
        set_target(pingluo, entry.id, 2025, decision="value", value=" ")


def test_base_years_and_written_sentences():
    from app.core.plans.targets import split_base_year, target_sentence

    assert split_base_year("单位面积建筑能耗比2020年") == ("单位面积建筑能耗", 2020)
    assert split_base_year("森林覆盖率") == ("森林覆盖率", None)
    assert (
        target_sentence(
            "单位地区生产总值能耗", 2025, lead="下降", value="14", unit="%", base_year=2020
        )
        == "到2025年，单位地区生产总值能耗较2020年下降14%。"
    )


def test_a_county_target_of_its_own(pingluo):
    from app.core.operations.targets import add_target

    measure = next(m for m in pingluo.measures() if m.title == "加快低碳产业试点")
    draft, target_id = add_target(
        pingluo, measure.id, "低碳试点企业", 2025, value="5", unit="家", after="以上"
    )
    text = render(draft.find(measure.id).paragraphs[-1], draft)
    assert text.endswith("到2025年，低碳试点企业达到5家以上。")
    draft = set_target(draft, target_id, 2025, decision="value", value="8")
    assert render(draft.find(measure.id).paragraphs[-1], draft).endswith("达到8家以上。")


def test_a_target_cell_may_say_the_unit_and_约():
    """30% and 约30% are what people type (issue 16); the unit must be the indicator's."""
    import pytest

    from app.core.draft.tree import EditError
    from app.core.operations.targets import parse_target_cell

    assert parse_target_cell("30%", "%") == ("value", "30", "")
    assert parse_target_cell("约30%", "%") == ("value", "30", "左右")
    assert parse_target_cell("30 ％以上", "%") == ("value", "30", "以上")
    assert parse_target_cell("约 120", "万千瓦") == ("value", "120", "左右")
    with pytest.raises(EditError):
        parse_target_cell("30万千瓦", "%")
