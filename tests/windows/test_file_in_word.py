"""Exporting again while the last .docx is open in Word/WPS (issue 27 item 6).

Windows locks a file Word or WPS holds open: replacing it raises PermissionError. That is
simulated here by making os.replace refuse that one path; everything else is real.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli import main
from app.core import files as core_files
from app.core.draft.demo import load_demo
from app.core.plans.resolver import PlanResolver
from app.tasks.export import ExportChoice, ExportInUseError, export_selected

WORD = "平罗县碳达峰实施方案.docx"
EXCEL = "平罗县碳达峰实施方案任务分工表.xlsx"


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def open_in_word(monkeypatch):
    """hold(path): from now on that file cannot be replaced, as when Word has it open."""
    held: set[Path] = set()
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) in held:
            raise PermissionError(
                13,
                "The process cannot access the file because it is being used by another process",
                str(dst),
            )
        return real_replace(src, dst)

    monkeypatch.setattr(core_files.os, "replace", replace)
    monkeypatch.setattr(core_files, "RETRY_SECONDS", 0)
    return held.add


def changed_demo():
    demo = load_demo()
    return demo.model_copy(
        update={"meta": demo.meta.model_copy(update={"drafter": "另一个编制单位"})}
    )


@pytest.mark.parametrize("locked", [WORD, EXCEL])
def test_cli_export_onto_a_file_open_in_word_changes_nothing_and_names_it(
    tmp_path, capsys, open_in_word, locked
):
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    before = contents(tmp_path)
    open_in_word(tmp_path / locked)
    assert main(["export", "--demo", "--clean", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    program = "Word/WPS" if locked == WORD else "Excel/WPS"
    assert f"文件正被 {program} 打开" in err and locked in err
    assert "--new-name" in err and "平罗县碳达峰实施方案（2）.docx" in err
    assert err.count("\n") == 0
    # all or nothing: neither file is new, none damaged, no temporary file left
    assert contents(tmp_path) == before


def test_cli_new_name_writes_the_set_beside_the_open_one(tmp_path, capsys, open_in_word):
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 0
    before = contents(tmp_path)
    open_in_word(tmp_path / WORD)
    assert main(["export", "--demo", "--clean", "-o", str(tmp_path), "--new-name"]) == 0
    out = capsys.readouterr().out
    assert "平罗县碳达峰实施方案（2）.docx" in out
    after = contents(tmp_path)
    assert {n: after[n] for n in before} == before  # the open files untouched
    assert sorted(set(after) - set(before)) == [
        "平罗县碳达峰实施方案（2）.docx",
        "平罗县碳达峰实施方案（2）任务分工表.xlsx",
    ]
    # and once more: （2） exists, so （3）
    assert main(["export", "--demo", "-o", str(tmp_path), "--new-name"]) == 0
    assert (tmp_path / "平罗县碳达峰实施方案（3）.docx").is_file()


def test_cli_new_name_keeps_the_usual_names_while_they_are_free(tmp_path, capsys):
    assert main(["export", "--demo", "-o", str(tmp_path), "--new-name"]) == 0
    assert sorted(contents(tmp_path)) == sorted([WORD, EXCEL])


def test_the_package_is_all_or_nothing_when_one_of_its_files_is_open(tmp_path, open_in_word):
    """The 送审 package with the draft: one document open in Word, and none of the set is new."""
    plans = PlanResolver.library()
    choice = ExportChoice(package=True)
    first = export_selected(load_demo(), tmp_path, plans, choice)
    before = contents(tmp_path)
    held = first.written[-1]
    open_in_word(held)
    with pytest.raises(ExportInUseError) as raised:
        export_selected(changed_demo(), tmp_path, plans, choice)
    assert raised.value.path == held and held.name in raised.value.one_line()
    assert raised.value.other_name == "（2）"
    assert contents(tmp_path) == before
    # 改名保存: the whole set under the other name, the earlier set as it was
    again = export_selected(
        changed_demo(), tmp_path, plans, ExportChoice(package=True, other_name="（2）")
    )
    assert all("（2）" in p.name for p in again.written)
    assert len(again.written) == len(first.written)
    users = {n: data for n, data in before.items() if not n.startswith(".~pp")}
    after = contents(tmp_path)
    assert {n: after[n] for n in users} == users
