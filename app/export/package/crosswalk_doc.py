"""The 上级方案任务承接对照表 for the 送审 package: a Word document beside the draft's exports.

Title "《平罗县碳达峰实施方案》上级方案任务承接对照表", then one part a parent plan
("一、《银川市碳达峰实施方案》（措施 34 条，承接 34 条）") with its table: 上级措施 /
县方案对应措施 / 承接方式, the rows of app/core/readout/crosswalk.py (the same the
window's 对照表 tab and the Excel 对照表 read). Fonts, sizes, page and borders are the
house style's (the 附件 table's); the page turns landscape when reasons make the
承接方式 column long.
"""

from __future__ import annotations

from pathlib import Path

from app.core.draft.model import Draft
from app.core.plans.resolver import PlanResolver
from app.core.readout.crosswalk import (
    CROSSWALK_HEADERS,
    CrosswalkRow,
    ParentCrosswalk,
    crosswalk,
)
from app.core.text.numbering import label_for
from app.export.files import file_stem
from app.export.package.package_doc import start
from app.export.package.package_doc import title as package_title
from app.export.pair import write_files
from app.export.style import HouseStyle, usable_style
from app.export.word import wordml
from app.export.word.setup import WordStyles

SUFFIX = "上级方案任务承接对照表"
SHARES = (0.36, 0.36, 0.28)
"""Each column's share of the type area's width: 上级措施, 县方案对应措施, 承接方式."""
LANDSCAPE_FROM = 60
"""A 承接方式 cell this long (a reason given at length) turns the pages landscape."""


def crosswalk_title(draft: Draft) -> str:
    """《平罗县碳达峰实施方案》上级方案任务承接对照表."""
    return f"《{draft.meta.document_title}》{SUFFIX}"


def crosswalk_path(draft: Draft, folder: Path) -> Path:
    """DIR/<title>上级方案任务承接对照表.docx, named as the draft's other exports."""
    return Path(folder) / f"{file_stem(draft)}{SUFFIX}.docx"


def export_crosswalk(draft: Draft, folder: str | Path, plans: PlanResolver) -> Path:
    """Write DIR/<title>上级方案任务承接对照表.docx (atomically, under the folder's export lock);
    `plans` are the draft's parent plans (the caller's, never looked up here)."""
    path = crosswalk_path(draft, Path(folder))
    write_files([(path, crosswalk_bytes(draft, plans))])
    return path


def crosswalk_bytes(draft: Draft, plans: PlanResolver, style: HouseStyle | None = None) -> bytes:
    """The .docx of the 对照表, as bytes."""
    style = style or usable_style(draft.layout.style)
    tables = crosswalk(draft, plans)
    landscape = any(len(row.cell) >= LANDSCAPE_FROM for t in tables for row in t.rows)
    doc = start(draft, style, landscape=landscape)
    styles, width_mm = doc.styles, doc.width_mm
    out = [package_title(styles, crosswalk_title(draft))]
    if not tables:
        out.append(styles.text("body", "本方案未记录上级方案，无可对照的措施。"))
    for index, table in enumerate(tables, 1):
        heading = f"{label_for(1, index)}{table.heading}"
        # each parent's table on pages of its own
        out.append(styles.text("heading1", heading, page_break_before=index > 1))
        out.append(_part(styles, table, width_mm))
    doc.add("".join(out))
    return doc.docx()


def _part(styles: WordStyles, table: ParentCrosswalk, width_mm: float) -> str:
    if not table.found:
        return styles.text("body", "该上级方案不在方案库中，无法列出其措施；导入该方案后再导出。")
    if not table.rows:
        return styles.text("body", "该上级方案中没有可承接的措施。")
    widths = [wordml.twips(width_mm * share) for share in SHARES]

    def cell(col: int, text: str, key: str, align: str) -> str:
        """One paragraph a line of the text (several county measures: one each)."""
        paragraphs = "".join(
            styles.paragraph(key, styles.run(line, key) if line else "", align=align)
            for line in text.split("\n")
        )
        return wordml.table_cell(widths[col], paragraphs, centre_vertically=True)

    header = wordml.table_row(
        (cell(col, text, "table_header", "center") for col, text in enumerate(CROSSWALK_HEADERS)),
        keep_together=True,
        header=True,
    )
    rows = [header] + [
        wordml.table_row(
            (
                cell(0, row.parent, "table_body", "justify"),
                cell(1, row.county_text or "—", "table_body", _county_align(row)),
                cell(2, row.cell, "table_body", "left" if row.reason else "center"),
            ),
            keep_together=True,
        )
        for row in table.rows
    ]
    return wordml.table(widths, rows, borders=wordml.table_borders(styles.style.task_table.border))


def _county_align(row: CrosswalkRow) -> str:
    return "left" if row.county else "center"
