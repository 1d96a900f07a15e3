"""A city's rates for itself and its counties (市、县生活垃圾无害化处理率) speak of the parent's
levels: the measure asks which the county's is, while the rate stays one of the county's
targets (issue 25, residues of the labelled county set; 龙岩市…实施方案, the parent of
tests/cases/counties/changting-county).
"""

from __future__ import annotations

from app.core.adapt.text import adapt_text
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext

CHANGTING = CountyContext("长汀县", "龙岩市", "福建省")


def _asked(sentence: str) -> list[tuple[str, str]]:
    adapted = adapt_text(sentence, level="city", county=CHANGTING, catalogue=Catalogue())
    return [(q.kind, q.quote) for q in adapted.questions if q.kind != "figure"]


def test_the_city_and_county_rate_is_asked():
    assert _asked("推广“厂网一体化”、专业化运行维护，市、县污水处理率达到98%以上。") == [
        ("self_reference", "市、县")
    ]


def test_other_city_and_county_words_are_left_to_their_own_rules():
    assert _asked("城市、县城污水处理率达到95%。") == []
    assert ("self_reference", "市、县") not in _asked("健全省、市、县三级节能监察体系。")
