"""The measuring instrument itself: comments are placed on their words, in tables too; a
residue is asked by a comment on it or in its sentence; half words are seen."""

from __future__ import annotations

from docx import Document

from tests.cases.measure import anchor_matches, asked, cuts_word
from tests.cases.word_text import read_word


def _doc(tmp_path):
    doc = Document()
    p = doc.add_paragraph()
    p.add_run("推广")
    words = p.add_run("江海")
    p.add_run("直达。建设沿海核电。")
    doc.add_comment(words, text="本县以外的地名或项目：江海", author="app")
    table = doc.add_table(rows=1, cols=2)
    cell = table.rows[0].cells[1].paragraphs[0]
    unit = cell.add_run("县发改局")
    doc.add_comment(unit, text="拟定的责任单位，待确认：县发改局", author="app")
    path = tmp_path / "d.docx"
    doc.save(path)
    return read_word(path)


def test_comments_are_read_on_their_words_in_body_and_tables(tmp_path):
    word = _doc(tmp_path)
    placed = {(c.words, word.paras[c.para].in_table) for c in word.comments}
    assert placed == {("江海", False), ("县发改局", True)}


def test_a_labelled_anchor_with_context_matches_only_there(tmp_path):
    word = _doc(tmp_path)
    comment = next(c for c in word.comments if c.words == "江海")
    assert anchor_matches("推广【江海】直达", comment, word)
    assert anchor_matches("江海", comment, word)
    assert not anchor_matches("长【江海】口", comment, word)


def test_a_residue_is_asked_in_its_sentence_only(tmp_path):
    word = _doc(tmp_path)
    para = next(c.para for c in word.comments if c.words == "江海")
    text = word.paras[para].text
    direct = text.index("直达")
    assert asked(word, para, direct, direct + 2, "geography")  # same sentence as 江海's
    nuclear = text.index("沿海核电")
    assert not asked(word, para, nuclear, nuclear + 4, "geography")  # the next sentence


def test_a_comment_cutting_a_unit_or_a_whole_word_is_half_a_word():
    text = "力争比2020年提高4个百分点以上，在多层次资本市场挂牌"
    at = text.index("提高4个")
    assert cuts_word(text, at, at + len("提高4个"))
    assert not cuts_word(text, at, at + len("提高4个百分点"))
    market = text.index("本市")
    assert cuts_word(text, market, market + 2)


def test_a_label_on_a_printed_blank_matches_the_blank_and_its_context(tmp_path):
    doc = Document()
    p = doc.add_paragraph()
    p.add_run("森林覆盖率")
    blank = p.add_run("达到【待定】%")
    p.add_run("以上。")
    doc.add_comment(blank, text="目标值待定", author="app")
    path = tmp_path / "b.docx"
    doc.save(path)
    word = read_word(path)
    comment = word.comments[0]
    assert anchor_matches("达到【待定】%", comment, word)
    assert anchor_matches("森林覆盖率【达到【待定】%】以上", comment, word)
    assert not anchor_matches("蓄积量【达到【待定】%】以上", comment, word)
