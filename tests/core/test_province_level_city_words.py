"""A province-level city (上海, 重庆) speaks of itself as 本市 and 全市: its districts say 本区, 全区."""

from __future__ import annotations

from app.core.adapt.level_words import level_word_edits
from app.core.text.county import CountyContext


def test_level_words_of_a_province_level_city_become_the_districts():
    text = "本市坚持节约优先，全市统一部署，我市率先达峰。"
    edits = level_word_edits(text, "province", CountyContext("崇明区", "", "上海市"))
    changed = sorted((text[e.start : e.end], e.new) for e in edits)
    assert changed == [("全市", "全区"), ("我市", "我区"), ("本市", "本区")]
