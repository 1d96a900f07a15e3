"""The county's reason for a parent measure it does not take up: stored in the draft (format 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.model import DRAFT_FORMAT_VERSION
from app.core.draft.store.files import (
    DraftFileError,
    draft_json,
    load_draft,
    parse_draft,
    save_draft,
)
from app.core.draft.tree import EditError

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_version_2_draft_opens_as_the_current_version_with_no_reasons(tmp_path):
    data = json.loads(draft_json(load_demo()))
    data["version"] = 2
    for later in ("not_taken_up", "versions", "opinions"):
        del data[later]
    draft = parse_draft(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert draft.version == DRAFT_FORMAT_VERSION and draft.not_taken_up == ()
    assert draft.versions == () and draft.opinions == ()
    assert draft.chapters == load_demo().chapters
    saved = json.loads(save_draft(draft, tmp_path / "平罗.peakplan").read_text("utf-8"))
    assert saved["version"] == DRAFT_FORMAT_VERSION and saved["not_taken_up"] == []


def test_the_version_1_fixture_still_opens():
    draft = load_draft(FIXTURES / "pingluo-v1.peakplan")
    assert draft.version == DRAFT_FORMAT_VERSION and draft.not_taken_up == ()


def test_a_reason_is_set_changed_kept_in_the_file_and_taken_away(tmp_path):
    demo = load_demo()
    clause = "ningxia-region:三.一.1"
    draft = ops.set_not_taken_reason(demo, clause, "  本县无煤电机组  ")
    assert draft.not_taken_reason(clause) == "本县无煤电机组"
    assert demo.not_taken_up == ()  # the draft in is untouched
    other = ops.set_not_taken_reason(draft, "ningxia-region:三.二.1", "另列")
    changed = ops.set_not_taken_reason(other, clause, "本县无燃煤机组")
    assert [e.node for e in changed.not_taken_up] == [clause, "ningxia-region:三.二.1"]
    assert ops.set_not_taken_reason(changed, clause, "本县无燃煤机组") is changed
    reopened = load_draft(save_draft(changed, tmp_path / "d.peakplan"))
    assert reopened.not_taken_reason(clause) == "本县无燃煤机组"
    cleared = ops.set_not_taken_reason(changed, clause, " ")
    assert cleared.not_taken_reason(clause) == "" and len(cleared.not_taken_up) == 1


def test_a_reason_only_for_a_clause_of_a_parent():
    with pytest.raises(EditError):
        ops.set_not_taken_reason(load_demo(), "yinchuan-city:三.一.1", "不是上级")
    with pytest.raises(EditError):
        ops.set_not_taken_reason(load_demo(), "ningxia-region", "没有条款")


def test_two_reasons_for_one_clause_are_refused_on_load():
    data = json.loads(draft_json(load_demo()))
    data["not_taken_up"] = [{"node": "ningxia-region:三.一.1", "reason": "甲"}] * 2
    with pytest.raises(DraftFileError) as caught:
        parse_draft(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert any("重复" in problem for problem in caught.value.problems)
