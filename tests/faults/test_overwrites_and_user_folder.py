"""Never overwrite what the user did not ask to overwrite; a damaged file in the user's
folder never stops `plans`, `new` or the window, and is moved aside, never deleted."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from app.cli import main
from app.core.draft.demo import load_demo
from app.core.draft.store.files import save_draft
from app.core.files import FileWriteError, write_text_atomic
from app.core.plans.library import list_plans
from tests.conftest import SEEDS


def test_import_plan_output_onto_an_existing_draft_needs_force(tmp_path, capsys):
    draft = tmp_path / "my.peakplan"
    save_draft(load_demo(), draft)
    before = draft.read_bytes()
    assert main(["import-plan", str(SEEDS["yinchuan-city"]), "-o", str(draft)]) != 0
    assert "文件已存在，未覆盖" in capsys.readouterr().err
    assert draft.read_bytes() == before
    assert main(["import-plan", str(SEEDS["yinchuan-city"]), "-o", str(draft), "--force"]) == 0


def test_import_plan_output_is_never_its_source(tmp_path, capsys):
    source = tmp_path / "plan.txt"
    shutil.copy(SEEDS["yinchuan-city"], source)
    before = source.read_bytes()
    assert main(["import-plan", str(source), "-o", str(source), "--force"]) != 0
    assert "就是要读取的方案文件" in capsys.readouterr().err
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    assert main(["import-plan", str(source), "-o", str(link), "--force"]) != 0
    assert source.read_bytes() == before


def test_a_read_only_file_is_refused_with_its_reason(tmp_path):
    target = tmp_path / "只读.peakplan"
    target.write_text("old")
    target.chmod(stat.S_IRUSR)
    with pytest.raises(FileWriteError) as caught:
        write_text_atomic(target, "new")
    assert "只读" in caught.value.one_line()
    assert target.read_text() == "old"


def test_a_read_only_file_is_refused_even_for_root(tmp_path, monkeypatch):
    """Root may write anything; the app still respects the user's read-only mark."""
    target = tmp_path / "只读.peakplan"
    target.write_text("old")
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(FileWriteError) as caught:
        write_text_atomic(target, "new")
    assert "只读" in caught.value.one_line()
    assert target.read_text() == "old"


def test_a_file_name_with_a_newline_stays_on_one_error_line(tmp_path, capsys):
    missing = tmp_path / "第一行\n第二行.txt"
    assert main(["import-plan", str(missing)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "第一行\\n第二行" in err


def test_damaged_plans_in_the_users_folder_are_set_aside_and_the_rest_works(user_dirs, capsys):
    folder = user_dirs / "plans"
    folder.mkdir(parents=True)
    hostile = {
        "deep.json": b'{"format": "peakplan-plan", "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        "bigint.json": b'{"format": "peakplan-plan", "version": ' + b"9" * 5000 + b"}",
        "list.json": b"[1, 2]",
    }
    for name, data in hostile.items():
        (folder / name).write_bytes(data)
    os.mkfifo(folder / "fifo.json")

    assert main(["plans"]) == 0
    out = capsys.readouterr()
    assert "yinchuan-city" in out.out
    assert {p.name: p.read_bytes() for p in (folder / "damaged").iterdir() if p.is_file()} == {
        name: data for name, data in hostile.items()
    }
    assert (folder / "damaged" / "fifo.json").exists()
    problems = [e for e in list_plans() if e.problem]
    assert len(problems) == 4  # still listed, with why
    assert (
        main(
            [
                "new",
                "--county",
                "永宁县",
                "--city",
                "银川市",
                "--region",
                "宁夏回族自治区",
                "--from",
                "yinchuan-city",
                "-o",
                str(user_dirs / "永宁.peakplan"),
            ]
        )
        == 0
    )


def test_a_damaged_own_catalogue_or_mapping_is_set_aside_and_the_built_in_one_used(user_dirs):
    from app.core.draft.catalogue_files import load_catalogue
    from app.core.text.county import CountyContext

    own = {
        user_dirs
        / "catalogues"
        / "generic-county.json": b'{"format": "peakplan-units", "units": [',
        user_dirs / "mappings" / "yinchuan-city.json": b"[" * 50_000,
    }
    for path, data in own.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    county = CountyContext("永宁县", "银川市", "宁夏回族自治区")
    catalogue = load_catalogue("generic-county", county, ["yinchuan-city"])
    assert any(u.name == "县发改局" for u in catalogue.units)
    assert catalogue.mapping  # the built-in 银川 mapping
    for path, data in own.items():
        assert not path.exists()
        assert (path.parent / "damaged" / path.name).read_bytes() == data


def test_a_long_file_name_saves_and_a_killed_saves_leftover_goes(tmp_path):
    """Our temporary name held the whole target name: 80 Chinese characters were 文件名过长."""
    import time

    from app.core.files import TEMPORARY_PREFIX

    leftover = tmp_path / f"{TEMPORARY_PREFIX}abc123.tmp"
    leftover.write_text("half a draft")
    hour_ago = time.time() - 7200
    os.utime(leftover, (hour_ago, hour_ago))
    fresh = tmp_path / f"{TEMPORARY_PREFIX}def456.tmp"  # another save in progress
    fresh.write_text("being written")
    target = tmp_path / ("县" * 80 + ".peakplan")
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert not leftover.exists() and fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, fresh.name])


def test_a_damaged_own_house_style_is_set_aside_and_the_built_in_one_used(user_dirs):
    from app.export.style import house_style
    from app.export.word.document import word_document

    own = user_dirs / "styles" / "gbt9704.json"
    own.parent.mkdir(parents=True)
    data = b'{"page": ' + b"[" * 50_000
    own.write_bytes(data)
    assert house_style().text  # the built-in style
    assert (own.parent / "damaged" / "gbt9704.json").read_bytes() == data
    assert word_document(load_demo()).data
