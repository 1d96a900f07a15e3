"""Whole words (issue 25, item 4): no level-word replacement cuts a compound, and no
comment sits on half a word.

Drafts for a 旗 from 内蒙古, a county from 宝鸡 and one from 广西 printed "资本县场",
"县域（郊）铁路" and commented "江【河源】头", "左【右江】革命老区", "【宝鸡港】务区".
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

COUNTIES = {
    "region": CountyContext("达拉特旗", "鄂尔多斯市", "内蒙古自治区"),
    "province": CountyContext("平山县", "石家庄市", "河北省"),
    "city": CountyContext("凤翔县", "宝鸡市", "陕西省"),
}

# (parent level, sentence, compound that must print unbroken)
COMPOUNDS = [
    ("city", "支持符合条件的企业在多层次资本市场挂牌上市。", "资本市场"),
    ("province", "鼓励绿色低碳企业在多层次资本市场融资。", "资本市场"),
    ("city", "谋划市域（郊）铁路建设，优化城市公交线网。", "市域（郊）铁路"),
    ("city", "加快市域铁路和城际铁路建设。", "市域铁路"),
    ("region", "推进区域能源协同，发挥全区域资源优势。", "区域"),
    ("province", "我省份额较大的煤炭消费逐步下降。", "省份"),
    ("city", "推进市政基础设施绿色化改造，本市超市、商场推广节能设备。", "超市"),
    ("city", "倡导市民绿色出行，建设都市圈通勤网络。", "都市圈"),
]


@pytest.mark.parametrize(("level", "sentence", "word"), COMPOUNDS)
def test_a_compound_prints_unbroken(level: str, sentence: str, word: str):
    county = COUNTIES[level]
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    assert word in adapted.text, adapted.text
    for change in adapted.changes:  # no change begins or ends inside the compound
        at = sentence.find(word)
        assert not (at < change.old_start < at + len(word)), change


def test_the_level_words_around_a_compound_still_change():
    """本市 before 超市 is the city speaking of itself and becomes 本县; 全市域 becomes 全县域."""
    county = COUNTIES["city"]
    text = "本市超市推广节能设备，全市域推进。"
    adapted = adapt_text(text, level="city", county=county, catalogue=Catalogue())
    assert adapted.text.startswith("本县超市"), adapted.text
    assert "全县域" in adapted.text or "县域" in adapted.text, adapted.text


# (parent level, county, sentence, a place name found inside another word)
HALF_WORDS = [
    ("region", CountyContext("田东县", "百色市", "广西壮族自治区"), "保护江河源头生态。", "河源"),
    (
        "region",
        CountyContext("田东县", "百色市", "广西壮族自治区"),
        "支持左右江革命老区振兴发展。",
        "右江",
    ),
    ("city", COUNTIES["city"], "建设宝鸡港务区多式联运中心。", "宝鸡港"),
]


@pytest.mark.parametrize(("level", "county", "sentence", "half"), HALF_WORDS)
def test_no_comment_on_half_a_word(level: str, county: CountyContext, sentence: str, half: str):
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    assert half not in [q.quote for q in adapted.questions]


def test_check_does_not_call_a_compound_a_leftover_level_word():
    """ "资本市场" holds 本市: `check` warned of 上级用语“本市” where nothing is the city's."""
    from app.core import operations as ops
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan
    from app.core.plans.resolver import PlanResolver
    from app.core.readout.checks import check_draft

    plan = find_plan("yinchuan-city")
    draft = new_draft(county="永宁县", city="银川市", region="宁夏回族自治区", plan=plan)[0]
    node = next(n for n in draft.walk() if n.paragraphs)
    draft = ops.set_paragraphs(draft, node.id, ("支持企业在多层次资本市场挂牌上市。",))
    findings = check_draft(draft, PlanResolver.of([plan]))
    words = [f.data.get("words") for f in findings if f.code == "parent-wording"]
    assert "本市" not in words
