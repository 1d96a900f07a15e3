"""Powers a county does not have (issue 25, item 1), whatever province the parent is from.

Drafts for a 旗 from 内蒙古, counties from 广西, 江西, 宝鸡 and 石家庄 printed "全面清理现行地方性法规、
政府规章", "制定重点行业绿色制造地方标准", "探索建设电力现货市场", "实行…缓批限批", "制定宝鸡市…
实施方案" as the county's own, with no comment. Each such sentence is now one open question per
power, offering what the county can do instead (执行, 配合, 落实, 争取).
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

DALAT = CountyContext("达拉特旗", "鄂尔多斯市", "内蒙古自治区")
TIANDONG = CountyContext("田东县", "百色市", "广西壮族自治区")
NANCHANG_COUNTY = CountyContext("南昌县", "南昌市", "江西省")
FENGXIANG = CountyContext("凤翔县", "宝鸡市", "陕西省")
PINGSHAN = CountyContext("平山县", "石家庄市", "河北省")
LONGSHENG = CountyContext("龙胜各族自治县", "桂林市", "广西壮族自治区")

# (parent level, county, sentence, a word the question must quote, a word its answers offer)
SENTENCES = [
    (
        "region",
        DALAT,
        "全面清理现行地方性法规、政府规章中与碳达峰不相适应的内容。",
        "地方性法规",
        "贯彻执行",
    ),
    (
        "province",
        NANCHANG_COUNTY,
        "推动生态文明领域科学立法，完善法规体系。",
        "科学立法",
        "贯彻执行",
    ),
    ("city", FENGXIANG, "加快制修订一批地方性法规，强化执法监督。", "地方性法规", "配合"),
    ("region", TIANDONG, "制定重点行业绿色制造地方标准，健全认证制度。", "地方标准", "执行"),
    (
        "city",
        PINGSHAN,
        "完善石家庄市标准体系和计量体系，加强计量能力建设。",
        "标准体系和计量体系",
        "执行",
    ),
    (
        "province",
        NANCHANG_COUNTY,
        "探索建设江西电力现货市场，扩大市场化交易规模。",
        "电力现货市场",
        "参与",
    ),
    ("province", PINGSHAN, "稳步推进省级天然气管网改革，提升管输能力。", "省级天然气管网", "配合"),
    ("region", DALAT, "对能耗强度下降目标完成形势严峻的地区实行项目缓批限批。", "缓批限批", "执行"),
    (
        "region",
        DALAT,
        "新增可再生能源消费量，其能耗量在盟市能耗双控考核中予以核减。",
        "予以核减",
        "执行",
    ),
    ("province", PINGSHAN, "遴选一批近零碳排放示范园区，给予资金支持。", "示范", "争创"),
    ("city", FENGXIANG, "制定宝鸡市科技支撑碳达峰碳中和实施方案。", "宝鸡市科技支撑", "贯彻落实"),
    (
        "region",
        TIANDONG,
        "编制广西壮族自治区能源发展规划，统筹布局重大项目。",
        "能源发展规划",
        "贯彻落实",
    ),
]


@pytest.mark.parametrize(
    ("level", "county", "sentence", "word", "answer"),
    SENTENCES,
    ids=[f"{s[1].county}-{s[3]}" for s in SENTENCES],
)
def test_a_power_the_county_lacks_is_asked_with_what_it_can_do(
    level: str, county: CountyContext, sentence: str, word: str, answer: str
):
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    asked = [q for q in adapted.questions if word in q.quote]
    assert len(asked) == 1, [q.quote for q in adapted.questions]
    replacements = [s.replacement or "" for s in asked[0].suggestions]
    assert any(answer in r for r in replacements), replacements
    assert any(s.replacement is None for s in asked[0].suggestions)  # 保留
    assert any(s.replacement == "" for s in asked[0].suggestions)  # 删去


def test_one_question_per_sentence_and_power():
    """ "地方性法规、政府规章…科学立法" is one question, not three."""
    text = "全面清理现行地方性法规、政府规章，推动生态文明领域科学立法。加强执法监督。"
    adapted = adapt_text(text, level="region", county=DALAT, catalogue=Catalogue())
    legislating = [q for q in adapted.questions if "法规" in q.quote or "立法" in q.quote]
    assert len(legislating) == 1
    assert "地方性法规" in legislating[0].quote and "科学立法" in legislating[0].quote


def test_taking_part_is_within_the_countys_powers():
    """The county may take part in, carry out or apply for what it cannot run or set."""
    text = "积极参与电力现货市场交易，严格执行地方标准，落实地方性法规，积极争创省级试点示范。"
    adapted = adapt_text(text, level="province", county=PINGSHAN, catalogue=Catalogue())
    assert adapted.questions == ()


def test_an_autonomous_county_may_make_its_own_regulations():
    """单行条例 are a 自治县's power; for 田东县 (not autonomous) they are asked about."""
    text = "研究制定生态环境保护单行条例。"
    own = adapt_text(text, level="city", county=LONGSHENG, catalogue=Catalogue())
    other = adapt_text(text, level="city", county=TIANDONG, catalogue=Catalogue())
    assert not [q for q in own.questions if "单行条例" in q.quote]
    assert [q for q in other.questions if "单行条例" in q.quote]


MENYUAN = CountyContext("门源回族自治县", "海北藏族自治州", "青海省")


@pytest.mark.parametrize(
    "text",
    [  # 青海省“十四五”生态文明建设规划 (corpus 542)
        "加快推进国家公园管理方面的地方立法工作。",
        "在地方立法、政策制定、规划编制、执法监管中不得变通突破、降低标准。",
    ],
)
def test_an_autonomous_county_is_not_told_it_has_no_legislative_power(text):
    """A 自治县's 人大 makes 单行条例 (宪法第一百一十六条): the 立法 question offers that, and
    carrying out the law above, instead of saying the county has no power to legislate."""
    own = adapt_text(text, level="province", county=MENYUAN, catalogue=Catalogue())
    other = adapt_text(text, level="province", county=PINGSHAN, catalogue=Catalogue())
    [asked] = [q for q in own.questions if "立法" in q.quote]
    assert "没有立法权" not in asked.message and "单行条例" in asked.message
    labels = [s.label for s in asked.suggestions]
    assert "改为依法制定单行条例" in labels and "改为贯彻执行" in labels
    [general] = [q for q in other.questions if "立法" in q.quote]
    assert "没有立法权" in general.message
    assert "改为依法制定单行条例" not in [s.label for s in general.suggestions]


def test_a_power_stated_with_a_rewritten_level_word_is_still_asked():
    """ "制定全市绿色建材地方标准" prints as 全县 …, yet a county still sets no 地方标准."""
    text = "制定全市绿色建材地方标准。"
    adapted = adapt_text(text, level="city", county=FENGXIANG, catalogue=Catalogue())
    assert [q.quote for q in adapted.questions] == ["制定全县绿色建材地方标准"]


def test_supporting_a_park_to_apply_for_a_pilot_is_within_the_countys_powers():
    """广西 plan: "支持国家级和自治区级开发区创建国家绿色产业示范基地" is the county's to do."""
    text = "支持国家级和自治区级开发区创建国家绿色产业示范基地。"
    adapted = adapt_text(text, level="region", county=TIANDONG, catalogue=Catalogue())
    assert not [q for q in adapted.questions if q.message.startswith("国家级、省级试点示范")]
