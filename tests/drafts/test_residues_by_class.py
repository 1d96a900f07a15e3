"""More residues and noise of the labelled county set (issue 25), by class: the parent's
background chapter, figures that define a class of things rather than set a target, figures
cut from their unit. Sentences are a few lines of published pages (the parents of
tests/cases/counties/ and other plans of the corpus).
"""

from __future__ import annotations

import pytest

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


def _figures(sentence: str, county: CountyContext = TUMED, level: str = "region") -> list[str]:
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return [q.quote for q in adapted.questions if q.kind == "figure"]


# thresholds and names of real pages: the rule's class of things, the same for the county
DEFINING = [
    "完善区域能评制度，新建单体项目（含改扩建）年综合能源消费量超过5000吨标准煤的，要单独进行节能审查。",
    "保障性住房，单体建筑面积2万平方米以上的大型公共建筑，建筑面积5万平方米以上的居住小区",
    "生活垃圾日清运量超过300吨的地区，加快发展以焚烧为主的垃圾处理方式。",
    "在生活垃圾日清运量不足300吨的地区探索开展小型生活垃圾焚烧设施试点。",
    "完成30万千瓦及以上热电联产电厂周边燃煤锅炉改燃关停任务。",  # 天津
    "对与高耗能企业开展市场交易的燃煤发电上网电价不受上浮20%限制。",  # 天津
    "以建筑面积5万平方米（含）以上的大型商业综合体为创建主体。",  # 云南
    "深入推进爱国卫生“7个专项行动”。",  # 云南
]


def test_a_figure_that_defines_a_class_of_things_is_not_asked():
    for sentence in DEFINING:
        assert _figures(sentence) == [], sentence


def test_a_target_before_a_kind_of_thing_is_still_asked():
    assert _figures("力争80%以上的县级及以上党政机关达到节约型机关创建要求。") == ["力争80%以上"]
    assert _figures("到2025年，新能源装机规模突破500万千瓦。") == ["突破500万千瓦"]
    assert _figures("累计建成100座以上的充电站。") == ["建成100座以上"]


def test_a_figure_comment_holds_its_whole_unit():
    # 内蒙古: "比2015年提高4.2个百分点"; 天津: "污水处理能力95万吨/日"
    assert _figures("比2015年提高4.2个百分点，高出全国25.2个百分点。") == [
        "提高4.2个百分点",
        "25.2个百分点",
    ]
    assert _figures("新增污水处理能力95万吨/日。") == ["95万吨/日"]


LIANPING = CountyContext("连平县", "河源市", "广东省")
CHANGTING = CountyContext("长汀县", "龙岩市", "福建省")


def _questions(sentence: str, county: CountyContext, level: str):
    return adapt_text(sentence, level=level, county=county, catalogue=Catalogue()).questions


def test_one_question_per_sentence_and_kind():
    # 广东: the city's word twice in one sentence; 内蒙古: the same park named twice
    city = _questions("织密城市绿地网络，建设绿色宜居城市。", LIANPING, "province")
    assert [q.quote for q in city] == ["城市"]
    park = _questions(
        "重点推进和林格尔新区云谷片区低碳创建，通过地热资源开发利用项目等重点项目的实施，"
        "实现和林格尔新区云谷片区低碳绿色发展。",
        TUMED,
        "region",
    )
    assert [q.quote for q in park] == ["和林格尔新区"]
    # each figure is a value of its own, still asked where it stands
    assert len(_figures("新能源装机达到500万千瓦，光伏装机达到200万千瓦。")) == 2


def test_a_question_kept_once_a_sentence_still_lands_on_its_own_words():
    """The Word comment finds its words by their text: a 漳平 asked in a later sentence must not
    land on an earlier 漳平 whose sentence's question was dropped as a repeat (长汀, 龙岩市)."""
    text = (
        "全方位打造“红古田”“土楼农业”等特色农业区域公用品牌，加快漳平台湾农民创业园升级发展，"
        "推进上杭闽台农业融合发展产业园建设；推动武平全国林下经济示范基地建设；"
        "做强特色优势花卉产业，打造漳平永福等一批花卉特色小镇。"
    )
    questions = _questions(text, CHANGTING, "city")
    adapted = adapt_text(text, level="city", county=CHANGTING, catalogue=Catalogue())
    taken: list[tuple[int, int]] = []
    for q in sorted(questions, key=lambda q: -len(q.quote)):  # as the Word export places them
        at = adapted.text.find(q.quote)
        while any(at < e and s < at + len(q.quote) for s, e in taken):
            at = adapted.text.find(q.quote, at + 1)
        taken.append((at, at + len(q.quote)))
        assert at == q.start, q.quote
    assert any(q.start > text.rfind("；") for q in questions)  # the last sentence is asked


BINCHUAN = CountyContext("宾川县", "大理白族自治州", "云南省")


def test_no_question_starts_or_ends_inside_a_word():
    # 云南: "推动昆明市建设智能电网示范城市" (not 推【动昆明市…】); "资本市场" holds no 本市
    quotes = [
        q.quote
        for q in _questions("推动昆明市建设智能电网示范城市。", BINCHUAN, "province")
        if q.kind == "self_reference"
    ]
    assert quotes and all(not q.startswith("动") for q in quotes)
    market = _questions("不断提升资本市场服务全省绿色产业发展的能力和水平。", BINCHUAN, "province")
    assert all("本市" not in q.quote and q.quote != "市" for q in market)


def test_a_box_title_is_a_line_of_its_own(write_txt):
    # 内蒙古自治区“十四五”应对气候变化规划, 专栏 1 after its first 节
    text = REGION_PLAN.replace(
        "推动产业结构调整。严控高耗能高排放项目。\n",
        "推动产业结构调整。严控高耗能高排放项目。\n专栏 1 应对气候变化重大工程\n"
        "在火电、钢铁、水泥、有色、石化、化工等重点行业实施二氧化碳减排重大示范工程；"
        "在包头市、鄂尔多斯市、乌海市开展3—5个规模化、全链条碳捕集、利用与封存等示范工程。\n",
    )
    plan = import_plan_file(write_txt(text), plan_id="nm-box").plan
    paragraphs = [p.replace(" ", "") for s in plan.walk() for p in s.paragraphs]
    assert "专栏1应对气候变化重大工程" in paragraphs
    assert not any(p.startswith("专栏1应对气候变化重大工程在火电") for p in paragraphs)


def test_the_body_whose_requirement_the_text_follows_stays_the_upper_body():
    from app.core.draft.catalogue_files import GENERIC_CATALOGUE, load_catalogue

    nongan = CountyContext("农安县", "长春市", "吉林省")
    changsha = CountyContext("长沙县", "长沙市", "湖南省")

    def county_text(text: str, county: CountyContext) -> str:
        catalogue = load_catalogue(GENERIC_CATALOGUE, county, [])
        return adapt_text(text, level="province", county=county, catalogue=catalogue).text

    # 吉林 and 湖南 plans: the county does not "按照县发改局统一部署要求"
    assert "按照国家发展改革委统一部署要求" in county_text(
        "按照国家发展改革委统一部署要求，开展绿色产业示范基地建设。", nongan
    )
    assert "县住建局要求" not in county_text("按照住建部和省住建厅要求，开展创建。", changsha)
    # a unit that does the work still becomes the county's
    assert county_text("由省发展改革委牵头，做好相关工作。", nongan).startswith("由县发改局牵头")


def test_the_parents_sub_levels_are_not_cut_into_the_countys_words():
    def county_text(text: str, county: CountyContext, level: str) -> str:
        return adapt_text(text, level=level, county=county, catalogue=Catalogue()).text

    # 云南: 全省县、市、区 is the county's whole territory, not 全县县、市、区
    assert "全县建成医疗废物收集转运处置体系" in county_text(
        "加快推进医疗废物集中处置设施扩能提质，全省县、市、区建成医疗废物收集转运处置体系。",
        BINCHUAN,
        "province",
    )
    # 内蒙古: 旗县（市、区） is never cut into 旗 + 乡镇, nor a 低碳旗县 pilot renamed 低碳乡镇
    banner = county_text(
        "建立自治区、盟市、旗县（市、区）、企业四级能耗“双控”分级预算管理机制。"
        "明确自治区低碳旗县（市、区）建设内容和建设标准。",
        TUMED,
        "region",
    )
    assert "旗乡镇" not in banner and "低碳乡镇" not in banner


KAIHUA = CountyContext("开化县", "衢州市", "浙江省")


def test_the_parents_scale_and_rank_are_asked_like_its_figures():
    changsha = CountyContext("长沙县", "长沙市", "湖南省")
    # 湖南: "打造装配式千亿级产业链"; 浙江: "世界级先进制造业集群", "十大标志性产业链"
    assert _figures("大力发展装配式建筑，打造装配式千亿级产业链。", changsha, "province")
    zhejiang = _figures(
        "打造现代纺织和服装等世界级先进制造业集群。推进生物医药、集成电路等十大标志性产业链的"
        "基础再造和提升。",
        KAIHUA,
        "province",
    )
    assert len(zhejiang) == 2
    # 内蒙古: 平米 is a unit too
    assert _figures("既有居住建筑节能改造1000万平米。") == ["1000万平米"]
    # a county's own words stay unasked
    assert _figures("培育一批农业产业化龙头企业，壮大特色产业集群。", KAIHUA, "province") == []


TONGSHAN = CountyContext("通山县", "咸宁市", "湖北省")


def _places(sentence: str, county: CountyContext, level: str = "province") -> list[str]:
    return [q.quote for q in _questions(sentence, county, level) if q.kind == "place"]


def test_the_parents_parts_and_classical_name_are_the_parents():
    # 云南: 滇东北, 赤水河流域（云南段）; 湖北: 鄂西, 碳惠荆楚
    assert _places("加快滇东北区域医疗中心建设。", BINCHUAN)
    assert _places("把赤水河流域（云南段）打造成为生态文明建设先行区。", BINCHUAN)
    assert _places("推动鄂西页岩气勘探开发综合示范建设。", TONGSHAN)
    assert _places("实施碳惠荆楚工程，推动碳普惠。", TONGSHAN)
    # the county's own directions and a programme of no one's name stay unasked
    assert _places("引导产业向县城西部园区集中。", TONGSHAN) == []
    assert _places("实施新能源惠民工程。", TONGSHAN) == []


def test_a_grouping_of_named_cities_is_asked_of_a_county_outside_them():
    # 广东: 连平 (河源) is not in the 大湾区; 增城区 (广州) is
    lianping = _places("加快建设粤港澳大湾区绿色金融共同市场。", LIANPING)
    assert lianping
    assert _places("联合港澳开展碳标签互认机制研究与应用示范。", LIANPING)
    zengcheng = CountyContext("增城区", "广州市", "广东省")
    assert _places("加快建设粤港澳大湾区绿色金融共同市场。", zengcheng) == []


def test_a_pilot_zone_the_state_council_designates_is_not_the_countys_to_set_up():
    # 天津: "积极争取设立绿色金融改革创新试验区"
    jizhou = CountyContext("蓟州区", "", "天津市")
    asked = _questions("积极争取设立绿色金融改革创新试验区。", jizhou, "province")
    assert any("绿色金融改革创新试验区" in q.quote for q in asked)


TONGWEI = CountyContext("通渭县", "定西市", "甘肃省")


def test_what_a_county_does_about_an_upper_platform_or_market_is_not_asked():
    # 甘肃 (定西): "积极争取创建国家绿色产业示范基地"; 内蒙古: "结合全国碳排放权交易市场工作需要"
    assert not _questions("积极争取创建国家绿色产业示范基地。", TONGWEI, "city")
    market = _questions(
        "结合全国碳排放权交易市场工作需要，利用现有污染源监测系统，开展二氧化碳排放监测试点工作。",
        TUMED,
        "region",
    )
    assert not any(q.kind == "self_reference" for q in market)
    # still asked where the parent builds them
    assert _questions("创建国家绿色产业示范基地。", TONGWEI, "city")
    # the national policy system's name is no parent's project (福建 龙岩: 碳达峰“1+N”政策体系)
    assert _places("构建碳达峰“1+N”政策体系。", CHANGTING, "city") == []


def test_a_place_learnt_from_or_inside_a_quoted_brand_is_not_asked_as_a_place():
    # 甘肃 (定西): "学习借鉴天水…试点经验"; 福建 (龙岩): 全方位打造“红古田”…品牌
    assert _places("学习借鉴天水用能权交易试点经验。", TONGWEI, "city") == []
    assert "古田" not in _places(
        "全方位打造“红古田”“土楼农业”等特色农业区域公用品牌。", CHANGTING, "city"
    )
    # a place the parent sets to work is still asked
    assert _places("推动天水、平凉等地开展用能权交易试点。", TONGWEI, "city")


def test_a_charging_station_is_no_power_plant_elsewhere():
    # 内蒙古: "智慧灯杆建设项目、智能充电站建设项目等重点项目"
    text = "通过地热资源开发利用项目、智慧灯杆建设项目、智能充电站建设项目等重点项目的实施。"
    assert not any("充电站" in q for q in _places(text, TUMED, "region"))
    assert _places("推进乌海热电厂和海勃湾电站改造。", TUMED, "region")  # plants named are asked


NONGAN = CountyContext("农安县", "长春市", "吉林省")


def test_the_parents_funds_committees_and_forums_are_its_names():
    # 广东: "设立广东省绿色低碳发展基金"; 吉林: "…标准化技术委员会", "…首脑论坛"
    assert _places("鼓励通过市场化手段设立广东省绿色低碳发展基金。", LIANPING) == [
        "广东省绿色低碳发展基金"
    ]
    assert _places("强化吉林省工业节能标准化技术委员会建设。", NONGAN)
    assert _places("利用东北亚地方政府首脑论坛-环保论坛机制，深化合作。", NONGAN)
    # a fund the county only uses, with no word showing where its name begins, stays unasked
    assert _places("充分利用甘肃省绿色生态产业发展基金。", TONGWEI, "city") == []


CHANGSHA = CountyContext("长沙县", "长沙市", "湖南省")


def _powers(sentence: str, county: CountyContext, level: str) -> list[str]:
    asked = _questions(sentence, county, level)
    return [q.quote for q in asked if q.kind == "self_reference"]


def test_the_parents_standards_catalogues_and_guides_are_asked():
    # 浙江: entry and scrapping standards, the province's technology catalogue
    zhejiang = "坚决遏制高耗能高排放项目盲目发展。提高新建扩建工业项目能耗准入标准。"
    assert any("能耗准入标准" in q for q in _powers(zhejiang, KAIHUA, "province"))
    trucks = "全面淘汰国三以下排放标准老旧营运柴油货车，逐步提高柴油货车淘汰标准。"
    assert any("柴油货车淘汰标准" in q for q in _powers(trucks, KAIHUA, "province"))
    listing = "制定发布绿色技术推广目录，形成以技术驱动为主的绿色产业发展模式。"
    asked = _questions(listing, KAIHUA, "province")
    catalogue = [q for q in asked if "绿色技术推广目录" in q.quote]
    assert catalogue
    assert any(s.replacement and "推广应用" in s.replacement for s in catalogue[0].suggestions)
    # 长沙: the trade list of vocational skills and a standards system
    assert _powers("合理确定行业职业技能工种种类，推动人才培训工作创新。", CHANGSHA, "city")
    assert _powers("加快构建建筑垃圾资源化利用规划、政策、标准体系。", CHANGSHA, "city")
    # 天津: rating guides
    jizhou = CountyContext("蓟州区", "", "天津市")
    guides = "探索建立绿色项目库，研究制定企业绿色评级、投资项目评级指南或办法。"
    assert any("评级指南" in q for q in _powers(guides, jizhou, "province"))
    # what the county does with them is not asked
    assert not _powers("推广应用国家绿色技术推广目录中的先进技术。", KAIHUA, "province")
    assert not _powers("严格执行能耗准入标准。", KAIHUA, "province")


def test_a_duty_the_parent_gives_its_counties_is_not_handed_to_the_towns():
    # 定西: parks, a regional trading centre and subsidies are the county's, not a town's
    sentences = {
        "指导县区科学编制新建产业园区发展规划，依法依规开展规划环境影响评价。": "产业园区",
        "推进“两网融合”，鼓励有条件的县区建立再生资源区域交易中心。": "区域交易中心",
        "鼓励各地采取补贴、积分奖励等方式促进绿色消费。": "补贴",
    }
    for sentence, word in sentences.items():
        adapted = adapt_text(sentence, level="city", county=TONGWEI, catalogue=Catalogue())
        asked = [q for q in adapted.questions if q.kind == "sub_level" and word in q.quote]
        assert asked, (sentence, [q.quote for q in adapted.questions])
        answers = [s.replacement for s in asked[0].suggestions if s.replacement]
        assert any(a.startswith("由县统筹") and word in a for a in answers), answers
    # what towns do take part in is not asked
    plain = adapt_text(
        "鼓励各地开展绿色社区创建行动。", level="city", county=TONGWEI, catalogue=Catalogue()
    )
    assert not [q for q in plain.questions if q.kind == "sub_level"]


def test_the_city_designates_no_burn_zones_and_deducts_its_districts_figures():
    # 天津: the city designates 禁燃区 and deducts from each district's energy total
    jizhou = CountyContext("蓟州区", "", "天津市")
    zone = "持续巩固居民清洁取暖成果，依法将整体完成清洁取暖改造并稳定运行的地区划定为高污染燃料禁燃区。"
    asked = [q for q in _questions(zone, jizhou, "province") if "禁燃区" in q.quote]
    assert asked
    answers = [s.replacement or "" for s in asked[0].suggestions]
    assert any("报请上级划定为高污染燃料禁燃区" in a for a in answers), answers
    deduct = "将各区评价考核年度比2020年新增的可再生能源电力消费量从能源消费总量中扣除。"
    assert any("扣除" in q for q in _powers(deduct, jizhou, "province"))
    # enforcing the zone is the district's own work
    assert not _powers("加强高污染燃料禁燃区管理，严禁燃用高污染燃料。", jizhou, "province")


# 青海省“十四五”生态文明建设规划 (corpus 542): a 规划 whose review chapter is titled 总体进展
QINGHAI_PLAN = """青海省“十四五”生态文明建设规划
第一章 生态文明建设总体进展
第一节 重大成就
一、生态保护建设成效斐然
“十三五”期间，全省生态环境持续好转，生态保护建设取得了有目共睹的成效。
第二节 短板不足
一、生态系统修复任重道远
全省生态环境本底脆弱，生态系统修复难度大。
第三节 生态文明建设新形势
习近平生态文明思想提供了根本遵循。
第二章 总体要求
第一节 指导思想
坚持以习近平新时代中国特色社会主义思想为指导。
第三章 提升空间开发保护水平
第一节 优化国土空间开发保护格局
构建空间发展格局。统筹划定落实三条控制线。
第四章 保障措施
第一节 加强组织领导
加强组织领导。
"""

# 云南省“十四五”生态环境保护规划 (corpus 424): a review chapter whose title says nothing of it
YUNNAN_PLAN = """云南省“十四五”生态环境保护规划
第一章 开启美丽云南建设新征程
第一节 生态环境保护取得明显成效
“十三五”时期，省委、省政府坚持以习近平生态文明思想为指引，全省生态环境保护工作取得明显成效。
第二节 生态环境保护任重道远
我省生态环境问题具有长期性、艰巨性、复杂性。
第三节 全面开创生态环境保护新局面
“十四五”时期，生态环境持续改善具有多方面优势和条件。
第二章 总体要求
第一节 指导思想
坚持以习近平新时代中国特色社会主义思想为指导。
第三章 坚持创新引领，强力推动绿色低碳发展
第一节 优化生态环境空间管控
构建国土空间开发保护新格局。以国土空间规划为基础，严格落实生态保护红线。
第四章 保障措施
第一节 加强组织领导
加强组织领导。
"""


@pytest.mark.parametrize(
    ("source", "county", "city", "region", "review", "task"),
    [
        (QINGHAI_PLAN, "门源回族自治县", "海北藏族自治州", "青海省", "重大成就", "优化国土空间"),
        (YUNNAN_PLAN, "宾川县", "大理白族自治州", "云南省", "取得明显成效", "优化生态环境空间"),
    ],
    ids=["qinghai-review-titled", "yunnan-review-untitled"],
)
def test_a_review_chapter_of_a_guihua_is_not_a_task_whatever_its_title(
    write_txt, source, county, city, region, review, task
):
    plan = import_plan_file(write_txt(source), plan_id="review").plan
    made = drafts.new_from_parents(county=county, city=city, region=region, sources=[plan.id])
    titles = [n.title for n in made.draft.chapter("tasks").walk()]
    text = "".join(p for n in made.draft.walk() for p in n.paragraphs)
    assert not any(review in t or "任重道远" in t for t in titles)
    assert "十三五" not in text
    assert any(task in t for t in titles)  # the parent's task chapters still are taken up
