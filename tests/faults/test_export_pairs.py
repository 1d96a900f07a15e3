"""An export writes its Word draft and task table together: both new or both as they were.

Issue 15: the two files were renamed one at a time, so a failure on the second
(a folder of its name, a temporary name too long for a 78-character title) or a
second export into the same folder left a new .docx beside an old .xlsx.
"""

from __future__ import annotations

import html
import os
import threading
import time
import zipfile
from pathlib import Path

import pytest

from app.core import files as core_files
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.files import FileWriteError
from app.core.plans.resolver import PlanResolver
from app.export import pair
from app.export.files import export_draft, export_paths

PLANS = PlanResolver.library()


def _draft(title: str = "某县碳达峰实施方案", preamble: str = "前言。"):
    return ops.set_meta(load_demo(), title=title, preamble=(preamble,))


def _tagged(tag: str):
    """A draft whose Word draft and task table both carry tag (a work row prints in both)."""
    draft = ops.set_layout(_draft(preamble=f"{tag}前言。"), attachment=True)
    measure = next(n for n in draft.walk() if n.level == 3 and n.work_rows)
    row = measure.work_rows[0].model_copy(update={"work": f"{tag}的主要工作"})
    return ops.set_work_rows(draft, measure.id, (row, *measure.work_rows[1:]))


def _tags(folder: Path) -> dict[str, set[str]]:
    """Each file of the folder and the tags 甲稿/乙稿 it carries (exports embed the time: bytes differ)."""
    found = {}
    for path in sorted(folder.iterdir()):
        with zipfile.ZipFile(path) as package:
            text = html.unescape(  # the workbook writes &#25512; for 推
                "".join(package.read(n).decode("utf-8", "replace") for n in package.namelist())
            )
        found[path.name] = {tag for tag in ("甲稿", "乙稿") if tag in text}
    return found


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_folder_in_the_way_of_the_second_file_leaves_the_old_pair(tmp_path):
    draft = _draft()
    export_draft(draft, tmp_path, plans=PLANS)
    before = _contents(tmp_path)
    word, excel = export_paths(draft, tmp_path)
    excel.unlink()
    excel.mkdir()  # the task table's name taken by a folder
    (excel / "里面的文件.txt").write_text("留着", encoding="utf-8")
    with pytest.raises(FileWriteError) as raised:
        export_draft(_draft(preamble="新的前言。"), tmp_path, plans=PLANS)
    message = raised.value.one_line()
    assert "同名文件夹" in message and excel.name in message
    assert word.read_bytes() == before[word.name]  # the old Word draft, byte for byte
    assert (excel / "里面的文件.txt").read_text(encoding="utf-8") == "留着"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([word.name, excel.name])


def test_a_rename_failing_on_the_second_file_puts_the_first_back(tmp_path, monkeypatch):
    """Word or Excel holding the task table open: the new Word draft is taken back out."""
    draft = _draft()
    export_draft(draft, tmp_path, plans=PLANS)
    before = _contents(tmp_path)
    _word, excel = export_paths(draft, tmp_path)
    real_replace = os.replace

    def held_open(src, dst):
        if Path(dst) == excel:
            raise PermissionError(13, "being used by another process")
        return real_replace(src, dst)

    monkeypatch.setattr(core_files.os, "replace", held_open)
    monkeypatch.setattr(core_files, "RETRY_SECONDS", 0)
    with pytest.raises(FileWriteError) as raised:
        export_draft(_draft(preamble="新的前言。"), tmp_path, plans=PLANS)
    assert "占用" in raised.value.one_line()
    assert _contents(tmp_path) == before


def test_a_first_export_failing_on_the_second_file_leaves_nothing(tmp_path, monkeypatch):
    draft = _draft()
    _word, excel = export_paths(draft, tmp_path)
    excel.mkdir()
    with pytest.raises(FileWriteError) as raised:
        export_draft(draft, tmp_path, plans=PLANS)
    assert "同名文件夹" in raised.value.one_line()
    assert [p.name for p in tmp_path.iterdir()] == [excel.name]


@pytest.mark.parametrize("length", [71, 79, 120])
def test_a_long_title_exports_both_files(tmp_path, length):
    title = ("某" * (length - 9)) + "碳达峰实施方案征求"
    assert len(title) == length
    result = export_draft(_draft(title), tmp_path, plans=PLANS)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([result.word.name, result.excel.name])
    assert all(len(name.encode("utf-8")) <= 255 for name in names)
    if length == 71:  # fits whole, with room for every package document's ending
        assert result.word.name == f"{title}.docx"


def test_two_exports_into_one_folder_at_once_leave_one_whole_pair(tmp_path):
    drafts = [_tagged("甲稿"), _tagged("乙稿")]
    word, excel = export_paths(drafts[0], tmp_path)
    for _round in range(5):
        errors: list[BaseException] = []
        start = threading.Barrier(2)

        def run(draft, start=start, errors=errors):
            start.wait()
            try:
                export_draft(draft, tmp_path, plans=PLANS)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(d,)) for d in drafts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        tags = _tags(tmp_path)  # one export's pair, whole; no file of ours left
        assert sorted(tags) == sorted([word.name, excel.name])
        assert tags[word.name] == tags[excel.name] and len(tags[word.name]) == 1


def test_an_export_waits_for_the_folder_lock_then_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(pair, "LOCK_WAIT_SECONDS", 0.2)
    with pair.folder_lock(tmp_path):
        began = time.monotonic()
        with pytest.raises(pair.ExportBusyError) as raised:
            export_draft(_draft(), tmp_path, plans=PLANS)
        assert "另一个导出正在写入" in raised.value.one_line()
        assert time.monotonic() - began >= 0.2
    assert list(tmp_path.iterdir()) == []
    export_draft(_draft(), tmp_path, plans=PLANS)  # free again


def test_leftovers_of_a_killed_export_are_removed_by_the_next(tmp_path):
    draft = _draft()
    export_draft(draft, tmp_path, plans=PLANS)
    stale = tmp_path / ".~ppabcdefgh0.docx.tmp"
    stale.write_bytes(b"half a document")
    hour_ago = time.time() - 2 * pair.STALE_SECONDS
    os.utime(stale, (hour_ago, hour_ago))
    fresh = tmp_path / ".~ppabcdefgh1.old.tmp"
    fresh.write_bytes(b"an old file kept")
    foreign = tmp_path / ".~other.tmp"  # not ours: left alone
    foreign.write_bytes(b"x")
    export_draft(draft, tmp_path, plans=PLANS)
    word, excel = export_paths(draft, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [word.name, excel.name, foreign.name]
    )


def test_without_a_lock_only_old_leftovers_are_removed(tmp_path):
    """Where the folder cannot be locked another export may be writing its files just now."""
    old = tmp_path / ".~ppabcdefgh0.docx.tmp"
    new = tmp_path / ".~ppijklmnop0.docx.tmp"
    for path in (old, new):
        path.write_bytes(b"x")
    hour_ago = time.time() - 2 * pair.STALE_SECONDS
    os.utime(old, (hour_ago, hour_ago))
    pair.recover(tmp_path, all_leftovers=False)
    assert [p.name for p in tmp_path.iterdir()] == [new.name]


def test_a_journal_left_by_a_kill_between_the_renames_is_finished(tmp_path):
    """Killed after the new Word draft was renamed, before the task table: the next export
    (or recover) puts the new task table in place too."""
    (tmp_path / "甲.docx").write_bytes(b"new docx")
    (tmp_path / "甲任务分工表.xlsx").write_bytes(b"old xlsx")
    (tmp_path / ".~ppabcdefgh1.xlsx.tmp").write_bytes(b"new xlsx")
    (tmp_path / ".~ppabcdefgh0.old.tmp").write_bytes(b"old docx")
    (tmp_path / ".~ppabcdefgh.pair.tmp").write_text(
        '{"files": [{"target": "甲.docx", "new": ".~ppabcdefgh0.docx.tmp", '
        '"old": ".~ppabcdefgh0.old.tmp"}, {"target": "甲任务分工表.xlsx", '
        '"new": ".~ppabcdefgh1.xlsx.tmp", "old": null}]}',
        encoding="utf-8",
    )
    pair.recover(tmp_path)
    assert _contents(tmp_path) == {"甲.docx": b"new docx", "甲任务分工表.xlsx": b"new xlsx"}


def test_a_journal_naming_other_files_is_not_followed(tmp_path):
    (tmp_path / "用户的.txt").write_bytes(b"mine")
    (tmp_path / "甲.docx").write_bytes(b"docx")
    (tmp_path / ".~ppabcdefgh.pair.tmp").write_text(
        '{"files": [{"target": "甲.docx", "new": "用户的.txt", "old": null}]}', encoding="utf-8"
    )
    pair.recover(tmp_path)
    assert _contents(tmp_path) == {"甲.docx": b"docx", "用户的.txt": b"mine"}


def test_an_unwritable_folder_is_said_in_chinese(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(FileWriteError) as raised:
            export_draft(_draft(), tmp_path, plans=PLANS)
    finally:
        tmp_path.chmod(0o700)
    assert "不可写" in raised.value.one_line()
    assert list(tmp_path.iterdir()) == []
