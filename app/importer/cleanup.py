"""First pass over the blocks: strip copy artefacts, skip the TOC, set footnotes aside.

Text copies of published plans carry markdown and HTML from the tools that made
them (`#` headings that do not match the plan's levels, `**bold**`, `<b>`,
`CO<sub>2</sub>`), a table of contents whose lines repeat every heading, and
footnotes that a page break dropped into the middle of a paragraph.
"""

from __future__ import annotations

import html
import re

from app.core.text.normalise import Folded, normalise_text, writes_full_stops
from app.importer.blocks import Block, ImportNote

_MD_HEADING = re.compile(r"^\s*#{1,6}\s*")
_MD_QUOTE = re.compile(r"^\s*>\s+")
_HTML_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|sub|sup|span|font|p|div|br|center|small|big)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_BOLD = re.compile(r"\*\*|__")
_DOT_LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|－{3,}|-{4,}|_{4,}|\.{2,}\s*\t)")
_PAGE_NUMBER = re.compile(
    r"(?:\t|\s{2}|[.…·])\s*+[-—－（(]?\s*+\d{1,3}\s*+[-—－）)]?\s*+$"
)  # "…… 12", "……（６）": the page a contents entry points to
_BLANK_RUN = re.compile(r"\s{2,}")
_TOC_TITLE = re.compile(r"^目\s*录$")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def strip_markup(text: str) -> str:
    """Remove markdown and HTML left by the tool that made a text copy."""
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _BOLD.sub("", text)
    return html.unescape(text)


def is_toc_line(text: str) -> bool:
    """A table-of-contents entry: dot leaders and a page number at the end."""
    if not _DOT_LEADER.search(text):
        return False
    # Runs of blanks cut to two (a lone tab stays a tab): the same lines match, and the
    # pattern, tried from every blank of a long run, no longer reads the whole run each time.
    return bool(_PAGE_NUMBER.search(_BLANK_RUN.sub("  ", text)))


def clean_blocks(blocks: list[Block]) -> tuple[list[Block], list[str], list[ImportNote]]:
    """Blocks without markup, TOC or footnotes; plus the footnotes and what was done."""
    notes: list[ImportNote] = []
    footnotes: list[str] = []
    out: list[Block] = []
    toc_lines = 0
    markup_lines = 0
    after_toc = False  # the next block kept is the first of a contents page
    folded = Folded()  # what the normal form changed, said in one note
    full_stops = writes_full_stops([b.text for b in blocks if b.cells is None])
    for block in blocks:
        raw = block.text
        text = strip_markup(raw)
        if text != raw:
            markup_lines += 1
        if "toc" in block.tags or is_toc_line(text):
            toc_lines += 1
            continue
        compact = re.sub(r"\s+", "", text)
        if _TOC_TITLE.match(compact):
            toc_lines += 1
            after_toc = True
            continue
        if block.cells is not None:
            cells = [normalise_text(strip_markup(cell)) for cell in block.cells]
            out.append(_with(block, "\t".join(cells), cells))
            continue
        if _FOOTNOTE.match(text.strip()):
            note = normalise_text(text)
            footnotes.append(note)
            notes.append(ImportNote(block.line, f"脚注已从正文中移出：{note[:30]}"))
            continue
        raw_text = text.replace("\u00a0", " ").strip()
        text = normalise_text(text, full_stops=full_stops)
        folded.add(raw_text, text)
        if text:
            cleaned = _with(block, text, None)
            cleaned.raw = raw_text
            if after_toc:
                cleaned.tags.add("after_toc")  # the title is before the contents, never in it
                after_toc = False
            out.append(cleaned)
    if markup_lines:
        notes.append(ImportNote(None, f"去除了 {markup_lines} 行中的排版标记（#、**、<b> 等）"))
    if toc_lines:
        notes.append(ImportNote(None, f"跳过了目录（{toc_lines} 行）"))
    if folded.note():
        notes.append(ImportNote(None, folded.note()))
    return out, footnotes, notes


def _with(block: Block, text: str, cells: list[str] | None) -> Block:
    return Block(
        text=text,
        line=block.line,
        raw=block.raw or text,
        cells=cells,
        table=block.table,
        style=block.style,
        outline_level=block.outline_level,
        page_break=block.page_break,
        tags=set(block.tags),
    )
