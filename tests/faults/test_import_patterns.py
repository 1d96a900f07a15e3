"""Every text pattern the importer runs finishes on a hostile line in linear time.

Each case is a 100,000-character line that the old patterns took minutes to hours on
(runs of blanks after a TOC dot leader, runs of tabs or U+3000, 完成 or 不低于 repeated).
The call runs in a forked child with a generous limit, so a regression fails the test
instead of hanging the suite; no tight timing is asserted.
"""

from __future__ import annotations

import multiprocessing
import re

import pytest

from app.core.plans import targets
from app.core.plans.targets import extract_targets, locate_targets
from app.core.text import unit_lists
from app.importer.blocks import Block
from app.importer.cleanup import clean_blocks, is_toc_line

LONG = 100_000
LIMIT_SECONDS = 60
BLANKS = [" ", "\t", "\u3000", "\u00a0"]


def _returns(fn, *args):
    """fn(*args)'s result, computed in a child process that must finish within the limit."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)

    def run() -> None:
        child.send(fn(*args))

    process = context.Process(target=run)
    process.start()
    try:
        if not parent.poll(LIMIT_SECONDS):
            pytest.fail(f"{fn.__name__} did not return within {LIMIT_SECONDS} s on a hostile line")
        return parent.recv()
    finally:
        process.kill()
        process.join()


@pytest.mark.parametrize("blank", BLANKS)
def test_toc_page_number_after_a_long_run_of_blanks(blank):
    line = "见下……" + blank * LONG + "内容"
    assert _returns(is_toc_line, line) is False
    assert _returns(is_toc_line, "见下……" + blank * LONG + "12") is True


def test_toc_lines_still_recognised():
    assert is_toc_line("一、总体要求……………………3")
    assert is_toc_line("（一）主要目标........ - 12 -")
    assert is_toc_line("二、重点任务...\t5")
    assert not is_toc_line("到2025年……非化石能源消费比重达到20%")
    assert not is_toc_line("一、总体要求")


def _clean(text: str) -> int:
    return len(clean_blocks([Block(text=text, line=1)])[0])


@pytest.mark.parametrize("blank", BLANKS)
def test_cleanup_of_a_long_toc_like_line(blank):
    assert _returns(_clean, "见下……" + blank * LONG + "内容") == 1


def _year_scopes_count(text: str) -> int:
    return len(list(targets._YEAR.finditer(text)))


@pytest.mark.parametrize("blank", BLANKS)
def test_year_pattern_on_a_run_of_blanks(blank):
    assert _returns(_year_scopes_count, blank * LONG + "到2025年") == 1
    assert _returns(_year_scopes_count, "较" + blank * LONG) == 0


@pytest.mark.parametrize("blank", BLANKS)
def test_targets_in_a_line_of_blanks(blank):
    line = "到2025年，" + blank * LONG + "内容"
    assert _returns(extract_targets, line) == []
    line = "到2025年，非化石能源消费比重达到" + blank * LONG + "20%"
    assert _returns(extract_targets, line)[0].value == "20"


def test_value_pattern_on_blanks_between_numbers():
    assert _returns(extract_targets, "到2025年，" + "1 " * (LONG // 2)) is not None


def test_assigned_task_phrases_repeated():
    assert _returns(extract_targets, "到2025年，" + "完成" * (LONG // 2)) == []
    assert _returns(extract_targets, "到2025年，完成" + "下达" * (LONG // 2)) == []
    found = _returns(extract_targets, "到2025年，能耗强度" + "完成" * 1000 + "自治区下达目标任务")
    assert found[0].kind == "assigned"


def test_assigned_task_phrase_as_before():
    spans = locate_targets("到2025年，单位地区生产总值能耗确保完成自治区下达目标任务。")
    assert spans[0].target.kind == "assigned"
    assert spans[0].target.indicator == "单位地区生产总值能耗"


def test_share_of_with_bounds_repeated():
    assert _returns(targets._share_of, "不低于" * (LONG // 3)) == ("不低于" * (LONG // 3), "")
    assert targets._share_of("储能设施容量不低于新能源装机规模的") == (
        "储能设施容量占新能源装机规模比例",
        "不低于",
    )


def test_final_bracket_of_a_unit_name():
    name = "（" * LONG + "）"
    assert _returns(unit_lists._without_final_bracket, name) == ""
    old = re.compile(r"（[^）]*）$")
    for sample in [
        "县委办（县政府办）",
        "县委办",
        "a（b（c）",
        "a（b）c（d）",
        "（）",
        "x）",
        "a）（b）",
    ]:
        assert unit_lists._without_final_bracket(sample) == old.sub("", sample), sample
