"""User tasks: one function each, below both front ends (ARCHITECTURE.md, STYLE.md).

New draft, import a plan, export with its choices, the 送审 package, read returned
files, save a version, list versions, rebase, check, adopt all. Each takes plain values
and returns a TaskResult (what was written, the changed draft, the lines for the user);
bad input raises our error type. `peakplan` calls them directly; the window calls them
through app/gui/task_runner.py. Nothing here imports Qt (tests/test_layers.py).
"""

from app.tasks.result import TaskError, TaskResult

__all__ = ["TaskError", "TaskResult"]
