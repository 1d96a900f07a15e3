"""Title, issuing notice, level and issuer of plans from other provinces, from short quotes."""

from __future__ import annotations

import pytest

from app.importer import import_plan
from app.importer.level import level_of_document_number

BODY = "一、总体要求\n坚持节约优先。\n二、重点任务\n（一）推进工业绿色转型。推动园区循环化改造。\n"


def _import(write_txt, text: str):
    return import_plan(write_txt(text), plan_id="t")


def test_title_after_a_preamble_citing_other_documents(write_txt):
    result = _import(
        write_txt,
        "成都市优化能源结构促进城市绿色低碳发展行动方案\n"
        "为深入落实《中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰\n"
        "碳中和工作的意见》（中发〔2021〕36 号）、《国务院关于印发 2030 年前碳达\n"
        "峰行动方案的通知》（国发〔2021〕23 号），制定本方案。\n" + BODY,
    )
    plan = result.plan
    assert plan.title == "成都市优化能源结构促进城市绿色低碳发展行动方案"
    assert plan.preamble[0].startswith("为深入落实《中共中央国务院")
    assert plan.level == "city"
    assert result.level.certain


def test_issuing_notice_is_provenance_and_names_the_title_broken_over_lines(write_txt):
    result = _import(
        write_txt,
        "上饶市人民政府印发关于加快建立健全绿色低碳循环发展经\n济体系的实施方案的通知\n"
        "各县（市、区）人民政府，市政府各部门：\n"
        "现将《关于加快建立健全绿色低碳循环发展经济体系的实施方案》印发给你们，请结合实际认真贯彻执行。\n"
        "2022 年 3 月 27 日\n（此件主动公开）\n\n"
        "关于加快建立健全绿色低碳循环发展\n经济体系的实施方案\n"
        "为贯彻落实《国务院关于加快建立健全绿色低碳循环发展经\n济体系的指导意见》，制定如下实施方案。\n"
        + BODY,
    )
    plan = result.plan
    assert plan.title == "关于加快建立健全绿色低碳循环发展经济体系的实施方案"
    assert (plan.level, plan.issuer, plan.date) == ("city", "上饶市人民政府", "2022-03-27")
    notice = plan.provenance.notice
    assert notice[0].startswith("上饶市人民政府印发") and notice[-1] == "（此件主动公开）"
    assert "各县（市、区）人民政府，市政府各部门：" in notice
    assert not any("印发给你们" in p for p in plan.preamble)
    assert plan.preamble[0].startswith("为贯彻落实《国务院")


def test_notice_without_a_title_line_of_the_plan(write_txt):
    plan = _import(
        write_txt,
        "自治区党委办公厅人民政府办公厅\n印发《关于推动城乡建设绿色发展的实\n施意见〉的通知\n"
        "各市、县（区）党委和人民政府，区直各部委办厅局：\n"
        "《关于推动城乡建设绿色发展的实施意见》已经自治区\n党委和人民政府同意，现印发给你们，请结合实际认真贯彻\n落实。\n"
        "中共宁夏回族自治区委员会办公厅\n宁夏回族自治区人民政府办公厅\n2022年5月26日\n"
        "为认真落实《关于推动城乡建设绿色发展的意见》精神，提出如下实施意见。\n" + BODY,
    ).plan
    assert plan.title == "关于推动城乡建设绿色发展的实施意见"
    assert plan.level == "region"
    assert plan.issuer == "中共宁夏回族自治区委员会办公厅 宁夏回族自治区人民政府办公厅"
    assert plan.preamble == ["为认真落实《关于推动城乡建设绿色发展的意见》精神，提出如下实施意见。"]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("国发〔2021〕23号", "national"),
        ("国办发〔2021〕4号", "national"),
        ("沪府发〔2022〕7号", "province"),
        ("赣府发〔2022〕17号", "province"),
        ("渝府办发〔2022〕98号", "province"),
        ("桂政发〔2021〕27号", "region"),
        ("石政发〔2022〕12号", "city"),
        ("成府发〔2022〕5号", "city"),
    ],
)
def test_level_of_the_document_number(text, level):
    assert level_of_document_number(text) == (level, text)


def test_a_cited_number_is_not_the_plans_own():
    assert level_of_document_number("《国务院关于…的通知》（国发〔2021〕23号）") is None


def test_province_level_city_by_its_number_and_its_units(write_txt):
    result = _import(
        write_txt,
        "上海市人民政府关于印发《上海市碳达峰实施方案》的通知\n沪府发〔2022〕7号\n"
        "各区人民政府，市政府各委、办、局：\n现将《上海市碳达峰实施方案》印发给你们，请认真按照执行。\n"
        "2022年7月8日\n上海市碳达峰实施方案\n为深入贯彻落实党中央决策部署，制定本方案。\n"
        "一、总体要求\n本市坚持节约优先。\n二、重点任务\n（一）能源绿色低碳转型行动\n"
        "1.推进机场节能。推动浦东机场、虹桥机场节能改造。（责任单位：市发展改革委、"
        "经济信息化委、市政府办公厅、民航华东地区管理局、崇明区政府）\n",
    )
    plan = result.plan
    assert (plan.title, plan.level) == ("上海市碳达峰实施方案", "province")
    assert plan.provenance.document_number == "沪府发〔2022〕7号"
    clause = plan.sections[1].children[0].children[0].clause
    assert clause.names == [
        "市发展改革委",
        "市经济信息化委",
        "市政府办公厅",
        "民航华东地区管理局",
        "崇明区政府",
    ]


def test_district_of_a_province_level_city_is_a_county(write_txt):
    plan = _import(write_txt, "崇明区碳达峰实施方案\n为贯彻落实……制定本方案。\n" + BODY).plan
    assert plan.level == "county"


def test_national_plan(write_txt):
    plan = _import(
        write_txt,
        "国务院关于印发2030年前碳达峰行动方案的通知\n国发〔2021〕23号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "现将《2030年前碳达峰行动方案》印发给你们，请认真贯彻执行。\n国务院\n2021年10月24日\n"
        "2030年前碳达峰行动方案\n为深入贯彻落实党中央决策部署，制定本方案。\n" + BODY,
    ).plan
    assert (plan.title, plan.level, plan.issuer) == ("2030年前碳达峰行动方案", "national", "国务院")


def test_joint_plan_of_two_governments(write_txt):
    result = _import(
        write_txt,
        "成渝地区双城经济圈碳达峰碳中和联合行动方案\n"
        "为推动重庆市、四川省两省市协同落实碳达峰碳中和目标，制定本方案。\n"
        "一、总体要求\n坚持节约优先。\n二、重点任务\n（一）能源绿色低碳转型行动\n"
        "1.共建电网。推动川渝电网一体化。（责任单位：重庆市能源局、市经济信息委；四川省能源局、"
        "经济和信息化厅；两省市列首位的为牵头单位，下同）\n",
    )
    plan = result.plan
    assert plan.level == "province"
    assert plan.governments == ["重庆市", "四川省"]
    clause = plan.sections[1].children[0].children[0].clause
    assert clause.leads == ["重庆市能源局", "四川省能源局"]


def test_thin_evidence_is_said_not_defaulted(write_txt):
    result = _import(
        write_txt,
        "关于加快建立健全绿色低碳循环发展经济体系的实施方案\n为贯彻落实……，结合全市实际，制定本方案。\n"
        "一、总体要求\n全市坚持节约优先。\n二、重点任务\n（一）推进工业绿色转型。推动全市园区循环化改造。"
        "（市发改委、市工信局等按职责分工负责）\n",
    )
    assert result.plan.level == "city"
    assert not result.level.certain
    assert any("层级依据不足" in n.message and "请确认" in n.message for n in result.notes)


def test_no_evidence_at_all_asks(write_txt):
    result = _import(write_txt, "关于推进绿色发展的实施方案\n为贯彻落实……制定本方案。\n" + BODY)
    assert result.level.level is None and not result.level.certain
    assert any("无法判断方案层级" in n.message for n in result.notes)


def test_two_signatures_joined_by_a_pdf_reflow_are_two_issuers():
    from app.importer.front_matter import _last_issuer

    joined = "中共宁夏回族自治区委员会办公厅宁夏回族自治区人民政府办公厅"
    assert _last_issuer([(3, joined)]) == (
        "中共宁夏回族自治区委员会办公厅 宁夏回族自治区人民政府办公厅"
    )
    assert _last_issuer([(3, "宁夏回族自治区发展和改革委员会")]) == "宁夏回族自治区发展和改革委员会"


def test_number_after_the_document_header_on_the_same_line():
    assert level_of_document_number("上海市人民政府文件沪府发〔2022〕7号") == (
        "province",
        "沪府发〔2022〕7号",
    )


def test_joint_plan_named_in_the_preamble_only(write_txt):
    plan = _import(
        write_txt,
        "川渝地区能源协同发展行动方案\n为贯彻落实党中央决策部署，重庆市、四川省两省市共同制定本方案。\n"
        + BODY,
    ).plan
    assert plan.governments == ["重庆市", "四川省"]
    assert plan.level == "province"


def test_a_city_plan_speaking_of_two_provinces_is_no_joint_plan(write_txt):
    plan = _import(
        write_txt,
        "成都市优化能源结构行动方案\n为推动成渝地区双城经济圈建设，落实四川省、重庆市两省市协同"
        "要求，制定本方案。\n" + BODY,
    ).plan
    assert (plan.level, plan.governments) == ("city", [])
