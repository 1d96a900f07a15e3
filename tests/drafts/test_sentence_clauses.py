"""A county measure from a parent whose clauses end sentences, not measures (山西 495), or read
"X负责" with a note on the parent's sub-levels (天津 214): one clause of county units at the
end, nothing proposed where the parent named units, no parent clause left in the text."""

from __future__ import annotations

import pytest

from app.core.operations.new_draft import new_draft
from app.core.readout.render import rendered_nodes
from app.core.readout.task_rows import task_rows
from app.importer import import_plan
from tests.importer.test_sentence_clauses import SHANXI

TIANJIN = (
    "天津市“十四五”节能减排工作实施方案\n\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n"
    "二、实施节能减排重点工程\n"
    "（一）重点行业绿色升级工程。全面推进高耗能行业节能技术改造。（市工业和信息化局、"
    "市发展改革委、市生态环境局等按职责分工负责，各区人民政府负责落实。以下均需各区人民政府落实，"
    "不再列出）\n"
    "（二）健全污染物排放总量控制制度。健全激励约束机制，坚决杜绝弄虚作假。（市生态环境局负责）\n"
)


def _draft(write_txt, text, plan_id, **county):
    path = write_txt(text, name=f"{plan_id}.txt")
    plan = import_plan(path, plan_id=plan_id, level=county.pop("level")).plan
    draft, _ = new_draft(plan=plan, **county)
    return draft


@pytest.fixture
def shanxi(write_txt):
    return _draft(
        write_txt, SHANXI, "sx", level="province", county="平遥县", city="晋中市", region="山西省"
    )


def _printed(draft, title):
    node = next(r for r in rendered_nodes(draft) if r.node.title == title)
    return "".join(node.paragraphs) + node.clause, node.node


def test_sentence_clauses_become_one_county_clause_at_the_end(shanxi):
    text, node = _printed(shanxi, "加快提升食品消费绿色化水平")
    assert text.count("（") == 1 and text.count("负责") == 1 and text.endswith("）")
    assert "省农业农村厅" not in text and "县农业农村局" in text
    assert not any(q.kind == "proposed_unit" for q in node.questions)
    # a provincial body with no county counterpart is asked about, not printed silently
    assert any(q.kind == "unit" and q.quote == "省粮食和储备局" for q in node.questions)


def test_the_task_row_names_every_unit_of_the_sentence_clauses_once(shanxi):
    row = next(r for r in task_rows(shanxi) if r.action == "加快提升食品消费绿色化水平")
    (work,) = row.works
    leads = work.lead.split("、")
    # every sentence's lead leads the row; a provincial body the county lacks never does
    assert leads == ["县农业农村局", "县商务局", "县机关事务服务中心", "县住建局"]
    assert "省粮食和储备局" in work.cooperating
    units = [*leads, *work.cooperating]
    assert len(units) == len(set(units))
    assert {"县市场监管局", "县国资委"} <= set(work.cooperating)


def test_the_clause_says_its_leads_stand_before_the_comma(shanxi):
    text, _node = _printed(shanxi, "加快提升食品消费绿色化水平")
    assert text.endswith(
        "（县农业农村局、商务局、机关事务服务中心、住建局，省粮食和储备局、"
        "县市场监管局、国资委、教体局按职责分工负责。逗号前为牵头单位）"
    )


def test_a_fu_ze_clause_and_a_note_on_the_parents_sub_levels(write_txt):
    draft = _draft(
        write_txt, TIANJIN, "tj", level="province", county="蓟州区", city="", region="天津市"
    )
    text, node = _printed(draft, "健全污染物排放总量控制制度")
    assert text.endswith("弄虚作假。（区生态环境局负责）")
    assert node.responsibility is not None
    assert not any(q.kind == "proposed_unit" for q in node.questions)
    text, node = _printed(draft, "重点行业绿色升级工程")
    assert text.count("（") == 1  # the parent's clause is read, not kept beside a proposed one
    assert "不再列出" not in text and "各区人民政府" not in text


def test_two_parent_units_of_one_county_unit_print_it_once(shanxi):
    """山西 "（省发展改革委、省能源局按职责分工负责）" left in running text: both are 县发改局."""
    from app.core.adapt.text import adapt_text
    from app.core.draft.model import county_of

    adapted = adapt_text(
        "落实分时电价政策，引导用户错峰储能和用电，由省发展改革委、省能源局按职责分工负责。",
        level="province",
        county=county_of(shanxi),
        catalogue=shanxi.catalogue,
    )
    assert "县发改局、县发改局" not in adapted.text
    assert adapted.text.endswith("由县发改局按职责分工负责。")
