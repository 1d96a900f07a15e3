"""Issue 23, failure 8: a bad command line, an impossible date and a title with bidi
controls are answered in Chinese, in one line, and never reach a file name."""

from __future__ import annotations

import pytest

from app.cli import main
from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, save_draft


def test_a_file_name_starting_with_a_dash_is_one_chinese_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-x.txt").write_text("不是方案", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["import-plan", "-x.txt"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "usage" not in err and "./-x.txt" in err and "--" in err
    # both ways it names read the file (it is not a plan: a message about its content)
    for argv in (["import-plan", "--", "-x.txt"], ["import-plan", "./-x.txt"]):
        assert main(argv) == 2
        assert "-x.txt" in capsys.readouterr().err


def test_an_unknown_choice_is_said_in_chinese(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["import-plan", "--level", "foo", "a.txt"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice" not in err and "不能是“foo”" in err


def test_an_impossible_date_is_refused(tmp_path, capsys):
    path = tmp_path / "d.peakplan"
    save_draft(load_demo(), path)
    assert main(["version", str(path), "--save", "送审稿", "--date", "2026-02-30"]) == 2
    assert "不是有效日期" in capsys.readouterr().err
    assert load_draft(path).versions == ()
    assert main(["version", str(path), "--save", "送审稿", "--date", "2024-02-29"]) == 0


def test_bidi_controls_never_reach_the_exported_file_names(tmp_path):
    draft = load_demo()
    title = "平罗县\u202etxt.exe\u200b\u2066碳达峰实施方案"
    draft = draft.model_copy(update={"meta": draft.meta.model_copy(update={"title": title})})
    path = tmp_path / "d.peakplan"
    save_draft(draft, path)
    assert main(["export", str(path), "-o", str(tmp_path / "out")]) == 0
    names = [p.name for p in (tmp_path / "out").iterdir()]
    assert names and all(
        not any(ord(c) in (0x202E, 0x200B, 0x2066) for c in name) for name in names
    )
    assert any(name.startswith("平罗县txt.exe碳达峰实施方案") for name in names)
