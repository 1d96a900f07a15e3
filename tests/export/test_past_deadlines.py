"""A deadline already past when the draft is written is asked about, once a sentence.

A parent of 2022 says "到2024年" and "2023年底前"; the county's draft, written later, would
print them as its own plans for a time gone by. Which years are past is the draft's 成稿年月
(else today), so the same text asks nothing in a draft dated before them.
"""

from __future__ import annotations

from pathlib import Path

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.plans.resolver import PlanResolver
from app.core.readout.checks import check_draft
from app.core.readout.deadlines import draft_year, past_deadlines
from app.export.word.document import word_document
from tests.cases.word_text import read_word

# 146 天津市生态环境保护“十四五”规划 and 386 云南省…行动计划, as they read
PAST = (
    "到2024年，完成全部燃煤锅炉改燃并网，到2030年，清洁取暖率达到95%。"
    "原则上2023年底前淘汰单机10万千瓦以下纯凝煤电机组，2023年底前完成改造。"
)


def _draft(date: str):
    draft = load_demo()
    draft = draft.model_copy(update={"meta": draft.meta.model_copy(update={"date": date})})
    measure = next(n for n in draft.walk() if n.level == 3 and n.paragraphs)
    return ops.set_paragraphs(draft, measure.id, (PAST, *measure.paragraphs[1:])), measure.id


def _deadline_comments(draft, folder: Path) -> list[tuple[str, str]]:
    path = folder / "draft.docx"
    path.write_bytes(word_document(draft).data)
    return [(c.words, c.text) for c in read_word(path).comments if c.text.startswith("时限已过")]


def test_each_sentence_with_a_past_deadline_gets_one_comment(tmp_path: Path) -> None:
    draft, _ = _draft("2025-03")  # the demo's 到2025年 is not past yet
    comments = _deadline_comments(draft, tmp_path)
    assert [quote for quote, _ in comments] == ["到2024年", "2023年底前"]
    assert all("2025年" in message and "删去" in message for _, message in comments)


def test_a_draft_written_before_the_deadline_asks_nothing(tmp_path: Path) -> None:
    draft, _ = _draft("2023-09")
    assert _deadline_comments(draft, tmp_path) == []


def test_check_lists_the_past_deadline_where_it_stands() -> None:
    draft, measure_id = _draft("2025-06")
    found = [f for f in check_draft(draft, PlanResolver.library()) if "时限已过" in f.message]
    assert [(f.node_id, f.message[:12]) for f in found] == [
        (measure_id, "时限已过：到2024年（"),
        (measure_id, "时限已过：2023年底前"),
    ]


def test_without_a_date_the_year_is_todays() -> None:
    from datetime import date

    draft, _ = _draft("")
    assert draft_year(draft, today=date(2031, 1, 5)) == 2031


def test_base_years_ranges_states_and_parts_of_a_year_are_no_deadlines() -> None:
    text = (
        "较2020年下降13.5%。2021—2025年实施。截至2022年底，已建成10座。"
        "2024年前三季度增长5%。2021年10月17日印发。"
    )
    assert list(past_deadlines(text, 2026)) == []
