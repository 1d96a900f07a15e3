"""The Word draft: cover, 编制委员会, 目录, body, page numbers and the 附件 task table.

Everything the page looks like comes from the house style (style.py); the
text comes from the draft through app.core.render and the task rows through
app.core.task_rows, the same rows the Excel sheet is made from.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.core.draft import Draft, Node
from app.core.numbering import chinese_month
from app.core.render import RenderedNode, rendered_nodes
from app.core.task_rows import TaskRow, task_rows
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

    # ------------------------------------------------------------ styles

    def setup_styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        body = self.style.of("body")
        xml.set_fonts(rpr, body.east_asia, self.latin, body.size)
        xml.set_lang(rpr)
        for key, text in self.style.text.items():
            name = _style_name(key)
            try:
                style = styles[name]
            except KeyError:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = styles["Normal"]
            style.hidden = False
            style.quick_style = True
            self._define(style, text, _OUTLINE.get(key))
        # Normal is condensed a little so that 28 characters fit a line (LAYOUT.md).
        normal_rpr = styles["Normal"].element.get_or_add_rPr()
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

    def para(self, key: str, text: str = ""):
        """A paragraph in one of the house styles; its runs name their fonts too (Word needs both)."""
        paragraph = self.doc.add_paragraph(style=_style_name(key))
        if text:
            self.run_fonts(paragraph.add_run(text), key)
        return paragraph

    def run_fonts(self, run, key: str, *, bold: bool | None = None) -> None:
        text = self.style.of(key)
        xml.set_fonts(
            run._r.get_or_add_rPr(), text.east_asia, text.latin or self.latin, text.size, bold
        )

    def toc_entries(self) -> list[TocEntry]:
        """The headings on lines of their own, levels 1–3: what the 目录 lists."""
        entries = []
        for item in rendered_nodes(self.draft):
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
        members = self.draft.meta.committee
        if not members or not self.draft.layout.committee_page:
            return
        self.para("committee_heading", "编 制 委 员 会").paragraph_format.page_break_before = True
        table = self.doc.add_table(rows=0, cols=3)
        xml.no_borders(table)
        previous_role = None
        for member in members:
            row = table.add_row()
            role = member.role if member.role != previous_role else ""
            previous_role = member.role
            cells = (f"{_pad(role)}：" if role else "", _pad(member.name), member.unit)
            for cell, value in zip(row.cells, cells, strict=True):
                cell.paragraphs[0].style = self.doc.styles[_style_name("committee_row")]
                self.run_fonts(cell.paragraphs[0].add_run(value), "committee_row")
        xml.fixed_layout(table, [_twips(28), _twips(32), _twips(self._text_width_mm() - 60)])

    def toc(self, entries: list[TocEntry]) -> None:
        self.para("toc_heading", "目  录").paragraph_format.page_break_before = True
        if not entries:
            return
        for i, entry in enumerate(entries):
            paragraph = self.doc.add_paragraph(style=_style_name(f"toc{entry.level}"))
            if i == 0:
                xml.field_char(paragraph, "begin")
                xml.field_instruction(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
                xml.field_char(paragraph, "separate")
            page = _page_label(entry.page, self.draft.layout.page_numbers)
            self.run_fonts(paragraph.add_run(f"{entry.text}\t{page}"), f"toc{entry.level}")
            if i == len(entries) - 1:
                xml.field_char(paragraph, "end")

    def body(self) -> list[TocEntry]:
        meta = self.draft.meta
        self.para("title", meta.document_title)
        for paragraph in meta.preamble:
            self.para("body", paragraph)
        headings: list[TocEntry] = []
        for item in rendered_nodes(self.draft):
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
            paragraph = self.para("body", first)
            run = paragraph.runs[0] if paragraph.runs else None
            lead_run = paragraph.add_run(lead)
            paragraph._p.remove(lead_run._r)
            if run is not None:
                run._r.addprevious(lead_run._r)
            else:
                paragraph._p.append(lead_run._r)
            self.run_fonts(
                lead_run, style_key, bold=node.level >= 3 or self.style.of(style_key).bold
            )
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
            paragraph.style = self.doc.styles[_style_name("page_number")]
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
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.setup_section(section, landscape=True)
        # The copied section properties would restart the page numbers at 1.
        restart = section._sectPr.find(qn("w:pgNumType"))
        if restart is not None:
            section._sectPr.remove(restart)
        self.para("attachment_label", "附件")
        self.para("attachment_title", f"{self.draft.meta.county}碳达峰实施方案重点任务分工表")
        write_task_table(self, rows)


def write_task_table(writer: _Writer, rows: list[TaskRow]) -> None:
    """The 任务分工 table: header repeated on every page, 重点领域/序号/行动措施 merged down."""
    doc = writer.doc
    headers = ("序号", "重点领域", "行动措施", "主要工作", "牵头单位", "配合单位")
    body_lines = sum(max(1, len(r.works)) for r in rows)
    table = doc.add_table(rows=1 + body_lines, cols=6)
    xml.table_borders(table)
    widths = [_twips(w) for w in writer.style.attachment.column_widths_mm]
    xml.fixed_layout(table, widths)
    header_style = doc.styles[_style_name("table_header")]
    body_style = doc.styles[_style_name("table_body")]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].style = header_style
        writer.run_fonts(cell.paragraphs[0].add_run(text), "table_header")
        xml.cell_vertical_center(cell)
    xml.repeat_header(table.rows[0])
    line = 1
    area_start = 1
    for index, row in enumerate(rows):
        first = line
        for work in row.works or ():
            cells = table.rows[line].cells
            xml.cant_split(table.rows[line])
            values = [
                str(row.number) if line == first else "",
                row.area
                if (line == first and (index == 0 or rows[index - 1].area != row.area))
                else "",
                row.action if line == first else "",
                work.work,
                work.lead,
                work.cooperating_text,
            ]
            for col, (cell, value) in enumerate(zip(cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.style = body_style
                if value:
                    writer.run_fonts(paragraph.add_run(value), "table_body")
                if col in (0, 1, 2, 4):
                    paragraph.alignment = 1
                xml.cell_vertical_center(cell)
            line += 1
        last = line - 1
        if last > first:
            for col in (0, 2):
                table.cell(first, col).merge(table.cell(last, col))
        next_area = rows[index + 1].area if index + 1 < len(rows) else None
        if next_area != row.area:
            if last > area_start:
                table.cell(area_start, 1).merge(table.cell(last, 1))
            area_start = line
    _strip_empty_merge_paragraphs(table)


def _strip_empty_merge_paragraphs(table) -> None:
    """python-docx keeps each merged cell's paragraph: leave only the first, as Word does."""
    for row in table.rows:
        for cell in row.cells:
            paragraphs = cell.paragraphs
            for paragraph in paragraphs[1:]:
                if not paragraph.text:
                    paragraph._p.getparent().remove(paragraph._p)


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


def _estimate_pages(draft: Draft, style: HouseStyle, entries: list[TocEntry]) -> list[TocEntry]:
    """Page numbers for the pre-filled 目录, by counting lines (Word refreshes them on open)."""
    per_line = style.page.chars_per_line
    per_page = style.page.lines_per_page
    lines = 2 + sum(math.ceil((len(p) + 2) / per_line) for p in draft.meta.preamble)
    positions: dict[str, int] = {}
    for item in rendered_nodes(draft):
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
    writer.toc(_estimate_pages(draft, style, writer.toc_entries()))
    body_section = doc.add_section(WD_SECTION.NEW_PAGE)
    writer.setup_section(body_section)
    xml.set_page_number_start(body_section._sectPr, 1)
    writer.footers(body_section)
    writer.body()
    if draft.layout.attachment:
        rows = task_rows(draft)
        if rows:
            writer.attachment(rows)
    settings = doc.settings.element
    xml.child(settings, "w:updateFields").set(qn("w:val"), "true")
    return doc


def word_bytes(draft: Draft, style: HouseStyle | None = None) -> bytes:
    """The .docx file for a draft, as bytes (written to disk atomically by the caller)."""
    buffer = io.BytesIO()
    build_document(draft, style).save(buffer)
    return buffer.getvalue()
