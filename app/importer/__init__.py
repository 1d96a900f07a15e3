"""Read a published plan (.txt, .docx, .doc, .wps, .pdf, .html, .mhtml) into a validated `Plan`.

`import_plan()` returns the plan and the notes on what it guessed or mended;
the only error it raises is `PlanImportError`, with a Chinese message that
names the problem (the caller adds the file name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from app import __version__
from app.core.errors import PlanImportError
from app.core.plans.model import Plan, PlanLevel, Provenance
from app.core.validation import describe_validation_error
from app.importer.attachments import split_attachments, split_plans
from app.importer.blocks import ImportNote
from app.importer.cleanup import clean_blocks
from app.importer.front_matter import first_chapter_index, split_front
from app.importer.level import LevelGuess, guess_plan_level, level_notes
from app.importer.measures import ClauseReader, freeze
from app.importer.notice import application_guide
from app.importer.readers.by_type import read_source
from app.importer.readers.limits import MAX_PLAN_ID_BYTES
from app.importer.structure import build_tree
from app.importer.task_table import TaskTableReader, split_task_table

__all__ = ["ImportResult", "import_plan", "import_to_library", "plan_id_from_name"]


@dataclass
class ImportResult:
    plan: Plan
    notes: list[ImportNote] = field(default_factory=list)
    level: LevelGuess | None = None
    """How the level was found; `certain` False: ask the user (None: the caller gave it)."""
    replaced: str = ""
    """The library plan this one was stored as a newer version of ("" for none)."""


def plan_id_from_name(name: str) -> str:
    """A plan id from a file name: its stem without spaces, colons or dots."""
    stem = Path(name).stem
    ident = re.sub(r"[\s:：.。/\\]+", "-", stem).strip("-")
    # The id names the plan's file in the library, and that file's temporary twin while it
    # is written: from an 80-character Chinese file name both were over the 255-byte limit.
    while len(ident.encode("utf-8")) > MAX_PLAN_ID_BYTES:
        ident = ident[:-1]
    return ident.rstrip("-") or "plan"


def import_plan(
    path: str | Path, *, plan_id: str | None = None, level: PlanLevel | None = None
) -> ImportResult:
    """Import one plan file. Raises PlanImportError, and nothing else, on bad input."""
    path = Path(path)
    source = read_source(path)
    blocks, footnotes, notes = clean_blocks(source.blocks)
    notes = source.notes + notes
    if not blocks:
        raise PlanImportError("文件中没有文字")
    body, table_title, table_blocks = split_task_table(blocks)
    guide = application_guide(body)
    if guide is not None:
        raise PlanImportError(
            f"第 {guide[0]} 行：《{guide[1]}》是申报指南（通知），不是实施方案，未导入"
        )
    if not body:  # a file holding a 任务分工表 only
        raise PlanImportError(
            f"第 {blocks[0].line}—{blocks[-1].line} 行只有任务分工表，没有方案正文，未导入"
        )
    chapter = first_chapter_index(body)
    if chapter is None:
        first, last = (body or blocks)[0], (body or blocks)[-1]
        head = first.text if len(first.text) <= 30 else first.text[:30] + "…"
        raise PlanImportError(
            f"第 {first.line}—{last.line} 行（从“{head}”起）中没有找到“一、总体要求”"
            "这样的一级标题，文件可能不是实施方案（如新闻稿、通知），未导入"
        )
    body, later_plans, plan_notes = split_plans(body, chapter)
    body, attachments, attachment_notes = split_attachments(body, chapter)
    attachments += later_plans
    notes.extend(attachment_notes + plan_notes)
    meta, preamble_blocks, front_notes = split_front(body, chapter, Path(source.name).stem)
    notes.extend(front_notes)
    guess = guess_plan_level(
        title=meta.title,
        issuer=meta.issuer,
        # no front matter read (no title line found): the preamble's first lines stand for it
        front=meta.front_text or [b.text for b in preamble_blocks[:5]],
        body=[b.text for b in preamble_blocks + body[chapter:]],
    )
    plan_level = level or guess.level
    if level is None:
        notes.extend(level_notes(guess))
    if plan_level is None:
        plan_level = "county"

    builder = build_tree(preamble_blocks + body[chapter:])
    notes.extend(builder.notes)
    clause_reader = ClauseReader(plan_level, home=guess.home_prefix)
    for root in builder.roots:
        clause_reader.read(root)
    notes.extend(clause_reader.notes)
    ident = plan_id or plan_id_from_name(source.name)
    sections = []
    used: dict[str, int] = {}
    for root in builder.roots:
        if root.depth == 1:
            # a chapter number printed twice (a running head, a page read twice) is kept as
            # a chapter of its own, as freeze does below it; the same id twice was a
            # message naming an internal id (节点编号 p:一 重复)
            used[root.number] = used.get(root.number, 0) + 1
            key = root.number
            if used[key] > 1:
                notes.append(ImportNote(root.line, f"编号 {root.label or key} 在同一级重复出现"))
                key = f"{key}~{used[key]}"
            sections.append(freeze(root, ident, [key], clause_reader.clauses, notes))

    task_rows = []
    if table_blocks:
        reader = TaskTableReader(plan_level)
        reader.read(table_blocks)
        task_rows = reader.task_rows(sections)
        notes.extend(reader.notes)

    provenance = Provenance(
        source_file=source.name,
        source_sha256=source.sha256,
        source_format=source.format,
        imported_with=f"peakplan {__version__}",
        notice=meta.notice,
        document_number=meta.document_number,
        notes=attachments,
    )
    try:
        plan = Plan(
            id=ident,
            title=meta.title or "未命名方案",
            level=plan_level,
            issuer=meta.issuer,
            date=meta.date,
            date_text=meta.date_text,
            stage=meta.stage,
            preamble=builder.preamble,
            sections=sections,
            task_table_title=table_title,
            task_table=task_rows,
            footnotes=footnotes,
            cover=meta.cover,
            governments=guess.governments,
            provenance=provenance,
        )
    except ValidationError as exc:
        raise PlanImportError(
            "读出的方案结构不完整", problems=describe_validation_error(exc)
        ) from exc
    return ImportResult(plan=plan, notes=notes, level=None if level else guess)


def import_to_library(
    path: str | Path,
    *,
    plan_id: str | None = None,
    level: PlanLevel | None = None,
    replaces: str | None = None,
) -> tuple[ImportResult, Path]:
    """Import a plan, link it to the library's plans above it and keep it in the user's
    library; the plan as stored there.

    A newer version of a plan already in the library (`replaces`, or the same title with a
    later stage or date) is stored as that plan's next revision, the old one kept; the
    result's `replaced` names it. Otherwise the library may give the plan another id (a
    different plan already has this one), so callers use the returned plan's id.
    """
    from app.core.plans.library import (
        add_user_plan,
        find_plan,
        load_plan,
        replace_plan,
        superseded_by,
    )

    result = import_plan(path, plan_id=plan_id, level=level)
    if replaces and result.level is not None and not result.level.certain:
        # an uncertain guess yields to the plan the user says this one revises; whether it
        # is that plan is then judged on its place and text (library.replace_plan)
        old_level = find_plan(replaces).level
        if result.plan.level != old_level:
            result = import_plan(path, plan_id=plan_id, level=old_level)  # type: ignore[arg-type]
    plan = _with_lineage(result.plan)
    older = superseded_by(plan) if replaces is None else None
    replaces = replaces or (older.id if older is not None else None)
    if replaces:
        saved, stored = replace_plan(plan, replaces)
        result.notes.append(
            ImportNote(
                0,
                f"已作为方案库中 {replaces} 的第 {stored.revision} 版保存，原版本保留"
                + ("（标题相同、稿本或日期更新的新版本）" if older is not None else ""),
            )
        )
    else:
        saved = add_user_plan(plan)
    stored_plan = load_plan(saved)
    return (
        ImportResult(
            plan=stored_plan, notes=result.notes, level=result.level, replaced=replaces or ""
        ),
        saved,
    )


def reimport_at_level(
    path: str | Path, stored: Path, plan_id: str, level: PlanLevel
) -> ImportResult:
    """Read the plan again at the level the user confirmed, in place of the stored copy.

    The level decides whose units the clauses name (市发改委 or 县发改局), so the
    plan is read again rather than relabelled; it keeps the id it was stored under.
    """
    from app.core.plans.library import save_plan

    result = import_plan(path, plan_id=plan_id, level=level)
    result.plan = _with_lineage(result.plan)  # the level decides which plans are above it
    save_plan(result.plan, stored)
    return result


def _with_lineage(plan: Plan) -> Plan:
    """The plan with its measures linked to those of the library's plans above it."""
    from app.core.plans.library import list_plans, load_plan
    from app.core.plans.lineage import link_plan, plans_above

    library = [load_plan(entry.path) for entry in list_plans() if not entry.problem]
    return link_plan(plan, plans_above(plan, library))
