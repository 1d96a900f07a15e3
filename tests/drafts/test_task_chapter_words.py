"""A parent whose task chapter is titled otherwise than 重点任务 (二、主要措施, 三、重点工作,
二、工作任务 …): its （一）… groups are the county's actions (重点领域) and their items the
measures, as for a 重点任务 chapter — never one action "主要措施" with the groups pushed down.

The fixture is a few lines of 475《广东省发展绿色金融支持碳达峰行动的实施方案》 (the public
corpus), shortened: three level-1 chapters, the middle one 二、主要措施.
"""

from __future__ import annotations

import pytest

from app.core.operations.new_draft import new_draft
from app.core.plans.model import chapter_role
from app.importer import import_plan

_PLAN = """
广东省发展绿色金融支持碳达峰行动的实施方案
为深入贯彻落实党中央、国务院关于做好碳达峰碳中和工作的决策部署，制定如下实施方案。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念。
（二）主要目标。到2025年，绿色金融服务体系基本建立。
二、主要措施
（一）统筹规划全省绿色金融发展。
1.持续增强珠三角核心区绿色金融的辐射带动能力。推动绿色金融专业服务机构聚集发展。（省发展改革委、生态环境厅、地方金融监管局负责）
2.推动北部生态发展区生态产品实现经济价值。扩大林业碳汇交易规模。（省林业局、生态环境厅负责）
（二）完善绿色金融体系建设。
1.完善绿色金融组织体系。鼓励金融机构设立绿色金融事业部。（省地方金融监管局负责）
2.丰富绿色金融产品体系。鼓励金融机构研发差异化的金融产品。（省地方金融监管局、财政厅负责）
（三）构建精准有效的绿色金融激励政策体系。
1.加大财政支持力度。统筹用好现有财政专项资金。（省财政厅、发展改革委负责）
三、保障措施
（一）加强组织领导。健全绿色金融工作领导小组工作机制。
"""


def _draft(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(_PLAN.strip() + "\n", encoding="utf-8")
    plan = import_plan(path).plan
    draft, _ = new_draft(county="翁源县", city="韶关市", region="广东省", plan=plan)
    return plan, draft


def test_the_groups_of_a_main_measures_chapter_are_the_countys_actions(tmp_path):
    plan, draft = _draft(tmp_path)
    assert [a.title for a in plan.task_areas()] == [
        "统筹规划全省绿色金融发展",
        "完善绿色金融体系建设",
        "构建精准有效的绿色金融激励政策体系",
    ]
    tasks = draft.chapter("tasks")
    assert [a.title for a in tasks.children] == [
        "统筹规划全县绿色金融发展",
        "完善绿色金融体系建设",
        "构建精准有效的绿色金融激励政策体系",
    ]
    assert [len(a.children) for a in tasks.children] == [2, 2, 1]
    assert all(n.title != "主要措施" for n in draft.walk() if n.level > 1)


@pytest.mark.parametrize(
    "title", ["主要措施", "重点工作", "工作任务", "规划任务", "主要举措", "重点任务和措施"]
)
def test_a_chapter_titled_as_the_tasks_holds_the_actions(title):
    assert chapter_role(title) == "tasks"


@pytest.mark.parametrize(
    "title", ["保障措施", "组织保障措施", "财政政策措施", "工作原则", "工作步骤"]
)
def test_other_chapters_are_not_task_chapters(title):
    assert chapter_role(title) != "tasks"
