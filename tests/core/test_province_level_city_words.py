"""A province-level city (上海, 重庆) speaks of itself as 本市 and 全市: its districts say 本区, 全区."""

from __future__ import annotations

from app.core.adapt.level_words import level_word_edits
from app.core.text.county import CountyContext


def test_level_words_of_a_province_level_city_become_the_districts():
    text = "本市坚持节约优先，全市统一部署，我市率先达峰。"
    edits = level_word_edits(text, "province", CountyContext("崇明区", "", "上海市"))
    changed = sorted((text[e.start : e.end], e.new) for e in edits)
    assert changed == [("全市", "全区"), ("我市", "我区"), ("本市", "本区")]


def test_the_nations_words_in_a_national_plan():
    text = "到2025年，全国单位国内生产总值能耗比2020年下降13.5%，全国碳排放权交易市场稳定运行。"
    edits = level_word_edits(text, "national", CountyContext("婺源县", "上饶市", "江西省"))
    assert [(text[e.start : e.end], e.new) for e in edits] == [("全国", "全县")]
