"""What a task hands back to the CLI and the window, and the error it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import PeakPlanError

if TYPE_CHECKING:  # the draft model (pydantic) loads only with a task that needs it
    from app.core.draft.model import Draft


class TaskError(PeakPlanError):
    """Bad input to a task; `where` names the file or argument it is about ("" : the task)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where


@dataclass
class TaskResult:
    """One task's outcome, in plain values both front ends print or show."""

    lines: list[str] = field(default_factory=list)
    """What the user is told, one line each (stdout; the window's status or a message box)."""
    notes: list[str] = field(default_factory=list)
    """Hints beside the result (stderr on the command line)."""
    written: list[Path] = field(default_factory=list)
    """Files written, in the order the user is told of them."""
    draft: Draft | None = None
    """The draft as the task left it; None when the task changes no draft."""
    ok: bool = True
    """False: findings, or something that needs the user (exit 1)."""
    data: object = None
    """The JSON form, for --json."""

    def text(self) -> str:
        return "\n".join(self.lines)
