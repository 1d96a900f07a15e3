"""The Word draft's front matter: cover, 编制委员会 and the pre-filled 目录."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.draft.model import Draft
from app.export.content import Block, cover_blocks
from app.export.word import wordml
from app.export.word.setup import WordStyles

FULL_WIDTH_SPACE = "\u3000"


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    page: int


def cover(styles: WordStyles, draft: Draft) -> str:
    return "".join(styles.block(block) for block in cover_blocks(draft))


def pad(name: str) -> str:
    """Two-character names and roles padded with a full-width space: 王　芳, 组　长."""
    return f"{name[0]}{FULL_WIDTH_SPACE}{name[1]}" if len(name) == 2 else name


def committee(styles: WordStyles, draft: Draft) -> str:
    """组长 / 副组长 / 成员 in a borderless table, each role written once; two-character names padded."""
    members = draft.meta.committee
    if not members or not draft.layout.committee_page:
        return ""
    front = styles.style.front
    role_mm, name_mm = front.committee_widths_mm
    unit_mm = styles.style.page.text_width_mm - role_mm - name_mm
    widths = [wordml.twips(mm) for mm in (role_mm, name_mm, unit_mm)]
    rows = []
    previous_role = None
    for member in members:
        role = member.role if member.role != previous_role else ""
        previous_role = member.role
        cells = (f"{pad(role)}：" if role else "", pad(member.name), member.unit)
        rows.append(
            wordml.table_row(
                wordml.table_cell(width, styles.text("committee_row", value))
                for width, value in zip(widths, cells, strict=True)
            )
        )
    heading = styles.text("committee_heading", front.committee_heading, page_break_before=True)
    return heading + wordml.table(widths, rows, borders=wordml.table_borders(None))


def toc(styles: WordStyles, entries: list[TocEntry], page_numbers: str) -> str:
    """A real TOC field whose cached result already lists the entries (LibreOffice shows it as is)."""
    out = [styles.text("toc_heading", styles.style.front.toc_heading, page_break_before=True)]
    for i, entry in enumerate(entries):
        key = f"toc{entry.level}"
        runs = wordml.field_begin(wordml.TOC_INSTRUCTION) if i == 0 else ""
        runs += styles.run(f"{entry.text}\t{_page_label(entry.page, page_numbers)}", key)
        if i == len(entries) - 1:
            runs += wordml.field_end()
        out.append(styles.paragraph(key, runs))
    return "".join(out)


def toc_entries(blocks: list[Block], pages: list[int]) -> list[TocEntry]:
    """The headings of levels 1–3, on lines of their own or run in: what the 目录 lists, with their pages."""
    return [
        TocEntry(block.outline, block.heading, page)
        for block, page in zip(blocks, pages, strict=True)
        if block.outline
    ]


def _page_label(page: int, style: str) -> str:
    if page <= 0:
        return ""
    return f"- {page} -" if style == "centered" else f"— {page} —"
