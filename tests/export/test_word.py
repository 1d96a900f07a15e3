"""The Word draft, read back: the 平罗 seed's structure and text, in the house style."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from app.core.draft.demo import load_demo
from app.core.readout.task_rows import TASK_HEADERS
from app.export.word.document import word_bytes
from app.importer import import_plan
from tests.conftest import SEEDS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _mend(clause: str) -> str:
    """The seed's own typos: half-width parentheses and colons, a stray 、 before the ）."""
    clause = clause.replace("(", "（").replace(")", "）").replace(":", "：")
    return _squash(clause.replace("、）", "）"))


@pytest.fixture(scope="module")
def demo():
    draft = load_demo()
    return draft.model_copy(update={"layout": draft.layout.model_copy(update={"attachment": True})})


@pytest.fixture(scope="module")
def document(demo):
    return Document(io.BytesIO(word_bytes(demo)))


@pytest.fixture(scope="module")
def seed():
    return import_plan(SEEDS["pingluo-county"], plan_id="pingluo-county").plan


def _body_paragraphs(document):
    """Paragraphs after the 目录 (the body section and the attachment)."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Title")
    return paragraphs[start:]


def test_headings_in_order_with_labels(document, seed):
    wanted = [_squash(f"{s.label}{s.title}") for s in seed.walk()]
    headings = [
        _squash(p.text)
        for p in _body_paragraphs(document)
        if p.style.name in ("Heading 1", "Heading 2", "Heading 3")
    ]
    assert headings == wanted


def test_every_clause_character_for_character(document, seed):
    text = "\n".join(p.text for p in _body_paragraphs(document))
    written = [_squash(m) for m in re.findall(r"（责任单位：[^）]*(?:（[^）]*）[^）]*)*）", text)]
    expected = [_mend(s.clause.text) for s in seed.walk() if s.clause]
    assert len(expected) == 40
    assert written == expected
    assert written[0].endswith("；列首位的为牵头单位，下同）")
    assert sum("列首位" in c for c in written) == 1


def test_cover_and_committee(document):
    cover = [p.text for p in document.paragraphs[:6]]
    assert cover[:5] == [
        "平罗县碳达峰实施方案",
        "（送审稿）",
        "委托单位：平罗县发展和改革局",
        "编制单位：宁夏百润环保科技有限公司",
        "二〇二三年九月",
    ]
    committee = document.tables[0]
    names = [row.cells[1].text.replace("\u3000", "") for row in committee.rows]
    assert names == [
        "王继萍",
        "冀会向",
        "逯水",
        "黎水宝",
        "王芳",
        "张学英",
        "步彦斌",
        "王欣",
        "田彪",
        "耿嘉鹏",
        "马兰",
        "韩春燕",
    ]
    assert committee.rows[4].cells[1].text == "王\u3000芳"
    assert committee.rows[0].cells[0].text == "组\u3000长："


def _east_asia(run_or_style_element) -> str | None:
    rpr = run_or_style_element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_fonts_sizes_margins_grid(document):
    body = [p for p in _body_paragraphs(document) if p.style.name == "Normal" and p.text]
    runs = [r for p in body for r in p.runs if r.text.strip()]
    assert runs and all(_east_asia(r._r) == "仿宋_GB2312" for r in runs)
    assert all(r.font.size.pt == 16 for r in runs)
    for name, font in (
        ("Heading 1", "黑体"),
        ("Heading 2", "楷体_GB2312"),
        ("Title", "方正小标宋简体"),
    ):
        style = document.styles[name]
        assert _east_asia(style.element) == font
        paragraphs = [p for p in document.paragraphs if p.style.name == name]
        assert paragraphs and all(_east_asia(r._r) == font for p in paragraphs for r in p.runs)
    assert _east_asia(document.styles["Normal"].element) == "仿宋_GB2312"
    body_section = document.sections[1]
    assert round(body_section.top_margin.mm) == 37 and round(body_section.bottom_margin.mm) == 35
    assert round(body_section.left_margin.mm) == 28 and round(body_section.right_margin.mm) == 26
    grid = body_section._sectPr.find(qn("w:docGrid"))
    pitch_pt = int(grid.get(qn("w:linePitch"))) / 20
    type_area_pt = (
        (body_section.page_height - body_section.top_margin - body_section.bottom_margin)
        / Mm(1)
        * 72
        / 25.4
    )
    assert int(type_area_pt // pitch_pt) == 22
    assert grid.get(qn("w:type")) is None


def test_toc_field_page_numbers_and_attachment(document):
    xml = document.element.xml
    assert 'TOC \\o "1-3"' in xml
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    body_section = document.sections[1]
    for footer in (body_section.footer, body_section.even_page_footer):
        assert " PAGE " in footer._element.xml
    assert body_section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    # the cover has no page number
    assert " PAGE " not in document.sections[0].footer._element.xml
    attachment = document.sections[-1]
    assert attachment.page_width > attachment.page_height
    table = document.tables[-1]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert tuple(c.text for c in table.rows[0].cells) == TASK_HEADERS


def test_run_in_measure_titles_as_a_choice(demo):
    run_in = demo.model_copy(
        update={"layout": demo.layout.model_copy(update={"measure_titles": "run_in"})}
    )
    document = Document(io.BytesIO(word_bytes(run_in)))
    assert not [p for p in document.paragraphs if p.style.name == "Heading 3"]
    first = next(
        p for p in document.paragraphs if p.text.startswith("1.推进煤炭消费替代和转型升级。")
    )
    assert first.runs[0].bold and first.runs[0].text == "1.推进煤炭消费替代和转型升级。"


def test_layout_choices_page_numbers_and_committee(demo):
    layout = demo.layout.model_copy(
        update={"page_numbers": "centered", "committee_page": False, "attachment": False}
    )
    document = Document(io.BytesIO(word_bytes(demo.model_copy(update={"layout": layout}))))
    footer = document.sections[1].footer.paragraphs[0]
    assert footer.text.startswith("- ") and footer.alignment == 1
    assert "编 制 委 员 会" not in [p.text for p in document.paragraphs]
    assert not document.tables  # no committee table, no attachment
    assert len(document.sections) == 2
