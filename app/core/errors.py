"""The error types the core raises on purpose.

Every message is Chinese and meant for the user as it stands; callers add the
file name. Anything else escaping the core is a bug.
"""

from __future__ import annotations


class PeakPlanError(Exception):
    """Base of all deliberate errors: a user-facing message plus optional details."""

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def one_line(self) -> str:
        """The message and, when there are several problems, the first of them."""
        if not self.problems:
            return self.message
        more = f"（另有 {len(self.problems) - 1} 处问题）" if len(self.problems) > 1 else ""
        return f"{self.message}：{self.problems[0]}{more}"


class PlanImportError(PeakPlanError):
    """A file could not be read as a carbon-peak plan."""


class PlanFileError(PeakPlanError):
    """A structured plan file (JSON) is damaged or invalid."""
