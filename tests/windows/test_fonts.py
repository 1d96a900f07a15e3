"""The official fonts on this computer (issue 27 item 6): which are installed, what Word/WPS
show for a missing one, said before the export and in 关于. Font folders are simulated."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import fonts
from app.core.draft.demo import load_demo
from app.core.plans.resolver import PlanResolver
from app.core.readout.preflight import preflight
from app.export.style import usable_style

OFFICIAL = ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"]


def folder_with(tmp_path: Path, *names: str, where: str = "Fonts") -> Path:
    folder = tmp_path / where
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"\0")
    return folder


def finder(*folders: Path) -> fonts.FontFinder:
    return fonts.FontFinder(fonts.scan_files(folders), frozenset())


def test_the_house_style_names_the_four_official_fonts():
    assert set(OFFICIAL) <= set(usable_style().east_asia_fonts())


def test_missing_fonts_are_named_with_what_word_shows_instead(tmp_path):
    # a county PC: 黑体 and 楷体_GB2312 installed, 仿宋 (Windows' own) but not 仿宋_GB2312,
    # no 方正小标宋简体
    here = finder(folder_with(tmp_path, "simhei.ttf", "楷体_GB2312.ttf", "SIMFANG.TTF"))
    report = {f.name: f for f in fonts.font_report(OFFICIAL, here)}
    assert report["黑体"].installed and report["楷体_GB2312"].installed
    assert not report["仿宋_GB2312"].installed and report["仿宋_GB2312"].substitute == "仿宋"
    assert not report["方正小标宋简体"].installed
    assert report["方正小标宋简体"].substitute == "宋体"
    line = fonts.missing_line(report.values())
    assert "仿宋_GB2312（以“仿宋”代替）" in line and "方正小标宋简体" in line
    assert "黑体" not in line and "页码可能与目录不符" in line


def test_without_the_substitute_either_word_falls_back_to_songti(tmp_path):
    here = finder(folder_with(tmp_path, "simhei.ttf"))
    report = {f.name: f for f in fonts.font_report(OFFICIAL, here)}
    assert report["仿宋_GB2312"].substitute == fonts.FALLBACK == "宋体"


def test_all_installed_says_nothing(tmp_path):
    here = finder(
        folder_with(tmp_path, "FZXBSJW.TTF", "仿宋_GB2312.ttf", "SIMHEI.TTF", "楷体_GB2312.ttf")
    )
    report = fonts.font_report(OFFICIAL, here)
    assert all(f.installed for f in report) and fonts.missing_line(report) == ""


def test_windows_folders_include_the_users_own_fonts(tmp_path):
    """Fonts installed "for me only" go to %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts."""
    env = {"WINDIR": str(tmp_path / "Windows"), "LOCALAPPDATA": str(tmp_path / "Local")}
    system, user = fonts.font_folders("nt", env)
    assert system == tmp_path / "Windows" / "Fonts"
    assert user == tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"
    folder_with(tmp_path, "SIMHEI.TTF", where="Windows/Fonts")
    folder_with(tmp_path, "仿宋_GB2312.TTF", where="Local/Microsoft/Windows/Fonts")
    report = {f.name: f for f in fonts.font_report(OFFICIAL, finder(system, user))}
    assert report["仿宋_GB2312"].installed and report["黑体"].installed
    assert not report["楷体_GB2312"].installed


def test_fontconfig_families_count_on_linux(tmp_path):
    here = fonts.FontFinder(frozenset(), frozenset({"fangsong_gb2312", "simhei"}))
    report = {f.name: f for f in fonts.font_report(OFFICIAL, here)}
    assert report["仿宋_GB2312"].installed and report["黑体"].installed


@pytest.fixture
def county_pc(tmp_path, monkeypatch):
    """This computer: only 黑体 and Windows' 仿宋."""
    here = finder(folder_with(tmp_path, "SIMHEI.TTF", "SIMFANG.TTF"))
    monkeypatch.setattr(fonts, "this_computer", lambda: here)
    return here


def test_the_pre_export_check_names_the_missing_fonts(county_pc):
    summary = preflight(load_demo(), PlanResolver.library(), usable_style().east_asia_fonts())
    text = "\n".join(summary.lines())
    assert "仿宋_GB2312（以“仿宋”代替）" in text and "页码可能与目录不符" in text
