"""A figure the parent sets for other places is not blanked as the county's target.

"直管市、神农架林区农村生活垃圾分类覆盖率不低于60%" (湖北 for its directly administered cities),
"盟市政府（行政公署）所在地公交一卡通覆盖率达到100%" (内蒙古 for its league seats), "打造3条美丽
公路、12个绿色机场" (云南's airports, for a county that may have none): a blank 【待定】 there
asks the county for a value of somebody else's. The parent's figure stays, and the one question
about the sentence (place, level, facility) says the figure goes with the words.
"""

from __future__ import annotations

from app.core.adapt.targets import TargetBook
from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

TONGSHAN = CountyContext("通山县", "咸宁市", "湖北省")
TUMED_RIGHT = CountyContext("土默特右旗", "包头市", "内蒙古自治区")
BINCHUAN = CountyContext("宾川县", "大理白族自治州", "云南省")
TONGWEI = CountyContext("通渭县", "定西市", "甘肃省")


def _adapt(text: str, level: str, county: CountyContext):
    book = TargetBook([], 1)
    adapted = adapt_text(text, level=level, county=county, catalogue=Catalogue(), book=book)
    return adapted, [t.indicator for t in book.targets]


def test_other_named_places_figure_stays_the_parents_under_one_question() -> None:
    adapted, indicators = _adapt(
        "到2025年，直管市、神农架林区农村生活垃圾分类覆盖率不低于60%，"
        "县（市）建成区和农村生活垃圾分类覆盖率不低于50%。",
        "province",
        TONGSHAN,
    )
    assert indicators == ["县（市）建成区和农村生活垃圾分类覆盖率"]
    assert "覆盖率不低于60%" in adapted.text
    about_60 = [q for q in adapted.questions if "60%" in q.message]
    assert len(about_60) == 1 and about_60[0].quote == "神农架林区"
    assert not [q for q in adapted.questions if q.kind == "figure"]


def test_another_levels_seats_figure_is_not_the_banners() -> None:
    adapted, indicators = _adapt(
        "到2025年，城市主城区交通绿色出行分担率达65%，"
        "盟市政府（行政公署）所在地公交一卡通覆盖率达到100%。",
        "region",
        TUMED_RIGHT,
    )
    assert indicators == ["城市主城区交通绿色出行分担率"]
    assert "公交一卡通覆盖率达到100%" in adapted.text
    (seat,) = [q for q in adapted.questions if q.kind == "sub_level" and "100%" in q.message]
    assert seat.quote == "盟市政府（行政公署）所在地"


def test_a_facility_the_county_is_asked_about_keeps_its_figure_beside_a_county_target() -> None:
    adapted, indicators = _adapt(
        "2025年底前，打造3条美丽公路、12个绿色机场。", "province", BINCHUAN
    )
    assert indicators == ["美丽公路"]
    (airport,) = [q for q in adapted.questions if "机场" in q.message]
    assert airport.quote == "12个绿色机场" and "12个" in airport.message


def test_the_county_named_as_the_parent_names_its_counties_keeps_its_target() -> None:
    """县区政府所在城区 is the county's own 县城: its target is the county's to set."""
    _, indicators = _adapt("到2025年县区政府所在城区基本建立生活垃圾分类系统。", "city", TONGWEI)
    assert indicators == ["县区政府所在城区生活垃圾分类系统"]


def test_a_sea_figure_of_an_inland_district_stays_under_the_sea_question() -> None:
    # 146 天津市生态环境保护“十四五”规划, for 宁河区
    adapted, indicators = _adapt(
        "到2025年，整治修复滨海湿地不少于180公顷。",
        "province",
        CountyContext("宁河区", "", "天津市"),
    )
    assert indicators == []
    (sea,) = adapted.questions
    assert sea.quote == "整治修复滨海湿地不少于180公顷" and "180公顷" in sea.message
