"""The Word draft's page set-up: named styles, sections and page-number footers from the house style.

Paragraphs get a style name and runs the style's fonts, never a size of their
own (STYLE.md); `WordStyles` makes the styles once and then writes the
paragraphs and runs that name them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from app.export.content import Block, Run
from app.export.style import HouseStyle
from app.export.word import wordml

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
    "comment": "annotation text",
}
_STYLE_IDS = {"comment": "CommentText"}
"""Style ids Word looks for by id: a comment's paragraphs name CommentText (python-docx writes them)."""
_OUTLINE = {"heading1": 0, "heading2": 1, "heading3": 2}
_TOC_LEVELS = ("toc1", "toc2", "toc3")


class WordStyles:
    """The house style's text styles as Word styles, and the runs and paragraphs that use them."""

    def __init__(self, doc: DocxDocument, style: HouseStyle) -> None:
        self.style = style
        self.ids: dict[str, str] = {}
        self._rprs: dict[tuple[str, bool | None], str] = {}
        self._define(doc)

    def _define(self, doc: DocxDocument) -> None:
        styles = doc.styles.element
        page, body = self.style.page, self.style.of("body")
        defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        rpr = wordml.run_properties(body.east_asia, self.style.latin_font, body.size, lang=True)
        wordml.set_child(defaults, rpr)
        # One pass over the template's styles: python-docx scans them all on every lookup.
        by_name = {element.name_val: element for element in styles.style_lst}
        normal = by_name["Normal"]
        for key, text in self.style.text.items():
            name = BabelFish.ui2internal(_STYLE_NAMES.get(key, f"PeakPlan {key}"))
            element = by_name.get(name)
            if element is None:
                element = styles.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False)
                element.basedOn_val = normal.styleId
                element.styleId = _STYLE_IDS.get(key, element.styleId)
            proxy = StyleFactory(element)
            proxy.hidden, proxy.quick_style = False, True
            self.ids[key] = element.styleId
            tab = wordml.twips(page.text_width_mm) if key in _TOC_LEVELS else 0
            ppr = wordml.paragraph_properties(
                text,
                line_pitch_pt=page.line_pitch_pt,
                outline_level=_OUTLINE.get(key),
                right_tab_twips=tab,
            )
            wordml.set_child(element, ppr, successors=wordml.STYLE_PPR_SUCCESSORS)
            # Normal is condensed a little so that 28 characters fit a line (LAYOUT.md).
            spacing = page.char_spacing_pt if key == "body" else 0
            rpr = wordml.run_properties(
                text.east_asia, self.latin(key), text.size, bold=text.bold, spacing_pt=spacing
            )
            wordml.set_child(element, rpr, successors=wordml.STYLE_RPR_SUCCESSORS)
        self._comment_reference(styles)

    def _comment_reference(self, styles) -> None:
        """The character style of a comment's mark (CommentReference), in the comment's font."""
        text = self.style.of("comment")
        element = styles.add_style_of_type("annotation reference", WD_STYLE_TYPE.CHARACTER, False)
        element.styleId = "CommentReference"
        rpr = wordml.run_properties(text.east_asia, self.latin("comment"), text.size)
        wordml.set_child(element, rpr, successors=wordml.STYLE_RPR_SUCCESSORS)

    def latin(self, key: str) -> str:
        return self.style.of(key).latin or self.style.latin_font

    def rpr(self, key: str, bold: bool | None = None) -> str:
        """Run properties naming all four fonts and the size: Word needs them on runs too."""
        cached = self._rprs.get((key, bold))
        if cached is None:
            text = self.style.of(key)
            cached = wordml.run_properties(text.east_asia, self.latin(key), text.size, bold=bold)
            self._rprs[(key, bold)] = cached
        return cached

    def run(self, text: str, key: str, bold: bool | None = None) -> str:
        return wordml.run(text, self.rpr(key, bold))

    def runs(self, runs: Iterable[Run], comment_ids: Sequence[int] = ()) -> str:
        """The runs, each note's comment range around the words it marks (ids by note number)."""
        out = []
        for run in runs:
            if comment_ids:
                out.extend(wordml.comment_start(comment_ids[n]) for n in run.opens)
            out.append(self.run(run.text, run.style, run.bold))
            if comment_ids:
                out.extend(wordml.comment_end(comment_ids[n]) for n in run.closes)
        return "".join(out)

    def paragraph(
        self,
        key: str,
        runs: str = "",
        *,
        page_break_before: bool = False,
        align: str = "",
        outline_level: int | None = None,
    ) -> str:
        """A paragraph in a house style (Normal, the body's, is not named: it is the default)."""
        style_id = "" if key == "body" else self.ids[key]
        return wordml.paragraph(
            runs,
            style_id=style_id,
            page_break_before=page_break_before,
            align=align,
            outline_level=outline_level,
        )

    def block(
        self, block: Block, *, page_break_before: bool = False, comment_ids: Sequence[int] = ()
    ) -> str:
        """A block's paragraph; a run-in heading gets its 目录 entry and an outline level of its own
        (Word's navigation pane lists it; the TOC lists the TC entry, not the paragraph)."""
        runs = self.runs(block.runs, comment_ids)
        outline = None
        if block.toc_text:  # the entry right after the heading's run
            runs = (
                self.runs(block.runs[:1], comment_ids)
                + wordml.toc_entry(block.toc_text, block.outline)
                + self.runs(block.runs[1:], comment_ids)
            )
            outline = block.outline - 1
        return self.paragraph(
            block.style, runs, page_break_before=page_break_before, outline_level=outline
        )

    def text(self, key: str, text: str, *, page_break_before: bool = False) -> str:
        """A paragraph of one run in its own style."""
        runs = self.run(text, key) if text else ""
        return self.paragraph(key, runs, page_break_before=page_break_before)


def setup_section(section, sect_pr, style: HouseStyle, *, landscape: bool = False) -> None:
    """A4 and the margins of the type area; a landscape page turned, its margins with it."""
    page = style.page
    width, height = Mm(page.width_mm), Mm(page.height_mm)
    top, bottom = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
    left, right = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        width, height = height, width
        top, bottom, left, right = left, right, top, bottom
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.footer_distance = Mm(page.footer_mm)
    section.header_distance = Mm(page.header_mm)
    wordml.set_child(sect_pr, wordml.doc_grid(page.line_pitch_pt))


def number_pages(section, sect_pr, styles: WordStyles, *, centred: bool) -> None:
    """Numbered from 1: “— 1 —” odd pages right and even pages left, one character in; or “- 1 -” centred."""
    wordml.set_child(sect_pr, wordml.page_number_start(1), successors=wordml.PAGE_NUMBER_SUCCESSORS)
    dash = "-" if centred else "—"
    rpr = styles.rpr("page_number")
    runs = (
        wordml.run(f"{dash} ", rpr) + wordml.field("PAGE", "1", rpr) + wordml.run(f" {dash}", rpr)
    )
    inset = round(styles.style.of("page_number").size * 20)
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        indent = {} if centred else {f"indent_{side}": inset}
        xml = wordml.paragraph(
            runs,
            style_id=styles.ids["page_number"],
            align="center" if centred else side,
            **indent,
        )
        element = footer.part.element
        element.replace(element.find(qn("w:p")), wordml.fragment(xml))
