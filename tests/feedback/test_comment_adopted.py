"""A comment (批注) marked 采纳 does what it asks: one giving its words ("建议改为：…" on the
words it is attached to, as Word attaches it; "建议将“A”改为“B”" anywhere, as LibreOffice's
point comments need) is made in the text as a tracked change would be; one asking without
words leaves its measure the open question 已采纳意见，待按意见修改 — in `check`, and as a
Word comment on the words in the exported draft — until the team rewrites them."""

from __future__ import annotations

import copy
import io

import pytest
from docx import Document
from docx.text.run import Run

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.export.word.document import word_document
from app.tasks.feedback import read_returned_files
from tests.feedback.office import needs_office, run_office

ASKED = "已采纳意见，待按意见修改"


def _isolate(paragraph, words: str) -> Run:
    """The words as a run of their own (as a selection in Word is), for a comment on them."""
    for run in paragraph.runs:
        if words in run.text:
            before, after = run.text.split(words, 1)
            middle, tail = copy.deepcopy(run._r), copy.deepcopy(run._r)
            run._r.addnext(middle)
            middle.addnext(tail)
            run.text = before
            Run(tail, paragraph).text = after
            chosen = Run(middle, paragraph)
            chosen.text = words
            return chosen
    raise AssertionError(words)


def _commented(draft, path, *notes: tuple[str, str]):
    """The draft's export with a comment of 县发改局 on each (words, text)."""
    doc = Document(io.BytesIO(word_document(draft).data))
    for words, text in notes:
        paragraph = next(p for p in doc.paragraphs if words in p.text and "\t" not in p.text)
        doc.add_comment(_isolate(paragraph, words), text=text, author="县发改局", initials="FG")
    doc.save(path)
    return path


def _adopted_each(draft, path):
    draft = read_returned_files(draft, [path]).draft
    for opinion in draft.opinions:
        draft = ops.adopt_opinion(draft, opinion.id)
    return draft


def _exported_comments(draft) -> list[str]:
    return [c.text for c in Document(io.BytesIO(word_document(draft).data)).comments]


def _check_lines(draft) -> list[str]:
    from app.core.plans.resolver import NO_PLANS
    from app.tasks.drafts import check

    return check(draft, NO_PLANS).lines


def test_a_comment_giving_its_words_is_made_in_the_text(tmp_path):
    draft = load_demo()
    path = _commented(
        draft,
        tmp_path / "县发改局.docx",
        ("严控煤炭消费增量", "建议改为：严格控制煤炭消费增量"),
        ("打造高仁乡光伏产业园区、", "建议删除"),
    )
    adopted = _adopted_each(draft, path)
    assert adopted.find("n9").paragraphs[0].startswith("严格控制煤炭消费增量，遏制")
    assert "高仁乡光伏产业园区" not in adopted.find("n12").paragraphs[0]
    assert {o.decision for o in adopted.opinions} == {"adopted"}
    assert not any(q.kind == "opinion" for n in adopted.walk() for q in n.questions)


def test_a_comment_without_words_leaves_an_open_question_until_rewritten(tmp_path):
    draft = load_demo()
    words = "逐步建立用能预算管理体系"
    path = _commented(draft, tmp_path / "县发改局.docx", (words, "建议补充具体的时间安排"))
    adopted = _adopted_each(draft, path)
    assert adopted.find("n19").paragraphs == draft.find("n19").paragraphs
    (question,) = [q for q in adopted.find("n19").questions if q.kind == "opinion"]
    assert question.quote == words and "建议补充具体的时间安排" in question.message
    assert any(ASKED in line and words in line for line in _check_lines(adopted))
    assert any(ASKED in text for text in _exported_comments(adopted))
    rewritten = ops.set_paragraphs(
        adopted,
        "n19",
        (adopted.find("n19").paragraphs[0].replace(words, "2024年底前建立用能预算管理体系"),),
    )
    assert not any(ASKED in line for line in _check_lines(rewritten))


def test_taking_back_the_decision_takes_back_the_question(tmp_path):
    draft = load_demo()
    path = _commented(draft, tmp_path / "县发改局.docx", ("逐步建立用能预算管理体系", "建议细化"))
    draft = read_returned_files(draft, [path]).draft
    (opinion,) = draft.opinions
    marked = ops.set_opinion_decision(draft, opinion.id, "adopted")
    assert any(q.kind == "opinion" for q in marked.find("n19").questions)
    back = ops.set_opinion_decision(marked, opinion.id, "rejected", "不宜细化")
    assert back.find("n19").questions == draft.find("n19").questions


@needs_office
def test_libreoffice_comments_adopted(tmp_path):
    """LibreOffice's comments stand at a point (no words under them): a quoted change is made,
    an unquoted request becomes the open question on the measure's title."""
    draft = load_demo()
    source = tmp_path / "平罗县碳达峰实施方案（征求意见稿）.docx"
    source.write_bytes(word_document(draft).data)
    made = tmp_path / "县发改局.docx"
    run_office(
        [
            {
                "source": str(source),
                "out": str(made),
                "author": "县发改局",
                "steps": [
                    {
                        "op": "comment",
                        "find": "严控煤炭消费增量",
                        "text": "建议将“严控煤炭消费增量”改为“严格控制煤炭消费增量”",
                    },
                    {
                        "op": "comment",
                        "find": "加大新能源产业项目招商引资力度",
                        "text": "建议补充分布式光伏",
                    },
                ],
            }
        ]
    )
    read = read_returned_files(draft, [made]).draft
    assert sorted(o.kind for o in read.opinions) == ["comment", "comment"]
    adopted = _adopted_each(draft, made)
    assert adopted.find("n9").paragraphs[0].startswith("严格控制煤炭消费增量，")
    (question,) = [q for q in adopted.find("n12").questions if q.kind == "opinion"]
    assert question.where == "title" and "建议补充分布式光伏" in question.message
    assert any(ASKED in line for line in _check_lines(adopted))
    assert any(ASKED in text for text in _exported_comments(adopted))


@pytest.mark.parametrize(
    ("said", "change"),
    [
        ("建议修改为“严格控制煤炭消费增量”。", ("严控煤炭消费增量", "严格控制煤炭消费增量")),
        ("建议增加：，坚决遏制", ("严控煤炭消费增量", "严控煤炭消费增量，坚决遏制")),
        ("建议将严控改为严格控制", ("严控", "严格控制")),
        ("建议删除此句。", ("严控煤炭消费增量", "")),
        ("建议补充具体指标", None),
        ("建议修改", None),
    ],
)
def test_what_a_comment_on_words_proposes(said, change):
    from app.core.text.proposed_words import comment_change

    found = comment_change(said, "严控煤炭消费增量")
    assert (found and (found.original, found.proposed)) == change
