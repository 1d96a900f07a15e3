"""The Word draft: cover, 编制委员会, 目录, body, page numbers and the 附件 task table.

Everything the page looks like comes from the house style (style.py); the
text comes from the draft through app.core.readout.render and the task rows through
app.core.readout.task_rows, the same rows the Excel sheet is made from.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from lxml import etree

from app.core.draft.model import Draft, Node
from app.core.readout.render import RenderedNode, rendered_nodes
from app.core.readout.task_rows import TaskRow, task_rows
from app.core.text.numbering import chinese_month
from app.export import docx_xml as xml
from app.export.style import HouseStyle, TextStyle, house_style

# Our style names → the built-in names Word and LibreOffice know (TOC levels read them).
_STYLE_NAMES = {
    "body": "Normal",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "heading3": "Heading 3",
    "title": "Title",
    "toc1": "toc 1",
    "toc2": "toc 2",
    "toc3": "toc 3",
}
_OUTLINE = {"heading1": 0, "heading2": 1, "heading3": 2}
FULL_WIDTH_SPACE = "\u3000"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ATTR = {'"': "&quot;"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Characters XML cannot hold (pasted control characters) left out."""
    return _NOT_XML.sub("", text)


def _style_name(key: str) -> str:
    return _STYLE_NAMES.get(key, f"PeakPlan {key}")


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    page: int


class _Writer:
    def __init__(self, draft: Draft, style: HouseStyle) -> None:
        self.draft = draft
        self.style = style
        self.doc = Document()
        self.pitch = style.page.line_pitch_pt
        self.latin = style.latin_font
        self._style_ids: dict[str, str] = {}
        self._rprs: dict[tuple[str, bool | None], str] = {}
        self.parts: list[str] = []
        self.spliced: dict[str, str] = {}
        self.items = list(rendered_nodes(draft))

    # ------------------------------------------------------------ styles

    def setup_styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        body = self.style.of("body")
        xml.set_fonts(rpr, body.east_asia, self.latin, body.size)
        xml.set_lang(rpr)
        # One pass over the template's styles: python-docx scans them all on every lookup.
        by_name = {element.name_val: element for element in styles.element.style_lst}
        normal = by_name["Normal"]
        for key, text in self.style.text.items():
            name = BabelFish.ui2internal(_style_name(key))
            element = by_name.get(name)
            if element is None:
                element = styles.element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False)
                element.basedOn_val = normal.styleId
                by_name[name] = element
            style = StyleFactory(element)
            style.hidden = False
            style.quick_style = True
            self._style_ids[key] = element.styleId
            self._define(style, text, _OUTLINE.get(key))
        # Normal is condensed a little so that 28 characters fit a line (LAYOUT.md).
        normal_rpr = normal.get_or_add_rPr()
        xml.child(
            normal_rpr,
            "w:spacing",
            before=("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:lang"),
        ).set(qn("w:val"), str(round(self.style.page.char_spacing_pt * 20)))

    def _define(self, style, text: TextStyle, outline: int | None) -> None:
        element = style.element
        ppr = element.get_or_add_pPr()
        xml.paragraph_format(ppr, text, line_pitch_pt=self.pitch, outline_level=outline)
        rpr = element.get_or_add_rPr()
        xml.clear(rpr)
        xml.set_fonts(rpr, text.east_asia, text.latin or self.latin, text.size, text.bold)
        if style.name.startswith("toc"):
            tabs = style.paragraph_format.tab_stops
            tabs.add_tab_stop(Mm(self._text_width_mm()), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    def _text_width_mm(self) -> float:
        page = self.style.page
        return page.width_mm - page.margin_left_mm - page.margin_right_mm

    # ------------------------------------------------------------ helpers

    def style_id(self, key: str) -> str:
        """The style's id, looked up once (python-docx searches every style on each lookup)."""
        found = self._style_ids.get(key)
        if found is None:
            found = self.doc.styles[_style_name(key)].style_id
            self._style_ids[key] = found
        return found

    def set_style(self, paragraph, key: str) -> None:
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self.style_id(key)

    def rpr(self, key: str, bold: bool | None = None) -> str:
        """Run properties naming all four fonts and the size (Word needs them on runs too)."""
        cached = self._rprs.get((key, bold))
        if cached is None:
            text = self.style.of(key)
            latin = escape(text.latin or self.latin, _ATTR)
            east = escape(text.east_asia, _ATTR)
            size = round(text.size * 2)
            weight = ""
            if bold is not None:
                value = "1" if bold else "0"
                weight = f'<w:b w:val="{value}"/><w:bCs w:val="{value}"/>'
            cached = (
                f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}"/>'
                f'{weight}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            )
            self._rprs[(key, bold)] = cached
        return cached

    def run(self, text: str, key: str, bold: bool | None = None) -> str:
        pieces = _clean(text).split("\t")
        inner = "<w:tab/>".join(
            f'<w:t xml:space="preserve">{escape(piece)}</w:t>'
            for piece in pieces
            if piece or len(pieces) > 1
        )
        return f"<w:r>{self.rpr(key, bold)}{inner}</w:r>"

    def p(self, key: str, runs: str, *, page_break_before: bool = False, jc: str = "") -> str:
        ppr = ""
        if key != "body":
            ppr += f'<w:pStyle w:val="{self.style_id(key)}"/>'
        if page_break_before:
            ppr += "<w:pageBreakBefore/>"
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"

    def para(self, key: str, text: str = "", *, page_break_before: bool = False) -> None:
        """A paragraph in one of the house styles, queued as XML (see flush)."""
        runs = self.run(text, key) if text else ""
        self.parts.append(self.p(key, runs, page_break_before=page_break_before))

    def flush(self) -> None:
        """Mark where the queued paragraphs and tables go; splice() puts them there.

        Building WordprocessingML as text and parsing the whole document once is
        many times faster than python-docx's element-by-element API, and moving
        a large parsed table between lxml documents is slow too.
        """
        if not self.parts:
            return
        key = f"@@PEAKPLAN-PART-{len(self.spliced)}@@"
        self.spliced[key] = "".join(self.parts)
        self.parts.clear()
        marker = parse_xml(f'<w:p xmlns:w="{_W}"><w:r><w:t>{key}</w:t></w:r></w:p>')
        body = self.doc.element.body
        anchor = body.sectPr
        if anchor is not None:
            anchor.addprevious(marker)
        else:
            body.append(marker)

    def splice(self):
        """The document with every marker replaced by its XML, parsed once."""
        text = etree.tostring(self.doc.element, encoding="unicode")
        for key, xml_text in self.spliced.items():
            text = re.sub(
                rf"<w:p>(?:(?!</w:p>).)*?{re.escape(key)}.*?</w:p>",
                lambda _m, x=xml_text: x,
                text,
                count=1,
            )
        element = parse_xml(text)
        self.doc.part._element = element
        return DocxDocument(element, self.doc.part)

    def run_fonts(self, run, key: str, *, bold: bool | None = None) -> None:
        text = self.style.of(key)
        xml.set_fonts(
            run._r.get_or_add_rPr(), text.east_asia, text.latin or self.latin, text.size, bold
        )

    def toc_entries(self) -> list[TocEntry]:
        """The headings on lines of their own, levels 1–3: what the 目录 lists."""
        entries = []
        for item in self.items:
            node = item.node
            if node.level <= 3 and node.numbered and not self._run_in(node):
                entries.append(TocEntry(node.level, f"{item.label}{node.title}", 0))
        return entries

    def setup_section(self, section, *, landscape: bool = False) -> None:
        page = self.style.page
        width, height = Mm(page.width_mm), Mm(page.height_mm)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        if landscape:
            section.top_margin, section.bottom_margin = (
                Mm(page.margin_left_mm),
                Mm(page.margin_right_mm),
            )
            section.left_margin, section.right_margin = (
                Mm(page.margin_top_mm),
                Mm(page.margin_bottom_mm),
            )
        else:
            section.top_margin, section.bottom_margin = (
                Mm(page.margin_top_mm),
                Mm(page.margin_bottom_mm),
            )
            section.left_margin, section.right_margin = (
                Mm(page.margin_left_mm),
                Mm(page.margin_right_mm),
            )
        section.footer_distance = Mm(page.footer_mm)
        section.header_distance = Mm(page.header_mm)
        xml.set_doc_grid(section._sectPr, self.pitch)

    # ------------------------------------------------------------ parts

    def cover(self) -> None:
        meta = self.draft.meta
        self.para("cover_title", meta.document_title)
        self.para("cover_stage", f"（{meta.stage}）")
        if meta.commissioned_by:
            self.para("cover_line", f"委托单位：{meta.commissioned_by}")
        if meta.drafted_by:
            self.para("cover_line", f"编制单位：{meta.drafted_by}")
        self.para("cover_date", _date_text(meta.date))

    def committee(self) -> None:
        """组长 / 副组长 / 成员 in a borderless table; two-character names padded (王　芳)."""
        members = self.draft.meta.committee
        if not members or not self.draft.layout.committee_page:
            return
        self.para("committee_heading", "编 制 委 员 会", page_break_before=True)
        widths = [_twips(28), _twips(32), _twips(self._text_width_mm() - 60)]
        nil = "".join(
            f'<w:{edge} w:val="nil"/>'
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        rows = []
        previous_role = None
        for member in members:
            role = member.role if member.role != previous_role else ""
            previous_role = member.role
            cells = (f"{_pad(role)}：" if role else "", _pad(member.name), member.unit)
            rows.append(
                "<w:tr>"
                + "".join(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                    f"{self.p('committee_row', self.run(value, 'committee_row') if value else '')}</w:tc>"
                    for width, value in zip(widths, cells, strict=True)
                )
                + "</w:tr>"
            )
        self.parts.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{nil}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>"
            + "".join(rows)
            + "</w:tbl>"
        )

    def toc(self, entries: list[TocEntry]) -> None:
        """A real TOC field whose cached result already lists the entries (LibreOffice shows it as is)."""
        self.para("toc_heading", "目  录", page_break_before=True)
        for i, entry in enumerate(entries):
            key = f"toc{entry.level}"
            runs = ""
            if i == 0:
                runs += (
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                )
            page = _page_label(entry.page, self.draft.layout.page_numbers)
            runs += self.run(f"{entry.text}\t{page}", key)
            if i == len(entries) - 1:
                runs += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            self.parts.append(self.p(key, runs))

    def body(self) -> list[TocEntry]:
        meta = self.draft.meta
        self.para("title", meta.document_title)
        for paragraph in meta.preamble:
            self.para("body", paragraph)
        headings: list[TocEntry] = []
        for item in self.items:
            headings.extend(self.node(item))
        return headings

    def node(self, item: RenderedNode) -> list[TocEntry]:
        node = item.node
        heading = f"{item.label}{node.title}"
        style_key = f"heading{min(node.level, 3)}"
        run_in = self._run_in(node)
        entries: list[TocEntry] = []
        paragraphs = list(item.paragraphs)
        if item.clause:
            if paragraphs:
                paragraphs[-1] = paragraphs[-1] + item.clause
            else:
                paragraphs.append(item.clause)
        if node.level >= 4 and node.numbered and not run_in:
            self.para("body", heading)
        elif run_in or not node.numbered:
            lead = heading if heading.endswith(("。", "：", "？", "！")) else f"{heading}。"
            first = paragraphs.pop(0) if paragraphs else ""
            bold = node.level >= 3 or self.style.of(style_key).bold
            runs = self.run(lead, style_key, bold) + (self.run(first, "body") if first else "")
            self.parts.append(self.p("body", runs))
        else:
            self.para(style_key, heading)
            entries.append(TocEntry(node.level, heading, 0))
        for text in paragraphs:
            self.para("body", text)
        return entries

    def _run_in(self, node: Node) -> bool:
        if node.level < 3 and node.title_style != "run_in":
            return False
        choice = self.draft.layout.measure_titles
        if node.level == 3 and choice != "as_written":
            return choice == "run_in"
        return node.title_style == "run_in"

    def footers(self, section) -> None:
        """Odd pages right, even pages left (or both centred): “— 1 —” in 宋体 四号."""
        self.doc.settings.odd_and_even_pages_header_footer = True
        centred = self.draft.layout.page_numbers == "centered"
        dash = "-" if centred else "—"
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            self.set_style(paragraph, "page_number")
            paragraph.alignment = {"right": 2, "left": 0, "center": 1}[
                "center" if centred else align
            ]
            pf = paragraph.paragraph_format
            if not centred:
                indent = Pt(self.style.of("page_number").size)
                if align == "right":
                    pf.right_indent = indent
                else:
                    pf.left_indent = indent
            paragraph.add_run(f"{dash} ")
            xml.add_field(paragraph, "PAGE", "1")
            paragraph.add_run(f" {dash}")
            for run in paragraph.runs:
                self.run_fonts(run, "page_number")

    def attachment(self, rows: list[TaskRow]) -> None:
        self.flush()
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.setup_section(section, landscape=True)
        # The copied section properties would restart the page numbers at 1.
        restart = section._sectPr.find(qn("w:pgNumType"))
        if restart is not None:
            section._sectPr.remove(restart)
        self.para("attachment_label", "附件")
        self.para("attachment_title", f"{self.draft.meta.county}碳达峰实施方案重点任务分工表")
        write_task_table(self, rows)
        self.flush()


def write_task_table(writer: _Writer, rows: list[TaskRow]) -> None:
    """The 任务分工 table: header repeated on every page, 重点领域/序号/行动措施 merged down.

    Written as WordprocessingML text and parsed once with the rest (see flush):
    widths on the grid and on every cell, borders, the header row marked to
    repeat, body rows that do not split, merged cells holding text in the top
    cell only.
    """
    headers = ("序号", "重点领域", "行动措施", "主要工作", "牵头单位", "配合单位")
    widths = [_twips(w) for w in writer.style.attachment.column_widths_mm]
    lines: list[tuple[TaskRow, int, bool]] = []
    for index, row in enumerate(rows):
        area_first = index == 0 or rows[index - 1].area != row.area
        for k in range(len(row.works)):
            lines.append((row, k, area_first and k == 0))
    area_lines: list[int] = []
    for _row, _k, area_first in lines:
        if area_first:
            area_lines.append(1)
        else:
            area_lines[-1] += 1
    borders = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]

    def cell(col: int, text: str, key: str, align: str, merge: str | None = None) -> str:
        vmerge = (
            ""
            if merge is None
            else ('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
        )
        runs = writer.run(text, key) if text else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[col]}" w:type="dxa"/>{vmerge}<w:vAlign w:val="center"/></w:tcPr>'
            f"{writer.p(key, runs, jc=align)}</w:tc>"
        )

    out.append('<w:tr><w:trPr><w:cantSplit w:val="1"/><w:tblHeader w:val="1"/></w:trPr>')
    out.extend(cell(col, text, "table_header", "center") for col, text in enumerate(headers))
    out.append("</w:tr>")
    area_index = -1
    for row, k, area_first in lines:
        if area_first:
            area_index += 1
        work = row.works[k]
        multi = len(row.works) > 1
        own = ("restart" if k == 0 else "continue") if multi else None
        area = None
        if area_lines[area_index] > 1:
            area = "restart" if area_first else "continue"
        out.append('<w:tr><w:trPr><w:cantSplit w:val="1"/></w:trPr>')
        out.append(cell(0, str(row.number) if k == 0 else "", "table_body", "center", own))
        out.append(cell(1, row.area if area_first else "", "table_body", "center", area))
        out.append(cell(2, row.action if k == 0 else "", "table_body", "center", own))
        out.append(cell(3, work.work, "table_body", "both"))
        out.append(cell(4, work.lead, "table_body", "center"))
        out.append(cell(5, work.cooperating_text, "table_body", "both"))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    writer.parts.append("".join(out))


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _pad(name: str) -> str:
    """Two-character names and roles padded with a full-width space: 王　芳, 组　长."""
    return f"{name[0]}{FULL_WIDTH_SPACE}{name[1]}" if len(name) == 2 else name


def _date_text(date: str) -> str:
    if not date:
        return ""
    year, month = int(date[:4]), int(date[5:7])
    return chinese_month(year, month)


def _page_label(page: int, style: str) -> str:
    if page <= 0:
        return ""
    return f"- {page} -" if style == "centered" else f"— {page} —"


def _estimate_pages(
    draft: Draft, style: HouseStyle, items: list[RenderedNode], entries: list[TocEntry]
) -> list[TocEntry]:
    """Page numbers for the pre-filled 目录, by counting lines (Word refreshes them on open)."""
    per_line = style.page.chars_per_line
    per_page = style.page.lines_per_page
    lines = 2 + sum(math.ceil((len(p) + 2) / per_line) for p in draft.meta.preamble)
    positions: dict[str, int] = {}
    for item in items:
        heading = f"{item.label}{item.node.title}"
        positions.setdefault(heading, lines // per_page + 1)
        lines += 1
        text = sum(len(p) + 2 for p in item.paragraphs) + len(item.clause)
        lines += math.ceil(text / per_line) if text else 0
    return [TocEntry(e.level, e.text, positions.get(e.text, 0)) for e in entries]


def build_document(draft: Draft, style: HouseStyle | None = None):
    """The python-docx Document for a draft."""
    style = style or house_style(draft.layout.style)
    writer = _Writer(draft, style)
    writer.setup_styles()
    doc = writer.doc
    # The template's first paragraph would be an empty line on the cover.
    for paragraph in list(doc.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    cover = doc.sections[0]
    writer.setup_section(cover)
    writer.cover()
    writer.committee()
    writer.toc(_estimate_pages(draft, style, writer.items, writer.toc_entries()))
    writer.flush()
    body_section = doc.add_section(WD_SECTION.NEW_PAGE)
    writer.setup_section(body_section)
    xml.set_page_number_start(body_section._sectPr, 1)
    writer.footers(body_section)
    writer.body()
    writer.flush()
    if draft.layout.attachment:
        rows = task_rows(draft)
        if rows:
            writer.attachment(rows)
    settings = doc.settings.element
    xml.child(settings, "w:updateFields").set(qn("w:val"), "true")
    return writer.splice()


def word_bytes(draft: Draft, style: HouseStyle | None = None) -> bytes:
    """The .docx file for a draft, as bytes (written to disk atomically by the caller)."""
    buffer = io.BytesIO()
    build_document(draft, style).save(buffer)
    return buffer.getvalue()
