"""Clauses "A牵头，B，C…配合" whose groups are separated by commas, as the 广东 plans write
them: a comma inside the lead group, places sharing one unit's ending (广州、深圳市政府),
省政府X办, and a lead that is a government of the parent's own regions (珠三角各地级以上市
政府) — never read as the province's body (省珠三角…).

The fixture is a few lines of 475《广东省发展绿色金融支持碳达峰行动的实施方案》 (the public
corpus), shortened.
"""

from __future__ import annotations

from app.importer import import_plan

_PLAN = """
广东省发展绿色金融支持碳达峰行动的实施方案
为深入贯彻落实党中央、国务院关于做好碳达峰碳中和工作的决策部署，制定如下实施方案。
一、总体要求
（一）主要目标。到2025年，绿色金融服务体系基本建立。
二、主要措施
（一）统筹规划全省绿色金融发展。
1.持续增强珠三角核心区绿色金融的辐射带动能力。支持珠三角各地级以上市因地制宜完善绿色金融发展扶持政策。（珠三角各地级以上市政府牵头，省发展改革委、生态环境厅、地方金融监管局，人民银行广州分行、广东银保监局配合）
（二）强化粤港澳大湾区绿色金融领域合作。
1.强化绿色金融合作发展。探索以人民币计价的碳金融衍生品，鼓励使用人民币作为相关交易的跨境结算货币。（省地方金融监管局牵头，省发展改革委，人民银行广州分行、广东银保监局、广东证监局、人民银行深圳市中心支行、深圳银保监局、深圳证监局，广州、深圳市政府，省政府横琴办配合）
（三）强化绿色金融风险监测与防控。
1.加强绿色金融产品的资金后续使用管理。指导金融机构加强对绿色金融产品资金的后续管理。（广东银保监局、广东证监局，深圳银保监局、深圳证监局牵头，省地方金融监管局，人民银行广州分行、人民银行深圳市中心支行配合）
三、保障措施
（一）加强组织领导。健全绿色金融工作领导小组工作机制。
"""


def _measures(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(_PLAN.strip() + "\n", encoding="utf-8")
    plan = import_plan(path).plan
    return [m for area in plan.task_areas() for m in area.children]


def test_every_grouped_clause_is_read_and_leaves_the_body(tmp_path):
    measures = _measures(tmp_path)
    assert [m.clause is not None for m in measures] == [True, True, True]
    for measure in measures:
        assert "牵头" not in "".join(measure.paragraphs)
        assert "配合" not in "".join(measure.paragraphs)


def test_the_leads_are_the_units_written_before_qiantou(tmp_path):
    _, cooperation, risks = _measures(tmp_path)
    assert [u.name for u in cooperation.clause.units if u.lead] == ["省地方金融监管局"]
    assert [u.name for u in risks.clause.units if u.lead] == [
        "广东银保监局",
        "广东证监局",
        "深圳银保监局",
        "深圳证监局",
    ]


def test_places_sharing_a_units_ending_are_each_that_unit(tmp_path):
    _, cooperation, _ = _measures(tmp_path)
    names = [u.name for u in cooperation.clause.units]
    assert names[-3:] == ["广州市政府", "深圳市政府", "省政府横琴办"]


def test_a_government_of_the_parents_regions_is_not_given_the_provinces_prefix(tmp_path):
    first, _, _ = _measures(tmp_path)
    assert first.clause.units[0].name == "珠三角各地级以上市政府"
    assert first.clause.units[0].lead
