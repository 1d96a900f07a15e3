"""A command starts with only what it needs (issue 27 item 7): the time is in benchmarks/
bench_export_floor.py; here, what a fresh process has loaded once the command is done."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(*args: str) -> set[str]:
    """The modules a fresh `peakplan ARGS` process holds when the command returns."""
    script = (
        "import contextlib, io, json, sys\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({list(args)!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stderr
    return set(modules)


def test_plans_loads_no_draft_model_and_no_fuzzy_matching():
    loaded = loaded_after("plans")
    assert "app.core.draft.model" not in loaded  # `plans` was once checked as a draft file name
    assert "rapidfuzz" not in loaded
    assert "app.core.plans.model" in loaded  # the plans are still validated


def test_export_demo_loads_no_network_modules_no_templates_no_package(tmp_path):
    loaded = loaded_after("export", "--demo", "-o", str(tmp_path))
    assert (tmp_path / "平罗县碳达峰实施方案.docx").is_file()
    # xml.sax.saxutils pulled in urllib.request, http.client and ssl only to escape XML
    assert not loaded & {"xml.sax.saxutils", "urllib.request", "http.client", "ssl"}
    assert "jinja2" not in loaded  # the boilerplate is in the draft; templates are for new drafts
    assert "app.export.package.package" not in loaded
    assert "app.core.operations" not in loaded
