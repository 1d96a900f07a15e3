from __future__ import annotations

import pytest

from app.core.text.normalise import ends_sentence, fold_punctuation, squeeze_spaces
from app.core.text.numbering import (
    chinese_month,
    from_chinese,
    label_for,
    parse_date,
    parse_label,
    to_chinese,
)


@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 28, 99, 100, 105, 110, 999])
def test_chinese_numerals_round_trip(n):
    assert from_chinese(to_chinese(n)) == n


def test_numerals_as_labels_write_them():
    assert [to_chinese(n) for n in (10, 12, 28)] == ["十", "十二", "二十八"]
    assert [label_for(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("一、总体要求", (1, "一", "总体要求")),
        ("(十二) 工作", (2, "十二", "工作")),
        ("（一）能源", (2, "一", "能源")),
        ("2. 推行", (3, "2", "推行")),
        ("10．推行", (3, "10", "推行")),
        ("（3）光伏", (4, "3", "光伏")),
        ("1.5万吨", None),
        ("2025年", None),
        ("十分重要", None),
    ],
)
def test_labels(text, parsed):
    assert parse_label(text) == parsed


def test_dates():
    assert chinese_month(2023, 9) == "二〇二三年九月"
    assert parse_date("二〇二三年九月") == "2023-09"
    assert parse_date("2023年11月1日") == "2023-11-01"
    assert parse_date("2022-10-14 17:43:43 admin") == "2022-10-14"
    assert parse_date("没有日期") is None


def test_punctuation_and_spaces():
    assert (
        fold_punctuation("坚持集中开发,扩大外送(责任单位:自治区发展改革委)")
        == "坚持集中开发，扩大外送（责任单位：自治区发展改革委）"
    )
    assert fold_punctuation("1,000 元 17:43") == "1,000 元 17:43"
    assert (
        squeeze_spaces("到 2025 年，LNG 液化气站达到 75%以上")
        == "到2025年，LNG 液化气站达到75%以上"
    )


def test_sentence_endings():
    assert ends_sentence("推进节能降碳。")
    assert ends_sentence("（责任单位：县发改局）")
    assert ends_sentence("形成“三廊三区”。”")
    assert not ends_sentence("开展绿色建筑、“零碳”")
    assert not ends_sentence("（责任单位：县住建局、交通局、")
