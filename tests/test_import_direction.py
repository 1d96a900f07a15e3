"""Imports point one way: between the layers of ARCHITECTURE.md and between the rooms of app/core.

A room may import from the rooms before it, never from one after it; the
foundation modules (errors, atomic files, validation messages, paths) are
open to everyone. A back edge is how the old edits ↔ take_up cycle began.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FOUNDATION = ("app.core.errors", "app.core.files", "app.core.validation", "app.paths", "app")
CORE_ROOMS = ("text", "plans", "draft", "adapt", "operations", "readout")
# What each layer may import (besides the foundation and itself).
LAYERS: dict[str, tuple[str, ...]] = {
    "app.core": (),
    "app.soffice": (),
    # the opinion record (issue 22: one record, built by the importer, kept by the draft)
    "app.importer": (
        "app.core.text",
        "app.core.plans",
        "app.core.draft.consultation",
        "app.soffice",
    ),
    "app.feedback": ("app.core", "app.importer.readers", "app.soffice"),
    "app.export": ("app.core", "app.soffice"),
    "app.tasks": ("app.core", "app.importer", "app.feedback", "app.export", "app.soffice"),
    "app.cli": ("app.core", "app.importer", "app.feedback", "app.export", "app.tasks"),
    "app.gui": (
        "app.core",
        "app.importer",
        "app.feedback",
        "app.export",
        "app.soffice",
        "app.tasks",
    ),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) of every `import app…` in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name == "app" or name.startswith("app."):
                found.append((name, node.lineno, id(node) in top_level))
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _layer(module: str) -> str:
    return next(layer for layer in LAYERS if _within(module, layer))


def _room(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["app", "core"] and parts[2] in CORE_ROOMS:
        return CORE_ROOMS.index(parts[2])
    return None


def _known(name: str) -> bool:
    """`from app.core.draft import model` names a module; `…model.Draft` names a symbol."""
    return (ROOT / Path(*name.split("."))).with_suffix(".py").exists() or (
        ROOT / Path(*name.split("."))
    ).is_dir()


def _violations() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        module = _module_name(path)
        if module in ("app", "app.__main__", "app.paths"):
            continue
        layer = _layer(module)
        for name, line, top in _imports(path):
            if not _known(name) or any(name == f for f in FOUNDATION):
                continue
            where = f"{path.relative_to(ROOT)}:{line} imports {name}"
            if layer == "app.cli" and _within(name, "app.gui") and not top:
                continue  # `peakplan` with no argument opens the window, loaded only then
            target_layer = _layer(name)
            if target_layer != layer and not any(_within(name, a) for a in LAYERS[layer]):
                out.append(f"{where}: layer {layer} may not import {target_layer}")
                continue
            mine, theirs = _room(module), _room(name)
            if mine is not None and theirs is not None and theirs > mine:
                out.append(
                    f"{where}: room {CORE_ROOMS[mine]} may not import the later room "
                    f"{CORE_ROOMS[theirs]}"
                )
            if layer == "app.core" and mine is None and theirs is not None:
                out.append(f"{where}: a foundation module may not import a room")
    return out


def test_layers_and_rooms_import_one_way():
    assert _violations() == []


@pytest.mark.parametrize(
    ("module", "imported", "allowed"),
    [
        ("app.core.draft.model", "app.core.readout.render", False),
        ("app.core.readout.render", "app.core.draft.model", True),
        ("app.importer.measures", "app.core.draft.model", False),
        ("app.export.word.document", "app.gui.document", False),
        ("app.tasks.export", "app.gui.workers", False),
        ("app.tasks.export", "app.cli.common", False),
        ("app.export.package.package", "app.tasks.export", False),
        ("app.cli.draft_commands", "app.tasks.export", True),
    ],
)
def test_the_rule_itself(module: str, imported: str, allowed: bool):
    """The checker catches a back edge (so an empty list above means something)."""
    layer = _layer(module)
    layer_ok = _layer(imported) == layer or any(_within(imported, a) for a in LAYERS[layer])
    mine, theirs = _room(module), _room(imported)
    room_ok = mine is None or theirs is None or theirs <= mine
    assert (layer_ok and room_ok) is allowed


def test_no_cycles_between_core_modules():
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "app" / "core").rglob("*.py"):
        module = _module_name(path)
        graph[module] = {
            name for name, _line, _top in _imports(path) if _known(name) and name != module
        }
    graph = {m: {n for n in deps if n in graph} for m, deps in graph.items()}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1 and not dep.endswith("__init__"):
                cycles.append(" → ".join([*stack[stack.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*stack, dep])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    # a package's __init__ re-exporting its modules is no cycle
    cycles = [c for c in cycles if not any(c.startswith(p) for p in ("app.core.operations →",))]
    assert cycles == []


def test_only_session_starters_read_the_plan_library():
    """Export, checks and views get their plans from a resolver passed in (a hidden input otherwise).

    The command line, the user tasks and the new-draft wizard choose plans, the importer adds
    them, the resolver looks them up; nothing else opens the library.
    """
    allowed = {
        "app.cli",
        "app.tasks",
        "app.gui.dialogs.wizard",
        "app.importer",
        "app.core.plans.resolver",
    }
    readers = {
        _module_name(path)
        for path in (ROOT / "app").rglob("*.py")
        if any(_within(name, "app.core.plans.library") for name, _line, _top in _imports(path))
    }
    assert {r for r in readers if not any(_within(r, a) for a in allowed)} == set()


def test_core_names_each_thing_once():
    """One class name, one thing: TaskRow, WorkRow and CommitteeMember were each two classes."""
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted((ROOT / "app" / "core").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where = str(path.relative_to(ROOT))
                if node.name in seen:
                    clashes.append(f"{node.name}: {seen[node.name]} and {where}")
                seen[node.name] = where
    assert clashes == []


def test_no_module_in_app_runs_far_past_the_size_guide():
    """The guide (README, Development) is ~600 lines a file, split where a concept ends; this
    only catches a file that has grown far past it, not one a few lines over."""
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "app").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 800
    }
    assert long == {}
