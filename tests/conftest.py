"""Shared fixtures: seeds from the project itself, and per-user folders in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt runs offscreen in every test folder (tests/gui, tests/faults …), with or without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "reference_plans" / "sources"

SEEDS = {
    "ningxia-region": SOURCES / "ningxia_region_plan_2022_draft_for_comment.txt",
    "yinchuan-city": SOURCES / "yinchuan_city_plan_2023_draft_for_comment.txt",
    "ningdong-base": SOURCES / "ningdong_base_plan_2023.txt",
    "pingluo-county": SOURCES / "pingluo_county_plan_2023_review_draft.txt",
}


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Every test gets its own per-user folders: nothing touches the real ones."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("PEAKPLAN_DATA_DIR", str(data))
    monkeypatch.setenv("PEAKPLAN_CACHE_DIR", str(tmp_path / "user-cache"))
    return data


@pytest.fixture
def write_txt(tmp_path):
    """Write a small plan text to a file and return its path."""

    def write(text: str, name: str = "plan.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
