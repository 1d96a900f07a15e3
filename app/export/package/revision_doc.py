"""修改对照表: two versions of the draft side by side, a row each changed measure or paragraph.

The rows are app/core/readout/revision_table.py's (序号, 条款, 原文, 修改后, 修改说明). The
changed words are marked so that they print in black and white too: deleted words struck
through in 原文, new words underlined and bold in 修改后. Landscape, as the 附件.
"""

from __future__ import annotations

from pathlib import Path

from app.core.draft.model import Draft
from app.core.readout.revision_table import REVISION_HEADERS, Piece, RevisionRow, revision_rows
from app.core.text.diff import Mark
from app.export.files import file_stem
from app.export.package.package_doc import cell, column_widths, ruled_table, start, title
from app.export.style import HouseStyle
from app.export.word import wordml
from app.export.word.setup import WordStyles

SUFFIX = "修改对照表"
SHARES = (0.06, 0.10, 0.34, 0.34, 0.16)
EMPTY = "（无）"


def revisions_title(draft: Draft) -> str:
    return f"《{draft.meta.document_title}》{SUFFIX}"


def revisions_path(draft: Draft, folder: Path) -> Path:
    return Path(folder) / f"{file_stem(draft)}{SUFFIX}.docx"


def _rpr(styles: WordStyles, key: str, mark: Mark) -> str:
    """The key's run properties, struck through (deleted) or underlined and bold (inserted).

    ``<w:rPr><w:rFonts …/><w:b/><w:bCs/><w:strike/><w:sz w:val="21"/><w:szCs w:val="21"/>
    <w:u w:val="single"/></w:rPr>`` in the schema's order."""
    if mark is Mark.SAME:
        return styles.rpr(key)
    text = styles.style.of(key)
    latin, east_asia = wordml.text(styles.latin(key)), wordml.text(text.east_asia)
    size = round(text.size * 2)
    bold = '<w:b w:val="1"/><w:bCs w:val="1"/>' if mark is Mark.INSERTED else ""
    strike = '<w:strike w:val="1"/>' if mark is Mark.DELETED else ""
    underline = '<w:u w:val="single"/>' if mark is Mark.INSERTED else ""
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
        f'w:cs="{latin}"/>{bold}{strike}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f"{underline}</w:rPr>"
    )


def _paragraphs(pieces: tuple[Piece, ...]) -> list[list[Piece]]:
    """The pieces cut at their line breaks: a paragraph each line."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        parts = piece.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            if part:
                lines[-1].append(Piece(part, piece.mark))
    return lines


def _marked_cell(styles: WordStyles, width: int, pieces: tuple[Piece, ...]) -> str:
    key = "table_body"
    if not pieces:
        return cell(styles, width, [EMPTY], key, "center")
    paragraphs = "".join(
        styles.paragraph(
            key,
            "".join(wordml.run(p.text, _rpr(styles, key, p.mark)) for p in line),
            align="justify",
        )
        for line in _paragraphs(pieces)
    )
    return wordml.table_cell(width, paragraphs, centre_vertically=True)


def _row(styles: WordStyles, widths: list[int], number: int, row: RevisionRow) -> str:
    return wordml.table_row(
        (
            cell(styles, widths[0], [str(number)], "table_body", "center"),
            cell(styles, widths[1], [row.place], "table_body", "center"),
            _marked_cell(styles, widths[2], row.original),
            _marked_cell(styles, widths[3], row.revised),
            cell(styles, widths[4], row.note.split("；"), "table_body", "center"),
        )
    )


def revisions_bytes(
    draft: Draft,
    old: Draft,
    new: Draft,
    *,
    old_name: str,
    new_name: str,
    style: HouseStyle | None = None,
) -> bytes:
    """The .docx comparing `old` (named `old_name`) with `new`: title, which versions, how the
    words are marked, the table."""
    doc = start(draft, style, landscape=True)
    styles = doc.styles
    rows = revision_rows(old, new)
    doc.add(title(styles, revisions_title(draft)))
    doc.add(
        styles.text(
            "body",
            f"对照版本：{old_name}（原文）与{new_name}（修改后），共{len(rows)}处修改。"
            "原文中删去的文字加删除线，修改后新增的文字加粗并加下划线。",
        )
    )
    if not rows:
        doc.add(styles.text("body", "两个版本的文字相同。"))
        return doc.docx()
    widths = column_widths(doc, SHARES)
    body = [_row(styles, widths, number, row) for number, row in enumerate(rows, 1)]
    doc.add(ruled_table(doc, widths, REVISION_HEADERS, body))
    return doc.docx()
