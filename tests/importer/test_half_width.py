"""Plans whose text layer writes Chinese with half-width marks read as any other.

Some published PDFs (a 辽宁 规划, a 贵州 实施方案, a 上海 行动计划 of the corpus) carry
their text in half-width punctuation — ", ; : ( ) ." after Chinese, "--" for the dash
that opens a 分目标 — with full-width digits ("２０２５ 年") or spaced numbers
("降低 13.5%"). The fixtures are a few of their lines as the text layer gives them
(fixtures/half_width/, and ../drafts/fixtures/parent_goals/guizhou_green.txt).
"""

from __future__ import annotations

import re
from pathlib import Path

from app.core.text.normalise import normalise_text, writes_full_stops
from app.importer import import_plan

FIXTURES = Path(__file__).parent / "fixtures" / "half_width"
GUIZHOU = Path(__file__).parents[1] / "drafts" / "fixtures" / "parent_goals" / "guizhou_green.txt"


def _texts(plan) -> list[str]:
    return [plan.title, *plan.preamble] + [
        text for top in plan.sections for s in top.walk() for text in (s.title, *s.paragraphs)
    ]


def _targets(plan) -> list[tuple[str, int | None, str | None, str]]:
    return [
        (t.indicator, t.year, t.value, t.unit + t.qualifier)
        for top in plan.sections
        for s in top.walk()
        for t in s.targets
    ]


def test_half_width_full_stops_and_wide_digits_read_as_chinese_text():
    """ "…注册登记 .２０２５ 年底前 , …达到 ８０％ ." (辽宁): sentences end with 。, numbers are
    Arabic half-width, «» is 《》, and the import says how much it changed."""
    result = import_plan(FIXTURES / "liaoning_full_stops.txt")
    texts = _texts(result.plan)
    joined = "\n".join(texts)
    assert not re.search(r"[\u4e00-\u9fff）%]\s*\.(?![0-9A-Za-z])", joined)
    assert not re.search(r"[０-９％]|[,;:()«»]", joined)
    assert result.plan.preamble[0].endswith(
        "《辽宁省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》，制定本规划。"
    )
    measure = next(t for t in texts if t.startswith("持续优化调整交通运输结构"))
    assert "注册登记。2025年底前，" in measure and "（机械）。严格执行" in measure
    assert ("集装箱海铁联运量占比", 2025, "10", "%以上") in _targets(result.plan)
    assert measure.endswith("运输比例达到80%。")
    notes = [n.message for n in result.notes]
    assert any(
        re.fullmatch(
            r"文字：\d+ 处半角标点（, ; : \( \) \. 等）已按中文改为全角，\d+ 处全角数字、％已改为半角",
            n,
        )
        for n in notes
    ), notes


def test_double_hyphens_open_the_goal_items_and_the_year_holds_for_them():
    """ "--生态环境质量稳定改善。…稳定在 55%左右" (上海): a dash, and 2023 from the paragraph
    before is the year of every figure in the items."""
    plan = import_plan(FIXTURES / "shanghai_double_hyphens.txt").plan
    goals = next(s for top in plan.sections for s in top.walk() if s.title == "主要目标")
    assert all(p.startswith("——") for p in goals.paragraphs[1:])
    found = _targets(plan)
    for row in [
        ("主要河流断面水质达到或好于Ⅲ类水体比例", 2023, "55", "%左右"),
        ("城镇污水处理率", 2023, "97", "%以上"),
        ("森林覆盖率", 2023, "18.9", "%"),
        ("湿地保护率", 2023, "50", "%"),
    ]:
        assert row in found
    assert not [t for t in found if t[0].startswith(("-", "—"))]


def test_half_width_clause_and_goals_of_a_plan_are_read():
    """贵州绿色制造 (, : ( ) and "到 2025 年" in its text layer): its 主要目标 figures are 2025's
    targets and "(责任单位:…)" is the measure's clause."""
    result = import_plan(GUIZHOU)
    plan = result.plan
    assert _targets(plan) == [
        ("规模以上工业单位增加值能耗", 2025, "13.5", "%"),
        ("单位工业增加值用水量", 2025, "16", "%"),
        ("绿色工业园区占比", 2025, "50", "%以上"),
        ("绿色工厂", 2025, "200", "家以上"),
    ]
    measure = plan.sections[2].children[0].children[0]
    assert measure.clause is not None and "省工业和信息化厅" in measure.clause.text
    assert any("数字与汉字之间的空格已去除" in n.message for n in result.notes)


def test_a_full_stop_folds_where_the_document_writes_them_so_and_what_must_stay_stays():
    """In a document that ends its sentences with "." (辽宁) the dot after Chinese is a full
    stop; in one that uses 。 a " ." is what is left of a contents entry's dot leader (海南:
    "构建海洋生态环境系统保护新格局 ." then "16") and stays, or the contents read as headings.
    Decimal points, item numbers, ratios, thousands, Latin words and a label keep theirs."""
    assert writes_full_stops(["为深入打好污染防治攻坚战 , 持续改善 .", "登记 .２０２５ 年底前"])
    assert not writes_full_stops(["构建海洋生态环境系统保护新格局 .", "海域广阔。海岛众多。"])
    folded = normalise_text("转移注册登记 .２０２５ 年底前", full_stops=True)
    assert folded == "转移注册登记。2025年底前"
    assert normalise_text("构建海洋生态环境系统保护新格局 .").endswith("新格局 .")
    # between two Chinese words a dot is a full stop in any document (厦门's run-in titles)
    assert normalise_text("落实海洋生态红线制度.组织实施") == "落实海洋生态红线制度。组织实施"
    assert normalise_text("二 ○ 三五年远景目标") == "二〇三五年远景目标"
    for text in [
        "1.严控“两高”项目",
        "比例约为1:4",
        "1,000元",
        "PM2.5 浓度",
        "5G 基站",
        "一.总体要求",
    ]:
        assert normalise_text(text, full_stops=True) == text
