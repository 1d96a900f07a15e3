"""`peakplan export`: files where the user said, rendered by LibreOffice, nothing half-written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core import files
from app.export.pdf import to_pdf
from tests.conftest import ROOT

FONTS = ROOT / "tools" / "fonts.conf"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice/poppler not installed",
)


def test_export_demo_writes_both_files_and_prints_their_paths(tmp_path, capsys):
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        str(tmp_path / "平罗县碳达峰实施方案.docx"),
        str(tmp_path / "平罗县碳达峰实施方案任务分工表.xlsx"),
        "没有待定事项。",  # the demo's decisions are all taken
    ]
    assert all(Path(p).stat().st_size > 10_000 for p in printed[:2])


@needs_soffice
def test_both_files_convert_and_the_word_pdf_opens_with_a_cover(tmp_path):
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 0
    word = to_pdf(tmp_path / "平罗县碳达峰实施方案.docx", tmp_path, fonts_conf=FONTS)
    excel = to_pdf(tmp_path / "平罗县碳达峰实施方案任务分工表.xlsx", tmp_path, fonts_conf=FONTS)
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(word), "-"],
        capture_output=True,
        text=True,
    ).stdout
    assert "平罗县碳达峰实施方案" in cover and "送审稿" in cover and "二〇二三年九月" in cover
    assert "—" not in cover  # no page number on the cover
    first_body = subprocess.run(
        ["pdftotext", str(word), "-"], capture_output=True, text=True
    ).stdout
    assert "— 1 —" in first_body and "目" in first_body
    sheet = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(excel), "-"], capture_output=True, text=True
    ).stdout
    assert "任务分工表" in sheet and "第 1 页" in sheet


def test_a_missing_folder_is_made(tmp_path, capsys):
    """ARCHITECTURE.md: DIR made if missing."""
    missing = tmp_path / "新建" / "导出"
    assert main(["export", "--demo", "-o", str(missing)]) == 0
    assert sorted(p.suffix for p in missing.iterdir()) == [".docx", ".xlsx"]


def test_unwritable_folder_is_one_line_and_leaves_nothing(tmp_path, capsys):
    a_file = tmp_path / "不是文件夹.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["export", "--demo", "-o", str(a_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "不是文件夹" in err
    assert a_file.read_text(encoding="utf-8") == "x"
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        assert main(["export", "--demo", "-o", str(locked)]) == 2
        assert "不可写" in capsys.readouterr().err
        assert list(locked.iterdir()) == []


def test_file_held_open_keeps_the_old_file_and_says_so(tmp_path, capsys, monkeypatch):
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    word = tmp_path / "平罗县碳达峰实施方案.docx"
    old = word.read_bytes()

    def locked(src, dst):
        raise PermissionError(13, "being used by another process")

    monkeypatch.setattr(files.os, "replace", locked)
    monkeypatch.setattr(files, "RETRY_SECONDS", 0)
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "占用" in err and err.count("\n") == 0
    assert word.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "平罗县碳达峰实施方案.docx",
        "平罗县碳达峰实施方案任务分工表.xlsx",
    ]


def test_disk_full_midway_leaves_no_partial_file(tmp_path, capsys, monkeypatch):
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, mode):
            self.handle = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode="rb": Full(fd, mode))
    assert main(["export", "--demo", "-o", str(tmp_path)]) == 2
    assert "磁盘空间不足" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_export_and_check_load_no_qt(tmp_path):
    code = (
        "import sys; from app.cli import main;"
        f"main(['export', '--demo', '-o', {str(tmp_path)!r}]); main(['check', '--demo']);"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
