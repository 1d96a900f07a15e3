"""The layering rule in ARCHITECTURE.md, and the rule that the project is self-contained."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_core_importer_and_tasks_do_not_load_qt():
    """Every module of core, the importers, the export and the user tasks (app/tasks, below
    both front ends), subfolders included: loading them loads no Qt."""
    code = (
        "import sys, pkgutil, importlib, app.core, app.importer, app.feedback, app.export,"
        " app.cli, app.tasks;"
        "[importlib.import_module(m.name)"
        " for p in (app.core, app.importer, app.feedback, app.export, app.tasks)"
        " for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')];"
        "from app.importer import import_plan;"
        "import_plan('reference_plans/sources/ningdong_base_plan_2023.txt');"
        "from app.core.draft.demo import load_demo; from app.core.readout.checks import check_draft;"
        "from app.core.plans.resolver import PlanResolver; check_draft(load_demo(), PlanResolver.library());"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_nothing_reads_the_shared_folder():
    """A fresh clone must be complete: no code or test refers to ../shared."""
    offenders = []
    for folder in ("app", "tests", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "test_layers.py":
                continue
            if "shared/seeds" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_shipped_library_matches_the_importer():
    result = subprocess.run(
        [sys.executable, "tools/build_library.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_imports_another_packages_private_names():
    """A private name (_paragraph) is its module's own: the window's preview once wrote HTML
    with export/html.py's private helper beside the export's own writer (issue 22)."""
    import ast

    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = path.relative_to(ROOT).parts[1]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app."):
                other = node.module.split(".")[1]
                private = [a.name for a in node.names if a.name.startswith("_")]
                if private and other != package:
                    found.append(f"{path.relative_to(ROOT)}: {node.module} {private}")
    assert found == []
