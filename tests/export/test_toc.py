"""The 目录: every heading of levels 1–3, run in or on its own line, with the pages LibreOffice prints.

Run-in headings (宁夏/银川: "（一）能源绿色低碳转型行动。高水平建设…") carry an
outline level on their paragraph, for Word's navigation pane, and a TC entry
with the heading alone, for the TOC field when Word or WPS refreshes it.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.core.readout.render import rendered_nodes
from app.export.pdf import to_pdf
from app.export.word import wordml
from app.export.word.document import word_bytes
from app.export.word.pages import line_breaks, line_starts
from tests.conftest import ROOT

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice/poppler not installed",
)


@pytest.fixture(scope="module")
def yongning():
    """永宁县 from the 银川 plan, all actions: actions and most measures run in, as 银川 writes them."""
    draft, _reports = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("yinchuan-city")
    )
    return draft


def _toc(document) -> list[tuple[int, str, str]]:
    """(level, text, page label) of each 目录 entry."""
    out = []
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("toc "):
            text, _, page = paragraph.text.partition("\t")
            out.append((int(paragraph.style.name[-1]), text, page))
    return out


def _headings(draft) -> list[tuple[int, str]]:
    """Every numbered heading of levels 1–3 as the body prints it, in order."""
    return [
        (item.node.level, item.heading)
        for item in rendered_nodes(draft)
        if item.node.numbered and item.node.level <= 3
    ]


@pytest.mark.parametrize("titles", ["own_line", "run_in"])
def test_the_toc_lists_every_heading_run_in_or_not(titles):
    draft = ops.set_layout(load_demo(), measure_titles=titles)
    document = Document(io.BytesIO(word_bytes(draft)))
    assert [(level, text) for level, text, _ in _toc(document)] == _headings(draft)


def test_a_yinchuan_draft_lists_every_action_and_measure(yongning):
    document = Document(io.BytesIO(word_bytes(yongning)))
    entries = _toc(document)
    assert [(level, text) for level, text, _ in entries] == _headings(yongning)
    actions = [text for level, text, _ in entries if level == 2 and text.endswith("行动")]
    assert actions[0] == "（一）能源绿色低碳转型行动" and len(actions) >= 8
    assert all(re.fullmatch(r"— \d+ —", page) for _, _, page in entries)


def test_run_in_headings_carry_an_outline_level_and_a_toc_entry(yongning):
    document = Document(io.BytesIO(word_bytes(yongning)))
    action = next(
        p for p in document.paragraphs if p.text.startswith("（一）能源绿色低碳转型行动。")
    )
    ppr = action._p.pPr
    assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    instructions = [t.text for t in action._p.iter(qn("w:instrText"))]
    assert instructions == [' TC "（一）能源绿色低碳转型行动" \\f C \\l 2 ']
    assert action.runs[0].text == "（一）能源绿色低碳转型行动。"  # the entry prints nothing
    measure = next(p for p in document.paragraphs if p.text.startswith("1.推进清洁能源开发利用。"))
    assert measure._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "2"
    # The field lists the heading styles and the TC entries, not whole paragraphs by outline level.
    toc = next(t.text for t in document.element.body.iter(qn("w:instrText")) if "TOC" in t.text)
    assert toc.strip() == wordml.TOC_INSTRUCTION and "\\u" not in toc


def test_a_toc_entry_escapes_quotes_and_backslashes():
    xml = wordml.toc_entry('1.推进"绿电"\\直供 <园区>', 3)
    assert ' TC "1.推进\\&quot;绿电\\&quot;\\\\直供 &lt;园区&gt;" \\f C \\l 3 ' in xml


def _lines(text: str, indent: float = 32) -> list[str]:
    """Body lines (仿宋 三号, condensed 0.25 pt) of a paragraph as LibreOffice breaks them."""
    return line_breaks(text, 16, width=442.2, indent=indent, spacing=-0.25)


def test_line_model_as_libreoffice_breaks_lines():
    assert [len(line) for line in _lines("汉" * 60)] == [26, 28, 6]
    assert len(_lines("汉" * 26 + "，汉")[0]) == 27  # a comma hangs past the margin
    assert _lines("汉" * 25 + "“汉")[0].endswith("汉" * 25)  # an opening mark never ends a line
    # A number never breaks, and the layout spaces it from Chinese: without that space 2025
    # would still fit the first line (24 × 15.75 + 4 × 7.75 = 409 of 410.2 pt).
    assert _lines("汉" * 23 + "到2025年")[1] == "2025年"
    # Measured in LibreOffice 7.4 (the 永宁 draft's 1.严守生态资源系统保护):
    assert _lines("护率力争达到90%以上。（责任单位：县自然资源局、市生态环境局永宁分局", indent=0)[
        0
    ].endswith("市生态环")
    assert _lines("到16%以上，森林蓄积量达到188万立方米，湿地面积达到80万亩", indent=0)[0].endswith(
        "达到80"
    )
    # Where a comment's words end, LibreOffice ends a text portion: the character before is
    # not condensed. 28 characters fill a line with 1.2 pt to spare; five such ends fill it up.
    assert len(line_breaks("汉" * 29, 16, width=442.2, indent=0, spacing=-0.25)[0]) == 28
    ended = line_starts("汉" * 29, 16, width=442.2, indent=0, spacing=-0.25, ends=[1, 2, 3, 4, 5])
    assert ended == [27]


def _reference_lines(text: str, indent: float = 32) -> list[str]:
    """The line model written plainly, character by character: line_starts must agree with it."""
    from app.export.word import pages

    kinds, size, spacing = [], 16, -0.25
    for ch in text:
        if ord(ch) < 0x80:
            kinds.append("L" if ch.isalnum() else "P")
        elif ch in pages._WEAK:
            if kinds:
                latin = kinds[-1] in "LP"
            else:  # the paragraph's first: as what follows
                after = next((c for c in text if c not in pages._WEAK), "")
                latin = bool(after) and ord(after) < 0x80
            kinds.append("P" if latin else "Q")
        else:
            kinds.append(pages._east_asian_kind(ch))

    def advance(k: int) -> float:
        if kinds[k] in "LP":
            return pages._LATIN.get(text[k], pages._WEAK.get(text[k], 500)) * size / 1000 + spacing
        return size + spacing

    groups: list[list[int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        if ord(text[i]) < 0x80 and text[i] != " ":
            while j < len(text) and ord(text[j]) < 0x80 and text[j] != " ":
                j += 1
        closing = j - i == 1 and text[i] in pages._NO_START and not pages._breaks_before(text, i)
        if groups and (closing or text[groups[-1][1] - 1] in pages._NO_END):
            groups[-1][1] = j
        else:
            groups.append([i, j])
        i = j

    def extent(start: int, end: int, before: str) -> float:
        total = 0.0
        for k in range(start, end):
            if {before, kinds[k]} == {"A", "L"}:
                total += pages.AUTOSPACE_EM * size
            total += advance(k)
            before = kinds[k]
        return total

    lines, x, line_start, before = [], indent, 0, ""
    for start, end in groups:
        wide = extent(start, end, before)
        hangs = (
            end - start >= 2
            and text[end - 1] in pages._HANGING
            and text[end - 2] not in pages._NO_START
            and x + wide - advance(end - 1) <= 442.21
        )
        if x + wide <= 442.21 or hangs or start == line_start:
            x += wide
        else:
            lines.append(text[line_start:start])
            line_start, x = start, extent(start, end, "")
        before = kinds[end - 1]
    return [*lines, text[line_start:]]


_REALISTIC = st.text(
    alphabet="汉字国家发展，。、；：！？（）《》【】“”%0123456789.AaZ ", max_size=200
).filter(
    lambda t: not re.search(r"[\x21-\x7e][“”]", t)  # no Chinese quote right after a Latin mark
)


@given(_REALISTIC)
@settings(max_examples=500, deadline=None)
def test_the_fast_line_model_is_the_plain_one(text):
    assert _lines(text) == _reference_lines(text)


def _page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return text.stdout.split("\f")


def _printed_pages(pdf, entries) -> list[str]:
    """The page label under which LibreOffice prints each entry's heading, found page by page."""
    pages = _page_texts(pdf)
    labels = []
    for text in pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        found = re.fullmatch(r"[—-]\s*(\d+)\s*[—-]", lines[-1]) if lines else None
        labels.append(f"— {found.group(1)} —" if found else None)
    first_body = next(i for i, label in enumerate(labels) if label)
    out, page = [], first_body
    for _level, heading, _label in entries:
        key = re.sub(r"\s+", "", heading)[:10]
        while page < len(pages) and key not in re.sub(r"\s+", "", pages[page]):
            page += 1
        out.append(labels[page] if page < len(pages) else None)
    return out


@needs_soffice
@pytest.mark.parametrize("which", ["demo", "demo_run_in", "yongning"])
def test_toc_pages_are_the_pages_libreoffice_prints(which, yongning, tmp_path):
    draft = {
        "demo": load_demo(),
        "demo_run_in": ops.set_layout(load_demo(), measure_titles="run_in"),
        "yongning": yongning,
    }[which]
    path = tmp_path / f"{which}.docx"
    path.write_bytes(word_bytes(draft))
    entries = _toc(Document(str(path)))
    pdf = to_pdf(path, tmp_path, fonts_conf=ROOT / "tools" / "fonts.conf")
    printed = _printed_pages(pdf, entries)
    wrong = [
        (text, label, got)
        for (_, text, label), got in zip(entries, printed, strict=True)
        if label != got
    ]
    assert wrong == []
