"""Open questions on the 任务分工 sheet: a cell comment where a question's words stand.

The sheet prints the same work rows and units as the Word 附件; what the Word
draft marks with a comment (批注) the sheet marks with a cell comment, so a
reviewer who reads only the workbook sees what is still open too.
"""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet

from app.core.draft.model import Draft
from app.core.readout.questions import open_questions
from app.export.content import TaskLine, printable
from app.export.word.questions import AUTHOR

WORK, LEAD, COOPERATING = 3, 4, 5


def question_cells(draft: Draft, lines: list[TaskLine]) -> dict[tuple[int, int], list[str]]:
    """(line index, column) → the questions whose words stand in that cell."""
    cells: dict[tuple[int, int], list[str]] = {}
    by_node: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        by_node.setdefault(line.node_id, []).append(index)
    for found in open_questions(draft):
        question = found.question
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
    return cells


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
