"""A plan of tasks without items (阜阳, plan 367: "（一）加强能效清单目录管理。…" straight under
二、重点任务): each action is its own measure. A second reader found the 任务分工表 printing
its title twice, "（一）加强能效清单目录管理" | "加强能效清单目录管理". The published layout
(LAYOUT.md: 重点领域 the action with its label, 行动措施 the measure) has one title here:
one cell across both columns, in Excel and in the Word 附件 alike."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from app.core.operations.new_draft import new_draft
from app.core.plans.resolver import PlanResolver
from app.export.excel import FIRST_TASK_ROW, build_workbook
from app.export.word.document import word_bytes
from app.importer import import_plan

FUYANG = Path(__file__).parents[1] / "drafts" / "fixtures" / "parent_goals" / "fuyang.txt"


def _draft():
    plan = import_plan(FUYANG).plan
    draft, _ = new_draft(county="临泉县", city="阜阳市", region="安徽省", plan=plan)
    draft = draft.model_copy(
        update={"layout": draft.layout.model_copy(update={"attachment": True})}
    )
    return plan, draft


def test_an_action_that_is_its_own_measure_prints_its_title_once_in_excel():
    plan, draft = _draft()
    sheet = build_workbook(draft, plans=PlanResolver.of([plan]))["任务分工"]
    row = FIRST_TASK_ROW
    assert sheet.cell(row, 2).value == "（一）加强能效清单目录管理"
    assert sheet.cell(row, 3).value is None
    merged = [str(r) for r in sheet.merged_cells.ranges]
    assert f"B{row}:C{row}" in merged
    texts = [str(c.value) for r in sheet.iter_rows(min_row=row) for c in r if c.value]
    assert sum("加强能效清单目录管理" in t for t in texts) == 1


def test_an_action_that_is_its_own_measure_prints_its_title_once_in_the_word_annex():
    _plan, draft = _draft()
    document = Document(io.BytesIO(word_bytes(draft)))
    table = document.tables[-1]
    row = next(r for r in table.rows if "加强能效清单目录管理" in "".join(c.text for c in r.cells))
    distinct = list({id(c._tc): c.text for c in row.cells}.values())
    assert sum("加强能效清单目录管理" in t for t in distinct) == 1
    assert len(distinct) == 5  # 序号, 重点领域 across 行动措施, 主要工作, 牵头单位, 配合单位
