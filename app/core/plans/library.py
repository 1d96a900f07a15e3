"""The reference-plan library: built-in plans shipped with the app, and the user's own.

Built-in plans are structured JSON in reference_plans/ (made by
tools/build_library.py from the sources beside them); plans the user imports
are kept in the per-user plans folder. Both are listed together; a damaged
user file is reported, not fatal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from app import paths
from app.core.errors import PlanFileError
from app.core.files import FileReadError, os_reason, read_limited, set_aside, write_text_atomic
from app.core.plans.lineage_corrections import apply_corrections
from app.core.plans.model import PLAN_FORMAT, Plan
from app.core.plans.revisions import is_later, split_ref
from app.core.text.normalise import compact
from app.core.validation import describe_validation_error


@dataclass(frozen=True)
class LibraryEntry:
    """One plan in the library, as `peakplan plans` lists it."""

    id: str
    title: str
    level: str
    stage: str
    date: str
    issuer: str
    builtin: bool
    path: Path
    problem: str = ""
    revision: int = 1

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "stage": self.stage,
            "date": self.date,
            "issuer": self.issuer,
            "revision": self.revision,
            "builtin": self.builtin,
            "path": str(self.path),
            **({"problem": self.problem} if self.problem else {}),
        }


def load_plan(path: str | Path) -> Plan:
    """A structured plan from its JSON file; PlanFileError says what is wrong where.

    Plans are immutable, so a file read once is kept until it changes on disk.
    """
    path = Path(path)
    try:
        stamp = path.stat()
    except OSError:
        return _load_plan(path)
    return _load_plan_cached(str(path), stamp.st_mtime_ns, stamp.st_size)


@lru_cache(maxsize=16)
def _load_plan_cached(path: str, _mtime: int, _size: int) -> Plan:
    return _load_plan(Path(path))


def _load_plan(path: Path) -> Plan:
    try:
        raw = read_limited(path, "plan-json")  # a FIFO or /dev/zero in plans/ is refused
    except FileReadError as exc:
        raise PlanFileError(exc.problems[0] if exc.problems else exc.message) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except RecursionError as exc:
        raise PlanFileError("内容嵌套层数过多，不是本程序的方案文件") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PlanFileError("不是有效的 JSON 文件（可能已损坏）") from exc
    except ValueError as exc:  # an integer of thousands of digits
        raise PlanFileError("文件中有过长的数字，不是本程序的方案文件") from exc
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        raise PlanFileError("不是本程序的方案文件（缺少 format: peakplan-plan）")
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError("方案文件内容有误", problems=describe_validation_error(exc)) from exc


def plan_json(plan: Plan) -> str:
    """The stored form of a plan: stable key order, readable Chinese, a final newline."""
    return plan.model_dump_json(indent=1) + "\n"


def save_plan(plan: Plan, path: str | Path) -> Path:
    return write_text_atomic(path, plan_json(plan))


def _entry(path: Path, builtin: bool) -> LibraryEntry:
    try:
        plan = load_plan(path)
    except PlanFileError as exc:
        return LibraryEntry(path.stem, "", "", "", "", "", builtin, path, exc.one_line())
    return LibraryEntry(
        plan.id,
        plan.title,
        plan.level,
        plan.stage,
        plan.date,
        plan.issuer,
        builtin,
        path,
        revision=plan.revision,
    )


def builtin_plan_paths() -> list[Path]:
    folder = paths.reference_plans_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def user_plan_paths() -> list[Path]:
    folder = paths.user_plans_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def list_plans() -> list[LibraryEntry]:
    """Built-in plans first, then the user's, each group by file name. A user's plan file
    that cannot be read is moved to plans/damaged/ (never deleted) and listed with why.

    A user's newer revision of a built-in plan (imported with --replaces) stands in the
    built-in plan's place; the built-in one is then an earlier version (plans/revisions.py).
    """
    entries = [_entry(p, True) for p in builtin_plan_paths()]
    for path in user_plan_paths():
        entry = _entry(path, False)
        if entry.problem:
            moved = set_aside(path)
            if moved is not None:
                entry = replace(entry, path=moved, problem=f"{entry.problem}（已移到 {moved}）")
        else:
            builtin = next(
                (i for i, e in enumerate(entries) if e.builtin and e.id == entry.id), None
            )
            if builtin is not None and entry.revision > entries[builtin].revision:
                entries[builtin] = entry
                continue
        entries.append(entry)
    damaged = paths.user_plans_dir() / "damaged"
    known = {e.path for e in entries}
    for path in sorted(damaged.glob("*.json")) if damaged.is_dir() else []:
        if path not in known:  # set aside earlier: still listed, with why
            entry = _entry(path, False)
            entries.append(
                replace(entry, problem=f"{entry.problem or '已移出方案库'}（在 {path}）")
            )
    return entries


def find_plan(plan_id: str) -> Plan:
    """Load a plan of the library by id (built-in ids win over the user's, unless the user's
    is a newer revision of it); `id@N` is version N of it, kept when it was replaced."""
    ident, revision = split_ref(plan_id)
    if revision is not None:
        return load_version(plan_id)
    for entry in list_plans():
        if entry.id == ident and not entry.problem:
            return apply_corrections(load_plan(entry.path))  # the user's lineage corrections
    known = "、".join(e.id for e in list_plans() if not e.problem)
    raise PlanFileError(f"方案库中没有编号为 {plan_id} 的方案", problems=[f"现有：{known}"])


def find_plan_or_none(plan_id: str) -> Plan | None:
    """The plan, or None when it is not in the library (or cannot be read)."""
    try:
        return find_plan(plan_id)
    except PlanFileError:
        return None


def add_user_plan(plan: Plan) -> Path:
    """Keep an imported plan in the user's library; never overwrite a different one.

    Re-importing the same source replaces its earlier import; another plan
    with the same id gets a numbered id instead.
    """
    folder = paths.user_plans_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanFileError(f"无法创建方案库文件夹 {folder}：{os_reason(exc)}") from exc
    taken = {e.id: e for e in list_plans()}
    candidate = plan
    number = 1
    while candidate.id in taken:
        entry = taken[candidate.id]
        if not entry.builtin and not entry.problem:
            existing = load_plan(entry.path)
            if existing.provenance.source_sha256 == plan.provenance.source_sha256:
                return save_plan(candidate, entry.path)
        number += 1
        candidate = rename_plan(plan, f"{plan.id}-{number}")
    return save_plan(candidate, folder / f"{candidate.id}.json")


def rename_plan(plan: Plan, new_id: str) -> Plan:
    """The same plan under another id, every node id and task-table link moved along."""
    data = json.loads(plan.model_dump_json())
    old_prefix = f"{plan.id}:"
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace(f'"{old_prefix}', f'"{new_id}:')
    data = json.loads(text)
    data["id"] = new_id
    return Plan.model_validate(data)


# ---------------------------------------------------------------- versions (a parent revised)


@dataclass(frozen=True)
class PlanVersion:
    """One version of a plan, as `peakplan plans` and the rebase name it: id@revision."""

    id: str
    revision: int
    title: str
    stage: str
    date: str
    path: Path
    current: bool

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.revision}"


def versions_dir() -> Path:
    return paths.user_plans_dir() / "versions"


def version_path(plan_id: str, revision: int) -> Path:
    return versions_dir() / f"{plan_id}@{revision}.json"


def superseded_by(plan: Plan) -> Plan | None:
    """The library plan this one is a newer version of: the same title, a later stage or
    date (and not the same source file)."""
    from app.core.plans.sameness import differences  # rapidfuzz: only when a plan comes in

    title = compact(plan.title)
    for entry in list_plans():
        if entry.problem or compact(entry.title) != title:
            continue
        old = load_plan(entry.path)
        if old.provenance.source_sha256 == plan.provenance.source_sha256:
            continue
        if is_later(plan, old) and not differences(old, plan):
            return old  # another plan of the same title is a plan of its own
    return None


def replace_plan(plan: Plan, old_id: str) -> tuple[Path, Plan]:
    """Store plan as the next revision of the library's plan old_id, the old one kept;
    PlanFileError when it is another plan (sameness.py: level, place, chapters, text).

    The new plan takes old_id (its node ids moved along), revision = old + 1; the old
    version goes to versions/<id>@<revision>.json, the new one is the user's <id>.json
    (winning over a built-in plan of that id). Returns the saved path and the plan.
    """
    from app.core.plans.sameness import differences

    old = find_plan(old_id)
    if old.provenance.source_sha256 == plan.provenance.source_sha256:
        raise PlanFileError(
            f"此文件与方案库中的 {old_id}（第 {old.revision} 版）来自同一原文，不是新版本"
        )
    differ = differences(old, plan)
    if differ:
        raise PlanFileError(
            f"此文件不是方案库中 {old_id}（{old.title}）的新版本，未作为新版本保存"
            f"（{'；'.join(differ)}）；如是另一方案，请去掉 --replaces 导入"
        )
    new = plan if plan.id == old_id else rename_plan(plan, old_id)
    new = new.model_copy(update={"revision": old.revision + 1})
    folder = versions_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanFileError(f"无法创建方案版本文件夹 {folder}：{os_reason(exc)}") from exc
    kept = version_path(old_id, old.revision)
    if not kept.exists():
        save_plan(old, kept)
    return save_plan(new, paths.user_plans_dir() / f"{old_id}.json"), new


def plan_versions(plan_id: str) -> list[PlanVersion]:
    """Every version of a plan the library holds, oldest first, the current one last."""
    found: dict[int, PlanVersion] = {}
    folder = versions_dir()
    for path in sorted(folder.glob(f"{_glob_safe(plan_id)}@*.json")) if folder.is_dir() else []:
        ident, revision = split_ref(path.stem)
        if ident != plan_id or revision is None:
            continue
        try:
            plan = load_plan(path)
        except PlanFileError:
            continue
        found[revision] = PlanVersion(
            plan_id, revision, plan.title, plan.stage, plan.date, path, False
        )
    current = find_plan(plan_id)
    where = next(e.path for e in list_plans() if e.id == plan_id and not e.problem)
    found[current.revision] = PlanVersion(
        plan_id, current.revision, current.title, current.stage, current.date, where, True
    )
    return [found[r] for r in sorted(found)]


def load_version(ref: str) -> Plan:
    """A plan by "id" (the current version) or "id@revision" (any version kept)."""
    plan_id, revision = split_ref(ref)
    current = find_plan(plan_id)
    if revision is None or revision == current.revision:
        return current
    path = version_path(plan_id, revision)
    if not path.is_file():
        known = "、".join(v.ref for v in plan_versions(plan_id))
        raise PlanFileError(f"方案 {plan_id} 没有第 {revision} 版", problems=[f"现有：{known}"])
    return load_plan(path)


def _glob_safe(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)
