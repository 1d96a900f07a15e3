"""Word documents: the same plan from .docx (and .doc via LibreOffice) as from its text."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from app.core.plans.model import Plan
from app.importer import import_plan
from tests.conftest import SEEDS
from tests.helpers import PAGE_BREAK, write_docx


def _skeleton(plan: Plan) -> list[tuple]:
    return [
        (s.id, s.label, s.title, s.clause.names if s.clause else None, len(s.targets))
        for s in plan.walk()
    ]


def _body_lines(key: str) -> list[str]:
    text = SEEDS[key].read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("key", ["pingluo-county", "ningxia-region"])
def test_docx_of_a_seed_imports_like_its_text(tmp_path, key):
    path = write_docx(tmp_path / f"{key}.docx", _body_lines(key))
    from_docx = import_plan(path, plan_id=key).plan
    from_txt = import_plan(SEEDS[key], plan_id=key).plan
    assert _skeleton(from_docx) == _skeleton(from_txt)
    assert from_docx.provenance.source_format == "docx"


def test_page_break_inside_a_paragraph_and_a_clause(tmp_path):
    lines = [
        "某县碳达峰实施方案",
        "一、重点任务",
        "（一）能源行动",
        "1. 发展新能源",
        f"积极推进光伏{PAGE_BREAK}与农业一体化发展。（责任单位：县发改局、{PAGE_BREAK}工信局）",
    ]
    plan = import_plan(write_docx(tmp_path / "p.docx", lines), plan_id="t").plan
    measure = plan.sections[0].children[0].children[0]
    assert measure.paragraphs == ["积极推进光伏与农业一体化发展。"]
    assert measure.clause.names == ["县发改局", "县工信局"]


def test_task_table_with_merged_cells(tmp_path):
    lines = [
        "某市碳达峰实施方案",
        "一、重点任务",
        "（一）能源绿色低碳转型行动",
        "1.推进清洁能源开发利用。推进。（责任单位：市发改委）",
        "2.提高绿色电力消费比重。提高。（责任单位：市发改委）",
        "（二）工业领域碳达峰行动",
        "1.推动工业绿色低碳发展",
        "构建绿色低碳产业体系。构建。（责任单位：市工信局）",
        "实施重点行业清洁生产。实施。（责任单位：市生态环境局）",
        "某市碳达峰实施方案任务分工",
    ]
    header = ["序号", "重点领域", "行动措施", "主要工作", "牵头单位", "配合单位"]
    rows = [
        header,
        ["1", "一、能源绿色低碳转型行动", "推进清洁能源开发利用", "推进。", "市发改委", "市工信局"],
        ["2", None, "提高绿色电力消费比重", "提高。", "市发改委", "/"],
        [
            "3",
            "二、工业领域碳达峰行动",
            "推动工业绿色低碳发展",
            "构建绿色低碳产业体系。",
            "市工信局",
            "市发改委",
        ],
        [None, None, None, "实施重点行业清洁生产。", "市生态环境局", "市工信局"],
    ]
    path = write_docx(tmp_path / "t.docx", lines, tables={len(lines): rows})
    plan = import_plan(path, plan_id="t").plan
    assert plan.task_table_title == "某市碳达峰实施方案任务分工"
    table = plan.task_table
    assert [r.number for r in table] == [1, 2, 3]
    assert [r.area for r in table] == ["一、能源绿色低碳转型行动"] * 2 + ["二、工业领域碳达峰行动"]
    assert [w.lead for w in table[2].work_rows] == ["市工信局", "市生态环境局"]
    assert table[2].measure_id == "t:一.二.1"


def test_headings_numbered_by_word_styles(tmp_path):
    """Word's automatic numbering leaves the label out of the text; the style says the level."""
    document = docx.Document()
    document.add_paragraph("某县碳达峰实施方案", style="Title")
    document.add_paragraph("一、总体要求")
    document.add_paragraph("坚持系统观念。")
    document.add_paragraph("重点任务", style="Heading 1")
    document.add_paragraph("能源绿色低碳转型行动", style="Heading 2")
    document.add_paragraph("推进。")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    result = import_plan(path, plan_id="t")
    chapters = result.plan.sections
    assert [(s.label, s.title) for s in chapters] == [("一、", "总体要求"), ("二、", "重点任务")]
    assert chapters[1].children[0].heading == "（一）能源绿色低碳转型行动"
    assert any("Word 标题样式" in str(n) for n in result.notes)


def test_word_toc_paragraphs_are_skipped(tmp_path):
    document = docx.Document()
    document.add_paragraph("某县碳达峰实施方案")
    for style, text in (("toc 1", "一、总体要求\t1"), ("toc 2", "（一）指导思想\t1")):
        if style not in [s.name for s in document.styles]:
            document.styles.add_style(style, 1)
        document.add_paragraph(text, style=style)
    document.add_paragraph("一、总体要求")
    document.add_paragraph("（一）指导思想。坚持。")
    path = tmp_path / "toc.docx"
    document.save(str(path))
    plan = import_plan(path, plan_id="t").plan
    assert [s.heading for s in plan.walk()] == ["一、总体要求", "（一）指导思想"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_is_converted_through_libreoffice(tmp_path):
    source = write_docx(tmp_path / "plan.docx", _body_lines("pingluo-county"))
    out = tmp_path / "doc"
    out.mkdir()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    plan = import_plan(out / "plan.doc", plan_id="pingluo-county").plan
    assert plan.provenance.source_format == "doc"
    expected = import_plan(SEEDS["pingluo-county"], plan_id="pingluo-county").plan
    assert _skeleton(plan) == _skeleton(expected)
