"""Every piece of WordprocessingML the Word writer builds, one small function each.

The pieces are XML text: building a large body as text and parsing it once is
many times faster than python-docx's element-by-element API. Text and
attribute values enter only through `text()`, which leaves out what XML cannot
hold and escapes the rest; nothing here ever searches or rewrites XML text.
Parts python-docx holds (styles, section properties, settings, footers) get
their pieces through `set_child`. The pitfalls these avoid are listed in the
design notes (LAYOUT.md). Sizes: w:sz in half-points, widths and indents in
twips (1/20 pt), border widths in eighths of a point.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from app.export.content import printable
from app.export.style import BorderStyle, TextStyle

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_QUOTES = {'"': "&quot;", "'": "&apos;"}
_BREAKS = re.compile(r"([\t\n])")
_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_JC = {"justify": "both"}


def escape(value: str, entities: dict[str, str] | None = None) -> str:
    """&, < and > (and `entities`) escaped — as xml.sax.saxutils.escape, whose module
    imports urllib, http and ssl (~25 ms of every export's start-up)."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char, entity in (entities or {}).items():
        value = value.replace(char, entity)
    return value


def text(value: str) -> str:
    """The one way text and attribute values enter the XML.

    ``text('A&B <"x">')`` is ``A&amp;B &lt;&quot;x&quot;&gt;``; control characters
    are left out (see content.printable).
    """
    return escape(printable(value), _QUOTES)


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _val(tag: str, value: object) -> str:
    return f'<w:{tag} w:val="{text(str(value))}"/>'


# ---------------------------------------------------------------- runs


def run_properties(
    east_asia: str,
    latin: str,
    size: float,
    *,
    bold: bool | None = None,
    spacing_pt: float = 0,
    lang: bool = False,
) -> str:
    """All four font slots and no theme fonts: Word otherwise shows a Western font for Chinese.

    ``<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"
    w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:b w:val="1"/><w:bCs w:val="1"/>
    <w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/>
    <w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>``; bold, spacing and lang only when given.
    """
    latin, east_asia = text(latin), text(east_asia)
    out = [
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    ]
    if bold is not None:
        out.append(_val("b", int(bold)) + _val("bCs", int(bold)))
    if spacing_pt:
        out.append(_val("spacing", round(spacing_pt * 20)))
    half_points = round(size * 2)
    out.append(_val("sz", half_points) + _val("szCs", half_points))
    if lang:
        out.append('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    out.append("</w:rPr>")
    return "".join(out)


def run(value: str, rpr: str = "", *, deleted: bool = False) -> str:
    """``<w:r>{rPr}<w:t xml:space="preserve">一、</w:t><w:tab/><w:t …>3</w:t></w:r>``: a tab is w:tab, a line break w:br.

    `deleted`: the text of a tracked deletion (w:delText)."""
    tag = "w:delText" if deleted else "w:t"
    pieces = []
    for piece in _BREAKS.split(value):
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece == "\n":
            pieces.append("<w:br/>")
        elif piece:
            pieces.append(f'<{tag} xml:space="preserve">{text(piece)}</{tag}>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def field_begin(instruction: str, rpr: str = "") -> str:
    """The start of a complex field, up to where its cached result goes.

    ``<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">
    PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>``
    """
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {text(instruction)} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
    )


def field_end(rpr: str = "") -> str:
    """``<w:r><w:fldChar w:fldCharType="end"/></w:r>``"""
    return f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'


def field(instruction: str, cached: str, rpr: str = "") -> str:
    """A complex field (PAGE …) with its cached result, as Word writes them: begin, instrText, separate, result, end."""
    return field_begin(instruction, rpr) + run(cached, rpr) + field_end(rpr)


TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\f C'
"""Levels 1–3 of the heading styles and the TC entries (type C), as hyperlinks, page numbers
hidden in web view. Not \\u: a run-in heading's paragraph carries an outline level for the
navigation pane, and \\u would list the whole paragraph; its TC entry lists the heading."""


def toc_entry(heading: str, level: int) -> str:
    """A TC field: the 目录 entry of a run-in heading, its words only; it prints nothing.

    ``<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">
    TC "（一）能源绿色低碳转型行动" \\f C \\l 2 </w:instrText></w:r><w:r><w:fldChar
    w:fldCharType="end"/></w:r>``; a quotation mark or backslash in the heading is escaped
    with a backslash, as field arguments are.
    """
    argument = " ".join(heading.split()).replace("\\", "\\\\").replace('"', '\\"')
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> TC "{text(argument)}" \\f C \\l {int(level)} '
        "</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


# ---------------------------------------------------------------- comments


def comment_start(comment_id: int) -> str:
    """``<w:commentRangeStart w:id="0"/>``: where the words a comment is on begin."""
    return f'<w:commentRangeStart w:id="{int(comment_id)}"/>'


def comment_end(comment_id: int) -> str:
    """Where the words end, and the comment's mark after them (the comment itself is in comments.xml).

    ``<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>
    <w:commentReference w:id="0"/></w:r>``
    """
    number = int(comment_id)
    return (
        f'<w:commentRangeEnd w:id="{number}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
        f'</w:rPr><w:commentReference w:id="{number}"/></w:r>'
    )


def bookmark(bookmark_id: int, name: str, inner: str) -> str:
    """``<w:bookmarkStart w:id="9" w:name="pp_n12_p0"/>{inner}<w:bookmarkEnd w:id="9"/>``: prints nothing."""
    number = int(bookmark_id)
    return (
        f'<w:bookmarkStart w:id="{number}" w:name="{text(name)}"/>{inner}'
        f'<w:bookmarkEnd w:id="{number}"/>'
    )


# ---------------------------------------------------------------- paragraphs


def paragraph(
    runs: str,
    *,
    style_id: str = "",
    page_break_before: bool = False,
    align: str = "",
    indent_left: int = 0,
    indent_right: int = 0,
    outline_level: int | None = None,
) -> str:
    """``<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/><w:ind w:right="280"/>
    <w:jc w:val="center"/><w:outlineLvl w:val="1"/></w:pPr>{runs}</w:p>``; each property only
    when given (indents in twips; the outline level from 0, for a run-in heading's paragraph)."""
    ppr = []
    if style_id:
        ppr.append(_val("pStyle", style_id))
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if indent_left or indent_right:
        sides = (("left", indent_left), ("right", indent_right))
        ppr.append(
            "<w:ind " + " ".join(f'w:{side}="{value}"' for side, value in sides if value) + "/>"
        )
    if align:
        ppr.append(_val("jc", _JC.get(align, align)))
    if outline_level is not None:
        ppr.append(_val("outlineLvl", outline_level))
    properties = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{properties}{runs}</w:p>"


def paragraph_properties(
    style: TextStyle,
    *,
    line_pitch_pt: float,
    outline_level: int | None = None,
    right_tab_twips: int = 0,
) -> str:
    """A paragraph style's format: keep-with-next, spacing in grid lines, indents in characters.

    ``<w:pPr><w:keepNext/><w:widowControl/><w:tabs><w:tab w:val="right" w:leader="dot"
    w:pos="8844"/></w:tabs><w:spacing w:before="0" w:after="579" w:line="579"
    w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>
    <w:jc w:val="both"/><w:outlineLvl w:val="0"/></w:pPr>``. The indent is also said in
    characters: firstLineChars wins over firstLine, and paragraphs inherit it
    from Normal, so every style says its own, 0 included.
    """
    out = ["<w:pPr>"]
    if style.keep_with_next:
        out.append("<w:keepNext/>")
    out.append("<w:widowControl/>")
    if right_tab_twips:
        out.append(
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{right_tab_twips}"/></w:tabs>'
        )
    before = round(style.space_before_lines * line_pitch_pt * 20)
    after = round(style.space_after_lines * line_pitch_pt * 20)
    line = round(style.line_height_pt(line_pitch_pt) * 20)
    out.append(
        f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'
    )
    indent = (
        f'<w:ind w:firstLineChars="{round(style.indent_chars * 100)}" '
        f'w:firstLine="{round(style.indent_chars * style.size * 20)}"'
    )
    if style.left_chars:
        indent += (
            f' w:leftChars="{round(style.left_chars * 100)}" '
            f'w:left="{round(style.left_chars * style.size * 20)}"'
        )
    out.append(indent + "/>")
    out.append(_val("jc", _JC.get(style.align, style.align)))
    if outline_level is not None:
        out.append(_val("outlineLvl", outline_level))
    out.append("</w:pPr>")
    return "".join(out)


# ---------------------------------------------------------------- tables


def table_borders(border: BorderStyle | None) -> str:
    """Every edge ruled, ``<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0"
    w:color="000000"/>…</w:tblBorders>``, or none at all (``w:val="nil"``) for None."""
    if border is None:
        edges = "".join(f'<w:{edge} w:val="nil"/>' for edge in _EDGES)
    else:
        size, color = round(border.width_pt * 8), text(border.color)
        edges = "".join(
            f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>'
            for edge in _EDGES
        )
    return f"<w:tblBorders>{edges}</w:tblBorders>"


def table(widths: list[int], rows: Iterable[str], *, borders: str) -> str:
    """A fixed-layout table, widths (twips) on the table and its grid (and each cell, see cell()).

    ``<w:tbl><w:tblPr><w:tblW w:w="…" w:type="dxa"/><w:tblBorders>…</w:tblBorders>
    <w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="794"/>…</w:tblGrid>
    {rows}</w:tbl>``
    """
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders}'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{''.join(rows)}</w:tbl>"
    )


def table_row(cells: Iterable[str], *, keep_together: bool = False, header: bool = False) -> str:
    """``<w:tr><w:trPr><w:cantSplit w:val="1"/><w:tblHeader w:val="1"/></w:trPr>{cells}</w:tr>``:
    a row that does not split across pages, a header row repeated on every page."""
    props = (_val("cantSplit", 1) if keep_together else "") + (
        _val("tblHeader", 1) if header else ""
    )
    properties = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{properties}{''.join(cells)}</w:tr>"


def table_cell(
    width: int, content: str, *, span: int = 1, centre_vertically: bool = False, columns: int = 1
) -> str:
    """``<w:tc><w:tcPr><w:tcW w:w="794" w:type="dxa"/><w:vMerge w:val="restart"/>
    <w:vAlign w:val="center"/></w:tcPr>{paragraph}</w:tc>``: span > 1 starts a vertical
    merge, 0 continues the one above (its cell holds an empty paragraph)."""
    merge = f'<w:gridSpan w:val="{columns}"/>' if columns > 1 else ""  # across grid columns
    if span > 1:
        merge += '<w:vMerge w:val="restart"/>'
    elif span == 0:
        merge += "<w:vMerge/>"
    valign = '<w:vAlign w:val="center"/>' if centre_vertically else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}{valign}</w:tcPr>{content}</w:tc>'
    )


# ---------------------------------------------------------------- sections and settings


def doc_grid(line_pitch_pt: float) -> str:
    """``<w:docGrid w:linePitch="579"/>``: 22 lines a page, no grid type (a 'lines' grid fights exact spacing)."""
    return f'<w:docGrid w:linePitch="{round(line_pitch_pt * 20)}"/>'


def page_number_start(start: int = 1) -> str:
    """``<w:pgNumType w:start="1"/>``: the body's pages numbered from 1."""
    return f'<w:pgNumType w:start="{start}"/>'


PAGE_NUMBER_SUCCESSORS = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
)
"""What follows w:pgNumType in a w:sectPr."""

UPDATE_FIELDS = '<w:updateFields w:val="true"/>'
"""Settings: Word and WPS refresh the fields (the 目录's page numbers) on open."""

STYLE_PPR_SUCCESSORS = ("w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
STYLE_RPR_SUCCESSORS = ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")


def fragment(xml: str):
    """One element from its XML text, as python-docx's own element classes."""
    return parse_xml(f'<w:fragment xmlns:w="{W}">{xml}</w:fragment>')[0]


def set_child(parent, xml: str, *, successors: tuple[str, ...] = ()):
    """Put the element `xml` describes into a part python-docx holds, in place of one of its tag.

    Without one it goes before the first of `successors` present (the schema's order), else last.
    """
    element = fragment(xml)
    old = parent.find(element.tag)
    if old is not None:
        parent.replace(old, element)
        return element
    for tag in successors:
        anchor = parent.find(qn(tag))
        if anchor is not None:
            anchor.addprevious(element)
            return element
    parent.append(element)
    return element


def remove_child(parent, tag: str) -> None:
    found = parent.find(qn(tag))
    if found is not None:
        parent.remove(found)


def document_xml(root, pieces: dict) -> str:
    """The main document part as text: the body's own elements in order, each placeholder replaced by its XML.

    `pieces` maps placeholder elements of the body (see word._Body) to the XML
    written for them; they are found by position, never by searching text. The
    root's start tag, with its namespace declarations, is the root serialised
    empty (``<w:document …/>``) less its closing ``/>``.
    """
    empty = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
    start = etree.tostring(empty, encoding="unicode")[: -len("/>")] + ">"
    out = ["<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n", start, "<w:body>"]
    for child in root.find(qn("w:body")):
        piece = pieces.get(child)
        out.append(piece if piece is not None else etree.tostring(child, encoding="unicode"))
    out.append(f"</w:body></{root.prefix}:document>")
    return "".join(out)


def section_properties(document) -> list:
    """Each section's w:sectPr in document order: those closing a section inside the body, then the body's last."""
    return document.xpath("w:body/w:p/w:pPr/w:sectPr | w:body/w:sectPr")
