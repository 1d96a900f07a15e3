"""What a county's plan does not carry over as its own (issue 25, labelled county set): the
parent's flagship industry clusters, its international and inter-provincial transport layout,
its needs in its own name, and its 县级以上城市. Each is asked with what the county can
write instead (积极融入, 县城, 删去). Sentences from 云南 (386), 广东 (241), 九江 (418), 贵州
(543), 湖北 (80) and 吉林 (243) plans of the corpus.
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

BINCHUAN = CountyContext("宾川县", "大理白族自治州", "云南省")
LIANPING = CountyContext("连平县", "河源市", "广东省")
DE_AN = CountyContext("德安县", "九江市", "江西省")
ZHENNING = CountyContext("镇宁布依族苗族自治县", "安顺市", "贵州省")
TONGSHAN = CountyContext("通山县", "咸宁市", "湖北省")
NONGAN = CountyContext("农安县", "长春市", "吉林省")


def _asked(sentence: str, level: str, county: CountyContext):
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return [q for q in adapted.questions if q.kind != "figure"]


CLUSTERS = [
    ("province", BINCHUAN, "推进产业链深度融合，打造绿色铝高端产业集群，发展高附加值特色产品。"),
    (
        "province",
        LIANPING,
        "加快新能源汽车推广应用，打造自主可控的智能网联汽车产业链和具有核心竞争力的氢燃料电池汽车产业集群。",
    ),
    ("city", DE_AN, "拓展下游深加工产业链，打造高端石油化工产业集群，提升产业附加值。"),
    ("province", ZHENNING, "重点布局发展锰加工新型功能材料产业，打造国家级新型功能材料产业集群。"),
]


@pytest.mark.parametrize(
    ("level", "county", "sentence"), CLUSTERS, ids=[c[1].county for c in CLUSTERS]
)
def test_a_parent_scale_industry_cluster_is_asked_with_joining_it_offered(level, county, sentence):
    asked = [q for q in _asked(sentence, level, county) if "产业" in q.quote]
    assert len(asked) == 1, [q.quote for q in asked]
    assert asked[0].quote.startswith("打造") and asked[0].quote.endswith(("产业集群", "产业链"))
    answers = [s.replacement for s in asked[0].suggestions]
    assert any(a and a.startswith("积极融入") for a in answers), answers


def test_a_countys_own_circular_chains_and_clusters_are_not_asked():
    """循环经济产业链, 产业集群循环化改造: what any county builds; 积极融入 a cluster is the county's."""
    for sentence in (
        "构建园区循环产业链条，推进既有产业园区和产业集群循环化改造。",
        "培育一批专业化骨干企业、一批“专精特新”中小企业特色产业集群。",
        "积极融入绿色铝高端产业集群，发展铝精深加工。",
    ):
        assert not [q for q in _asked(sentence, "province", BINCHUAN) if "产业" in q.quote], (
            sentence
        )


def test_the_parents_international_and_inter_provincial_transport_is_asked():
    sentence = (
        "完善多层次综合立体交通网络布局，构建形成国际交通高质便捷，省际交通高效发达，"
        "省域交通互联互通，县级节点有效覆盖的综合交通运输网络。"
    )
    asked = [q for q in _asked(sentence, "province", BINCHUAN) if "交通" in q.quote]
    assert len(asked) == 1
    assert "国际交通" in asked[0].quote and "省际交通" in asked[0].quote
    assert any("融入" in (s.replacement or "") for s in asked[0].suggestions)


def test_the_parents_needs_in_its_own_name_are_asked():
    sentence = (
        "实施绿色低碳技术创新攻关行动，面向长江大保护和湖北绿色转型重大需求，加快研发重大技术。"
    )
    asked = [q.quote for q in _asked(sentence, "province", TONGSHAN)]
    assert asked == ["面向长江大保护和湖北绿色转型重大需求"]
    assert (
        _asked("面向长江大保护和本县绿色转型需求，加快研发重大技术。", "province", TONGSHAN) == []
    )


def test_the_parents_county_level_and_higher_cities_are_the_countys_town():
    asked = _asked(
        "统筹区域热力电力供应保障需求，在县级以上城市推进背压热电联产机组建设。", "province", NONGAN
    )
    assert [q.quote for q in asked] == ["县级以上城市"]
    assert "县城" in [s.replacement for s in asked[0].suggestions]
    # the law's 县级以上地方人民政府 / 城市人民政府 name governments, the county's among them
    assert _asked("县级以上城市人民政府应当划定禁燃区。", "province", NONGAN) == []


def test_a_region_level_designation_is_not_the_region_speaking_of_itself():
    """自治区级 names the level of a designation a banner may win (争创自治区级低碳旗县试点,
    自治区级及以上园区); 自治区 alone is the region speaking of itself."""
    tumed = CountyContext("土默特右旗", "包头市", "内蒙古自治区")
    for sentence in (
        "力争创建10个自治区级低碳旗县（市、区）试点。",
        "具备条件的自治区级及以上园区全部实施循环化改造。",
    ):
        asked = _asked(sentence, "region", tumed)
        assert not [q for q in asked if q.message == "上级以自身名义的表述"], sentence
    asked = _asked("推动自治区能源结构持续优化。", "region", tumed)
    assert [q for q in asked if q.message == "上级以自身名义的表述"]


def test_building_the_green_materials_database_is_asked_and_using_it_is_not():
    """长沙市 (517) and another city (533) build the 绿色建材采信应用数据库 the housing authorities
    run; a county uses it (issue 25, labelled county set: 长沙县)."""
    changsha = CountyContext("长沙县", "长沙市", "湖南省")
    sentence = "建立可追溯的绿色建材信息管理系统，开发绿色建材采信应用数据平台，实现产品追踪溯源。"
    asked = [q for q in _asked(sentence, "city", changsha) if "采信" in q.quote]
    assert [q.quote for q in asked] == ["开发绿色建材采信应用数据平台"]
    assert any("入库" in (s.replacement or "") for s in asked[0].suggestions)
    used = "鼓励工程建设项目使用绿色建材采信应用数据库中的产品。"
    assert not [q for q in _asked(used, "city", changsha) if "采信" in q.quote]


def test_a_forest_regions_resource_is_asked_once_and_the_figure_keeps_its_question():
    """吉林's 红松 (243) for 农安县 on the plain: the first clause naming it is asked (本县有无？),
    the parent's "10个" in the next clause keeps its own question; 林区 alone is any county's."""
    sentence = (
        "发展林业循环经济，加快红松资源综合加工技术研发和产品创新，推动10个红松绿色产业基地建设。"
    )
    adapted = adapt_text(sentence, level="province", county=NONGAN, catalogue=Catalogue())
    forest = [q for q in adapted.questions if "红松" in q.quote]
    assert [q.quote for q in forest] == ["加快红松资源综合加工技术研发和产品创新"]
    assert "本县有无" in forest[0].message
    assert [q.quote for q in adapted.questions if q.kind == "figure"] == ["10个"]
    assert _asked("加强林区火灾防控体系建设，完善林区道路。", "province", NONGAN) == []
