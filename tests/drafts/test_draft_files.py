"""Draft files: what is saved is what is loaded, and a damaged file is refused untouched."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.cli import main
from app.core import files
from app.core.draft.model import DRAFT_FORMAT_VERSION
from app.core.draft.store.files import (
    DraftFileError,
    discard_recovery,
    draft_json,
    find_recoveries,
    load_draft,
    save_draft,
    save_recovery,
)
from app.core.operations.new_draft import as_is
from app.core.operations.structure import rename
from app.core.plans.library import find_plan


@pytest.fixture(scope="module")
def draft():
    return as_is(find_plan("pingluo-county"))


def test_saved_draft_loads_equal(tmp_path, draft):
    path = save_draft(draft, tmp_path / "平罗.peakplan")
    loaded = load_draft(path)
    assert loaded == draft
    assert draft_json(loaded) == path.read_text(encoding="utf-8")
    head = json.loads(path.read_text(encoding="utf-8"))
    assert head["format"] == "peakplan-draft" and head["version"] == DRAFT_FORMAT_VERSION


def _damaged(tmp_path: Path, draft) -> dict[str, Path]:
    good = draft_json(draft)
    data = json.loads(good)
    cases: dict[str, bytes | None] = {
        "truncated": good.encode("utf-8")[: len(good.encode("utf-8")) // 2],
        "not-json": "这不是起草文件\n".encode(),
        "zero-bytes": b"",
        "wrong-format": json.dumps({"format": "something-else"}).encode(),
    }
    wrong = json.loads(good)
    wrong["chapters"][0]["level"] = "一"
    wrong["meta"]["stage"] = "定稿"
    cases["wrong-types"] = json.dumps(wrong, ensure_ascii=False).encode("utf-8")
    newer = dict(data, version=99)
    cases["newer-version"] = json.dumps(newer, ensure_ascii=False).encode("utf-8")
    paths: dict[str, Path] = {}
    for name, raw in cases.items():
        path = tmp_path / f"{name}.peakplan"
        path.write_bytes(raw)
        paths[name] = path
    folder = tmp_path / "a-folder.peakplan"
    folder.mkdir()
    paths["directory"] = folder
    return paths


def test_damaged_drafts_are_refused_with_one_line_and_left_unchanged(tmp_path, draft, capsys):
    for name, path in _damaged(tmp_path, draft).items():
        before = path.read_bytes() if path.is_file() else None
        mtime = path.stat().st_mtime_ns
        with pytest.raises(DraftFileError):
            load_draft(path)
        assert main(["check", str(path)]) == 2, name
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and str(path) in err, (name, err)
        assert "Traceback" not in err
        if before is not None:
            assert path.read_bytes() == before, name
        assert path.stat().st_mtime_ns == mtime, name


def test_damage_messages_say_what_is_wrong(tmp_path, draft):
    paths = _damaged(tmp_path, draft)
    messages = {}
    for name, path in paths.items():
        with pytest.raises(DraftFileError) as info:
            load_draft(path)
        messages[name] = info.value.one_line()
    assert "新" in messages["newer-version"] and "99" in messages["newer-version"]
    assert "0 字节" in messages["zero-bytes"]
    assert "不完整" in messages["truncated"]
    assert "文件夹" in messages["directory"]
    assert "chapters.0.level" in messages["wrong-types"] or "meta.stage" in messages["wrong-types"]


def test_wrong_types_list_every_problem(tmp_path, draft):
    path = _damaged(tmp_path, draft)["wrong-types"]
    with pytest.raises(DraftFileError) as info:
        load_draft(path)
    problems = info.value.problems
    assert any(p.startswith("chapters.0.level") for p in problems)
    assert any(p.startswith("meta.stage") for p in problems)


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_interrupted_save_leaves_old_or_new_file(tmp_path, draft, monkeypatch, fail_at):
    path = save_draft(draft, tmp_path / "草稿.peakplan")
    old = path.read_bytes()
    changed = rename(draft, draft.chapters[0].id, "总体思路")

    real_fdopen, real_fsync = os.fdopen, os.fsync

    class HalfWritten:
        """A file whose disk fills up a third of the way through the write."""

        def __init__(self, fd, mode):
            self.handle = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 3])
            self.handle.flush()
            raise OSError(28, "No space left on device")

    def broken_write(fd, mode="rb"):
        return HalfWritten(fd, mode)

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    def broken_replace(src, dst):
        raise PermissionError(13, "locked")

    if fail_at == "write":
        monkeypatch.setattr(files.os, "fdopen", broken_write)
    elif fail_at == "fsync":
        monkeypatch.setattr(os, "fsync", broken_fsync)
    else:
        monkeypatch.setattr(files.os, "replace", broken_replace)
        monkeypatch.setattr(files, "RETRY_SECONDS", 0)
    with pytest.raises(files.FileWriteError):
        save_draft(changed, path)
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == old
    assert load_draft(path) == draft
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.peakplan"]


def test_recovery_file_is_separate_and_found_after_a_crash(tmp_path, draft):
    path = save_draft(draft, tmp_path / "草稿.peakplan")
    before = path.read_bytes()
    edited = rename(draft, draft.chapters[0].id, "总体思路")
    saved = save_recovery(edited, path)
    assert saved.parent != path.parent and saved.name.startswith("草稿-")
    assert path.read_bytes() == before
    found = find_recoveries()
    assert len(found) == 1
    assert found[0].draft == edited
    assert found[0].draft_path == str(path.resolve())
    discard_recovery(saved)
    assert find_recoveries() == []


def test_a_damaged_recovery_file_is_reported_not_fatal(tmp_path, draft):
    save_recovery(draft, None).write_text("{", encoding="utf-8")
    (found,) = find_recoveries()
    assert found.draft is None and found.problem


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_GOOD = None


def _good_bytes() -> bytes:
    global _GOOD
    if _GOOD is None:
        _GOOD = draft_json(as_is(find_plan("ningdong-base"))).encode("utf-8")
    return _GOOD


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=40))
def test_any_damage_gives_a_draft_file_error_never_a_crash(cut, junk):
    from app.core.draft.store.files import parse_draft

    good = _good_bytes()
    position = cut % len(good)
    damaged = good[:position] + junk + good[position + len(junk) :]
    try:
        parse_draft(damaged)
    except DraftFileError as exc:
        assert exc.one_line()


def test_a_version_1_draft_opens_and_saves_as_the_current_version(tmp_path):
    """The demo as version 1 wrote it (tests/drafts/fixtures) opens with nothing lost."""
    old = Path(__file__).parent / "fixtures" / "pingluo-v1.peakplan"
    assert json.loads(old.read_text(encoding="utf-8"))["version"] == 1
    draft = load_draft(old)
    assert draft.version == DRAFT_FORMAT_VERSION
    assert all(n.questions == () and n.changes == () for n in draft.walk())
    raw = json.loads(old.read_text(encoding="utf-8"))

    def raw_nodes(nodes):
        for node in nodes:
            yield node
            yield from raw_nodes(node.get("children", []))

    assert [(n["id"], tuple(n.get("paragraphs", []))) for n in raw_nodes(raw["chapters"])] == [
        (n.id, n.paragraphs) for n in draft.walk()
    ]
    assert len(draft.targets) == len(raw["targets"])
    saved = save_draft(draft, tmp_path / "平罗.peakplan")
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == DRAFT_FORMAT_VERSION
