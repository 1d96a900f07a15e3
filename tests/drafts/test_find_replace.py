"""查找/替换 across the whole draft, as a county team cleans up what the parent left."""

from __future__ import annotations

import pytest

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.mentions import TOKEN
from app.core.draft.tree import EditError
from app.core.operations.find_replace import find_text


def test_finds_in_titles_text_work_units_and_the_preamble():
    draft = load_demo()
    hits = find_text(draft, "县发改局")
    places = {h.place for h in hits}
    assert {"unit", "paragraph"} <= places
    assert all(h.text[h.start : h.end] == "县发改局" for h in hits)
    assert find_text(draft, "平罗县") and find_text(draft, "") == []


def test_replace_all_changes_every_place_in_one_step_and_leaves_targets_alone():
    draft = load_demo()
    before = find_text(draft, "县发改局")
    after = ops.replace_all(draft, "县发改局", "县发展和改革局")
    assert find_text(after, "县发改局") == []
    assert len(find_text(after, "县发展和改革局")) >= len(before)
    tokens = [m.group() for n in draft.walk() for p in n.paragraphs for m in TOKEN.finditer(p)]
    after_tokens = [
        m.group() for n in after.walk() for p in n.paragraphs for m in TOKEN.finditer(p)
    ]
    assert tokens == after_tokens  # the target table's words untouched


def test_a_search_never_matches_inside_a_target_mention():
    draft = load_demo()
    node = next(n for n in draft.walk() if any(TOKEN.search(p) for p in n.paragraphs))
    paragraph = next(p for p in node.paragraphs if TOKEN.search(p))
    lead = TOKEN.search(paragraph).group("lead")
    if lead:
        inside = [
            h for h in find_text(draft, lead) if h.node_id == node.id and h.place == "paragraph"
        ]
        for hit in inside:
            token = TOKEN.search(hit.text[max(0, hit.start - 30) : hit.end + 30])
            assert token is None or lead not in token.group()


def test_replace_one_place_and_refuse_a_stale_result():
    draft = load_demo()
    hits = [h for h in find_text(draft, "县发改局") if h.place == "paragraph"]
    assert len(hits) >= 2
    after = ops.replace_hit(draft, hits[0], "县发展和改革局")
    assert len(find_text(after, "县发改局")) == len(find_text(draft, "县发改局")) - 1
    node = after.find(hits[0].node_id)
    assert "县发展和改革局" in node.paragraphs[hits[0].index]
    with pytest.raises(EditError, match="已改动"):
        ops.replace_hit(ops.replace_all(draft, "县发改局", "甲"), hits[0], "乙")


def test_nothing_found_and_brackets_are_refused():
    draft = load_demo()
    with pytest.raises(EditError, match="没有"):
        ops.replace_all(draft, "根本不存在的词语", "x")
    with pytest.raises(EditError, match="⟦"):
        ops.replace_all(draft, "县发改局", "⟦t1@2025|达到⟧")


def test_a_unit_renamed_into_another_of_the_list_merges():
    draft = load_demo()
    measure = next(
        n for n in draft.measures() if n.responsibility and len(n.responsibility.units) > 2
    )
    first, second = measure.responsibility.units[:2]
    after = ops.replace_all(draft, second, first)
    units = after.find(measure.id).responsibility.units
    assert units.count(first) == 1 and second not in units
