"""Structured plan files: validated with field paths, written atomically, kept in the library."""

from __future__ import annotations

import json
import os

import pytest

from app.core.errors import PlanFileError
from app.core.files import FileWriteError, write_text_atomic
from app.core.plans.library import find_plan, load_plan, plan_json, rename_plan
from tests.conftest import ROOT

PINGLUO = ROOT / "reference_plans" / "pingluo-county.json"


def damaged(tmp_path, change) -> str:
    data = json.loads(PINGLUO.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    return "\n".join([caught.value.message, *caught.value.problems])


def test_bad_field_is_reported_with_its_path(tmp_path):
    def bad_level(data):
        data["sections"][2]["children"][0]["level"] = 7

    message = damaged(tmp_path, bad_level)
    assert "sections.2.children.0.level" in message


def test_missing_title_and_unknown_level(tmp_path):
    def change(data):
        del data["title"]
        data["level"] = "planet"

    message = damaged(tmp_path, change)
    assert "title：缺少此项" in message
    assert "level：取值应为" in message


def test_newer_version_is_refused(tmp_path):
    message = damaged(tmp_path, lambda data: data.update(version=99))
    assert "请升级程序" in message


def test_not_json_and_not_a_plan(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(PlanFileError, match="JSON"):
        load_plan(path)
    path.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(PlanFileError, match="peakplan-plan"):
        load_plan(path)


def test_ids_must_belong_to_the_plan(tmp_path):
    message = damaged(tmp_path, lambda data: data.update(id="other"))
    assert "应以 other: 开头" in message


def test_stored_plan_round_trips():
    plan = load_plan(PINGLUO)
    assert plan_json(plan) == PINGLUO.read_text(encoding="utf-8")
    moved = rename_plan(plan, "copy")
    assert moved.find("copy:三.一.1").title == plan.find("pingluo-county:三.一.1").title


def test_find_plan_by_id():
    assert find_plan("ningdong-base").title == "宁东能源化工基地碳达峰实施方案"
    with pytest.raises(PlanFileError, match="没有编号为 nope"):
        find_plan("nope")


def test_atomic_write_keeps_the_old_file_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    write_text_atomic(target, "old")

    def refuse(*_args):
        raise PermissionError(13, "denied")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr("app.core.files.RETRY_SECONDS", 0)
    with pytest.raises(FileWriteError) as caught:
        write_text_atomic(target, "new")
    assert "被其他程序占用" in caught.value.one_line()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_user_library_file_that_is_damaged_is_listed_not_fatal(user_dirs):
    from app.core.plans.library import list_plans

    (user_dirs / "plans").mkdir(parents=True)
    (user_dirs / "plans" / "bad.json").write_text("not json", encoding="utf-8")
    entries = list_plans()
    bad = [e for e in entries if not e.builtin]
    assert len(bad) == 1 and "JSON" in bad[0].problem
    assert len([e for e in entries if e.builtin]) == 4
