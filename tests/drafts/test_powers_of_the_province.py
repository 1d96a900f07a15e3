"""More powers a county does not have (issue 25, 沭阳县 from 江苏's 实施意见, a second reading):
energy prices (完善价格形成机制, 完善…电价政策), a total-emission control system, the provincial
grid's imports and transfers, national and provincial key laboratories, the province's free
trade zone and its science facilities. Each is a question offering what the county can do
(执行, 落实, 配合, 对接); taking part (对接, 参与) and what counties set themselves (供热价格,
资源要素价格) are not asked. Sentences are a few lines of published pages (江苏 56, 上海 578,
山东 199, 吉林 243, 天津 214).
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

SHUYANG = CountyContext("沭阳县", "宿迁市", "江苏省")
PINGYI = CountyContext("平邑县", "临沂市", "山东省")
SONGJIANG = CountyContext("松江区", "", "上海市")
NONGAN = CountyContext("农安县", "长春市", "吉林省")

ASKED = [
    (
        SHUYANG,
        "深入推进电力、油气体制改革，完善价格形成机制，构建公平、合理、开放的市场化格局。",
        "完善价格形成机制",
        "严格执行",
    ),
    (SHUYANG, "持续完善并严格落实惩罚性电价、差别化电价等电价政策。", "电价政策", "严格执行"),
    (
        NONGAN,
        "完善节能环保电价政策，继续落实好居民阶梯电价、气价、水价制度。",
        "电价政策",
        "严格执行",
    ),
    (
        SONGJIANG,
        "合理控制能源消费总量，统筹建立二氧化碳排放总量控制制度。",
        "总量控制制度",
        "严格落实",
    ),
    (
        SHUYANG,
        "提高供电可靠性以及区外大规模受入、区内大范围转移和分布式电源就近消纳能力。",
        "区外大规模受入",
        "配合",
    ),
    (PINGYI, "加快送端配套电源建设，持续提高省外来电规模。", "省外来电", "配合"),
    (
        SHUYANG,
        "加快推进综合交通领域国家重点实验室重组试点，统筹布局省级重点实验室和技术创新中心。",
        "国家重点实验室重组",
        "申报",
    ),
    (SHUYANG, "更好发挥中国（江苏）自由贸易试验区等开放平台的功能优势。", "自由贸易试验区", "对接"),
    (SHUYANG, "提升高效低碳燃气轮机试验装置建设水平。", "试验装置", "参与"),
    (
        SHUYANG,
        "积极推进农田气候变化模拟科学设施、太阳能高效转化利用实验装置等科技基础设施预研工作。",
        "科学设施",
        "参与",
    ),
]


@pytest.mark.parametrize("county,sentence,quoted,offered", ASKED)
def test_a_power_of_the_province_is_asked_with_what_the_county_can_do(
    county, sentence, quoted, offered
):
    adapted = adapt_text(sentence, level="province", county=county, catalogue=Catalogue())
    asked = [q for q in adapted.questions if quoted in q.quote]
    assert len(asked) == 1, [q.quote for q in adapted.questions]
    assert any(offered in (s.replacement or "") for s in asked[0].suggestions)


def test_taking_part_and_prices_counties_set_are_not_asked():
    sentences = [
        "主动对接中国（江苏）自由贸易试验区，承接产业转移。",
        "完善供热价格形成机制，推进供热计量收费。",
        "建立完善差别化的资源要素价格形成机制和动态调整机制。",
        "支持企业参与大科学装置建设。",
        "科学布局建设处置设施，促进源头减量与资源化利用。",
        "重点水污染物实行排放总量控制制度，加强排污口规范化建设。",
    ]
    adapted = adapt_text(
        "".join(sentences) + "完善价格形成机制。",
        level="province",
        county=SHUYANG,
        catalogue=Catalogue(),
    )
    assert [q.quote for q in adapted.questions] == ["完善价格形成机制"]
