"""Two writers of one draft (issue 23, item 1), with real processes as the user starts them.

Found by the fault hunt: `peakplan version d --save 征求意见稿 & peakplan version d --save
送审稿` both said 已保存第 1 个版本 and the file kept one version (9 of 10 runs); `version`
beside `feedback --adopt-all` lost the version (1 in 8). Every command now reads, changes
and writes the draft under its lock, so concurrent commands take turns.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time

import pytest
from docx import Document

from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, read_draft, save_draft
from app.core.draft.store.writing import DraftChangedError, update_draft
from app.core.file_lock import FileBusyError, lock_path
from app.core.operations.consultation.versions import save_version
from app.export.word.document import word_document
from tests.conftest import ROOT

ROUNDS = 10


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=180)
    return process.returncode, out + err


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory) -> bytes:
    path = save_draft(load_demo(), tmp_path_factory.mktemp("demo") / "demo.peakplan")
    return path.read_bytes()


def test_two_version_commands_at_once_keep_both_versions(tmp_path, demo_bytes):
    for round_ in range(ROUNDS):
        path = tmp_path / f"第{round_}轮.peakplan"
        path.write_bytes(demo_bytes)
        first = _start("version", str(path), "--save", "征求意见稿")
        second = _start("version", str(path), "--save", "送审稿")
        results = [_finish(first), _finish(second)]
        assert [code for code, _out in results] == [0, 0], results
        stages = sorted(v.stage for v in load_draft(path).versions)
        assert stages == ["征求意见稿", "送审稿"], f"round {round_}: {stages}"
        said = sorted(out.split("：")[0] for _code, out in results)
        assert said == ["已保存第 1 个版本", "已保存第 2 个版本"]  # each told the truth
        assert not lock_path(path).exists()  # nothing left beside the user's file


def test_version_beside_feedback_adopt_all_loses_neither(tmp_path, demo_bytes):
    doc = Document(io.BytesIO(word_document(load_demo()).data))
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 60 and "，" in p.text)
    run = next(r for r in paragraph.runs if "，" in r.text)
    run.text = run.text.replace("，", "、", 1)
    returned = tmp_path / "县发改局修改稿.docx"
    doc.save(returned)
    for round_ in range(ROUNDS):
        path = tmp_path / f"第{round_}轮.peakplan"
        path.write_bytes(demo_bytes)
        # the version started a little later each round: one of them saves while the
        # feedback command, which has more to import, reads the returned file
        feedback = _start("feedback", str(path), str(returned), "--adopt-all")
        time.sleep(0.05 * round_)
        version = _start("version", str(path), "--save", "送审稿")
        results = [_finish(feedback), _finish(version)]
        assert [code for code, _out in results] == [0, 0], results
        draft = load_draft(path)
        assert [v.stage for v in draft.versions] == ["送审稿"], f"round {round_}"
        assert [o.decision for o in draft.opinions] == ["adopted"], f"round {round_}"


HOLDER = """
import sys, time
from app.core.file_lock import file_lock
with file_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""


def _hold(path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path, demo_bytes):
    path = tmp_path / "平罗.peakplan"
    path.write_bytes(demo_bytes)
    holder = _hold(path)
    holder.send_signal(signal.SIGKILL)  # killed while writing: its lock file stays
    holder.wait(timeout=30)
    assert lock_path(path).exists()
    started = time.monotonic()
    code, out = _finish(_start("version", str(path), "--save", "送审稿"))
    assert code == 0, out
    assert time.monotonic() - started < 20  # taken over at once, not after the wait
    assert [v.stage for v in load_draft(path).versions] == ["送审稿"]
    assert not lock_path(path).exists()


def test_a_live_writer_makes_the_next_wait_then_refuse_with_who_holds_it(tmp_path, demo_bytes):
    path = tmp_path / "平罗.peakplan"
    path.write_bytes(demo_bytes)
    holder = _hold(path)
    try:
        with pytest.raises(FileBusyError) as refused:
            update_draft(path, lambda d: save_version(d, "送审稿"), wait=0.5)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert "正被另一个程序写入" in refused.value.one_line()
    assert f"进程 {holder.pid}" in refused.value.one_line()
    assert path.read_bytes() == demo_bytes


def test_a_save_over_a_file_changed_since_it_was_read_is_refused(tmp_path, demo_bytes):
    """What the window's save does (app/gui/document.py): the hash of the file as read."""
    path = tmp_path / "平罗.peakplan"
    path.write_bytes(demo_bytes)
    window = read_draft(path)
    code, out = _finish(_start("version", str(path), "--save", "征求意见稿"))
    assert code == 0, out
    other = path.read_bytes()
    with pytest.raises(DraftChangedError) as refused:
        save_draft(window.draft, path, expected_sha256=window.sha256)
    assert "已被其他程序修改" in refused.value.one_line()
    assert path.read_bytes() == other  # the command's version is still there


def test_the_windows_lock_calls_are_byte_range_locks_past_the_note(tmp_path, monkeypatch):
    """Windows cannot run here: its branch runs against a stand-in for msvcrt that records
    the calls and refuses the lock once, as Windows does while another process holds it."""
    import types

    from app.core import file_lock

    calls: list[tuple[int, int]] = []

    def locking(fd: int, mode: int, size: int) -> None:
        calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR)))
        if len(calls) == 1:
            raise PermissionError(13, "Permission denied")

    fake = types.SimpleNamespace(LK_NBLCK=2, LK_UNLCK=0, locking=locking)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(file_lock, "_WINDOWS", True)
    path = tmp_path / "平罗.peakplan"
    with file_lock.file_lock(path, wait=5):
        assert lock_path(path).read_text(encoding="utf-8").startswith('{"pid"')
    assert calls == [
        (fake.LK_NBLCK, file_lock._LOCK_BYTE),  # refused: another holds it
        (fake.LK_NBLCK, file_lock._LOCK_BYTE),  # taken on the next try
        (fake.LK_UNLCK, file_lock._LOCK_BYTE),
    ]
    assert not lock_path(path).exists()  # removed after closing, as Windows allows
