"""Long paths and read-only folders (issue 27 item 6): a clear message naming the folder and
what to do, and nothing lost. Windows' 260-character limit is simulated (core/files.WINDOWS);
a read-only folder is made read-only, and where the tests run as root (who writes anyway)
its refusal is simulated too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli import main
from app.core import files as core_files
from app.core.draft.demo import load_demo
from app.core.draft.store.files import save_draft
from app.core.files import FileWriteError


def deep_folder(tmp_path: Path, length: int) -> Path:
    """A folder whose path is about `length` characters long."""
    folder = tmp_path
    while len(str(folder)) < length - 20:
        folder = folder / "各乡镇碳达峰实施方案材料汇总"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def on_windows(monkeypatch):
    monkeypatch.setattr(core_files, "WINDOWS", True)


@pytest.fixture
def read_only(monkeypatch):
    """make(folder): the folder refuses new files, as a read-only folder or share does."""

    def make(folder: Path) -> Path:
        folder.chmod(0o555)
        if getattr(os, "geteuid", lambda: 0)() == 0:  # root (or Windows) writes anyway: simulated
            real_open = os.open

            def refusing(path, flags, *args, **kwargs):
                if Path(path).parent == folder and flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
                    raise PermissionError(13, "Permission denied", str(path))
                return real_open(path, flags, *args, **kwargs)

            monkeypatch.setattr(os, "open", refusing)
        return folder

    yield make


def test_export_to_a_path_too_long_for_word_says_so_and_writes_nothing(
    tmp_path, capsys, on_windows
):
    folder = deep_folder(tmp_path, 250)  # the folder fits; the files in it do not
    assert main(["export", "--demo", "-o", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert "路径过长" in err and "259" in err and str(folder) in err
    assert "路径较短的文件夹" in err and err.count("\n") == 0
    assert list(folder.iterdir()) == []


def test_the_same_folder_is_fine_where_paths_are_not_limited(tmp_path, capsys):
    folder = deep_folder(tmp_path, 250)
    assert main(["export", "--demo", "-o", str(folder)]) == 0
    assert len(list(folder.iterdir())) == 2


def test_saving_a_draft_to_a_path_too_long_keeps_the_old_file(tmp_path, on_windows):
    folder = deep_folder(tmp_path, 240)
    path = folder / "平罗县碳达峰实施方案（征求意见稿修改后再次送审的版本）.peakplan"
    assert len(str(path)) > core_files.MAX_PATH
    with pytest.raises(FileWriteError) as raised:
        save_draft(load_demo(), path)
    assert "路径过长" in raised.value.one_line() and str(folder) in raised.value.one_line()
    assert not path.exists()


def test_export_to_a_read_only_folder_names_it_and_what_to_do(tmp_path, capsys, read_only):
    assert main(["export", "--demo", "-o", str(tmp_path / "before")]) == 0
    capsys.readouterr()
    folder = read_only(tmp_path / "before")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["export", "--demo", "-o", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert "文件夹不可写" in err and "网络驱动器" in err and str(folder) in err
    assert "请换一个自己可写入的文件夹" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_saving_a_draft_into_a_read_only_folder_names_it(tmp_path, read_only):
    folder = tmp_path / "共享"
    folder.mkdir()
    read_only(folder)
    with pytest.raises(FileWriteError) as raised:
        save_draft(load_demo(), folder / "平罗县.peakplan")
    message = raised.value.one_line()
    assert str(folder) in message and ("不可写" in message or "没有写入权限" in message)
