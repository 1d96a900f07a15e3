"""An opinion's change cut to its words and a little context (the 意见处理 table's cells)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.text.excerpt import CONTEXT, change_excerpt

PARAGRAPH = (
    "严控煤炭消费增量，遏制煤炭消费快速增长趋势，新建煤炭利用项目按照煤炭清洁高效利用"
    "重点领域标杆水平建设实施。坚持煤电节能降碳改造、灵活性改造和供热改造“三改联动”。"
)


def test_a_word_added_in_a_long_paragraph_is_marked_with_a_little_context():
    at = PARAGRAPH.index("按照")
    proposed = PARAGRAPH[:at] + "严格" + PARAGRAPH[at:]
    original, shown = change_excerpt(PARAGRAPH, proposed)
    assert "【严格】按照" in shown
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= 2 * CONTEXT + len("【严格】") + 2
    assert "【" not in original and "新建煤炭利用项目按照" in original


def test_a_short_change_keeps_the_whole_text_and_marks_both_sides():
    assert change_excerpt("达到100万千瓦", "达到120万千瓦") == (
        "达到1【0】0万千瓦",
        "达到1【2】0万千瓦",
    )


def test_nothing_to_compare_comes_back_whole():
    assert change_excerpt(PARAGRAPH, "") == (PARAGRAPH, "")
    assert change_excerpt(PARAGRAPH, PARAGRAPH) == (PARAGRAPH, PARAGRAPH)


@given(st.text("甲乙丙丁，。", max_size=60), st.text("甲乙丙丁，。", max_size=60))
def test_without_its_marks_and_cuts_an_excerpt_is_a_piece_of_its_text(a, b):
    for text, cut in zip((a, b), change_excerpt(a, b), strict=True):
        plain = cut.replace("【", "").replace("】", "").strip("…")
        assert plain in text
