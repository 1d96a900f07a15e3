"""Hostile returned files (issue 23, items 4–5): a forged, copied or moved bookmark invents no
opinion and moves no paragraph; a file past the bounds is refused whole and the draft is
not touched; a seeded fuzz of exported drafts finds no opinion that was not made."""

from __future__ import annotations

import copy
import io
import os
import random
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from app.cli import main
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, save_draft
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import FeedbackError, read_feedback
from app.importer.readers.limits import (
    MAX_RETURNED_CHANGES,
    MAX_RETURNED_COMMENTS,
    MAX_RETURNED_PARAGRAPHS,
    MAX_RETURNED_ROWS,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def demo():
    draft = load_demo()
    return draft, word_document(draft).data, sent_copy(draft)


def _bookmarks(doc) -> list:
    return [
        b
        for b in doc.element.body.iter(qn("w:bookmarkStart"))
        if (b.get(qn("w:name")) or "").startswith("pp_n")
    ]


def _body_paragraphs(doc) -> list:
    """The paragraphs that carry one of the export's bookmarks."""
    return [b.getparent() for b in _bookmarks(doc)]


def _genuine(data: bytes):
    """The export with what a unit really did: a comment, a tracked insertion, an edit."""
    doc = Document(io.BytesIO(data))
    long = [p for p in doc.paragraphs if len(p.text) > 60 and _has_bookmark(p)]
    doc.add_comment(long[2].runs[0], text="建议补充具体指标", author="张三", initials="ZS")
    ins = etree.SubElement(long[5]._p, qn("w:ins"))
    ins.set(qn("w:id"), "901")
    ins.set(qn("w:author"), "李四")
    ins.set(qn("w:date"), "2026-01-05T10:00:00Z")
    run = etree.SubElement(ins, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "并定期通报"
    for run in long[8].runs:
        if "，" in run.text:
            run.text = run.text.replace("，", "、", 1)
            break
    return doc


def _has_bookmark(paragraph) -> bool:
    return any(
        (b.get(qn("w:name")) or "").startswith("pp_")
        for b in paragraph._p.iter(qn("w:bookmarkStart"))
    )


def _key(o) -> tuple:
    return (o.kind, o.author, o.node_id, o.place, o.index, o.original, o.proposed, o.comment)


def _save(doc, path) -> None:
    doc.save(path)


def test_a_renamed_bookmark_invents_nothing_and_adopting_moves_nothing(demo, tmp_path):
    draft, data, _sent = demo
    doc = Document(io.BytesIO(data))
    for bookmark in _bookmarks(doc):
        if bookmark.get(qn("w:name")) == "pp_n103_p0":
            bookmark.set(qn("w:name"), "pp_n104_p0")
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 60 and _has_bookmark(p))
    doc.add_comment(paragraph.runs[0], text="建议补充具体指标", author="张三", initials="ZS")
    returned = tmp_path / "县发改局.docx"
    doc.save(returned)
    path = save_draft(draft, tmp_path / "d.peakplan")
    assert main(["feedback", str(path), str(returned), "--adopt-all"]) == 0
    saved = load_draft(path)
    assert [(o.kind, o.comment) for o in saved.opinions] == [("comment", "建议补充具体指标")]
    assert [(n.id, n.title, n.paragraphs) for n in saved.walk()] == [
        (n.id, n.title, n.paragraphs) for n in draft.walk()
    ]


def test_a_copied_or_moved_bookmark_places_nothing_on_the_wrong_paragraph(demo, tmp_path):
    _draft, data, sent = demo
    baseline = tmp_path / "genuine.docx"
    _genuine(data).save(baseline)
    expected = sorted(map(_key, read_feedback(baseline, sent, "县发改局").opinions))
    doc = _genuine(data)
    paragraphs = _body_paragraphs(doc)
    bookmarks = _bookmarks(doc)
    # the bookmark of paragraph 10 copied onto paragraph 30; that of 20 moved onto 21
    paragraphs[30].insert(0, copy.deepcopy(bookmarks[10]))
    paragraphs[21].insert(0, bookmarks[20])
    path = tmp_path / "hostile.docx"
    doc.save(path)
    feedback = read_feedback(path, sent, "县发改局")
    assert sorted(map(_key, feedback.opinions)) == expected
    assert any("书签" in note for note in feedback.notes)


def _with_parts(data: bytes, document: bytes, comments: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                body = document
            elif info.filename == "word/comments.xml" and comments is not None:
                body = comments
            target.writestr(info.filename, body)
    return out.getvalue()


def _many_comments(data: bytes, count: int) -> bytes:
    """The export with `count` comments by a unit on its first body paragraph."""
    doc = Document(io.BytesIO(data))
    doc.add_comment(doc.paragraphs[0].runs[0], text="一", author="县住建局")
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        comments = etree.fromstring(archive.read("word/comments.xml"))
    paragraph = next(b.getparent() for b in document.iter(qn("w:bookmarkStart")))
    for k in range(count):
        key = str(50_000 + k)
        reference = etree.SubElement(
            etree.SubElement(paragraph, qn("w:r")), qn("w:commentReference")
        )
        reference.set(qn("w:id"), key)
        comment = etree.SubElement(comments, qn("w:comment"))
        comment.set(qn("w:id"), key)
        comment.set(qn("w:author"), "县住建局")
        text = etree.SubElement(
            etree.SubElement(etree.SubElement(comment, qn("w:p")), qn("w:r")), qn("w:t")
        )
        text.text = f"意见{k}"
    return _with_parts(data, etree.tostring(document), etree.tostring(comments))


def _many_changes(data: bytes, count: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    paragraph = next(b.getparent() for b in document.iter(qn("w:bookmarkStart")))
    for k in range(count):
        ins = etree.SubElement(paragraph, qn("w:ins"))
        ins.set(qn("w:id"), str(60_000 + k))
        ins.set(qn("w:author"), "县住建局")
        etree.SubElement(etree.SubElement(ins, qn("w:r")), qn("w:t")).text = f"字{k}"
    return _with_parts(data, etree.tostring(document), None)


def _many_paragraphs(data: bytes, count: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    body = document.find(qn("w:body"))
    for k in range(count):
        paragraph = etree.Element(qn("w:p"))
        etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:t")).text = f"段{k}"
        body.insert(0, paragraph)
    return _with_parts(data, etree.tostring(document), None)


def _many_rows(data: bytes, count: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    table = etree.SubElement(document.find(qn("w:body")), qn("w:tbl"))
    for k in range(count):
        cell = etree.SubElement(etree.SubElement(table, qn("w:tr")), qn("w:tc"))
        etree.SubElement(
            etree.SubElement(etree.SubElement(cell, qn("w:p")), qn("w:r")), qn("w:t")
        ).text = str(k)
    return _with_parts(data, etree.tostring(document), None)


@pytest.mark.parametrize(
    ("make", "count", "words"),
    [
        (_many_comments, MAX_RETURNED_COMMENTS + 1, "批注"),
        (_many_changes, MAX_RETURNED_CHANGES + 1, "修订"),
        (_many_paragraphs, MAX_RETURNED_PARAGRAPHS + 1, "段"),
        (_many_rows, MAX_RETURNED_ROWS + 1, "行表格"),
    ],
)
def test_a_file_past_a_bound_is_refused_and_the_draft_untouched(
    demo, tmp_path, capsys, make, count, words
):
    draft, data, sent = demo
    returned = tmp_path / "县住建局.docx"
    returned.write_bytes(make(data, count))
    with pytest.raises(FeedbackError, match=f"{words}.*上限.*未导入"):
        read_feedback(returned, sent)
    path = save_draft(draft, tmp_path / "d.peakplan")
    before = path.read_bytes()
    assert main(["feedback", str(path), str(returned), "--json"]) == 2
    assert path.read_bytes() == before
    assert "上限" in capsys.readouterr().err


def test_a_form_sheet_past_the_rows_bound_is_refused_not_cut(demo, tmp_path):
    from openpyxl import Workbook

    _draft, _data, sent = demo
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "条款", "修改意见", "理由"])
    for k in range(MAX_RETURNED_ROWS):
        sheet.append([k + 1, "（一）", f"意见{k}", ""])
    path = tmp_path / "县住建局反馈意见表.xlsx"
    book.save(path)
    with pytest.raises(FeedbackError, match=r"行数.*上限.*未导入"):
        read_feedback(path, sent)


# ---------------------------------------------------------------- the fuzz


def _hostile(doc, rng: random.Random) -> list[str]:
    """Random edits of the file's structure that make no opinion: bookmarks renamed to another
    exported name, copied or moved to another paragraph; the unit's comment marked again
    elsewhere, its tracked change copied elsewhere (the same id, author, date and words)."""
    done = []
    names = [b.get(qn("w:name")) for b in _bookmarks(doc)]
    for _ in range(rng.randint(1, 4)):
        bookmarks, paragraphs = _bookmarks(doc), _body_paragraphs(doc)
        what = rng.choice(["rename", "copy", "move", "comment", "change"])
        bookmark, target = rng.choice(bookmarks), rng.choice(paragraphs)
        if what == "rename":
            bookmark.set(qn("w:name"), rng.choice(names))
        elif what == "copy":
            target.insert(0, copy.deepcopy(bookmark))
        elif what == "move":
            target.insert(0, bookmark)
        elif what == "comment":
            marks = list(doc.element.body.iter(qn("w:commentRangeStart"), qn("w:commentReference")))
            mine = [m for m in marks if m.get(qn("w:id")) == _unit_comment_id(doc)]
            if not mine:
                continue
            target.append(copy.deepcopy(rng.choice(mine)))
        else:
            target.append(copy.deepcopy(next(doc.element.body.iter(qn("w:ins")))))
        done.append(what)
    return done


TEAM = "起草组此后补充的文字"


def _edited_since(draft):
    """The team's edits after the export, far from the unit's: words added to the last
    measure's paragraph, a paragraph put in before it."""
    last = [n for n in draft.walk() if n.paragraphs and "⟦" not in n.paragraphs[0]][-1]
    return ops.set_paragraphs(draft, last.id, ("起草组新增一段。", last.paragraphs[0] + TEAM))


def _unit_comment_id(doc) -> str:
    return next(str(c.comment_id) for c in doc.comments if c.author == "张三")


FUZZ_SEEDS = int(os.environ.get("PEAKPLAN_FUZZ_SEEDS", "24"))
"""Hostile variants per run (PEAKPLAN_FUZZ_SEEDS=400 for a longer hunt after changing the reader)."""


@pytest.mark.parametrize("seed", range(FUZZ_SEEDS))
def test_fuzz_hostile_structure_makes_no_opinion_that_was_not_made(demo, tmp_path, seed):
    draft, data, sent = demo
    if seed % 2:  # the team goes on editing after the export: read against what was sent
        draft = _edited_since(ops.record_sent(draft, word_document(draft).sent))
        sent = sent_copy(draft)
    genuine = tmp_path / "genuine.docx"
    _genuine(data).save(genuine)
    made = read_feedback(genuine, sent, "县发改局").opinions
    rng = random.Random(seed)
    doc = _genuine(data)
    done = _hostile(doc, rng)
    path = tmp_path / "hostile.docx"
    doc.save(path)
    found = read_feedback(path, sent, "县发改局").opinions
    # each opinion found was made: the same change at the same place, or (a comment or change
    # marked in several places) the same words with no place claimed
    for opinion in found:
        assert any(
            _key(opinion) == _key(m)
            or (
                not opinion.node_id
                and (opinion.kind, opinion.author, opinion.comment) == (m.kind, m.author, m.comment)
            )
            for m in made
        ), (done, opinion)
    assert len(found) <= len(made), done
    assert not any(TEAM in o.original + o.proposed for o in found), done
    # and the draft changes only as far as adopting what was made changes it
    adopted = ops.adopt_all(ops.add_opinions(draft, found))
    expected = ops.adopt_all(ops.add_opinions(draft, made))
    changed = {n.id: n.paragraphs for n in adopted.walk()}
    for node in draft.walk():
        assert changed[node.id] in (node.paragraphs, expected.find(node.id).paragraphs), done


def test_the_attachment_titles_of_an_unedited_copy_are_no_new_paragraphs(tmp_path):
    draft = load_demo()
    draft = draft.model_copy(
        update={"layout": draft.layout.model_copy(update={"attachment": True})}
    )
    doc = Document(io.BytesIO(word_document(draft).data))
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 60 and _has_bookmark(p))
    doc.add_comment(paragraph.runs[0], text="请核实", author="张三")
    path = tmp_path / "县发改局.docx"
    doc.save(path)
    found = read_feedback(path, sent_copy(draft)).opinions
    assert [(o.kind, o.comment) for o in found] == [("comment", "请核实")]


def test_a_renamed_bookmark_on_a_rewritten_paragraph_out_of_order_places_nothing(demo, tmp_path):
    """Paragraph 10 rewritten carrying paragraph 50's bookmark, paragraph 50 deleted: read as
    what happened (10 replaced, 50 deleted), not as 50 rewritten with 10's new words."""
    _draft, data, sent = demo
    doc = Document(io.BytesIO(data))
    paragraphs = [p for p in doc.paragraphs if _has_bookmark(p) and len(p.text) > 30]
    ten, fifty = paragraphs[10], paragraphs[50]
    fifty_name = next(b.get(qn("w:name")) for b in fifty._p.iter(qn("w:bookmarkStart")))
    fifty._p.getparent().remove(fifty._p)
    next(ten._p.iter(qn("w:bookmarkStart"))).set(qn("w:name"), fifty_name)
    for run in ten.runs[1:]:
        run.text = ""
    ten.runs[0].text = "此段由反馈单位全部改写为新的表述，与原文完全不同。"
    path = tmp_path / "县发改局.docx"
    doc.save(path)
    feedback = read_feedback(path, sent, "县发改局")
    node_fifty = next(node for name, node, _p in sent.blocks if name == fifty_name)
    assert not any(o.node_id == node_fifty and "全部改写" in o.proposed for o in feedback.opinions)
    assert any("全部改写" in o.proposed for o in feedback.opinions)
    assert any(fifty_name in note for note in feedback.notes)
