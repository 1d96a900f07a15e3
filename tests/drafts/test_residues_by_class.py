"""More residues and noise of the labelled county set (issue 25), by class: the parent's
background chapter, figures that define a class of things rather than set a target, figures
cut from their unit. Sentences are a few lines of published pages (the parents of
tests/cases/counties/ and other plans of the corpus).
"""

from __future__ import annotations

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext
from app.tasks import drafts
from app.tasks.plans import import_plan_file

TUMED = CountyContext("土默特右旗", "包头市", "内蒙古自治区")

# 内蒙古自治区“十四五”应对气候变化规划 (corpus 68), its opening chapters, shortened
REGION_PLAN = """内蒙古自治区“十四五”应对气候变化规划
第一章 现状与形势
第一节 工作成效
“十三五”以来，自治区党委和政府统筹推进“五位一体”总体布局，大力推进各领域应对气候变化行动，取得了积极进展和成效。
调整升级产业结构。“十三五”期间，全区累计化解钢铁过剩产能346万吨，取缔“地条钢”243万吨。
第二节 面临形势
国内层面。2020年全国碳排放总量约100亿吨。
第二章 指导思想和主要目标
第一节 指导思想
高举中国特色社会主义伟大旗帜，以习近平新时代中国特色社会主义思想为指导。
第三章 控制温室气体排放
第一节 开展碳排放达峰行动
推进自治区二氧化碳排放达峰。科学制定自治区碳排放达峰行动方案，明确峰值目标、路线图及配套政策措施。
第二节 构建绿色低碳产业体系
推动产业结构调整。严控高耗能高排放项目。
第四章 保障措施
第一节 加强组织领导
加强组织领导。
"""


def test_the_parents_review_and_outlook_is_not_taken_up_as_the_countys_task(write_txt):
    plan = import_plan_file(write_txt(REGION_PLAN), plan_id="nm-climate").plan
    made = drafts.new_from_parents(
        county="土默特右旗", city="包头市", region="内蒙古自治区", sources=[plan.id]
    )
    tasks = made.draft.chapter("tasks")
    titles = [n.title for n in tasks.walk()]
    text = "".join(p for n in made.draft.walk() for p in n.paragraphs)
    assert "现状与形势" not in titles and "工作成效" not in titles
    assert "统筹推进“五位一体”" not in text and "346万吨" not in text
    assert any("控制温室气体排放" in t for t in titles)  # the parent's actions still are
