"""The 送审 package is written like the pair: the whole set new, or the folder as it was.

Issue 23 item 6: a 75+ character title gave 程序内部错误（OSError: File name too long）
after the pair was written; a full disk left the new pair and no package; kill -9
during `--package` left a new draft beside the old 意见采纳情况表; a later export without
versions left the earlier 修改对照表/修订稿 beside the new draft.
"""

from __future__ import annotations

import errno
import random
import time
from pathlib import Path

import pytest

from app.cli import main
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import save_draft
from app.export import pair
from app.export.write_errors import export_error
from tests.faults.killing import kill_once_ready

TITLE = "平罗县碳达峰实施方案"
ENDINGS = (
    ".docx",
    "任务分工表.xlsx",
    "上级方案任务承接对照表.docx",
    "意见采纳情况表.docx",
    "意见采纳情况表.xlsx",
    "修改对照表.docx",
    "修订稿.docx",
    "起草说明.docx",
)


def _draft_file(folder: Path, *, title: str = "", versions: bool = True, tag: str = "") -> Path:
    draft = load_demo()
    if title:
        draft = ops.set_meta(draft, title=title)
    if tag:
        draft = ops.set_meta(draft, preamble=(f"{tag}前言。",))
    if versions:
        draft = ops.save_version(draft, "征求意见稿", "2023-08-15", saved_at="2023-08-15T10:00:00")
        general = draft.chapters[0]
        changed = general.paragraphs[0].replace("碳达峰", "碳达峰碳中和", 1)
        draft = ops.set_paragraphs(draft, general.id, (changed,))
        draft = ops.save_version(draft, "送审稿", "2023-09-20", saved_at="2023-09-20T10:00:00")
    path = folder / f"{tag or 'draft'}{'' if versions else '-noversions'}.peakplan"
    save_draft(draft, path)
    return path


def _documents(folder: Path) -> dict[str, bytes]:
    """The user's files in the folder (not the app's hidden record of what it wrote)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_a_long_title_writes_every_document_with_a_shortened_name(tmp_path, capsys):
    title = "关于" + "推进绿色低碳高质量发展" * 8 + "碳达峰实施方案"  # 97 characters
    out = tmp_path / "out"
    assert (
        main(["export", str(_draft_file(tmp_path, title=title)), "-o", str(out), "--package"]) == 0
    )
    printed = capsys.readouterr()
    assert "内部错误" not in printed.out + printed.err
    names = sorted(_documents(out))
    assert len(names) == len(ENDINGS)
    stems = set()
    for ending in ENDINGS:
        name = next(n for n in names if n.endswith(ending) and n[: -len(ending)] in title)
        assert len(name.encode("utf-8")) <= 255
        stems.add(name[: -len(ending)])
    (stem,) = stems  # every document named from the same shortened title
    assert title.startswith(stem) and len(stem) >= 40


def _package(out: Path, draft: Path) -> int:
    return main(["export", str(draft), "-o", str(out), "--package"])


def test_a_full_disk_leaves_the_earlier_package_untouched(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert _package(out, _draft_file(tmp_path)) == 0
    before = _documents(out)
    assert len(before) == len(ENDINGS)
    written = pair._write_new
    calls = []

    def full_disk(tmp: Path, target: Path, data: bytes) -> None:
        calls.append(target.name)
        if len(calls) == 4:  # the pair written, then the disk is full
            raise export_error(OSError(errno.ENOSPC, "No space left on device"), target)
        written(tmp, target, data)

    monkeypatch.setattr(pair, "_write_new", full_disk)
    capsys.readouterr()
    assert _package(out, _draft_file(tmp_path, tag="新稿")) != 0
    assert "磁盘空间不足" in capsys.readouterr().err
    assert _documents(out) == before  # the old set, byte for byte
    assert not [p.name for p in out.iterdir() if pair.is_ours(p.name)]


def test_a_later_package_without_versions_removes_the_earlier_revision_documents(tmp_path, capsys):
    out = tmp_path / "out"
    assert _package(out, _draft_file(tmp_path)) == 0
    (out / "我的笔记.docx").write_bytes(b"not ours")
    assert _package(out, _draft_file(tmp_path, versions=False)) == 0
    names = set(_documents(out))
    assert f"{TITLE}修改对照表.docx" not in names
    assert f"{TITLE}修订稿.docx" not in names
    assert f"{TITLE}起草说明.docx" in names and f"{TITLE}.docx" in names
    assert (out / "我的笔记.docx").read_bytes() == b"not ours"


def test_stale_documents_the_app_did_not_write_or_the_user_edited_are_kept(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / f"{TITLE}修改对照表.docx"
    mine.write_bytes(b"the user's own")  # there before any package: not the app's
    assert _package(out, _draft_file(tmp_path, versions=False)) == 0
    assert mine.read_bytes() == b"the user's own"
    assert _package(out, _draft_file(tmp_path)) == 0  # now the app writes both
    tracked = out / f"{TITLE}修订稿.docx"
    tracked.write_bytes(tracked.read_bytes() + b"edited in Word")
    capsys.readouterr()
    assert _package(out, _draft_file(tmp_path, versions=False)) == 0
    printed = capsys.readouterr().out
    assert not mine.exists()  # written by the app, unchanged since: stale, removed
    assert tracked.read_bytes().endswith(b"edited in Word")  # changed since: kept
    assert tracked.name in printed  # and named


CHILD = r"""
import os, sys
from types import SimpleNamespace
from app.cli import main
from app.export import files
from app.export.package import package

drafts, folder = sys.argv[1:3], sys.argv[3]
which = {}

def built(name):
    return lambda *a, **k: (which["tag"] + "|" + name + "|").encode() * 20000

files.word_document = lambda *a, **k: SimpleNamespace(
    data=built("word")(), comments=0, open_questions=0, sent=None, notes=0
)
files.excel_bytes = built("excel")
for name in ("crosswalk_bytes", "opinions_bytes", "opinions_xlsx", "revisions_bytes",
             "tracked_bytes", "note_bytes"):
    setattr(package, name, built(name))
which["tag"] = "甲"
ready, sys.stdout = sys.stdout, open(os.devnull, "w")
assert main(["export", drafts[0], "-o", folder, "--package"]) == 0
print("ready", file=ready, flush=True)
while True:
    for tag, draft in (("乙", drafts[1]), ("甲", drafts[0])):
        which["tag"] = tag
        main(["export", draft, "-o", folder, "--package"])
"""


def _tag_of(path: Path) -> str:
    return path.read_bytes().decode()[0]


@pytest.mark.slow
def test_a_package_export_killed_at_random_moments_leaves_one_whole_set(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    # 乙 has no versions: its set leaves out, and so removes, 甲's 修改对照表 and 修订稿.
    drafts = [
        str(_draft_file(tmp_path, tag="甲")),
        str(_draft_file(tmp_path, tag="乙", versions=False)),
    ]
    rng = random.Random(23)
    seen: set[str] = set()
    began = time.monotonic()
    for round_ in range(20):
        kill_once_ready(CHILD, [*drafts, str(folder)], rng, 0.2)
        pair.recover(folder)  # what the next export does first
        documents = [p for p in folder.iterdir() if not p.name.startswith(".")]
        tags = {p.name: _tag_of(p) for p in documents}
        assert len(set(tags.values())) == 1, f"round {round_}: a mixed set {tags}"
        expected = len(ENDINGS) if "甲" in tags.values() else len(ENDINGS) - 2
        assert len(documents) == expected, f"round {round_}: {sorted(tags)}"
        seen |= set(tags.values())
        assert not [p.name for p in folder.iterdir() if pair.is_ours(p.name)]
    assert time.monotonic() - began < 90
    assert seen == {"甲", "乙"}  # killed in both exports' turns
