"""Open questions on the 任务分工 sheet: a cell comment where a question's words stand.

The sheet prints the same work rows and units as the Word 附件; what the Word
draft marks with a comment (批注) the sheet marks with a cell comment, so a
reviewer who reads only the workbook sees what is still open too.
"""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet

from app.core.draft.adaptation import OpenQuestion
from app.core.draft.model import Draft
from app.core.readout.questions import open_questions
from app.export.content import TaskLine, printable
from app.export.unit_notes import clause_text, in_order, is_unit
from app.export.word.questions import AUTHOR

WORK, LEAD, COOPERATING = 3, 4, 5


def question_cells(draft: Draft, lines: list[TaskLine]) -> dict[tuple[int, int], list[str]]:
    """(line index, column) → the questions whose words stand in that cell."""
    cells: dict[tuple[int, int], list[str]] = {}
    by_node: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        by_node.setdefault(line.node_id, []).append(index)
    units: dict[str, list[OpenQuestion]] = {}
    for found in open_questions(draft):
        question = found.question
        if is_unit(question):  # said together, once a clause, as the Word comment says them
            units.setdefault(found.node.id, []).append(question)
            continue
        for index in by_node.get(found.node.id, []):
            line = lines[index]
            if question.where == "work" and question.index == line.work_index:
                columns = (WORK,)
            elif question.where == "clause":
                columns = (LEAD, COOPERATING)
            else:
                continue
            column = next((c for c in columns if question.quote in str(line.values[c] or "")), None)
            if column is not None:
                cells.setdefault((index, column), []).append(
                    f"{question.title}\n{question.message}"
                )
                break  # one cell a question: its first row
    for node_id, kept in units.items():
        _unit_cell(cells, lines, by_node.get(node_id, []), kept)
    return cells


def _unit_cell(
    cells: dict[tuple[int, int], list[str]],
    lines: list[TaskLine],
    rows: list[int],
    kept: list[OpenQuestion],
) -> None:
    """The kept units of a measure in one cell comment, on the first unit cell naming them."""
    for index in rows:
        line = lines[index]
        text = f"{line.values[LEAD] or ''}\n{line.values[COOPERATING] or ''}"
        here = in_order(kept, text)
        if not here:
            continue
        column = LEAD if here[0].quote in str(line.values[LEAD] or "") else COOPERATING
        cells.setdefault((index, column), []).append(clause_text(here))
        return


def add_question_comments(
    sheet: Worksheet, draft: Draft, lines: list[TaskLine], first_row: int
) -> int:
    """Comment each cell holding open questions' words; how many questions were marked."""
    marked = 0
    for (index, column), notes in question_cells(draft, lines).items():
        comment = Comment(printable("\n\n".join(notes)), AUTHOR)
        comment.width, comment.height = 320, 60 + 40 * len(notes)
        sheet.cell(row=first_row + index, column=column + 1).comment = comment
        marked += len(notes)
    return marked
