"""Clauses that end a sentence, not a measure, and clauses written as "X负责" (issue 25).

Fixtures are a few lines of published pages: 山西省促进绿色消费实施方案 (corpus 495), whose
measures end each sentence group with "（X牵头负责）" / "（X、Y按职责分工负责）", and
天津市“十四五”节能减排工作实施方案 (corpus 214), whose clauses read "（市生态环境局负责）"
and "（…等按职责分工负责，各区人民政府负责落实。以下均需各区人民政府落实，不再列出）".
"""

from __future__ import annotations

from app.importer import import_plan
from app.importer.clauses import split_trailing_clause

SHANXI = (
    "促进绿色消费实施方案\n\n一、总体要求\n（一）指导思想。\n以习近平新时代中国特色社会主义思想为指导。\n"
    "二、全面促进重点领域消费绿色转型\n"
    "（四）加快提升食品消费绿色化水平。全面推进农业地方标准体系建设。做好绿色有机地理标志"
    "农产品认定工作。（省农业农村厅牵头负责）加强粮油领域标准体系构建，体现节粮减损理念。"
    "（省粮食和储备局牵头负责）加强对食品生产经营者反食品浪费情况监督。（省商务厅、省市场监管局"
    "按职责分工负责）推动各类机关、企事业单位、学校等建立健全食堂用餐管理制度。（省机关事务管理局、"
    "省国资委、省教育厅等相关部门按职责分工负责）稳妥有序推进厨余垃圾处理设施建设，提高处理能力。"
    "（省住建厅牵头负责）\n"
    "（六）积极推广绿色居住消费。推动农房节能改造和建设。（省住建厅、省发展改革委、省财政厅、"
    "省生态环境厅按职责分工负责）。大力发展绿色家装。（省工信厅、省市场监管局按职责分工负责）\n"
)


def _measures(plan):
    return {s.title: s for s in plan.walk() if s.level == 2 and s.paragraphs}


def test_each_sentence_clause_is_read_and_taken_out_of_the_text(write_txt):
    result = import_plan(write_txt(SHANXI), plan_id="sx", level="province")
    plan = result.plan
    assert any("句末的 5 处责任单位合并" in n.message for n in result.notes)  # said, not hidden
    food = _measures(plan)["加快提升食品消费绿色化水平"]
    text = "".join(food.paragraphs)
    assert "负责）" not in text
    assert text.endswith("稳妥有序推进厨余垃圾处理设施建设，提高处理能力。")
    assert "认定工作。加强粮油领域" in text  # the sentences close up where a clause stood
    assert food.clause is not None
    # every 牵头 unit and every list's first leads; the others follow, each once
    assert food.clause.leads == [
        "省农业农村厅",
        "省粮食和储备局",
        "省商务厅",
        "省机关事务管理局",
        "省住建厅",
    ]
    assert food.clause.names == [
        *food.clause.leads,
        "省市场监管局",
        "省国资委",
        "省教育厅",
    ]
    assert "（省粮食和储备局牵头负责）" in food.clause.text  # the parent's words are kept


def test_a_clause_followed_by_a_full_stop_is_read_too(write_txt):
    plan = import_plan(write_txt(SHANXI), plan_id="sx", level="province").plan
    living = _measures(plan)["积极推广绿色居住消费"]
    assert "".join(living.paragraphs) == "推动农房节能改造和建设。大力发展绿色家装。"
    assert living.clause is not None
    assert living.clause.names[:2] == ["省住建厅", "省工信厅"]
    assert "省市场监管局" in living.clause.names


def test_a_single_unit_with_fu_ze_is_a_clause():
    match = split_trailing_clause(
        "健全激励约束机制，坚决杜绝弄虚作假。（市生态环境局负责）", level="province"
    )
    assert match is not None
    assert match.body == "健全激励约束机制，坚决杜绝弄虚作假。"
    assert match.clause.names == ["市生态环境局"]
    assert match.clause.duty == "负责"
    # words that are not a unit's before 负责 stay text
    assert split_trailing_clause("加大执法力度。（重点行业企业负责）", level="province") is None


def test_a_list_with_the_governments_that_carry_it_out_and_a_note_on_later_clauses():
    match = split_trailing_clause(
        "绿色制造示范单位达到300家以上。（市工业和信息化局、市发展改革委、市生态环境局、"
        "市市场监管委、市水务局等按职责分工负责，各区人民政府负责落实。以下均需各区人民政府"
        "落实，不再列出）",
        level="province",
    )
    assert match is not None
    assert match.body == "绿色制造示范单位达到300家以上。"
    assert [(u.name, u.group) for u in match.clause.units] == [
        ("市工业和信息化局", 0),
        ("市发展改革委", 0),
        ("市生态环境局", 0),
        ("市市场监管委", 0),
        ("市水务局", 0),
        ("各区人民政府", 1),
    ]
    assert match.clause.note == "以下均需各区人民政府落实，不再列出"
