"""The 附件 of the Word draft: the 任务分工 table on a landscape page, from the same lines as the Excel sheet."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.draft.model import Draft
from app.core.readout.task_rows import TASK_HEADERS
from app.export.content import TEXT_COLUMNS, Run, TaskLine, task_title
from app.export.word import wordml
from app.export.word.setup import WordStyles

WORK_COLUMN = 3
"""主要工作: the column whose words an open question on a work row marks."""


def attachment(
    styles: WordStyles,
    draft: Draft,
    lines: list[TaskLine],
    cells: dict[tuple[int, int], tuple[Run, ...]] | None = None,
    comment_ids: Sequence[int] = (),
) -> str:
    """附件 top left, the table's title centred, then the table."""
    style = styles.style
    return (
        styles.text("attachment_label", style.attachment.label)
        + styles.text("attachment_title", task_title(draft, style))
        + task_table(styles, lines, cells or {}, comment_ids)
    )


def task_table(
    styles: WordStyles,
    lines: list[TaskLine],
    cells: dict[tuple[int, int], tuple[Run, ...]],
    comment_ids: Sequence[int] = (),
) -> str:
    """The header repeated on every page, rows that do not split, 重点领域/序号/行动措施 merged down.

    Widths on the grid and on every cell, every edge ruled, merged cells
    holding their text in the top cell only (LAYOUT.md). `cells` holds the
    主要工作 of the lines where open questions mark words, with the marks.
    """
    style = styles.style
    widths = [wordml.twips(mm) for mm in style.attachment.column_widths_mm]

    def cell(
        col: int,
        value: object,
        key: str,
        span: int = 1,
        marked: tuple[Run, ...] | None = None,
        columns: int = 1,
    ) -> str:
        text = "" if value is None else str(value)
        align = "justify" if col in TEXT_COLUMNS and key == "table_body" else "center"
        runs = styles.runs(marked or ((Run(text, key),) if text else ()), comment_ids)
        paragraph = styles.paragraph(key, runs, align=align)
        width = sum(widths[col : col + columns])
        return wordml.table_cell(
            width, paragraph, span=span, centre_vertically=True, columns=columns
        )

    def line_cells(i: int, line: TaskLine) -> list[str]:
        """A line's cells; 重点领域 across 行动措施 too when the action is its own measure."""
        out = []
        for col, (value, span) in enumerate(zip(line.values, line.spans, strict=True)):
            if line.joined and col == 2:
                continue
            columns = 2 if line.joined and col == 1 else 1
            out.append(cell(col, value, "table_body", span, cells.get((i, col)), columns))
        return out

    header = wordml.table_row(
        (cell(col, text, "table_header") for col, text in enumerate(TASK_HEADERS)),
        keep_together=True,
        header=True,
    )
    body = (
        wordml.table_row(line_cells(i, line), keep_together=True) for i, line in enumerate(lines)
    )
    borders = wordml.table_borders(style.task_table.border)
    return wordml.table(widths, [header, *body], borders=borders)
