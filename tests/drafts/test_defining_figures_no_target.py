"""A figure that says which things are meant — a class of unit (单机30万千瓦及以上机组) or the
parent's count of its own sub-levels (全区12个盟市) — is no target of the county's: no row of
the target table, no 【待定】 in the draft (issue 25, noise and artifacts of the labelled
county set). Sentences are a few lines of 内蒙古自治区“十四五”应对气候变化规划 (corpus 68, the
parent of tests/cases/counties/tumed-right-banner).
"""

from __future__ import annotations

from app.tasks import drafts
from app.tasks.plans import import_plan_file

PLAN = """内蒙古自治区“十四五”应对气候变化规划
第一章 指导思想和主要目标
第一节 主要目标
到2025年，单位地区生产总值二氧化碳排放降低完成国家下达任务。
第二章 控制温室气体排放
第一节 推动能源绿色低碳转型
严控煤电装机规模。新建燃煤发电项目原则上采用单机30万千瓦及以上超超临界机组。
到2025年，全区12个盟市主城区公交一卡通覆盖率达到100%，新能源装机规模突破500万千瓦。
第三章 保障措施
第一节 加强组织领导
加强组织领导。
"""


def test_a_class_of_unit_and_the_parents_count_of_its_leagues_are_no_targets(write_txt):
    plan = import_plan_file(write_txt(PLAN), plan_id="nm-defining").plan
    made = drafts.new_from_parents(
        county="土默特右旗", city="包头市", region="内蒙古自治区", sources=[plan.id]
    )
    names = [t.indicator for t in made.draft.targets]
    assert not any("单机" in n or n == "全区" for n in names), names
    assert any("新能源装机" in n for n in names)  # a target stated with its verb still is one
    text = "".join(p for n in made.draft.walk() for p in n.paragraphs)
    assert "单机30万千瓦及以上超超临界机组" in text
    assert "12个盟市主城区" in text
