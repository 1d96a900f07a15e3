"""The parent's sub-regions named without a suffix (issue 25, 沭阳县 from 江苏's 实施意见, a second
reading): "开展环太湖城乡有机废弃物处理利用示范区建设", "支持里下河等重点地区提升生态碳汇能力"
printed as the county's. A ring round a named lake or sea, and a name before 等重点地区, are the
parent's map (resources/places/geography.json named_parts); generic or national words in
those places are not. Sentences are a few lines of published pages (江苏 56, 江西 414, 青海 542,
国家 27, 9).
"""

from __future__ import annotations

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

SHUYANG = CountyContext("沭阳县", "宿迁市", "江苏省")
XIUSHUI = CountyContext("修水县", "九江市", "江西省")
GONGHE = CountyContext("共和县", "海南藏族自治州", "青海省")


def _quotes(sentence: str, county: CountyContext) -> list[str]:
    adapted = adapt_text(sentence, level="province", county=county, catalogue=Catalogue())
    return [q.quote for q in adapted.questions if q.kind == "place"]


def test_the_parents_named_parts_are_asked_and_common_words_are_not():
    assert _quotes("开展环太湖城乡有机废弃物处理利用示范区建设。", SHUYANG) == ["环太湖"]
    assert _quotes("强化湿地保护，支持里下河等重点地区提升生态碳汇能力。", SHUYANG) == ["里下河"]
    assert _quotes("在长江江西段、五河及环鄱阳湖等重点流域环境敏感区开展治理。", XIUSHUI) == [
        "环鄱阳湖"
    ]
    assert _quotes("为三江源、祁连山等重点地区提供支撑。", GONGHE) == ["祁连山"]
    for common in (
        "加强城市沿江、滨湖、环山等重点地区的品质提升。",
        "在京津冀、长三角等重点地区率先推行。",
        "推进资源循环利用，加强环境治理。",
    ):
        assert _quotes(common, SHUYANG) == [], common
