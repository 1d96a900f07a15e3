"""The 意见采纳情况表 (Word and Excel) and the 起草说明 from the draft's data."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from app.core.plans.resolver import PlanResolver
from app.export.package.drafting_note import note_bytes, note_parts
from app.export.package.opinions_doc import opinion_rows, opinion_summary, opinions_bytes
from app.export.package.opinions_sheet import opinions_xlsx

LINE = "共收到3家单位反馈意见4条，采纳1条，部分采纳1条，未采纳1条，已采纳于其他意见1条。"


def test_the_rows_and_the_summary_count_units_once_and_no_opinion_as_a_unit(consulted):
    rows = opinion_rows(consulted)
    assert [r.number for r in rows] == [1, 2, 3, 4]
    assert [r.unit for r in rows] == ["县住建局", "县住建局", "县交通局", "县交通局"]
    assert [r.decision for r in rows] == ["采纳", "部分采纳", "不采纳", "已采纳于其他意见"]
    assert rows[0].place.startswith("三（一）1 ")
    assert rows[1].content == "建议将“严控”修改为“严格控制”"
    assert rows[2].content == "建议删除“遏制煤炭消费快速增长趋势”"
    assert rows[3].place == "全文" and rows[3].content == "建议增加“新能源公交”"
    assert rows[2].reason == "与上级方案表述一致"
    summary = opinion_summary(consulted)
    assert summary.line == LINE
    assert summary.no_opinion_units == ("县财政局",)
    assert "县财政局" in summary.note and "不计入意见条数" in summary.note


def test_the_word_table_and_the_sheet_open_and_agree(consulted):
    doc = Document(io.BytesIO(opinions_bytes(consulted)))
    texts = [p.text for p in doc.paragraphs]
    assert "意见采纳情况表" in texts[0] and LINE in texts
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "反馈单位",
        "条款",
        "意见内容",
        "处理情况",
        "理由/说明",
    ]
    assert len(table.rows) == 5
    sheet = load_workbook(io.BytesIO(opinions_xlsx(consulted))).active
    assert sheet["A2"].value == LINE
    assert [c.value for c in sheet[3]] == [
        "序号",
        "反馈单位",
        "条款",
        "意见内容",
        "处理情况",
        "理由/说明",
    ]
    assert [sheet.cell(r, 5).value for r in range(4, 8)] == [
        "采纳",
        "部分采纳",
        "不采纳",
        "已采纳于其他意见",
    ]
    assert sheet.print_title_rows == "$3:$3"


def test_the_drafting_note_says_the_data_in_its_parts(consulted):
    parts = note_parts(consulted, PlanResolver.library())
    assert [p.title for p in parts] == [
        "工作背景",
        "起草过程",
        "主要内容",
        "与上级方案衔接情况",
        "需要说明的问题",
        "下一步工作",
    ]
    background, process, content, linkage = (" ".join(p.paragraphs) for p in parts[:4])
    assert "《自治区碳达峰实施方案》" in background
    assert "2023年8月15日" in process and "（征求意见稿）" in process and "（送审稿）" in process
    assert LINE in process and "1家单位回复无意见" in process
    assert "总体要求、主要目标、重点任务、保障措施" in content
    assert "（一）能源绿色低碳转型行动（4项措施）" in content
    assert "承接《自治区碳达峰实施方案》措施" in linkage and "条中的" in linkage
    assert "请填写" in " ".join(parts[4].paragraphs)
    doc = Document(io.BytesIO(note_bytes(consulted, PlanResolver.library())))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "关于《平罗县碳达峰实施方案（送审稿）》的起草说明"
    assert "二、起草过程" in texts and "四、与上级方案衔接情况" in texts


def test_a_change_is_quoted_by_its_words_not_the_paragraph_around_it(consulted):
    """Issue 28: 建议删除“实行成品交房，推动供给侧结构性改革，减少装修环” (环节 cut in half)."""
    from app.core.draft.consultation import Opinion
    from app.export.package.opinions_doc import opinion_content

    deleted = Opinion(
        id="o9",
        unit="县住建局",
        kind="deletion",
        original="实行成品交房，推动供给侧结构性改革，减少装修环",
        proposed="实行成品交房，减少装修环",
    )
    assert opinion_content(deleted) == "建议删除“，推动供给侧结构性改革”"
    paragraph = (
        "到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比不低47%，实行成品交房。"
    )
    edited = Opinion(
        id="o10",
        unit="县住建局",
        kind="edit",
        original=paragraph,
        proposed=paragraph.replace("不低47%", "不低于47%"),
    )
    assert opinion_content(edited, paragraph) == (
        "建议将“星级绿色建筑占比不低47%”修改为“星级绿色建筑占比不低于47%”"
    )


def test_words_put_in_are_quoted_after_the_clause_they_follow(consulted):
    from app.export.package.opinion_words import change_words

    paragraph = "进一步整合土地资源，加大新能源产业项目招商引资力度，打造高仁乡光伏产业园区。"
    original = "加大新能源产业项目招商引资力度"
    assert change_words(original, original + "，推广分布式光伏", paragraph) == (
        "建议在“加大新能源产业项目招商引资力度”后增加“，推广分布式光伏”"
    )
    # a word changed inside a short clause: the clause, never half a word (推行 → 推进)
    assert change_words("改造，推行绿色社区试点，推进", "改造，推进绿色社区创建，推进") == (
        "建议将“推行绿色社区试点”修改为“推进绿色社区创建”"
    )
