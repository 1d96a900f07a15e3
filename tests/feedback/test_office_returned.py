"""Returned files made by LibreOffice itself through its UNO API (tests/feedback/office): record
changes, comments, split and merge, accept-all, .docx and .doc, 反馈意见表 in Writer and
Calc with title rows and merged cells; every opinion found, none invented, each adoptable."""

from __future__ import annotations

import copy
import io

import pytest
from docx import Document

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import read_feedback
from tests.feedback.office import needs_office, run_office
from tests.feedback.office.returned_set import EXPECTED, N_COAL, N_FARM, N_SOLAR, jobs, score

pytestmark = needs_office


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    folder = tmp_path_factory.mktemp("returned")
    draft = load_demo()
    source = folder / "平罗县碳达峰实施方案（征求意见稿）.docx"
    source.write_bytes(word_document(draft).data)
    run_office(jobs(source, folder))
    return draft, sent_copy(draft), folder, {}


def _read(round_, name):
    """The file read once (a .doc goes through LibreOffice); a fresh copy each time."""
    _draft, sent, folder, read = round_
    if name not in read:
        read[name] = read_feedback(folder / name, sent)
    return copy.deepcopy(read[name])


def _adopted(round_, name):
    draft = round_[0]
    feedback = _read(round_, name)
    adopted, refused = ops.adopt_possible(ops.add_opinions(draft, feedback.opinions))
    assert refused == []
    return adopted


def _printed(draft) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(word_document(draft).data)).paragraphs)


def test_every_opinion_found_none_invented(round_):
    found = {
        name: [(o.kind, o.node_id, o.place) for o in _read(round_, name).opinions]
        for name in EXPECTED
    }
    expected, total, right = score(found)
    assert (right, total) == (expected, expected), found


def test_a_form_with_title_rows_is_read_row_by_row_and_adopted(round_):
    sheet = _read(round_, "县工信局反馈意见表.xlsx")
    assert {o.unit for o in sheet.opinions} == {"县工信局"}
    first, second, loose = sheet.opinions
    assert (first.original, first.proposed) == (
        "遏制煤炭消费快速增长趋势",
        "坚决遏制煤炭消费快速增长趋势",
    )
    assert second.comment.startswith("建议删除") and second.proposed == ""  # 理由 only
    assert loose.place == "draft" and any("建议加强宣传" in n for n in sheet.notes)
    adopted = _adopted(round_, "县工信局反馈意见表.xlsx")
    coal, solar = adopted.find(N_COAL), adopted.find(N_SOLAR)
    assert "坚决遏制煤炭消费快速增长趋势" in coal.paragraphs[0]
    assert "，打造高仁乡光伏产业园区" not in solar.paragraphs[0]


def test_a_word_form_with_a_merged_title_and_header_variants(round_):
    form = _read(round_, "县住建局反馈意见表.docx")
    assert form.unmatched == []
    kinds = [(o.kind, o.node_id) for o in form.opinions]
    assert kinds == [("table", N_SOLAR), ("none", ""), ("table", N_COAL)]
    assert {o.unit for o in form.opinions} == {"县住建局"}
    adopted = _adopted(round_, "县住建局反馈意见表.docx")
    assert "招商引资力度，推广分布式光伏" in adopted.find(N_SOLAR).paragraphs[0]
    assert adopted.find(N_COAL).paragraphs[0].startswith("严格控制煤炭消费增量")


@pytest.mark.parametrize("name", ["修改稿.docx", "县能源局拆分.docx"])
def test_a_split_paragraph_is_adopted_once(round_, name):
    feedback = _read(round_, name)
    assert len(feedback.opinions) == 1
    adopted = _adopted(round_, name)
    solar = adopted.find(N_SOLAR)
    assert len(solar.paragraphs) == 2 and solar.paragraphs[1].startswith("打造高仁乡光伏")
    printed = _printed(adopted)
    assert printed.count("打造高仁乡光伏产业园区") == 1
    assert "）（责任单位" not in printed
    assert printed.count("（责任单位：县发改局、工信局、科技局、住建局、自然资源局") == 1


@pytest.mark.parametrize("name", ["县农业农村局合并.docx", "县自然资源局.docx"])
def test_merged_paragraphs_are_one_opinion_adopted_as_one_paragraph(round_, name):
    before = round_[0].find(N_FARM)
    adopted = _adopted(round_, name).find(N_FARM)
    assert adopted.paragraphs == ("".join(before.paragraphs),)


def test_deleting_a_measures_last_paragraph_keeps_its_clause(round_):
    before = round_[0].find(N_FARM)
    adopted = _adopted(round_, "县水务局.docx").find(N_FARM)
    assert adopted.paragraphs == before.paragraphs[:1]
    assert adopted.responsibility == before.responsibility


def test_doc_comments_are_the_units_only_and_no_opinion_is_a_reply(round_):
    feedback = _read(round_, "县交通局.doc")
    comments = [o.comment for o in feedback.opinions if o.kind == "comment"]
    assert comments == ["建议写明煤炭消费控制目标"]
    assert [o.kind for o in feedback.opinions].count("none") == 1


def test_an_edit_in_the_contents_is_noted(round_):
    feedback = _read(round_, "县科技局.doc")
    assert any("目录" in n and "能源绿色转型行动" in n for n in feedback.notes)


def test_a_file_named_without_a_unit_takes_the_documents_author(round_):
    assert {o.unit for o in _read(round_, "修改稿.docx").opinions} == {"县发改局"}


def test_the_opinions_table_quotes_the_change_in_a_few_words(round_):
    from app.export.package.opinions_doc import opinion_rows

    draft = round_[0]
    for name in EXPECTED:
        draft = ops.add_opinions(draft, _read(round_, name).opinions)
    rows = opinion_rows(draft)
    contents = [r.content for r in rows]
    assert "建议删除“，推进绿色电力交易”" in contents
    assert "建议将“遏制煤炭消费快速增长趋势”修改为“坚决遏制煤炭消费增长”" in contents
    assert "建议在“加大新能源产业项目招商引资力度，”后另起一段" in contents
    assert all(len(c) <= 90 for c in contents), max(contents, key=len)


def test_every_returned_file_adopts_whole(round_):
    """Each file's opinions adopted together: none refused, the unit's words in the text."""
    for name in EXPECTED:
        _adopted(round_, name)
    works = _adopted(round_, "县商务局.xlsx")
    assert "推行绿色社区创建" in works.find("n20").paragraphs[0]
    devices = works.find("n23").paragraphs[0]
    assert "全面推进能效相关标准实施" in devices and "综合运用税收" not in devices
    grid = _adopted(round_, "县林草局.docx").find("n14")
    assert "建设坚强智能电网和微电网" in grid.paragraphs[0]
    assert grid.paragraphs[-1] == "推进源网荷储一体化"


def test_a_letter_saying_no_opinion_is_a_reply_not_a_title_edit(round_):
    assert [o.kind for o in _read(round_, "县统计局.docx").opinions] == ["none"]
    assert {o.unit for o in _read(round_, "返回稿.doc").opinions} == {"县市场监管局"}


def test_a_heading_merged_into_the_paragraph_before_is_noted(round_):
    """Delete at the end of （一）'s lead paragraph runs the next measure's title into it."""
    feedback = _read(round_, "修改稿.docx")
    assert any("被合并为一段" in n and "1.推进煤炭消费替代" in n for n in feedback.notes)


def test_a_forms_reason_column_is_the_units_grounds_not_its_words(round_):
    """理由/说明 filled in Writer and Calc: kept apart from what the row asks."""
    grid = _read(round_, "县林草局.docx").opinions
    assert (grid[1].comment, grid[1].grounds) == ("建议增加“推进源网荷储一体化”", "补充内容")
    works = _read(round_, "县商务局.xlsx").opinions[0]
    assert (works.comment, works.grounds) == ("", "与上级方案一致")
    assert works.proposed and "与上级方案一致" not in works.proposed
