"""Boilerplate from templates: the county's data in, a user's own template in the sandbox."""

from __future__ import annotations

import pytest

from app.core.draft.boilerplate import (
    PREAMBLE,
    TemplateError,
    context_for,
    render_template,
    user_templates_dir,
)
from app.core.draft.mentions import render
from app.core.operations.new_draft import new_draft
from app.core.plans.library import find_plan
from app.core.text.county import CountyContext

COUNTY = CountyContext("永宁县", "银川市", "宁夏回族自治区")


def test_preamble_names_the_county_and_its_uppers():
    (text,) = render_template(PREAMBLE, context_for(COUNTY, [])).paragraphs
    assert (
        "自治区、银川市相关工作要求" in text and "结合永宁县实际" in text and "全县碳达峰" in text
    )


def test_new_draft_chapters_come_from_templates_and_state_table_targets():
    draft, _reports = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("ningxia-region")
    )
    assert [c.title for c in draft.chapters] == ["总体要求", "主要目标", "重点任务", "保障措施"]
    assert [c.template for c in draft.chapters] == [
        "general.txt.j2",
        "goals.txt.j2",
        "",
        "safeguards.txt.j2",
    ]
    goals = draft.chapter("goals")
    text = render(goals.paragraphs[0], draft)
    share = next(t for t in draft.targets if t.indicator == "非化石能源消费比重")
    assert share.year(2025).parent_value == "15"
    # undecided: a blank with its unit, not the region's 15%左右 as if it were the county's
    assert "非化石能源消费比重达到【待定】%" in text and "15%" not in text
    # the 宁夏 plan promises "完成国家下达任务": the county's words say whose task it completes
    assert "确保完成自治区、银川市下达任务" in text
    assert goals.sources[0].node == "ningxia-region:二"


def test_a_users_own_template_is_used_and_sandboxed():
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / PREAMBLE).write_text("为推进{{ county }}碳达峰工作，制定本方案。", encoding="utf-8")
    assert render_template(PREAMBLE, context_for(COUNTY, [])).paragraphs == [
        "为推进永宁县碳达峰工作，制定本方案。"
    ]
    (folder / PREAMBLE).write_text(
        "{{ county.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    with pytest.raises(TemplateError, match="不允许"):
        render_template(PREAMBLE, context_for(COUNTY, []))
    (folder / PREAMBLE).write_text("{% if %}", encoding="utf-8")
    with pytest.raises(TemplateError, match="第 1 行"):
        render_template(PREAMBLE, context_for(COUNTY, []))


def test_every_template_uses_only_the_data_it_is_given():
    import jinja2
    from jinja2 import meta

    from app import paths

    given = set(context_for(COUNTY, [])) | {"targets"}
    env = jinja2.Environment()
    for template in sorted(paths.templates_dir().glob("*.j2")):
        used = meta.find_undeclared_variables(env.parse(template.read_text(encoding="utf-8")))
        assert used <= given, (template.name, used - given)
