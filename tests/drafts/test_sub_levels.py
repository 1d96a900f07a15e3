"""Sub-levels and self-reference in all their forms (issue 25, item 5).

Drafts from 内蒙古, 宝鸡 and 石家庄 printed "各县（市、区）", "各县（区）", "各盟市",
"梯次有序推进各县（市、区）碳达峰", "县直各有关部门要制定全县碳达峰实施方案", "在全国率先",
and turned "推动我区由化石能源大区…" into "推动我旗由化石能源大区…", with no comment.
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

DALAT = CountyContext("达拉特旗", "鄂尔多斯市", "内蒙古自治区")
PINGSHAN = CountyContext("平山县", "石家庄市", "河北省")
FENGXIANG = CountyContext("凤翔县", "宝鸡市", "陕西省")

# (parent level, county, sentence, what must not print unless asked about)
SUB_LEVELS = [
    ("city", FENGXIANG, "各县（市、区）要结合实际，细化落实措施。", "县（市、区）"),
    ("city", PINGSHAN, "各县（区）要加强组织领导，压实工作责任。", "县（区）"),
    ("region", DALAT, "各盟市要加强统筹协调，形成工作合力。", "盟市"),
    ("province", PINGSHAN, "各地市要压实责任，确保完成任务。", "地市"),
    ("city", FENGXIANG, "支持县（市、区）开展低碳试点。", "县（市、区）"),
    ("province", PINGSHAN, "健全省、市、县三级节能监察体系。", "省、市、县"),
    ("city", FENGXIANG, "梯次有序推进各县（市、区）碳达峰。", "县（市、区）"),
    ("region", DALAT, "指导各盟市有序达峰。", "盟市"),
]


def _unasked(adapted) -> str:
    """The printed text with every asked-about stretch blanked out."""
    text = adapted.text
    for q in adapted.questions:
        text = text[: q.start] + "□" * (q.end - q.start) + text[q.end :]
    return text


@pytest.mark.parametrize(
    ("level", "county", "sentence", "parent_words"),
    SUB_LEVELS,
    ids=[s[2][:12] for s in SUB_LEVELS],
)
def test_a_parents_sub_levels_are_replaced_or_asked(
    level: str, county: CountyContext, sentence: str, parent_words: str
):
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    assert parent_words not in _unasked(adapted), adapted.text


def test_tiered_peaking_of_the_sub_levels_is_asked_whichever_word_comes_first():
    """ "梯次有序推进各县（市、区）碳达峰": the county's townships do not each peak."""
    adapted = adapt_text(
        "梯次有序推进各县（市、区）碳达峰。", level="city", county=FENGXIANG, catalogue=Catalogue()
    )
    assert [q.kind for q in adapted.questions] == ["sub_level"]


def test_departments_told_to_write_the_plan_this_draft_is_are_asked():
    text = "市直各有关部门要制定全市碳达峰实施方案及专项方案，各县（市、区）要细化落实措施。"
    adapted = adapt_text(text, level="city", county=FENGXIANG, catalogue=Catalogue())
    quotes = [q.quote for q in adapted.questions]
    assert quotes == ["县直各有关部门要制定全县碳达峰实施方案及专项方案"]
    answers = [s.replacement for s in adapted.questions[0].suggestions]
    assert "县直各有关部门要制定本行业本领域碳达峰专项方案" in answers
    assert "县（市、区）" not in adapted.text


def test_the_parents_epithet_is_not_made_the_countys():
    """ "推动我区由化石能源大区向清洁能源强区转变" must not print as 我旗…大区."""
    text = "推动我区由化石能源大区向清洁能源强区转变。"
    adapted = adapt_text(text, level="region", county=DALAT, catalogue=Catalogue())
    assert "我旗由化石能源大区" not in adapted.text
    assert any("大区" in q.quote for q in adapted.questions)


def test_the_parents_rank_in_the_nation_is_asked():
    text = "在全国率先建成绿色低碳循环发展体系。"
    adapted = adapt_text(text, level="province", county=PINGSHAN, catalogue=Catalogue())
    assert [q.quote for q in adapted.questions] == ["在全国率先"]
