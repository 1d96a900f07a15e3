"""The re-flow of PDF lines into paragraphs, on lines laid out by hand (A4, 16 pt type)."""

from __future__ import annotations

import pytest

from app.importer.readers.reflow import PdfLine, reflow

LEFT, RIGHT, EM = 80.0, 520.0, 16.0


def line(
    text: str,
    page: int = 0,
    row: int = 5,
    *,
    indent: bool = False,
    end: float | None = None,
    size: float = EM,
    x0: float | None = None,
) -> PdfLine:
    """A line on `row` (rows of 28 pt from 90 pt down); full width unless `end` is given."""
    start = x0 if x0 is not None else LEFT + (2 * EM if indent else 0.0)
    top = 90.0 + row * 28.0
    return PdfLine(
        text, page, start, end if end is not None else RIGHT, top, top + size, size, 595.0, 842.0
    )


def body_page(page: int, first: str, *rest: str) -> list[PdfLine]:
    """Ten filler lines make the page's text column; `first` and `rest` are put after them."""
    out = [line("填充文字" * 7, page, row) for row in range(1, 11)]
    out.append(line(first, page, 11, indent=True))
    for row, text in enumerate(rest, start=12):
        out.append(line(text, page, row))
    return out


def texts(lines: list[PdfLine]) -> list[str]:
    blocks, _ = reflow(lines)
    return [b.text for b in blocks]


@pytest.mark.parametrize("number", ["― 7 ―", "- 7 -", "—7—", "第7页", "第 7 页 共 20 页", "7"])
def test_page_numbers_at_the_foot_or_head_are_dropped(number):
    lines = [*body_page(0, "（一）开头。"), line(number, 0, 26, x0=280, end=310)]
    lines += [line(number, 1, -2, x0=280, end=310), *body_page(1, "（二）下一项。")]
    blocks, notes = reflow(lines)
    assert all(number.replace(" ", "") not in b.text.replace(" ", "") for b in blocks)
    assert any("删去了页码 2 处" in n.message for n in notes)


def test_running_head_repeated_on_every_page_is_dropped_but_a_figure_in_the_body_is_not():
    lines = []
    for page in range(3):
        lines.append(line("某某市人民政府文件", page, -2, x0=220, end=380))
        lines += body_page(page, f"（{'一二三'[page]}）第 {page + 1} 项。")
        lines.append(line("7", page, 9, x0=280, end=290))  # mid-page: not a page number
    out = texts(lines)
    assert not any("某某市人民政府文件" in t for t in out)
    assert sum(1 for t in out if t.endswith("7")) == 3


def test_wrapped_lines_join_and_short_lines_end_paragraphs():
    lines = body_page(0, "坚持以习近平新时代中国特色社会主义思想为指", "导，全面贯彻新发展理念。")
    lines[-1].x1 = 300.0  # the paragraph's last line stops short
    lines.append(line("下一段不缩进，但上一行很短。", 0, 14, end=300))
    out = texts(lines)
    assert "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新发展理念。" in out
    assert out[-1] == "下一段不缩进，但上一行很短。"


def test_headings_start_blocks_even_after_a_full_line():
    lines = body_page(
        0,
        "一段很长的文字写满了一整行而且没有句号",
        "1．推进燃煤机组改造。",
        "（二）推进能源供应清洁化",
        "2.加快推进天然气稳产增产。",
    )
    out = texts(lines)
    assert out[-3:] == [
        "1．推进燃煤机组改造。",
        "（二）推进能源供应清洁化",
        "2.加快推进天然气稳产增产。",
    ]


def test_a_paragraph_cut_by_a_page_break_is_joined():
    lines = body_page(0, "推动在用锅炉提标和电能替代改造。［责任单位：市经信局、")
    lines += [line("市生态环境局］", 1, 1, end=200), *body_page(1, "（二）下一项。")]
    blocks, notes = reflow(lines)
    assert "推动在用锅炉提标和电能替代改造。［责任单位：市经信局、市生态环境局］" in [
        b.text for b in blocks
    ]
    assert any("1 处被分页断开的段落已接上" in n.message for n in notes)


def test_latin_words_keep_their_space_and_chinese_joins_without():
    lines = body_page(0, "推进城区汽修行业 VOCs 治理，推广使用 LNG", "trucks 与新能源汽车。")
    assert texts(lines)[-1] == "推进城区汽修行业 VOCs 治理，推广使用 LNG trucks 与新能源汽车。"


def test_spaced_out_title_is_closed_up():
    lines = [line("实 施 方 案", 0, 0, x0=240, end=360, size=22), *body_page(0, "为深入贯彻落实……")]
    blocks, notes = reflow(lines)
    assert blocks[0].text == "实施方案"
    assert any("去掉空格" in n.message for n in notes)


def test_footnote_in_small_type_at_the_foot_is_kept_apart():
    lines = body_page(0, "单位地区生产总值二氧化碳排放¹累计下降18%，")
    lines.append(line("1 本文所称碳排放，指二氧化碳排放。", 0, 25, end=300, size=10))
    lines += [line("到2030年稳中有降。", 1, 1, end=200), *body_page(1, "（二）下一项。")]
    out = texts(lines)
    assert "单位地区生产总值二氧化碳排放¹累计下降18%，到2030年稳中有降。" in out
    assert out[-1] == "¹ 本文所称碳排放，指二氧化碳排放。"


def test_heading_run_on_to_the_line_before_is_split_off():
    lines = body_page(0, "为全面建设公园城市示范区提供坚强支撑。   二、工作目标")
    lines[-1].x1 = 480.0
    lines.append(line("构建清洁低碳安全高效能源体系。", 0, 12, indent=True, end=400))
    assert texts(lines)[-3:] == [
        "为全面建设公园城市示范区提供坚强支撑。",
        "二、工作目标",
        "构建清洁低碳安全高效能源体系。",
    ]


def test_heads_of_even_pages_only_are_dropped_too():
    lines = []
    for page in range(7):  # heads on pages 2, 4 and 6 of 7
        if page % 2:
            lines.append(line("某某市碳达峰实施方案", page, -2, x0=220, end=380))
        lines += body_page(page, f"（{'一二三四五六七'[page]}）第 {page + 1} 项。")
    assert not any("某某市碳达峰实施方案" in t for t in texts(lines))


def test_a_number_cut_at_the_line_end_is_one_number_again():
    # 湖北省 绿色低碳循环发展经济体系 实施意见: "…试点，到 202" / "5 年电商快件基本实现不再二次包装。"
    lines = body_page(
        0,
        "强化快递包装绿色转型，开展可循环快递包装规模化应用试点，到 202",
        "5 年电商快件基本实现不再二次包装。",
    )
    assert any("到 2025 年电商快件" in t or "到2025年电商快件" in t for t in texts(lines))
