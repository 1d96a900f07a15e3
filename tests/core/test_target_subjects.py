"""Whose target a sentence states, by class, from real sentences of the labelled parents.

A count names its things after the number, each count its own (打造3条美丽公路、12个绿色机场);
a list closed by 等 shares what follows its category (化学需氧量、…等主要污染物重点工程减排量);
a vision in a setting (在…新征程中走在全国前列) names no indicator.
"""

from __future__ import annotations

from app.core.plans.targets import locate_targets


def _named(sentence: str) -> list[tuple[str, str, str]]:
    return [
        (s.target.indicator, s.target.value or "", s.target.unit)
        for s in locate_targets(sentence, goals=True)
    ]


def test_each_count_names_the_things_after_its_own_number() -> None:
    # 386 云南省…行动计划: two indicators, not 美丽公路 twice
    assert _named("2025 年底前，打造 3 条美丽公路、12 个绿色机场。") == [
        ("美丽公路", "3", "条"),
        ("绿色机场", "12", "个"),
    ]


def test_counts_after_an_action_word_each_keep_their_noun() -> None:
    assert _named("到2025年，争取创建35家绿色工厂、10家绿色园区。") == [
        ("绿色工厂", "35", "家"),
        ("绿色园区", "10", "家"),
    ]


def test_a_count_after_he_names_its_own_things() -> None:
    # 541 山西省“十四五”“两山七河一流域”…规划
    assert _named("到2025年，培育20个康养小镇、100个康养社区和100个康养村落。") == [
        ("康养小镇", "20", "个"),
        ("康养社区", "100", "个"),
        ("康养村落", "100", "个"),
    ]


def test_shares_after_he_stay_one_list() -> None:
    assert _named("到2025年，城市公交车、出租汽车新能源汽车比例分别达到72%和35%。") == [
        ("城市公交车新能源汽车比例", "72", "%"),
        ("出租汽车新能源汽车比例", "35", "%"),
    ]


def test_a_list_closed_by_deng_shares_the_measure_not_the_category() -> None:
    # 214 天津市“十四五”节能减排工作实施方案
    sentence = (
        "到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物等主要污染物重点工程减排量"
        "分别达到1.6万吨、0.04万吨、2.08万吨和0.99万吨。"
    )
    assert _named(sentence) == [
        ("化学需氧量重点工程减排量", "1.6", "万吨"),
        ("氨氮重点工程减排量", "0.04", "万吨"),
        ("氮氧化物重点工程减排量", "2.08", "万吨"),
        ("挥发性有机物重点工程减排量", "0.99", "万吨"),
    ]


def test_a_grade_is_no_list_closed_by_deng() -> None:
    assert _named("到2025年，数据中心绿色等级普遍达到4A以上。") == [
        ("数据中心绿色等级", "普遍达到4A以上", "")
    ]


def test_a_vision_in_a_setting_is_no_indicator() -> None:
    # 241 广东省…绿色低碳循环发展经济体系的实施意见, its 2035 vision
    sentence = (
        "到2035年，率先建成绿色低碳循环发展经济体系，在全面建设社会主义现代化国家新征程中"
        "走在全国前列、创造新的辉煌。"
    )
    assert _named(sentence) == []


def test_a_named_indicator_before_a_standing_stays_one() -> None:
    # the same parent's 2025 goal: the indicators are named before the standing
    sentence = "到2025年，单位地区生产总值能源消耗和二氧化碳排放水平继续走在全国前列。"
    assert [name for name, _, _ in _named(sentence)] == [
        "单位地区生产总值能源消耗",
        "单位地区生产总值二氧化碳排放水平",
    ]
