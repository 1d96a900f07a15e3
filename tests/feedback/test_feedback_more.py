"""Returned files the first reading got wrong: a tracked replacement (w:del then w:ins), a
paragraph typed in without tracking, a change inside a 责任单位 clause adopted as units."""

from __future__ import annotations

import copy
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.tree import EditError
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import read_feedback


@pytest.fixture(scope="module")
def demo():
    draft = load_demo()
    return draft, word_document(draft).data, sent_copy(draft)


def _marked(doc, prefix):
    """The returned paragraphs whose bookmark starts with `prefix` (pp_n9_p …)."""
    out = []
    for paragraph in doc.paragraphs:
        names = [b.get(qn("w:name")) for b in paragraph._p.iter(qn("w:bookmarkStart"))]
        if any(n.startswith(prefix) for n in names):
            out.append(paragraph)
    return out


def _body(doc):
    """The text of each paragraph, the 目录's lines (page numbers move) left out."""
    return [p.text for p in doc.paragraphs if "\t" not in p.text]


def _wrapped(kind, author, words, rpr):
    wrap = etree.Element(qn(f"w:{kind}"))
    wrap.set(qn("w:id"), "9" + str(len(words)) + ("1" if kind == "ins" else "2"))
    wrap.set(qn("w:author"), author)
    wrap.set(qn("w:date"), "2023-08-20T10:00:00Z")
    run = etree.SubElement(wrap, qn("w:r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    text = etree.SubElement(run, qn("w:delText" if kind == "del" else "w:t"))
    text.text = words
    return wrap


def _typed_over(paragraph, old, new, author):
    """Word's record of typing `new` over the selected `old`: the run split, w:del then w:ins."""
    for run in paragraph.runs:
        if old in run.text:
            before, after = run.text.split(old, 1)
            rpr = run._r.find(qn("w:rPr"))
            run.text = before
            tail = copy.deepcopy(run._r)
            for t in tail.iter(qn("w:t")):
                t.text = after
            deleted = _wrapped("del", author, old, rpr)
            inserted = _wrapped("ins", author, new, rpr)
            run._r.addnext(deleted)
            deleted.addnext(inserted)
            inserted.addnext(tail)
            return
    raise AssertionError(old)


def _paragraph_after(paragraph, text):
    """A paragraph typed in after `paragraph` without tracking: its formatting, no bookmark."""
    new = copy.deepcopy(paragraph._p)
    for child in list(new):
        if child.tag != qn("w:pPr"):
            new.remove(child)
    run = etree.SubElement(new, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = text
    paragraph._p.addnext(new)


def _units_edit(doc, measure_id, old, new):
    for paragraph in _marked(doc, f"pp_{measure_id}_"):
        for run in paragraph.runs:
            if "责任单位" in paragraph.text and old in run.text:
                run.text = run.text.replace(old, new, 1)
                return
    raise AssertionError(old)


def test_a_tracked_replacement_is_one_edit(demo, tmp_path):
    draft, data, sent = demo
    measure = next(draft.measures())
    doc = Document(io.BytesIO(data))
    paragraph = _marked(doc, f"pp_{measure.id}_p0")[0]
    _typed_over(paragraph, "遏制煤炭消费快速增长趋势", "严格控制煤炭消费增长", "赵六")
    path = tmp_path / "县发改局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert len(feedback.opinions) == 1
    opinion = feedback.opinions[0]
    assert (opinion.kind, opinion.author, opinion.node_id) == ("edit", "赵六", measure.id)
    assert (opinion.place, opinion.index) == ("paragraph", 0)
    assert "遏制煤炭消费快速增长趋势" in opinion.original
    assert opinion.proposed == opinion.original.replace(
        "遏制煤炭消费快速增长趋势", "严格控制煤炭消费增长"
    )
    assert opinion.original != "遏制煤炭消费快速增长趋势"  # with words around it
    adopted = ops.adopt_all(ops.add_opinions(draft, feedback.opinions))
    text = adopted.find(measure.id).paragraphs[0]
    assert "严控煤炭消费增量，严格控制煤炭消费增长，新建" in text


def test_a_paragraph_typed_in_becomes_an_insertion_where_it_stands(demo, tmp_path):
    draft, data, sent = demo
    measure = next(draft.measures())
    doc = Document(io.BytesIO(data))
    last = _marked(doc, f"pp_{measure.id}_p")[-1]
    _paragraph_after(last, "加快推进燃煤锅炉淘汰，县城建成区基本淘汰35蒸吨以下燃煤锅炉。")
    _paragraph_after(_marked(doc, "pp_doc")[0], "这一段跟在标题之后，对不上任何措施。")
    path = tmp_path / "县住建局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert [o.kind for o in feedback.opinions] == ["insertion"]
    opinion = feedback.opinions[0]
    assert (opinion.node_id, opinion.place, opinion.index) == (
        measure.id,
        "paragraph",
        len(measure.paragraphs),
    )
    assert opinion.proposed == "加快推进燃煤锅炉淘汰，县城建成区基本淘汰35蒸吨以下燃煤锅炉。"
    assert opinion.original == ""
    assert feedback.unmatched == ["这一段跟在标题之后，对不上任何措施。"]
    adopted = ops.adopt_all(ops.add_opinions(draft, feedback.opinions))
    paragraphs = adopted.find(measure.id).paragraphs
    assert paragraphs[:-1] == measure.paragraphs
    assert paragraphs[-1] == opinion.proposed


def test_a_paragraph_inserted_mid_node_moves_the_later_opinions(demo, tmp_path):
    draft, data, sent = demo
    node = next(n for n in draft.walk() if len(n.paragraphs) >= 2 and "⟦" not in n.paragraphs[1])
    doc = Document(io.BytesIO(data))
    first = _marked(doc, f"pp_{node.id}_p0")[0]
    second = _marked(doc, f"pp_{node.id}_p1")[0]
    _paragraph_after(first, "新增的一段，放在第一段之后。")
    for run in second.runs:
        if "，" in run.text:
            run.text = run.text.replace("，", "、", 1)
            break
    path = tmp_path / "本单位修改.docx"
    doc.save(path)
    feedback = read_feedback(path, sent, "本单位修改")
    kinds = sorted((o.kind, o.index) for o in feedback.opinions)
    assert kinds == [("edit", 1), ("insertion", 1)]
    adopted = ops.adopt_all(ops.add_opinions(draft, feedback.opinions))
    paragraphs = adopted.find(node.id).paragraphs
    assert paragraphs[1] == "新增的一段，放在第一段之后。"
    assert paragraphs[2] == node.paragraphs[1].replace("，", "、", 1)
    again = Document(io.BytesIO(word_document(adopted).data))
    assert _body(again) == _body(Document(path))


def test_a_tracked_paragraph_insertion_is_not_dropped(demo, tmp_path):
    draft, data, sent = demo
    measure = next(draft.measures())
    doc = Document(io.BytesIO(data))
    last = _marked(doc, f"pp_{measure.id}_p")[-1]
    new = copy.deepcopy(last._p)
    for child in list(new):
        if child.tag != qn("w:pPr"):
            new.remove(child)
    new.append(_wrapped("ins", "钱七", "新增一段：推进清洁取暖。", None))
    last._p.addnext(new)
    path = tmp_path / "县发改局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert [(o.kind, o.author, o.node_id, o.proposed) for o in feedback.opinions] == [
        ("insertion", "钱七", measure.id, "新增一段：推进清洁取暖。")
    ]


def test_a_changed_unit_list_is_adopted_as_units(demo, tmp_path):
    draft, data, sent = demo
    measure = next(
        m for m in draft.measures() if m.responsibility and "县财政局" in m.responsibility.units
    )
    units = measure.responsibility.units
    doc = Document(io.BytesIO(data))
    _units_edit(doc, measure.id, "财政局、", "")
    _units_edit(doc, measure.id, "县发改局、", "县发改局、自然资源局、")
    path = tmp_path / "县发改局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert [(o.kind, o.place) for o in feedback.opinions] == [("edit", "clause")]
    adopted = ops.adopt_all(ops.add_opinions(draft, feedback.opinions))
    new = adopted.find(measure.id).responsibility.units
    assert new[0] == units[0] == "县发改局"
    assert new == (units[0], "县自然资源局", *[u for u in units[1:] if u != "县财政局"])
    again = Document(io.BytesIO(word_document(adopted).data))
    assert _body(again) == _body(Document(path))


def test_a_new_lead_by_a_tracked_replacement(demo, tmp_path):
    draft, data, sent = demo
    measure = next(
        m for m in draft.measures() if m.responsibility and "县财政局" in m.responsibility.units
    )
    units = measure.responsibility.units
    doc = Document(io.BytesIO(data))
    clause = next(p for p in _marked(doc, f"pp_{measure.id}_") if "责任单位" in p.text)
    _typed_over(clause, "县发改局、财政局", "县财政局、发改局", "孙八")
    path = tmp_path / "县财政局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert [(o.kind, o.place, o.author) for o in feedback.opinions] == [("edit", "clause", "孙八")]
    adopted = ops.adopt_opinion(ops.add_opinions(draft, feedback.opinions), "o1")
    assert adopted.find(measure.id).responsibility.units == (
        "县财政局",
        "县发改局",
        *[u for u in units if u not in ("县发改局", "县财政局")],
    )


def test_a_clause_change_that_is_no_unit_list_is_refused(demo, tmp_path):
    draft, data, sent = demo
    measure = next(
        m for m in draft.measures() if m.responsibility and "县财政局" in m.responsibility.units
    )
    doc = Document(io.BytesIO(data))
    _units_edit(doc, measure.id, "财政局、", "财政局。请补充说明牵头方式：")
    path = tmp_path / "县发改局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent)
    assert [o.place for o in feedback.opinions] == ["clause"]
    with pytest.raises(EditError, match="责任单位"):
        ops.adopt_opinion(ops.add_opinions(draft, feedback.opinions), "o1")


def test_adopt_all_adopts_what_it_can_and_says_why_not(demo, tmp_path, capsys):
    """One opinion touching a target figure no longer makes --adopt-all store nothing."""
    from app.cli import main
    from app.core.draft.store.files import load_draft, save_draft

    draft, data, _sent = demo
    path = save_draft(draft, tmp_path / "d.peakplan")
    doc = Document(io.BytesIO(data))
    solar = next(p for p in _marked(doc, "pp_n12_p0") if "150万千瓦" in p.text)
    _typed_over(solar, "150万千瓦", "200万千瓦", "县发改局")
    coal = _marked(doc, "pp_n9_p0")[0]
    _typed_over(coal, "遏制煤炭消费快速增长趋势", "坚决遏制煤炭消费增长", "县发改局")
    returned = tmp_path / "县发改局.docx"
    doc.save(returned)
    assert main(["feedback", str(path), str(returned), "--adopt-all"]) == 0
    said = capsys.readouterr().out
    assert "无法采纳" in said and "目标" in said
    saved = load_draft(path)
    decisions = sorted(o.decision for o in saved.opinions)
    assert decisions == ["adopted", "pending"]
    assert "坚决遏制煤炭消费增长" in saved.find("n9").paragraphs[0]


def test_an_unedited_copy_with_the_attachment_gives_only_the_units_edit(tmp_path):
    """The 附件 lines (附件, the task table's title) print without a bookmark: not new paragraphs."""
    draft = load_demo()
    draft = draft.model_copy(
        update={"layout": draft.layout.model_copy(update={"attachment": True})}
    )
    doc = Document(io.BytesIO(word_document(draft).data))
    coal = _marked(doc, "pp_n9_p0")[0]
    for run in coal.runs:
        if "遏制" in run.text:
            run.text = run.text.replace("遏制", "坚决遏制", 1)
            break
    path = tmp_path / "县统计局.docx"
    doc.save(path)
    opinions = read_feedback(path, sent_copy(draft)).opinions
    assert [(o.kind, o.node_id) for o in opinions] == [("edit", "n9")]


def test_an_unedited_copy_of_run_in_titles_says_nothing_of_the_contents(tmp_path):
    """Measure titles run in (宁夏/银川: "1.推进…。加快…") print in the 目录 without their 。:
    an untouched copy is said to hold nothing, with no "目录…中的修改未读取" note for each
    run-in heading (it gave 38 on a 永宁 draft)."""
    from app.feedback.word_file import FeedbackError

    draft = load_demo()
    draft = draft.model_copy(
        update={"layout": draft.layout.model_copy(update={"measure_titles": "run_in"})}
    )
    path = tmp_path / "县发改局.docx"
    path.write_bytes(word_document(draft).data)
    with pytest.raises(FeedbackError, match="没有找到批注"):
        read_feedback(path, sent_copy(draft))
