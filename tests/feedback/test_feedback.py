"""Returned files built the way Word and WPS write them, read against the demo draft."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import FeedbackError, read_feedback

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def demo():
    draft = load_demo()
    return draft, word_document(draft).data, sent_copy(draft)


def _long(doc, n):
    return [p for p in doc.paragraphs if len(p.text) > 60][n]


def _edit(paragraph, old, new):
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new, 1)
            return
    raise AssertionError(old)


def _tracked(paragraph, kind, author, words):
    """A w:ins or w:del by `author` at the paragraph's end, as Word writes it."""
    wrap = etree.SubElement(paragraph._p, qn(f"w:{kind}"))
    wrap.set(qn("w:id"), "901" if kind == "ins" else "902")
    wrap.set(qn("w:author"), author)
    run = etree.SubElement(wrap, qn("w:r"))
    text = etree.SubElement(run, qn("w:delText" if kind == "del" else "w:t"))
    text.text = words


def test_bookmarks_print_nothing_and_name_each_paragraph(demo):
    _draft, data, sent = demo
    doc = Document(io.BytesIO(data))
    names = [b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))]
    assert "pp_doc" in names and "pp_pre_0" in names
    assert {n for n, _node, _parts in sent.blocks if n} == set(names)


def test_untracked_edits_become_edit_opinions_and_round_trip(demo, tmp_path):
    draft, data, sent = demo
    doc = Document(io.BytesIO(data))
    _edit(_long(doc, 3), "，", "、")
    _edit(_long(doc, 8), "加快", "全力加快") if "加快" in _long(doc, 8).text else _edit(
        _long(doc, 8), "，", "；"
    )
    path = tmp_path / "本单位修改.docx"
    doc.save(path)
    feedback = read_feedback(path, sent, "本单位修改")
    assert [o.kind for o in feedback.opinions] == ["edit", "edit"]
    assert all(o.unit == "本单位修改" and o.matched == "anchor" for o in feedback.opinions)
    adopted = ops.adopt_all(ops.add_opinions(draft, feedback.opinions))
    assert {o.decision for o in adopted.opinions} == {"adopted"}
    again = Document(io.BytesIO(word_document(adopted).data))
    assert [p.text for p in again.paragraphs] == [p.text for p in Document(path).paragraphs]


def test_comment_and_tracked_changes_with_authors(demo, tmp_path):
    _draft, data, sent = demo
    doc = Document(io.BytesIO(data))
    paragraph = _long(doc, 5)
    doc.add_comment(paragraph.runs[0], text="建议补充具体指标", author="张三", initials="ZS")
    _tracked(_long(doc, 6), "ins", "李四", "并加强监测")
    _tracked(_long(doc, 7), "del", "王五", "（删去）")
    path = tmp_path / "县住建局反馈.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    kinds = {o.kind: o for o in feedback.opinions}
    assert kinds["comment"].author == "张三" and kinds["comment"].comment == "建议补充具体指标"
    assert kinds["comment"].node_id
    assert kinds["insertion"].author == "李四" and "并加强监测" in kinds["insertion"].proposed
    assert kinds["deletion"].author == "王五" and "（删去）" in kinds["deletion"].original
    # the file's name names a catalogue unit: every opinion is that unit's, whoever wrote it
    assert {o.unit for o in feedback.opinions} == {"县住建局"}
    # a name that names no unit: each comment and change is its author's
    unnamed = tmp_path / "returned.docx"
    shutil.copy(path, unnamed)
    by_kind = {o.kind: o.unit for o in read_feedback(unnamed, sent).opinions}
    assert (by_kind["comment"], by_kind["insertion"], by_kind["deletion"]) == (
        "张三",
        "李四",
        "王五",
    )


def test_deleted_measure_and_moved_paragraph(demo, tmp_path):
    draft, data, sent = demo
    measure = next(draft.measures())
    doc = Document(io.BytesIO(data))
    body = doc.element.body
    marked = [
        b.getparent()
        for b in body.iter(qn("w:bookmarkStart"))
        if b.get(qn("w:name"), "").startswith(f"pp_{measure.id}_")
    ]
    for p in marked:
        body.remove(p)
    moving = _long(doc, 2)._p
    body.remove(moving)
    _long(doc, 10)._p.addnext(moving)
    path = tmp_path / "反馈.docx"
    doc.save(path)
    feedback = read_feedback(path, sent, "县发改局")
    deleted = [o for o in feedback.opinions if o.place == "section"]
    assert [o.node_id for o in deleted] == [measure.id]
    assert any("位置调整" in o.comment for o in feedback.opinions)
    removed = ops.adopt_opinion(ops.add_opinions(draft, deleted), "o1")
    assert removed.find(measure.id) is None


def test_bookmarks_lost_match_by_text_and_list_the_rest(demo, tmp_path):
    _draft, data, sent = demo
    source = Document(io.BytesIO(data))
    texts = [p.text for p in source.paragraphs if len(p.text) > 30][:12]
    doc = Document()
    for k, text in enumerate(texts):
        doc.add_paragraph(text.replace("，", "、", 1) if k == 4 else text)
    doc.add_paragraph("这是一段与方案毫不相干的文字，讲的是别的事情，不应对上任何段落。")
    path = tmp_path / "县林草局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert [o.kind for o in feedback.opinions] == ["edit"]
    assert feedback.opinions[0].matched == "text"
    assert feedback.unmatched == [
        "这是一段与方案毫不相干的文字，讲的是别的事情，不应对上任何段落。"
    ]


def test_feedback_table_and_no_opinion(demo, tmp_path):
    draft, _data, sent = demo
    measure = next(draft.measures())
    doc = Document()
    table = doc.add_table(rows=3, cols=4)
    for row, values in zip(
        table.rows,
        [
            ("序号", "条款", "修改意见", "修改理由"),
            ("1", measure.title, "建议增加光伏项目", "符合实际"),
            ("2", "", "无意见", ""),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "县自然资源局反馈意见表.docx"
    doc.save(path)
    opinions = read_feedback(path, sent).opinions
    assert [(o.kind, o.node_id) for o in opinions] == [("table", measure.id), ("none", "")]
    none = Document()
    none.add_paragraph("经研究，我局对该方案无意见。")
    path = tmp_path / "县统计局.docx"
    none.save(path)
    assert [o.kind for o in read_feedback(path, sent).opinions] == ["none"]


def test_damaged_and_unrelated_files_are_refused(demo, tmp_path):
    _draft, _data, sent = demo
    damaged = tmp_path / "坏.docx"
    damaged.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(FeedbackError, match="损坏"):
        read_feedback(damaged, sent)
    other = Document()
    other.add_paragraph("关于召开春季运动会的通知。各单位：定于四月举行春季运动会，请做好准备。")
    path = tmp_path / "通知.docx"
    other.save(path)
    with pytest.raises(FeedbackError):
        read_feedback(path, sent)


def test_cli_feedback_saves_and_a_damaged_file_changes_nothing(demo, tmp_path):
    draft, data, _sent = demo
    from app.cli import main
    from app.core.draft.store.files import load_draft, save_draft

    path = save_draft(draft, tmp_path / "d.peakplan")
    before = path.read_bytes()
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"junk")
    assert main(["feedback", str(path), str(bad)]) == 2
    assert path.read_bytes() == before
    doc = Document(io.BytesIO(data))
    _edit(_long(doc, 3), "，", "、")
    returned = tmp_path / "本单位修改.docx"
    doc.save(returned)
    assert main(["feedback", str(path), str(returned), "--adopt-all", "--json"]) == 0
    saved = load_draft(path)
    assert [o.decision for o in saved.opinions] == ["adopted"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_keeps_the_bookmarks(demo, tmp_path):
    _draft, data, sent = demo
    doc = Document(io.BytesIO(data))
    _edit(_long(doc, 3), "，", "、")
    source = tmp_path / "in.docx"
    doc.save(source)
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = Document(out / "in.docx")
    names = {b.get(qn("w:name")) for b in saved.element.body.iter(qn("w:bookmarkStart"))}
    assert {n for n, _node, _parts in sent.blocks if n} <= names
    feedback = read_feedback(out / "in.docx", sent, "县住建局")
    assert [(o.kind, o.matched) for o in feedback.opinions] == [("edit", "anchor")]


def test_a_form_row_naming_a_section_finds_its_words_in_one_of_its_measures(demo, tmp_path):
    """章节 "三、（一）" with 原文 words that stand in its measure 1 (and nowhere else there)."""
    draft, _data, sent = demo
    doc = Document()
    table = doc.add_table(rows=2, cols=4)
    rows = [
        ("序号", "章节", "原文", "修改意见"),
        ("1", "三、（一）", "严控煤炭消费增量", "改为“严格控制煤炭消费增量”"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "县发改局反馈意见表.docx"
    doc.save(path)
    (opinion,) = read_feedback(path, sent).opinions
    assert (opinion.node_id, opinion.place) == ("n9", "paragraph")
    adopted = ops.adopt_opinion(ops.add_opinions(draft, [opinion]), "o1")
    assert adopted.find("n9").paragraphs[0].startswith("严格控制煤炭消费增量")


def test_the_command_line_says_what_it_listed_at_the_whole_draft(demo, tmp_path, capsys):
    from app.cli import main
    from app.core.draft.store.files import save_draft

    draft, _data, _sent = demo
    path = save_draft(draft, tmp_path / "d.peakplan")
    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    for row, values in zip(
        table.rows, [("序号", "章节", "修改意见"), ("1", "第九部分", "建议加强宣传")], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    form = tmp_path / "县文旅局.docx"
    doc.save(form)
    assert main(["feedback", str(path), str(form)]) == 0
    said = capsys.readouterr().out
    assert "注意：县文旅局.docx：反馈意见表第2行“建议加强宣传”未能对应到方案中的条款" in said
