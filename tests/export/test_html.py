"""The preview shows what prints: the Word draft's headings and run-in titles, in the house style's sizes."""

from __future__ import annotations

import html
import io
import re

import pytest
from docx import Document

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.export.html import draft_html
from app.export.style import house_style
from app.export.word.document import word_bytes

OWN_LINE = re.compile(r'<p class="heading(\d)"[^>]*>(.*?)</p>')


def _own_line_headings(page: str) -> list[tuple[int, str]]:
    """(level, text) of each heading the preview shows on a line of its own."""
    return [
        (int(level), html.unescape(re.sub("<[^>]+>", "", inner)))
        for level, inner in OWN_LINE.findall(page)
    ]


def _word_headings(draft) -> list[tuple[int, str]]:
    document = Document(io.BytesIO(word_bytes(draft)))
    return [
        (int(p.style.name[-1]), p.text)
        for p in document.paragraphs
        if p.style.name in ("Heading 1", "Heading 2", "Heading 3")
    ]


@pytest.mark.parametrize("choice", ["as_written", "own_line", "run_in"])
def test_preview_headings_are_the_word_drafts(choice):
    draft = ops.set_layout(load_demo(), measure_titles=choice)
    assert _own_line_headings(draft_html(draft)) == _word_headings(draft)


def test_run_in_titles_are_not_on_lines_of_their_own():
    demo = load_demo()
    own_line = _own_line_headings(draft_html(ops.set_layout(demo, measure_titles="own_line")))
    page = draft_html(ops.set_layout(demo, measure_titles="run_in"))
    assert sum(level == 3 for level, _text in own_line) == 40
    assert not [h for h in _own_line_headings(page) if h[0] == 3]
    lead = (
        '<span class="heading3" style="font-weight:700">1.推进煤炭消费替代和转型升级。</span>严控'
    )
    assert f'<p class="body" align="justify">{lead}' in page


def _rule(page: str, selector: str) -> str:
    return re.search(rf"{re.escape(selector)} {{([^}}]*)}}", page).group(1)


def test_sizes_and_fonts_are_the_house_styles():
    demo = load_demo()
    style = house_style()
    full = draft_html(demo, scale=1)
    assert "font-size: 16pt" in _rule(full, "p.body") and "font-size: 22pt" in _rule(
        full, "p.title"
    )
    assert "'黑体'" in _rule(full, "p.heading1") and "'楷体_GB2312'" in _rule(full, "p.heading2")
    assert "text-indent: 42.7px" in _rule(full, "p.body")  # two characters of 16 pt
    scaled = draft_html(demo)
    assert f"font-size: {16 * style.preview.scale:g}pt" in _rule(scaled, "p.body")
    assert f"font-size: {22 * style.preview.scale:g}pt" in _rule(scaled, "p.title")


def test_the_current_measure_is_marked_and_anchored():
    demo = load_demo()
    measure = next(n for n in demo.walk() if n.level == 3)
    page = draft_html(demo, current=measure.id)
    assert f'<a name="{measure.id}"></a>' in page
    marked = re.findall(r"<p [^>]*background-color[^>]*>(.*?)</p>", page)
    assert marked and "推进煤炭消费替代和转型升级" in marked[0]


def test_only_some_nodes_are_written_as_the_whole_draft_writes_them():
    """`only` (the window's preview of a big draft): those nodes' paragraphs, numbered and
    worded as in the whole page, and without `front` no cover or preamble."""
    draft = load_demo()
    measures = list(draft.measures())
    wanted = measures[3]
    whole = draft_html(draft)
    part = draft_html(draft, only={wanted.id}, front=False, above="（部分）")
    paragraphs = re.findall(r"<p [^>]*>.*?</p>", part)
    assert paragraphs[0].endswith("（部分）</p>")
    assert paragraphs[1:] and all(p in whole for p in paragraphs[1:])
    assert wanted.title in part and measures[4].title not in part
    assert draft.meta.document_title not in part and draft.meta.preamble[0][:20] not in part
