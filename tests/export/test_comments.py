"""Open questions print as Word comments (批注) on exactly their words; --clean prints none."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from app.cli import main
from app.core import operations as ops
from app.core.draft.adaptation import OpenQuestion, Suggestion
from app.core.draft.demo import load_demo
from app.core.draft.store.files import save_draft
from app.core.draft.tree import update_node
from app.export.pdf import to_pdf
from app.export.word.document import word_bytes, word_document
from app.export.word.questions import AUTHOR
from tests.conftest import ROOT

SPECIAL_QUOTE = "甲&乙<丙>\"丁'戊"
DELETE = (Suggestion(label="删去", replacement=""), Suggestion(label="保留"))


def _question(kind: str, quote: str, where: str = "paragraph", index: int = 0) -> OpenQuestion:
    return OpenQuestion(
        kind=kind,
        quote=quote,
        where=where,
        index=index,
        message=f"请本县确定：{quote}",
        suggestions=DELETE,
    )


def _measure(draft):
    return next(n for n in draft.walk() if n.level == 3 and n.work_rows and n.responsibility)


def _ask(draft, node_id: str, *questions: OpenQuestion):
    return update_node(draft, node_id, lambda n: n.model_copy(update={"questions": questions}))


@pytest.fixture(scope="module")
def asked():
    return asked_draft()


def asked_draft():
    """The demo with questions on a measure's title, first paragraph and work row.

    Its first paragraph now holds special characters and "85%" twice; one
    question's words are no longer in the text.
    """
    draft = ops.set_layout(load_demo(), attachment=True)
    measure = _measure(draft)
    first = f"到2025年达到85%，{SPECIAL_QUOTE}，到2030年达到85%以上。"
    draft = ops.set_paragraphs(draft, measure.id, (first, *measure.paragraphs[1:]))
    measure = draft.find(measure.id)
    work = measure.work_rows[0].work
    questions = (
        _question("figure", "85%"),
        _question("figure", "85%"),  # the second one marks the second 85%
        _question("place", SPECIAL_QUOTE),
        _question("self_reference", measure.title[:4], "title"),
        _question("place", work[8:14], "work"),
        _question("figure", work[:6], "work"),
        _question("place", "青石峁"),  # rewritten since: not printed
        _question("figure", "85%", index=5),  # no such paragraph: not printed
    )
    return _ask(draft, measure.id, *questions), questions


def _commented(data: bytes) -> dict[int, str]:
    """Each comment id → the text between its range start and end, read from document.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    open_ranges: dict[int, list[str]] = {}
    done: dict[int, str] = {}
    for element in root.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            open_ranges[int(element.get(qn("w:id")))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            number = int(element.get(qn("w:id")))
            done[number] = "".join(open_ranges.pop(number))
        else:
            for pieces in open_ranges.values():
                pieces.append(element.text or "")
    assert not open_ranges
    return done


def test_each_open_question_is_a_comment_on_its_words(asked):
    draft, questions = asked
    data = word_bytes(draft)
    document = Document(io.BytesIO(data))
    comments = {c.comment_id: c for c in document.comments}
    anchored = _commented(data)
    printed = questions[:6]
    assert len(comments) == len(anchored) == len(printed)
    assert sorted(anchored.values()) == sorted(q.quote for q in printed)
    for number, comment in comments.items():
        assert comment.author == AUTHOR
        question = next(q for q in printed if q.quote == anchored[number])
        assert comment.text == f"{question.title}\n{question.message}"
    # each reference run follows its range's end
    xml = document.element.xml
    assert xml.count("<w:commentReference") == len(printed)


def test_two_questions_on_the_same_words_mark_both_occurrences(asked):
    draft, _ = asked
    document = Document(io.BytesIO(word_bytes(draft)))
    paragraph = next(p for p in document.paragraphs if SPECIAL_QUOTE in p.text)
    starts = []
    offset = 0
    for child in paragraph._p:
        if child.tag == qn("w:commentRangeStart"):
            starts.append(offset)
        elif child.tag == qn("w:r") and child.find(qn("w:commentReference")) is None:
            offset += len("".join(t.text or "" for t in child.iter(qn("w:t"))))
    text = paragraph.text
    assert [text[s : s + 3] for s in starts].count("85%") == 2
    assert sorted(s for s in starts if text[s : s + 3] == "85%") == [
        m.start() for m in re.finditer("85%", text)
    ]


def test_clean_prints_no_comment_and_counts_what_is_open(asked):
    draft, _ = asked
    clean = word_document(draft, comments=False)
    with zipfile.ZipFile(io.BytesIO(clean.data)) as package:
        assert "word/comments.xml" not in package.namelist()
        assert b"commentRange" not in package.read("word/document.xml")
    assert (clean.comments, clean.open_questions) == (0, 6)
    commented = word_document(draft)
    assert (commented.comments, commented.open_questions) == (6, 6)
    # The text prints the same either way.
    texts = [
        [p.text for p in Document(io.BytesIO(d)).paragraphs] for d in (clean.data, commented.data)
    ]
    assert texts[0] == texts[1]


def test_a_draft_without_questions_has_no_comments_part():
    with zipfile.ZipFile(io.BytesIO(word_bytes(load_demo()))) as package:
        assert "word/comments.xml" not in package.namelist()


def test_cli_says_how_many_and_clean_prints_none(asked, tmp_path, capsys):
    draft, _ = asked
    path = tmp_path / "问.peakplan"
    save_draft(draft, path)
    assert main(["export", str(path), "-o", str(tmp_path / "a")]) == 0  # the folder is made
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[2] == "已将 6 个待定事项作为批注标在 Word 文稿中。"
    assert len(Document(lines[0]).comments) == 6
    assert main(["export", str(path), "-o", str(tmp_path / "a"), "--clean"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "未附批注：Word 文稿中仍有 6 个待定事项。"
    with zipfile.ZipFile(lines[0]) as package:
        assert "word/comments.xml" not in package.namelist()
    assert main(["export", str(path), "-o", str(tmp_path / "a"), "--excel-only"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_question_on_the_clause_marks_its_words_in_the_clause():
    draft = load_demo()
    measure = _measure(draft)
    # The question is on the clause: its mark is on the clause's words, not on the paragraph's.
    draft = _ask(draft, measure.id, _question("unit", "财政局", "clause"))
    anchored = _commented(word_bytes(draft))
    assert list(anchored.values()) == ["财政局"]
    document = Document(io.BytesIO(word_bytes(draft)))
    paragraph = next(
        p for p in document.paragraphs if p._p.find(qn("w:commentRangeStart")) is not None
    )
    assert "（责任单位：县发改局、财政局" in paragraph.text


def _pdf_notes(pdf: bytes) -> list[str]:
    """The text of each note (PDF text annotation) LibreOffice made of a comment."""
    return [
        bytes.fromhex(m.group(1).decode()).decode("utf-16")
        for m in re.finditer(rb"/Subtype\s*/Text\b.*?/Contents\s*<([0-9A-Fa-f]+)>", pdf, re.S)
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_renders_the_comments(asked, tmp_path):
    draft, questions = asked
    path = tmp_path / "批注.docx"
    path.write_bytes(word_bytes(draft))
    pdf = to_pdf(path, tmp_path, fonts_conf=ROOT / "tools" / "fonts.conf", comments=True)
    notes = _pdf_notes(pdf.read_bytes())
    assert sorted(n.splitlines()[0] for n in notes) == sorted(q.title for q in questions[:6])


def test_the_attachment_does_not_repeat_the_bodys_comments():
    """A 附件 row restating the body's words carries no second comment on them; the body's
    comment is the one a reviewer answers (issue 25, item 6)."""
    draft = ops.set_layout(load_demo(), attachment=True)
    measure = _measure(draft)
    work = measure.work_rows[0].work
    quote = work[:6]
    first = f"{quote}，{measure.paragraphs[0]}"
    draft = ops.set_paragraphs(draft, measure.id, (first, *measure.paragraphs[1:]))
    both = (_question("place", quote), _question("place", quote, "work"))
    draft = _ask(draft, measure.id, *both)
    anchored = _commented(word_bytes(draft))
    assert list(anchored.values()) == [quote]
    # a row's own words, which the body does not ask about, are still marked there
    draft = _ask(draft, measure.id, *both, _question("figure", work[8:12], "work"))
    assert sorted(_commented(word_bytes(draft)).values()) == sorted([quote, work[8:12]])


def test_a_unit_without_county_counterpart_is_marked_once_in_the_body_clause():
    draft = ops.set_layout(load_demo(), attachment=True)
    measure = _measure(draft)
    unit = measure.responsibility.units[-1]
    draft = _ask(draft, measure.id, _question("unit", unit, "clause"))
    assert list(_commented(word_bytes(draft)).values()) == [unit]
