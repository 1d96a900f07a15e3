"""Responsibility clauses as other provinces write them, each from a short quote."""

from __future__ import annotations

from app.importer import import_plan
from app.importer.clauses import split_trailing_clause


def _units(clause):
    return [(u.name, u.group, u.side, u.lead) for u in clause.units]


def test_unlabelled_list_with_deng_before_the_duty():
    match = split_trailing_clause(
        "加快推进水电开发。（省自然资源厅、省水利厅、国网江西省电力公司等按职责分工负责）",
        level="province",
    )
    assert match is not None
    assert match.body == "加快推进水电开发。"
    assert match.clause.names == ["省自然资源厅", "省水利厅", "国网江西省电力公司"]
    assert match.clause.duty == "等按职责分工负责"
    assert match.clause.labelled is False
    assert match.clause.leads == ["省自然资源厅"]


def test_unlabelled_city_list_with_a_station_of_the_railway():
    match = split_trailing_clause(
        "建设城乡冷链物流骨干网。（市交通运输局、上饶车务段、市发改委等按职责分工负责）",
        level="city",
    )
    assert match is not None
    assert match.clause.names == ["市交通运输局", "上饶车务段", "市发改委"]


def test_two_governments_each_with_its_prefix_and_lead():
    match = split_trailing_clause(
        "共建川渝电网一体化。（责任单位：重庆市能源局、市经济信息委；四川省能源局、"
        "经济和信息化厅；两省市列首位的为牵头单位，下同）",
        level="province",
    )
    assert match is not None
    clause = match.clause
    assert _units(clause) == [
        ("重庆市能源局", 0, 0, True),
        ("重庆市经济信息委", 0, 0, False),
        ("四川省能源局", 1, 1, True),
        ("四川省经济和信息化厅", 1, 1, False),
    ]
    assert clause.lead == "重庆市能源局"  # the first government's lead leads the measure
    assert clause.leads == ["重庆市能源局", "四川省能源局"]  # 各方牵头
    assert clause.joint
    assert clause.note == "两省市列首位的为牵头单位，下同"


def test_leads_before_the_comma_in_square_brackets():
    match = split_trailing_clause(
        "推动在用锅炉提标改造。［责任单位：市经信局、市生态环境局、市市场监管局，"
        "各区（市）县政府（管委会）；逗号前为牵头单位，下同］",
        level="city",
    )
    assert match is not None
    assert match.clause.leads == ["市经信局", "市生态环境局", "市市场监管局"]
    assert match.clause.names[-1] == "各区（市）县政府（管委会）"
    assert match.clause.note == "逗号前为牵头单位，下同"


def test_first_named_leads_note_spelled_otherwise():
    match = split_trailing_clause(
        "完善能耗双控制度。（责任单位：县发改局、财政局；排在第一为牵头单位，下同）",
        level="county",
    )
    assert match is not None
    assert match.clause.names == ["县发改局", "县财政局"]
    assert match.clause.leads == ["县发改局"]
    assert match.clause.note == "排在第一为牵头单位，下同"


def test_lead_and_cooperating_written_out():
    match = split_trailing_clause(
        "推进机场节能改造。（牵头单位：市发展改革委；配合单位：市经济信息化委、市政府办公厅、"
        "民航华东地区管理局、团市委、崇明区政府）",
        level="city",
    )
    assert match is not None
    assert _units(match.clause) == [
        ("市发展改革委", 0, 0, True),
        ("市经济信息化委", 1, 0, False),
        ("市政府办公厅", 1, 0, False),
        ("民航华东地区管理局", 1, 0, False),
        ("团市委", 1, 0, False),
        ("崇明区政府", 1, 0, False),
    ]


def test_places_and_bodies_of_their_own_get_no_prefix():
    match = split_trailing_clause(
        "有序推进燃机调峰电厂建设。（责任单位：市经信局、发改委、市政府办公厅、民航华东地区管理局、"
        "团市委、长三角生态绿色一体化发展示范区执委会、崇明区、浦东新区，彭州市、金堂县、"
        "大邑县政府）",
        level="city",
    )
    assert match is not None
    assert match.clause.names == [
        "市经信局",
        "市发改委",
        "市政府办公厅",
        "民航华东地区管理局",
        "团市委",
        "长三角生态绿色一体化发展示范区执委会",
        "崇明区",
        "浦东新区",
        # "彭州市、金堂县、大邑县政府": three governments sharing the last one's ending
        "彭州市政府",
        "金堂县政府",
        "大邑县政府",
    ]


def test_clause_on_its_own_lines_with_a_deadline(write_txt):
    path = write_txt(
        "某市碳达峰实施方案\n\n一、重点任务\n（一）工业领域碳达峰行动\n"
        "1.制定工业领域实施方案。研究制定工业领域碳达峰实施方案。\n"
        "责任单位：市经信局\n完成时限：2022年2月底前\n"
        "2.推进园区循环化改造。推动园区企业循环式生产。\n"
        "责任单位：市发改委、市生态环境局\n"
    )
    plan = import_plan(path, plan_id="t", level="city").plan
    first, second = plan.sections[0].children[0].children
    assert first.paragraphs == ["研究制定工业领域碳达峰实施方案。"]
    assert first.clause is not None
    assert first.clause.names == ["市经信局"]
    assert first.clause.deadline == "2022年2月底前"
    assert second.clause is not None
    assert second.clause.names == ["市发改委", "市生态环境局"]
    assert second.clause.deadline == ""


def test_clause_split_by_a_page_break_after_a_parenthesis(write_txt):
    path = write_txt(
        "成都市优化能源结构行动方案\n\n一、重点任务\n（一）推进能源消费低碳化\n"
        "1．加强建筑能耗管理。逐步实施大型公共建筑能耗限额管理。［责任\n"
        "单位：市住建局、市发改委，各区（市）\n\n"
        "县政府（管委会）］\n"
        "2．推动综合能源利用。推广应用热泵技术。［责任单位：市经信局］\n"
    )
    plan = import_plan(path, plan_id="t", level="city").plan
    first, second = plan.sections[0].children[0].children
    assert first.paragraphs == ["逐步实施大型公共建筑能耗限额管理。"]
    assert first.clause is not None
    assert first.clause.names == ["市住建局", "市发改委", "各区（市）县政府（管委会）"]
    assert second.clause is not None and second.clause.names == ["市经信局"]


def test_lead_and_cooperating_on_lines_of_their_own(write_txt):
    path = write_txt(
        "某市碳达峰实施方案\n\n一、重点任务\n（一）交通运输绿色低碳行动\n"
        "1.推进港口岸电建设。加快港口岸电设施建设。\n"
        "牵头单位：市交通运输局\n配合单位：市发改委、市生态环境局\n完成时限：2025年底\n"
    )
    plan = import_plan(path, plan_id="t", level="city").plan
    measure = plan.sections[0].children[0].children[0]
    assert measure.paragraphs == ["加快港口岸电设施建设。"]
    assert measure.clause is not None
    assert [(u.name, u.lead) for u in measure.clause.units] == [
        ("市交通运输局", True),
        ("市发改委", False),
        ("市生态环境局", False),
    ]
    assert measure.clause.deadline == "2025年底"


def test_leads_before_the_comma_hold_for_the_clauses_after_the_note(write_txt):
    path = write_txt(
        "成都市优化能源结构行动方案\n\n一、重点任务\n（一）推进能源消费低碳化\n"
        "1．加快生产方式低碳化转型。推广使用电锅炉。［责任单位：市经信局、市生态环境局，"
        "各区（市）县政府（管委会）；逗号前为牵头单位，下同］\n"
        "2．加快生活方式电气化转型。推动居民家庭使用高效节能电炊厨具。［责任单位：市商务局、"
        "市经信局，各区（市）县政府（管委会）、国网成都供电公司］\n"
    )
    plan = import_plan(path, plan_id="t", level="city").plan
    first, second = plan.sections[0].children[0].children
    assert first.clause.leads == ["市经信局", "市生态环境局"]
    assert second.clause.leads == ["市商务局", "市经信局"]
    assert second.clause.lead == "市商务局"


def test_leads_named_by_qian_tou_in_the_list():
    match = split_trailing_clause(
        "推进煤电机组节能降碳改造。（省发展改革委、省能源局牵头，省工业和信息化厅、"
        "国网江西省电力公司等按职责分工负责）",
        level="province",
    )
    assert match is not None
    assert [(u.name, u.lead) for u in match.clause.units] == [
        ("省发展改革委", True),
        ("省能源局", True),
        ("省工业和信息化厅", False),
        ("国网江西省电力公司", False),
    ]
    assert match.clause.duty == "等按职责分工负责"


def test_governments_named_by_their_levels_with_bracket_variants(write_txt):
    """ "有关市、县〔区〕人民政府" (issue 24): the 、 between level words and the 〔〕 brackets
    are part of one government's name, so the clause is read and its measure has units."""
    path = write_txt(
        "某省碳达峰实施方案\n\n一、重点任务\n（一）城乡建设碳达峰行动\n"
        "1.推进城乡建设绿色低碳转型。推广绿色低碳建材和绿色建造方式。"
        "（省碳达峰碳中和工作领导小组办公室，有关市、县〔区〕人民政府等按职责分工负责）\n"
        "2.加快提升建筑能效水平。推进既有建筑节能改造。"
        "（省住房城乡建设厅、省发展改革委，各市、县（市、区）人民政府按职责分工负责）\n"
        "3.优化建筑用能结构。推广光伏发电与建筑一体化应用。"
        "（省能源局，各市、县〔市、区〕人民政府等按职责分工负责）\n"
    )
    plan = import_plan(path, plan_id="t", level="province").plan
    first, second, third = plan.sections[0].children[0].children
    assert first.paragraphs == ["推广绿色低碳建材和绿色建造方式。"]
    assert first.clause is not None
    assert first.clause.names == ["省碳达峰碳中和工作领导小组办公室", "有关市、县〔区〕人民政府"]
    assert first.clause.leads == ["省碳达峰碳中和工作领导小组办公室"]
    assert first.clause.duty == "等按职责分工负责"
    assert second.clause is not None
    assert second.clause.names == ["省住房城乡建设厅", "省发展改革委", "各市、县（市、区）人民政府"]
    assert third.clause is not None
    assert third.clause.names == ["省能源局", "各市、县〔市、区〕人民政府"]
    assert all("人民政府" not in p for s in (first, second, third) for p in s.paragraphs)
