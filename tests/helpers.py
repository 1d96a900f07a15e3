"""Builders for test inputs: .docx files made on the spot with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

PAGE_BREAK = "\f"


def write_docx(
    path: Path, lines: list[str], tables: dict[int, list[list[str]]] | None = None
) -> Path:
    """A .docx with one paragraph per line; "\\f" inside a line is a page break in it.

    `tables` maps a line index to rows inserted before that line (index len(lines)
    appends at the end); a cell text of None continues a vertical merge.
    """
    document = docx.Document()
    tables = tables or {}
    for index, line in enumerate([*lines, None]):
        if index in tables:
            _add_table(document, tables[index])
        if line is None:
            break
        paragraph = document.add_paragraph()
        parts = line.split(PAGE_BREAK)
        for number, part in enumerate(parts):
            run = paragraph.add_run(part)
            if number < len(parts) - 1:
                run.add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return path


def _add_table(document, rows: list[list[str | None]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            tc_pr = cell._tc.get_or_add_tcPr()
            if text is None:
                merge = OxmlElement("w:vMerge")
                tc_pr.append(merge)
            else:
                cell.text = text
                below = rows[r + 1][c] if r + 1 < len(rows) else ""
                if below is None:
                    merge = OxmlElement("w:vMerge")
                    merge.set(qn("w:val"), "restart")
                    tc_pr.append(merge)
