"""Versions cost what changed; no draft is written that cannot be read back (issue 23, item 3).

Found by the fault hunt: each `version --save` stored a full copy (≈154 KB on the demo);
saves kept succeeding past the 200 MB read limit, after which every command answered 文件过大
and the user was locked out of the whole draft.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core import files as core_files
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
from app.core.errors import PeakPlanError
from app.core.operations.consultation.versions import version_draft

FIXTURES = Path(__file__).parents[1] / "drafts" / "fixtures"


def _frozen(draft):
    return draft.model_copy(update={"versions": (), "opinions": (), "version_parts": {}})


def test_a_thousand_versions_stay_a_few_mb_and_each_reads_back_exactly(tmp_path):
    draft = load_demo()
    measures = list(draft.measures())
    frozen = []
    for number in range(1000):
        measure = measures[number % len(measures)]
        draft = ops.rename(draft, measure.id, f"{measure.title}（第{number}稿）")
        stage = ("征求意见稿", "送审稿", "印发稿")[number % 3]
        draft = ops.save_version(draft, stage, saved_at="2023-08-15T10:00:00")
        frozen.append(_frozen(draft))
    path = save_draft(draft, tmp_path / "千稿.peakplan")
    assert path.stat().st_size < 8 * 1024 * 1024  # a full copy each: 150 MB
    opened = load_draft(path)
    assert len(opened.versions) == 1000
    for number, expected in enumerate(frozen):
        assert version_draft(opened, number) == expected, f"version {number + 1}"


def test_a_format_4_draft_with_versions_opens_with_every_version(tmp_path):
    old = FIXTURES / "pingluo-v4-versions.peakplan"
    raw = json.loads(old.read_text(encoding="utf-8"))
    assert raw["version"] == 4 and len(raw["versions"]) == 2
    draft = load_draft(old)
    assert draft.version == DRAFT_FORMAT_VERSION
    assert [v.name for v in draft.versions] == ["征求意见稿 2023-08-15", "送审稿 2023-09-20"]
    titles = [next(version_draft(draft, i).measures()).title for i in (0, 1)]
    first = next(draft.measures()).title
    assert titles[1] == titles[0] + "（修改）" and first == titles[0] + "（印发前）"
    for i, stored in enumerate(raw["versions"]):  # exactly what format 4 held, field for field
        back = version_draft(draft, i).model_dump(mode="json")
        assert {k: v for k, v in back.items() if k in stored["draft"] and k != "version"} == {
            k: v for k, v in stored["draft"].items() if k != "version"
        }
    saved = save_draft(draft, tmp_path / "升级.peakplan")
    again = load_draft(saved)
    assert again.versions == draft.versions and again == draft
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == DRAFT_FORMAT_VERSION


def test_a_version_that_would_pass_the_read_limit_is_refused_before_writing(
    tmp_path, monkeypatch, capsys
):
    path = save_draft(load_demo(), tmp_path / "平罗.peakplan")
    before = path.read_bytes()
    monkeypatch.setitem(core_files.READ_LIMITS, "draft", len(before) + 100)
    assert main(["version", str(path), "--save", "送审稿"]) == 2
    said = capsys.readouterr().err
    assert "未保存" in said and "超过本程序能打开的" in said and "原文件保持不变" in said
    assert path.read_bytes() == before
    assert load_draft(path).versions == ()  # still opens


def _with_versions() -> dict:
    return json.loads(draft_json(ops.save_version(load_demo(), "征求意见稿")))


def test_a_version_missing_a_shared_part_is_reported_when_opening():
    data = _with_versions()
    data["version_parts"].pop(next(iter(data["version_parts"])))
    with pytest.raises(DraftFileError, match="版本数据不完整"):
        parse_draft(json.dumps(data, ensure_ascii=False).encode())


def test_shared_parts_referring_to_each_other_in_a_loop_are_reported():
    data = _with_versions()
    data["version_parts"] = {"a": {"x": {"$ref": "b"}}, "b": [{"$ref": "a"}]}
    data["versions"][0]["data"] = {"$ref": "a"}
    with pytest.raises(DraftFileError, match="互相引用"):
        parse_draft(json.dumps(data, ensure_ascii=False).encode())


def test_shared_parts_expanding_past_the_limit_are_refused_without_expanding():
    data = _with_versions()
    parts = {"p0": ["x" * 1000]}
    for level in range(1, 60):  # each twice the one below: 2^59 KB when expanded
        parts[f"p{level}"] = [{"$ref": f"p{level - 1}"}, {"$ref": f"p{level - 1}"}]
    data["version_parts"] = parts
    data["versions"][0]["data"] = {"meta": {"$ref": "p59"}}
    with pytest.raises(DraftFileError, match="版本数据过大"):
        parse_draft(json.dumps(data, ensure_ascii=False).encode())


def test_dropping_a_version_frees_what_only_it_held_and_keeps_the_others(tmp_path, capsys):
    draft = load_demo()
    measure = next(draft.measures())
    draft = ops.save_version(draft, "征求意见稿")
    draft = ops.rename(draft, measure.id, "只在送审稿中的标题" * 20)
    draft = ops.save_version(draft, "送审稿")
    draft = ops.rename(draft, measure.id, measure.title)
    kept = _frozen(ops.save_version(draft, "印发稿"))
    draft = ops.save_version(draft, "印发稿")
    path = save_draft(draft, tmp_path / "平罗.peakplan")
    before = path.stat().st_size
    assert main(["version", str(path), "--drop", "2"]) == 0
    assert "已删去版本：送审稿" in capsys.readouterr().out
    after = load_draft(path)
    assert [v.stage for v in after.versions] == ["征求意见稿", "印发稿"]
    assert version_draft(after, "印发稿") == kept
    assert path.stat().st_size < before - 300  # its title went with it


def test_a_version_whose_data_is_wrong_says_so_by_name():
    data = _with_versions()
    data["versions"][0]["data"]["meta"] = {"county": ""}
    draft = parse_draft(json.dumps(data, ensure_ascii=False).encode())  # the draft itself opens
    with pytest.raises(PeakPlanError, match="版本“征求意见稿”的数据有误"):
        version_draft(draft, 0)
