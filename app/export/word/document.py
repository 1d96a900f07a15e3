"""The Word draft: cover, 编制委员会, 目录, body, page numbers and the 附件 task table, put together.

Everything the page looks like comes from the house style (style.py); the text
comes from the draft through app.core.readout (render, task_rows) and
content.py, the same blocks the preview shows. python-docx sets up the styles,
sections and footers; the body is written as XML text (wordml.py) into
placeholders and assembled by position in one pass, so no text a user typed
is ever read back as part of the document's structure.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from lxml import etree

from app.core.draft.consultation import SentCopy
from app.core.draft.model import Draft
from app.core.readout.render import rendered_nodes
from app.core.readout.task_rows import task_rows
from app.export import sent
from app.export.content import (
    Block,
    SentDraft,
    anchor_name,
    anchored_parts,
    body_blocks,
    printable,
    sent_draft,
    task_lines,
)
from app.export.style import HouseStyle, usable_style
from app.export.word import front as word_front
from app.export.word import wordml
from app.export.word.pages import start_pages
from app.export.word.questions import AUTHOR, INITIALS, mark_questions, unmarked
from app.export.word.setup import WordStyles, number_pages, setup_section
from app.export.word.table import attachment

_BOOKMARK_IDS = 100_000
"""Bookmark ids start far above the comments'."""


class _Body:
    """The body's XML, each piece waiting in a placeholder paragraph until the document is assembled."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.pieces: dict[object, str] = {}

    def add(self, xml: str) -> None:
        """Put `xml` at the end of the body so far (before the next section break python-docx adds)."""
        if xml:
            self.pieces[self.doc.element.body.add_p()] = xml

    def new_section(self, style: HouseStyle, *, landscape: bool = False):
        """A section on a new page, set up; its w:sectPr for what python-docx does not cover."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sect_pr = wordml.section_properties(self.doc.element)[-1]
        setup_section(section, sect_pr, style, landscape=landscape)
        return section, sect_pr

    def docx(self, properties: dict[str, str] | None = None) -> bytes:
        """The .docx: python-docx's package with the main part assembled from the pieces (and
        `properties` as custom document properties)."""
        buffer = io.BytesIO()
        self.doc.save(buffer)
        main = wordml.document_xml(self.doc.element, self.pieces).encode("utf-8")
        etree.fromstring(main)  # a piece that is not well-formed fails here, not in Word
        name = self.doc.part.partname.membername
        out = io.BytesIO()
        with (
            zipfile.ZipFile(buffer) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                data = main if info.filename == name else source.read(info)
                if properties and info.filename in ("[Content_Types].xml", "_rels/.rels"):
                    data = sent.with_custom_part(info.filename, data)
                target.writestr(info.filename, data)
            if properties:
                target.writestr(sent.CUSTOM_PART, sent.custom_properties(properties))
        return out.getvalue()


def word_bytes(draft: Draft, style: HouseStyle | None = None, *, comments: bool = True) -> bytes:
    """The .docx file for a draft, as bytes (written to disk atomically by the caller).

    With `comments` every open question whose words are printed gets a comment (批注) on them.
    """
    return word_document(draft, style, comments=comments).data


@dataclass(frozen=True)
class WordDocument:
    data: bytes
    comments: int
    """How many open questions it prints as comments (0 without comments)."""
    open_questions: int
    """How many open questions stand in its printed words, with comments or without."""
    sent: SentCopy | None = None
    """What the draft keeps of it (ops.record_sent) to read a returned copy against."""
    notes: int = 0
    """How many Word comments hold them (questions of one clause or sentence may share one)."""


def blank_document(style: HouseStyle) -> tuple[DocxDocument, WordStyles, _Body]:
    """A python-docx document with the house style's styles and an empty body (the template's
    first paragraph would be an empty line on the first page); every Word file we write starts
    here."""
    doc = Document()
    styles = WordStyles(doc, style)
    for paragraph in doc.element.body.findall(qn("w:p")):
        doc.element.body.remove(paragraph)
    return doc, styles, _Body(doc)


def word_document(
    draft: Draft, style: HouseStyle | None = None, *, comments: bool = True
) -> WordDocument:
    """The .docx and how many comments it holds (see word_bytes)."""
    style = style or usable_style(draft.layout.style)
    doc, styles, body = blank_document(style)
    setup_section(doc.sections[0], wordml.section_properties(doc.element)[0], style)
    blocks = body_blocks(draft, style, rendered_nodes(draft))
    lines = task_lines(task_rows(draft)) if draft.layout.attachment else []
    found = mark_questions(draft, blocks, lines)
    marked = found if comments else unmarked(blocks)
    body.add(word_front.cover(styles, draft))
    body.add(word_front.committee(styles, draft))
    # Pages of the runs as written: a comment's words are runs of their own, and that shows.
    entries = word_front.toc_entries(marked.blocks, start_pages(marked.blocks, style))
    body.add(word_front.toc(styles, entries, draft.layout.page_numbers))
    section, sect_pr = body.new_section(style)
    doc.settings.odd_and_even_pages_header_footer = True
    number_pages(section, sect_pr, styles, centred=draft.layout.page_numbers == "centered")
    ids = [
        doc.comments.add_comment(
            text=printable(note.text), author=AUTHOR, initials=INITIALS
        ).comment_id
        for note in marked.notes
    ]
    # the names from the blocks as made: marking comments joins a paragraph's runs
    names = [anchor_name(block) for block in blocks]
    assert len(names) == len(marked.blocks)
    body.add(
        "".join(_anchored(styles, block, ids, n, names[n]) for n, block in enumerate(marked.blocks))
    )
    if lines:
        _section, sect_pr = body.new_section(style, landscape=True)
        # The copied section properties would restart the page numbers at 1.
        wordml.remove_child(sect_pr, "w:pgNumType")
        body.add(attachment(styles, draft, lines, marked.cells, ids))
    wordml.set_child(doc.settings.element, wordml.UPDATE_FIELDS)
    printed = [(names[n], b.node_id, tuple(anchored_parts(b))) for n, b in enumerate(blocks)]
    data = body.docx(sent.sent_properties(draft, printed))
    return WordDocument(
        data, marked.questions, found.questions, sent.sent_record(draft, printed), len(ids)
    )


def _anchored(
    styles: WordStyles, block: Block, comment_ids: list[int], number: int, name: str
) -> str:
    """A block's paragraph (as WordStyles.block writes it), its runs in a bookmark of the
    paragraph's stable name (content.anchor_name), so a returned copy is read against the draft."""
    if not name:
        return styles.block(block, comment_ids=comment_ids)
    runs = styles.runs(block.runs, comment_ids)
    outline = None
    if block.toc_text:  # the 目录 entry right after the heading's run
        runs = (
            styles.runs(block.runs[:1], comment_ids)
            + wordml.toc_entry(block.toc_text, block.outline)
            + styles.runs(block.runs[1:], comment_ids)
        )
        outline = block.outline - 1
    runs = wordml.bookmark(_BOOKMARK_IDS + number, name, "") + runs
    return styles.paragraph(block.style, runs, outline_level=outline)


def sent_copy(draft: Draft, style: HouseStyle | None = None) -> SentDraft:
    """The draft as its Word export prints it, to read a returned copy against
    (app/importer/feedback.read_feedback); the export's own comments are not opinions."""
    style = style or usable_style(draft.layout.style)
    now = sent_draft(draft, style, rendered_nodes(draft), AUTHOR)
    earlier = sent.earlier_copies(
        draft, lambda d: sent_draft(d, style, rendered_nodes(d), AUTHOR), now
    )
    return replace(now, earlier=earlier, known=sent.known_opinions(draft))
