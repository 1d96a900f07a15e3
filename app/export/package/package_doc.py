"""What the documents of the 送审 package share: a Word file in the house style with a title,
numbered pages and ruled tables (意见采纳情况表, 修改对照表, 起草说明).

Set up as the 上级方案任务承接对照表 (crosswalk_doc.py) is: the house style's fonts, page and
grid, page numbers as the draft's, tables as the 附件's (header repeated on every page,
rows not split, every edge ruled, each line of a cell a paragraph of its own).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.draft.model import Draft
from app.export.style import HouseStyle, usable_style
from app.export.word import wordml
from app.export.word.document import _Body, blank_document
from app.export.word.setup import WordStyles, number_pages, setup_section

TITLE_LINE = 20
"""Characters of the title's size a line holds: a longer title breaks after its 》."""


@dataclass
class PackageDocument:
    """A document being written: its body, its styles and the type area's width."""

    body: _Body
    styles: WordStyles
    width_mm: float

    def add(self, xml: str) -> None:
        self.body.add(xml)

    def docx(self) -> bytes:
        return self.body.docx()


def start(
    draft: Draft, style: HouseStyle | None = None, *, landscape: bool = False
) -> PackageDocument:
    """An empty document on the house style's page (turned for a wide table), pages numbered."""
    style = style or usable_style(draft.layout.style)
    doc, styles, body = blank_document(style)
    sect_pr = wordml.section_properties(doc.element)[0]
    setup_section(doc.sections[0], sect_pr, style, landscape=landscape)
    doc.settings.odd_and_even_pages_header_footer = True
    number_pages(doc.sections[0], sect_pr, styles, centred=draft.layout.page_numbers == "centered")
    page = style.page
    width = (
        page.height_mm - page.margin_top_mm - page.margin_bottom_mm
        if landscape
        else page.text_width_mm
    )
    return PackageDocument(body, styles, width)


def title(styles: WordStyles, text: str) -> str:
    """The document's title; 《plan》what it is, when long, broken after the 》."""
    if len(text) > TITLE_LINE and text.startswith("《") and "》" in text[:-1]:
        text = text.replace("》", "》\n", 1)
    return styles.text("title", text)


def cell(styles: WordStyles, width: int, lines: Iterable[str], key: str, align: str) -> str:
    """A table cell, each line a paragraph of its own."""
    paragraphs = "".join(
        styles.paragraph(key, styles.run(line, key) if line else "", align=align) for line in lines
    )
    return wordml.table_cell(width, paragraphs or styles.paragraph(key), centre_vertically=True)


def column_widths(doc: PackageDocument, shares: Sequence[float]) -> list[int]:
    """Each column's width (twips) by its share of the type area's width."""
    return [wordml.twips(doc.width_mm * share) for share in shares]


def ruled_table(doc: PackageDocument, widths: Sequence[int], headers: Sequence[str], rows) -> str:
    """A ruled table of these body rows (table_row XML) under the header, which is repeated on
    every page: every table of the package is built so."""
    styles = doc.styles
    header = wordml.table_row(
        (
            cell(styles, widths[col], [text], "table_header", "center")
            for col, text in enumerate(headers)
        ),
        keep_together=True,
        header=True,
    )
    border = wordml.table_borders(styles.style.task_table.border)
    return wordml.table(list(widths), [header, *rows], borders=border)


def table(
    doc: PackageDocument,
    shares: Sequence[float],
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    aligns: Sequence[str],
) -> str:
    """A ruled table across the type area: columns by their share of its width, the header
    repeated on every page; a cell's text split into paragraphs at its line breaks."""
    styles = doc.styles
    widths = column_widths(doc, shares)
    body = [
        wordml.table_row(
            (
                cell(styles, widths[col], str(value).split("\n"), "table_body", aligns[col])
                for col, value in enumerate(row)
            ),
        )
        for row in rows
    ]
    return ruled_table(doc, widths, headers, body)
