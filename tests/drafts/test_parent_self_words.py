"""The parent speaking of itself in forms the rules did not list (issue 25, 沭阳县 from 江苏's
实施意见, a second reading): its own level's plans (强化省级发展规划), its circumstances (立足省情),
its pilot title (试点省), its coordination with the levels above and below (部省联动、省地协作),
its own fund (设立省…专项资金). Asked for any level of parent, by its own level word; where
the parent's plan is obeyed (落实省级国土空间规划) or a county may strive for (争取部省共建…),
nothing is asked. Sentences are a few lines of published pages.
"""

from __future__ import annotations

import pytest

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

SHUYANG = CountyContext("沭阳县", "宿迁市", "江苏省")
TUMED = CountyContext("土默特右旗", "包头市", "内蒙古自治区")
PINGSHAN = CountyContext("平山县", "石家庄市", "河北省")


def _asked(sentence: str, county: CountyContext, level: str) -> list[tuple[str, str, list]]:
    adapted = adapt_text(sentence, level=level, county=county, catalogue=Catalogue())
    return [(q.quote, q.kind, [s.replacement for s in q.suggestions]) for q in adapted.questions]


ASKED = [
    ("强化省级发展规划、国土空间规划、专项规划的支撑保障。", SHUYANG, "province", "省级", "县级"),
    ("强化市级国土空间规划的引领作用。", PINGSHAN, "city", "市级", "县级"),
    ("立足省情实际，严格合理控制煤炭消费增长。", SHUYANG, "province", "省情", "县情"),
    ("立足区情，科学确定碳达峰路径。", TUMED, "region", "区情", "旗情"),
    ("推进生态环境治理体系和治理能力现代化试点省建设。", SHUYANG, "province", "试点省", None),
    ("强化部省联动、部门协同和省地协作。", SHUYANG, "province", "部省联动", "上下联动"),
    ("深化部区合作，争取国家支持。", TUMED, "region", "部区合作", "上下联动"),
]


@pytest.mark.parametrize("sentence,county,level,quote,offered", ASKED)
def test_the_parent_speaking_of_itself_is_asked(sentence, county, level, quote, offered):
    asked = _asked(sentence, county, level)
    hit = next((a for a in asked if quote in a[0] and a[1] == "self_reference"), None)
    assert hit is not None, asked
    if offered is not None:
        assert offered in hit[2]


def test_the_parents_fund_is_asked_even_with_a_list_in_its_name():
    asked = _asked("设立省碳达峰、碳中和科技创新专项资金，加大支持力度。", SHUYANG, "province")
    assert [a[0] for a in asked] == ["设立省碳达峰、碳中和科技创新专项资金"]


PAIRS = [
    # (asked, not asked: the parent's plan obeyed, a word of something else, a thing striven for)
    ("强化省级发展规划的支撑保障。", "严格落实省级国土空间规划确定的生态保护红线。", PINGSHAN),
    ("立足省情实际。", "及时掌握社区情况和省情况通报。", PINGSHAN),
    ("强化部省联动。", "先行争取部省共建国家级绿色农业发展先行区。", PINGSHAN),
    ("设立省碳达峰、碳中和科技创新专项资金。", "建立健全市场化、多元化生态补偿机制。", PINGSHAN),
]


@pytest.mark.parametrize("asked,not_asked,county", PAIRS)
def test_words_of_obeying_or_of_others_are_not_asked(asked, not_asked, county):
    quotes = [
        a[0] for a in _asked(asked + not_asked, county, "province") if a[1] == "self_reference"
    ]
    assert len(quotes) == 1 and quotes[0] in asked, quotes
