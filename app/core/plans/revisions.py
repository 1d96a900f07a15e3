"""A plan's versions: a parent revised while the county drafts.

A newer version of a plan (the city's 印发 after its 征求意见稿) is stored under the
SAME id with the next revision number, so the node ids a county draft's sources
point at stay valid; the versions before it are kept (library.py: replace_plan,
plan_versions) and looked up as `id@N` through the session's resolver. Here: which
version is later, the clause as a draft took it up, the measures a version added.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.plans.model import Plan, Section, fingerprint

STAGE_ORDER = {"征求意见稿": 1, "送审稿": 2, "印发": 3}
"""How a plan moves: 征求意见稿 → 送审稿 → 印发 (an empty stage is not ranked)."""


def split_ref(ref: str) -> tuple[str, int | None]:
    """`yinchuan-city@2` → ("yinchuan-city", 2); without @N the revision is None (current)."""
    plan_id, at, number = ref.rpartition("@")
    if at and number.isdigit() and plan_id:
        return plan_id, int(number)
    return ref, None


def is_later(new: Plan, old: Plan) -> bool:
    """Is new a later version of old: a later stage, or the same (or unknown) stage and a
    later date?"""
    new_stage, old_stage = STAGE_ORDER.get(new.stage, 0), STAGE_ORDER.get(old.stage, 0)
    if new_stage and old_stage and new_stage != old_stage:
        return new_stage > old_stage
    return bool(new.date and old.date and new.date > old.date)


def earlier_versions(plan: Plan, plans: Callable[[str], Plan | None]) -> list[Plan]:
    """The versions kept before this one, newest first, looked up as `id@N` through the
    session's resolver ([] for a first version)."""
    found = (plans(f"{plan.id}@{revision}") for revision in range(plan.revision - 1, 0, -1))
    return [version for version in found if version is not None]


MAX_REVISIONS = 1000
"""The most versions of one plan looked through for the text a clause was taken up as."""


def later_versions(plan: Plan, plans: Callable[[str], Plan | None]) -> list[Plan]:
    """The versions after this one (`rebase --to id@1` goes back from a later one), oldest
    first: id@N+1, id@N+2 … up to the first the library does not keep."""
    found: list[Plan] = []
    for revision in range(plan.revision + 1, plan.revision + MAX_REVISIONS):
        version = plans(f"{plan.id}@{revision}")
        if version is None or version.revision != revision:
            break
        found.append(version)
    return found


def old_section(
    plan: Plan, node_id: str, print_: str, plans: Callable[[str], Plan | None]
) -> Section | None:
    """The clause node_id as it read when taken up: in the version whose text has print_ —
    an earlier one (the plan was revised since), or a later one (the draft took up a later
    version and goes back to this one: `rebase --to id@1`)."""
    for earlier in [*earlier_versions(plan, plans), *later_versions(plan, plans)]:
        section = _index(earlier).get(node_id)
        if section is not None and _print(earlier, section) == print_:
            return section
    return None


def added_sections(
    plan: Plan, measures: list[Section], plans: Callable[[str], Plan | None]
) -> list[Section]:
    """The measures of plan (its current version) that no earlier version had."""
    earlier = earlier_versions(plan, plans)
    if not earlier:
        return []
    seen: set[str] = set()
    prints: set[str] = set()
    for version in earlier:
        for section in version.walk():
            seen.add(section.id)
            prints.add(_print(version, section))
    return [s for s in measures if s.id not in seen and fingerprint(s) not in prints]


def _index(plan: Plan) -> dict[str, Section]:
    return {s.id: s for s in reversed(list(plan.walk()))}  # the first of an id wins, as find


def _print(_plan: Plan, section: Section) -> str:
    return fingerprint(section)


def section_text(section: Section) -> str:
    """A clause as a reader compares two versions of it: title, paragraphs, 责任单位."""
    lines = [section.title, *section.paragraphs]
    if section.clause is not None:
        lines.append(section.clause.text)
    return "\n".join(line for line in lines if line)
