"""Low-level WordprocessingML that python-docx does not cover: fonts, grids, fields.

Each function does one thing the layout needs and says why in its docstring;
the pitfalls they avoid are listed in the design notes (LAYOUT.md).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.export.style import TextStyle

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def child(parent, tag: str, *, before: tuple[str, ...] = ()):
    """parent's first <tag>, created if missing (inserted before the given successors)."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        for successor in before:
            anchor = parent.find(qn(successor))
            if anchor is not None:
                anchor.addprevious(found)
                break
        else:
            parent.append(found)
    return found


def set_fonts(
    rpr, east_asia: str, latin: str, size: float | None = None, bold: bool | None = None
) -> None:
    """All four font slots, no theme fonts: Word otherwise shows a Western font for Chinese."""
    fonts = child(
        rpr, "w:rFonts", before=("w:b", "w:bCs", "w:i", "w:color", "w:spacing", "w:sz", "w:lang")
    )
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in fonts.attrib:
            del fonts.attrib[key]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            element = child(
                rpr, tag, before=("w:i", "w:color", "w:spacing", "w:sz", "w:szCs", "w:lang")
            )
            element.set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        half_points = str(round(size * 2))
        child(rpr, "w:sz", before=("w:szCs", "w:u", "w:lang")).set(qn("w:val"), half_points)
        child(rpr, "w:szCs", before=("w:u", "w:lang")).set(qn("w:val"), half_points)


def set_lang(rpr) -> None:
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def clear(element) -> None:
    for item in list(element):
        element.remove(item)


def paragraph_format(
    ppr, text: TextStyle, *, line_pitch_pt: float, outline_level: int | None = None
) -> None:
    """Alignment, indents in characters, spacing in grid lines, keep-with-next."""
    clear(ppr)
    if text.keep_with_next:
        child(ppr, "w:keepNext")
    child(ppr, "w:widowControl")
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:before"), str(round(text.space_before_lines * line_pitch_pt * 20)))
    spacing.set(qn("w:after"), str(round(text.space_after_lines * line_pitch_pt * 20)))
    if text.line_pt:
        height = text.line_pt
    else:
        lines = max(1, -(-int(text.size * 1.25 * 100) // int(line_pitch_pt * 100)))
        height = line_pitch_pt * lines
    spacing.set(qn("w:line"), str(round(height * 20)))
    spacing.set(qn("w:lineRule"), "exact")
    ind = child(ppr, "w:ind")
    first = round(text.indent_chars * 100)
    ind.set(qn("w:firstLineChars"), str(first))
    ind.set(qn("w:firstLine"), str(round(text.indent_chars * text.size * 20)))
    if text.left_chars:
        ind.set(qn("w:leftChars"), str(round(text.left_chars * 100)))
        ind.set(qn("w:left"), str(round(text.left_chars * text.size * 20)))
    jc = child(ppr, "w:jc")
    jc.set(qn("w:val"), {"justify": "both"}.get(text.align, text.align))
    if outline_level is not None:
        child(ppr, "w:outlineLvl").set(qn("w:val"), str(outline_level))


def add_field(paragraph, instruction: str, cached: str = "") -> None:
    """A complex field (PAGE, TOC …) with a cached result, as Word writes them."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    if cached:
        paragraph.add_run(cached)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def set_doc_grid(sect_pr, line_pitch_pt: float) -> None:
    """22 lines a page: a line pitch and no grid type (a 'lines' grid fights exact spacing)."""
    grid = child(sect_pr, "w:docGrid")
    for attr in ("w:type", "w:charSpace"):
        if qn(attr) in grid.attrib:
            del grid.attrib[qn(attr)]
    grid.set(qn("w:linePitch"), str(round(line_pitch_pt * 20)))


def set_page_number_start(sect_pr, start: int = 1) -> None:
    child(sect_pr, "w:pgNumType", before=("w:cols", "w:titlePg", "w:docGrid")).set(
        qn("w:start"), str(start)
    )
