"""Read a .docx body into blocks: paragraphs split at line and page breaks, table rows.

Walks the XML in body order rather than python-docx's paragraph list, so that
tables stay where they are, the Word TOC (a w:sdt gallery or TOC-styled
paragraphs) is recognised, and merged table cells are resolved the way a
reader of the printed table sees them: a vertically merged cell repeats the
text of the cell it continues.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn

from app.importer.blocks import Block

W_P = qn("w:p")
W_TBL = qn("w:tbl")
W_SDT = qn("w:sdt")
W_R = qn("w:r")
W_T = qn("w:t")
W_TAB = qn("w:tab")
W_BR = qn("w:br")
W_CR = qn("w:cr")
W_TR = qn("w:tr")
W_TC = qn("w:tc")
W_TYPE = qn("w:type")
W_VAL = qn("w:val")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


class _StyleInfo:
    """Style id → (name, outline level), read once per document."""

    def __init__(self, document: docx.document.Document) -> None:
        self.names: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        for style in document.styles:
            style_id = getattr(style, "style_id", None)
            if not style_id:
                continue
            name = style.name or style_id
            self.names[style_id] = name
            m = _HEADING_STYLE.match(name.strip())
            if m:
                self.outline[style_id] = int(m.group(1))
                continue
            ppr = style.element.find(qn("w:pPr"))
            lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            if lvl is not None and (lvl.get(W_VAL) or "").isdigit() and int(lvl.get(W_VAL)) < 9:
                self.outline[style_id] = int(lvl.get(W_VAL)) + 1


def _paragraph_style(p, styles: _StyleInfo) -> tuple[str, int | None, bool]:
    ppr = p.find(qn("w:pPr"))
    style_id = ""
    outline: int | None = None
    numbered = False
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        if pstyle is not None:
            style_id = pstyle.get(W_VAL) or ""
        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is not None and (lvl.get(W_VAL) or "").isdigit() and int(lvl.get(W_VAL)) < 9:
            outline = int(lvl.get(W_VAL)) + 1
        numbered = ppr.find(qn("w:numPr")) is not None
    if outline is None:
        outline = styles.outline.get(style_id)
    return styles.names.get(style_id, style_id), outline, numbered


def _paragraph_lines(p) -> list[tuple[str, bool]]:
    """The paragraph's text cut at line and page breaks: (text, page break before)."""
    lines: list[tuple[str, bool]] = []
    current: list[str] = []
    page_before = False
    for run in p.iter(W_R):
        for node in run:
            tag = node.tag
            if tag == W_T:
                current.append(node.text or "")
            elif tag == W_TAB:
                current.append("\t")
            elif tag in (W_BR, W_CR):
                lines.append(("".join(current), page_before))
                current = []
                page_before = node.get(W_TYPE) == "page"
    lines.append(("".join(current), page_before))
    return lines


def _is_toc_sdt(sdt) -> bool:
    for gallery in sdt.iter(qn("w:docPartGallery")):
        if "Contents" in (gallery.get(W_VAL) or "") or "目录" in (gallery.get(W_VAL) or ""):
            return True
    return False


def _cell_text(tc) -> str:
    texts = []
    for p in tc.iter(W_P):
        texts.append("".join(text for text, _ in _paragraph_lines(p)))
    return "".join(t.strip() for t in texts)


def _table_rows(tbl) -> list[list[str]]:
    """Rows of cell texts on the table grid; vertical merges repeat the text above."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iter(W_TR):
        if tr.getparent() is not tbl:
            continue  # rows of a nested table belong to that table
        cells: list[str] = []
        column = 0
        for tc in tr.findall(W_TC):
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            merge = None
            if tcpr is not None:
                grid = tcpr.find(qn("w:gridSpan"))
                if grid is not None and (grid.get(W_VAL) or "").isdigit():
                    span = max(1, int(grid.get(W_VAL)))
                vmerge = tcpr.find(qn("w:vMerge"))
                if vmerge is not None:
                    merge = vmerge.get(W_VAL) or "continue"
            text = _cell_text(tc)
            if merge == "continue":
                text = above.get(column, "")
            cells.append(text)
            cells.extend([""] * (span - 1))
            for offset in range(span):
                above[column + offset] = text if offset == 0 else ""
            column += span
        rows.append(cells)
    return rows


def read_docx_blocks(path: Path) -> list[Block]:
    document = docx.Document(str(path))
    styles = _StyleInfo(document)
    blocks: list[Block] = []
    counter = {"paragraph": 0, "table": 0}

    def visit(container) -> None:
        for child in container.iterchildren():
            if child.tag == W_P:
                counter["paragraph"] += 1
                style, outline, numbered = _paragraph_style(child, styles)
                tags = set()
                if style.lower().startswith("toc") or style.startswith("目录"):
                    tags.add("toc")
                if numbered:
                    tags.add("numbered")
                for text, page_break in _paragraph_lines(child):
                    if text.strip():
                        blocks.append(
                            Block(
                                text=text,
                                line=counter["paragraph"],
                                style=style,
                                outline_level=outline,
                                page_break=page_break,
                                tags=set(tags),
                            )
                        )
            elif child.tag == W_TBL:
                counter["table"] += 1
                for row in _table_rows(child):
                    if any(cell.strip() for cell in row):
                        blocks.append(
                            Block(
                                text="\t".join(row),
                                line=counter["paragraph"],
                                cells=row,
                                table=counter["table"],
                            )
                        )
            elif child.tag == W_SDT:
                if _is_toc_sdt(child):
                    continue
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    visit(content)

    visit(document.element.body)
    return blocks
