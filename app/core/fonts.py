"""Which official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) this computer has, and
what Word/WPS show in place of a missing one — so the user knows before sending that the
pages may not match the 目录.

No Qt: the font files are looked for by name. On Windows in %WINDIR%\\Fonts and the user's
%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts (fonts installed "for me only"), without the
registry; on Linux through fc-list where it is installed, else in the usual font folders.
The file names, family names and substitutes are data: resources/fonts/official.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import paths

FALLBACK = "宋体"
"""What Word shows for Chinese text in a font it has nothing closer to."""
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@dataclass(frozen=True)
class FontStatus:
    name: str
    installed: bool
    found: str = ""
    """The file (or fontconfig family) it was found as; empty when missing."""
    substitute: str = ""
    """What Word/WPS show instead when it is missing."""
    effect: str = ""

    def line(self) -> str:
        if self.installed:
            return f"{self.name}：已安装"
        return f"{self.name}：未安装，Word/WPS 将以“{self.substitute}”代替（{self.effect}）"


@dataclass(frozen=True)
class FontFinder:
    """Font files in `folders` and, where fontconfig answers, its `families`."""

    files: frozenset[str]
    families: frozenset[str]

    def has(self, file_names: Iterable[str], families: Iterable[str] = ()) -> str:
        """The file or family found, or ''."""
        for name in file_names:
            if name.casefold() in self.files:
                return name
        for family in families:
            if family.casefold() in self.families:
                return family
        return ""


def official_fonts() -> dict[str, dict]:
    data = json.loads(paths.resource("fonts", "official.json").read_text(encoding="utf-8"))
    return data["fonts"]


def font_folders(system: str | None = None, env: Mapping[str, str] | None = None) -> list[Path]:
    """Where fonts are installed: Windows' two folders, or the usual ones elsewhere."""
    system = system or os.name
    env = os.environ if env is None else env
    if system == "nt":
        folders = [Path(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows") / "Fonts"]
        if env.get("LOCALAPPDATA"):
            folders.append(Path(env["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return folders
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return [
        home / ".fonts",
        home / ".local" / "share" / "fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
    ]


def scan_files(folders: Iterable[Path]) -> frozenset[str]:
    """Font file names (case folded) in the folders and their subfolders."""
    names = set()
    for folder in folders:  # os.walk passes over a folder it cannot read
        for _root, _dirs, files in os.walk(folder):
            names.update(f.casefold() for f in files if f.lower().endswith(_FONT_SUFFIXES))
    return frozenset(names)


def fontconfig_families() -> frozenset[str]:
    """Every family name fc-list knows (each font's names, case folded); none without it."""
    program = shutil.which("fc-list")
    if program is None:
        return frozenset()
    try:
        done = subprocess.run(
            [program, ":", "family"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(
        name.strip().casefold() for line in done.stdout.splitlines() for name in line.split(",")
    )


@lru_cache(maxsize=1)
def this_computer() -> FontFinder:
    """The fonts installed here, looked up once per process."""
    windows = os.name == "nt"
    return FontFinder(scan_files(font_folders()), frozenset() if windows else fontconfig_families())


def font_report(names: Iterable[str], finder: FontFinder | None = None) -> list[FontStatus]:
    """For each official font among `names` (the style's fonts), whether it is installed and,
    if not, what Word/WPS show instead. Fonts the data does not know are left out."""
    finder = finder or this_computer()
    known = official_fonts()
    report = []
    for name in dict.fromkeys(names):
        entry = known.get(name)
        if entry is None:
            continue
        found = finder.has(entry["files"], entry["families"])
        if found:
            report.append(FontStatus(name, True, found))
            continue
        substitute = entry["substitute"]
        if not finder.has(entry["substitute_files"], [substitute]):
            substitute = FALLBACK
        report.append(FontStatus(name, False, "", substitute, entry["effect"]))
    return report


def missing_line(report: Iterable[FontStatus]) -> str:
    """One line on the missing fonts for the pre-export check ('' when all are installed)."""
    missing = [f for f in report if not f.installed]
    if not missing:
        return ""
    named = "、".join(f"{f.name}（以“{f.substitute}”代替）" for f in missing)
    return (
        f"本机未安装公文字体 {named}：在本机用 Word/WPS 打开时字形和分页会变，页码可能与目录不符；"
        "送审前请在装有这些字体的电脑上打开核对（目录页码在打开时更新）"
    )
