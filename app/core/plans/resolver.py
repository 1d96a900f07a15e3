"""The parent plans a session works with, looked up by id: handed in, never fetched from inside.

Export, checks and the GUI views need a draft's parent plans (the 对照表 sheet,
coverage, the parent clause beside a measure). They get them from one resolver
made by whoever starts the session — the command line, the window, a test —
so what a function reads is in its arguments: an export does not change
because of what happens to be installed in the user's library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.core.plans.model import Plan


class PlanResolver:
    """Plans by id, each looked up once; None for an id the source does not know."""

    def __init__(self, lookup: Callable[[str], Plan | None]) -> None:
        self._lookup = lookup
        self._found: dict[str, Plan | None] = {}

    @classmethod
    def of(cls, plans: Iterable[Plan]) -> PlanResolver:
        """Exactly these plans (tests, a package built from known parents)."""
        by_id = {plan.id: plan for plan in plans}
        return cls(by_id.get)

    @classmethod
    def library(cls) -> PlanResolver:
        """The built-in and the user's imported plans (app/core/plans/library.py)."""
        from app.core.plans.library import find_plan_or_none

        return cls(find_plan_or_none)

    def __call__(self, plan_id: str) -> Plan | None:
        if plan_id not in self._found:
            self._found[plan_id] = self._lookup(plan_id)
        return self._found[plan_id]

    def forget(self, plan_id: str | None = None) -> None:
        """Look again next time (a plan was imported or replaced in the library)."""
        if plan_id is None:
            self._found.clear()
        else:
            self._found.pop(plan_id, None)


NO_PLANS = PlanResolver(lambda _plan_id: None)
