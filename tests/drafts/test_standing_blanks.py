"""A standing the county has not decided (全覆盖) blanked where the sentence names no
indicator noun ("实现…强制责任险全覆盖"): the blank keeps a predicate, "…覆盖率达到【待定】",
in the measure and in 主要目标 alike — never "…强制责任险【待定】".

The fixture is a few lines of 475《广东省发展绿色金融支持碳达峰行动的实施方案》 (the public
corpus), shortened.
"""

from __future__ import annotations

from app.core.draft.mentions import render
from app.core.operations.new_draft import new_draft
from app.importer import import_plan

_PLAN = """
广东省发展绿色金融支持碳达峰行动的实施方案
为深入贯彻落实党中央、国务院关于做好碳达峰碳中和工作的决策部署，制定如下实施方案。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念。
二、主要措施
（一）创新绿色金融服务产业结构优化升级。
1.支持重点领域碳达峰行动。鼓励保险机构参与环境风险治理体系建设，在重金属、危险化学品、危险废弃物处置等高风险领域持续推动实施环境污染强制责任保险试点，争取2025年前，实现全省高风险领域环境污染强制责任险全覆盖。（省生态环境厅、地方金融监管局牵头，广东银保监局配合）
三、保障措施
（一）加强组织领导。健全绿色金融工作领导小组工作机制。
"""


def _printed(tmp_path) -> str:
    path = tmp_path / "plan.txt"
    path.write_text(_PLAN.strip() + "\n", encoding="utf-8")
    draft, _ = new_draft(
        county="翁源县", city="韶关市", region="广东省", plan=import_plan(path).plan
    )
    return "\n".join(render(p, draft) for n in draft.walk() for p in n.paragraphs)


def test_a_blanked_standing_keeps_its_predicate(tmp_path):
    text = _printed(tmp_path)
    assert "实现全县高风险领域环境污染强制责任险覆盖率达到【待定】" in text
    assert "强制责任险【待定】" not in text


def test_the_goals_state_the_noun_once(tmp_path):
    text = _printed(tmp_path)
    assert "到2025年，高风险领域环境污染强制责任险覆盖率达到【待定】，" in text
    assert "覆盖率覆盖率" not in text
