"""The 附件 of the Word draft: the 任务分工 table on a landscape page, from the same lines as the Excel sheet."""

from __future__ import annotations

from app.core.draft.model import Draft
from app.core.readout.task_rows import TASK_HEADERS, TaskRow
from app.export import wordml
from app.export.content import TEXT_COLUMNS, task_lines, task_title
from app.export.word_setup import WordStyles


def attachment(styles: WordStyles, draft: Draft, rows: list[TaskRow]) -> str:
    """附件 top left, the table's title centred, then the table."""
    style = styles.style
    return (
        styles.text("attachment_label", style.attachment.label)
        + styles.text("attachment_title", task_title(draft, style))
        + task_table(styles, rows)
    )


def task_table(styles: WordStyles, rows: list[TaskRow]) -> str:
    """The header repeated on every page, rows that do not split, 重点领域/序号/行动措施 merged down.

    Widths on the grid and on every cell, every edge ruled, merged cells
    holding their text in the top cell only (LAYOUT.md).
    """
    style = styles.style
    widths = [wordml.twips(mm) for mm in style.attachment.column_widths_mm]

    def cell(col: int, value: object, key: str, span: int = 1) -> str:
        text = "" if value is None else str(value)
        align = "justify" if col in TEXT_COLUMNS and key == "table_body" else "center"
        runs = styles.run(text, key) if text else ""
        paragraph = styles.paragraph(key, runs, align=align)
        return wordml.table_cell(widths[col], paragraph, span=span, centre_vertically=True)

    header = wordml.table_row(
        (cell(col, text, "table_header") for col, text in enumerate(TASK_HEADERS)),
        keep_together=True,
        header=True,
    )
    body = (
        wordml.table_row(
            (
                cell(col, value, "table_body", span)
                for col, (value, span) in enumerate(zip(line.values, line.spans, strict=True))
            ),
            keep_together=True,
        )
        for line in task_lines(rows)
    )
    borders = wordml.table_borders(style.task_table.border)
    return wordml.table(widths, [header, *body], borders=borders)
