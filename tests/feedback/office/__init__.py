"""Returned files made by LibreOffice itself (uno_driver.py under the system Python with
python3-uno): the tests here skip only when soffice or uno is missing (CI installs both)."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("uno_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"


@functools.cache
def office_missing() -> str:
    """Why the office tests cannot run here ('' when they can)."""
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return "no system python3 for python3-uno"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=60, check=False
    )
    return "" if probe.returncode == 0 else "python3-uno not installed"


_MISSING = office_missing()
needs_office = pytest.mark.skipif(bool(_MISSING), reason=_MISSING or "LibreOffice with UNO")


def run_office(jobs: list[dict]) -> None:
    """Each job ({source?, out, author?, calc?, steps}) done by one headless LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "jobs.json"
        listing.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(
            [SYSTEM_PYTHON, str(DRIVER), str(listing)],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"uno_driver failed:\n{done.stdout}\n{done.stderr}")
