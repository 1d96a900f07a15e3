"""What a county cannot carry over from a province's green-finance plan (issue 25, a plan
nobody tuned on): monetary policy and financial supervision, province-wide markets, the
province's prefecture-level cities, its coast and named zones — and what it can keep: its
own sub-region, the province's carbon exchange, kinds of financial firm. Sentences are from
《广东省发展绿色金融支持碳达峰行动的实施方案》 (corpus 475), made for 翁源县 (韶关市, an inland
county of the 北部生态发展区), and a few lines of other provinces' plans.
"""

from __future__ import annotations

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

WENGYUAN = CountyContext("翁源县", "韶关市", "广东省")
CHENGHAI = CountyContext("澄海区", "汕头市", "广东省")  # on the coast, in the east wing
FUTIAN = CountyContext("福田区", "深圳市", "广东省")


def _asked(sentence: str, county: CountyContext = WENGYUAN, level: str = "province"):
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return list(adapted.questions)


def _quotes(sentence: str, county: CountyContext = WENGYUAN) -> list[str]:
    return [q.quote for q in _asked(sentence, county)]


MONETARY = [
    "通过再贷款、再贴现等结构性货币政策工具，激励金融机构加大对绿色领域的融资支持力度。",
    "将符合条件的绿色贷款和绿色债券作为发放再贷款的合格抵押品，便利地方法人银行管理流动性。",
    "开展绿色金融评价，探索将评价结果纳入央行评级，作为央行专项货币政策优先使用的参考依据。",
    "指导金融机构健全风险压力测试体系，有效覆盖气候变化金融风险。",
    "加强对绿色债券发行人违约风险的监测和防控。",
    "探索建立高效的抵质押登记及公示系统，推动环境权益及其未来收益权成为合格的抵质押物。",
    "支持境外投资者通过直接投资、合格境外机构投资者（QFII）等渠道参与绿色投资。",
    "探索以人民币计价的碳金融衍生品，鼓励使用人民币作为相关交易的跨境结算货币。",
    "构建绿色金融信息披露与监督机制，开展银行业保险业绿色低碳专项行动。",
]


def test_monetary_policy_and_financial_supervision_are_asked_with_what_the_county_can_do():
    for sentence in MONETARY:
        asked = [q for q in _asked(sentence) if "货币政策和金融监管" in q.message]
        assert len(asked) == 1, sentence
        answers = [s.replacement or "" for s in asked[0].suggestions]
        assert any("用好" in a for a in answers) and any("配合" in a for a in answers)
    # the county using the central bank's tools is county language
    for sentence in [
        "支持“两高”企业积极申报国家煤炭清洁高效利用专项再贷款和碳减排支持工具。",
        "积极用好人民银行碳减排支持工具。",
        "探索通过再贷款和完善担保机制等措施支持绿色信贷发展。",  # 通渭县's parent
    ]:
        assert not [q for q in _asked(sentence) if "货币政策" in q.message], sentence


MARKETS = [
    ("完善广东碳金融市场功能。", "完善广东碳金融市场功能"),
    (
        "培育区域环境权益交易市场，健全碳排放权、排污权等环境权益交易机制。",
        "培育区域环境权益交易市场",
    ),
    (
        "探索搭建环境权益交易与金融服务平台，推广合同能源管理。",
        "探索搭建环境权益交易与金融服务平台",
    ),
    ("逐步将交通运输业、数据中心等高碳排放领域，纳入碳排放交易试点。", "纳入碳排放交易试点"),
    (
        "引导各类符合条件的绿色企业上市融资，创新发展区域性股权交易市场绿色双碳板。",
        "创新发展区域性股权交易市场绿色双碳板",
    ),
]


def test_the_provinces_markets_are_asked_as_the_provinces():
    for sentence, quote in MARKETS:
        asked = [q for q in _asked(sentence) if "交易市场" in q.message]
        assert [q.quote for q in asked] == [quote], sentence
    # the county's firms trading on them is county language
    assert not [q for q in _asked("鼓励金融机构参与碳市场交易。") if "交易市场" in q.message]


def test_the_provinces_prefecture_level_cities_in_running_text_are_asked():
    for sentence, quote in [
        ("统筹使用财政专项资金，支持各地级以上市设立绿色金融发展专项资金。", "各地级以上市"),
        ("指导北部生态发展区各地级市探索建立生态产品确权登记。", "各地级市"),
        ("在部分地市或区域率先开展企业碳账户试点。", "部分地市或区域"),
        ("鼓励有条件的地方政府和社会资本按市场化原则联合设立基金。", "有条件的地方政府"),
    ]:
        asked = [q for q in _asked(sentence) if q.kind == "sub_level"]
        assert [q.quote for q in asked] == [quote], sentence
    # a market, a city's area and banks incorporated locally are no sub-level
    for sentence in [
        "支持各地市场主体参与。",
        "指导各地方法人金融机构创新开展环境权益抵质押融资。",
    ]:
        assert not [q for q in _asked(sentence) if "地级以上市" in q.message], sentence


def test_an_inland_county_is_asked_about_the_coastal_belt_blue_bonds_and_named_zones():
    assert "沿海经济带" in "".join(_quotes("提高金融服务沿海经济带绿色产业发展能级。"))
    assert _quotes("提高金融服务沿海经济带绿色产业发展能级。", CHENGHAI) == []
    blue = "".join(_quotes("鼓励金融机构探索蓝色债券等创新型产品，支持蓝色经济可持续发展。"))
    assert "蓝色债券" in blue and "蓝色经济" in blue
    assert "专责小组" in "".join(_quotes("建立粤港澳绿色金融合作专责小组，搭建信息互通共享机制。"))
    zones = "依托横琴粤澳深度合作区、前海深港现代服务业合作区和广州南沙粤港澳全面合作示范区建立合作开放新机制。"
    asked = _asked(zones)
    assert len(asked) == 1  # one question for the three zones, not 广州 alone
    assert "横琴" in asked[0].quote and "前海" in asked[0].quote and "南沙" in asked[0].quote


def test_the_countys_own_sub_region_is_not_asked_another_is():
    sentence = "指导金融机构创新开展生态保护补偿抵质押融资，更好支持粤北生态区绿色农业发展。"
    assert _quotes(sentence) == []  # 翁源 is in 粤北
    assert "粤北" in "".join(_quotes(sentence, CHENGHAI))
    subei = "支持苏北地区加快绿色低碳转型。"
    assert _asked(subei, CountyContext("沛县", "徐州市", "江苏省")) == []
    assert "苏北" in "".join(
        q.quote for q in _asked(subei, CountyContext("江阴市", "无锡市", "江苏省"))
    )


def test_the_provinces_carbon_exchange_is_not_asked_of_its_counties():
    sentence = "依托广州碳排放权交易中心等专业技术机构，对企事业单位的碳排放进行全面核算。"
    assert _quotes(sentence) == []
    assert _quotes(sentence, FUTIAN) != []  # 深圳 has its own exchange


def test_kinds_of_financial_firm_and_fund_are_no_names_of_the_parents():
    for sentence in [
        "支持设立服务绿色产业发展的绿色小额贷款公司、绿色融资担保公司、绿色融资租赁公司等地方金融组织。",
        "支持金融租赁公司开展绿色公交、新能源汽车等领域绿色租赁业务。",
        "吸引境外保险公司、主权基金、养老基金为绿色项目提供投融资服务。",
        "鼓励社会资本按市场化原则联合设立绿色低碳类基金。",
        "监督产品资金按约定用途使用，避免出现项目“洗绿”风险。",
        "开展绿色证券指数、“环境、社会和公司治理（ESG）”评价体系等产品创新。",
    ]:
        assert _quotes(sentence) == [], sentence


def test_a_clause_of_another_city_is_asked_once():
    asked = _asked("支持深圳加快建设国家气候投融资促进中心和国家自主贡献项目库。")
    assert [q.quote for q in asked] == ["深圳"]


def test_supporting_a_pilot_already_granted_is_county_language():
    sentence = "各有关部门要向获批省级绿色金融创新试点的园区、地区和机构提供政策支持。"
    assert _quotes(sentence) == []
    assert _quotes("开展省级绿色普惠金融创新试点。") != []  # designating one is still asked
