"""Returned files read into the draft (`peakplan feedback`, 意见处理 › 导入反馈…) and every
pending change adopted (`feedback --adopt-all`, 意见处理 › 采纳列出的全部修改)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.tasks.result import TaskError, TaskResult

KIND_WORDS = {
    "comment": "批注",
    "insertion": "插入",
    "deletion": "删除",
    "edit": "修改",
    "table": "意见表",
    "none": "无意见",
}


@dataclass
class FileRead:
    """One returned file: how many opinions it gave, what could not be placed, notes."""

    path: Path
    added: int
    unmatched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Returned(TaskResult):
    added: list[str] = field(default_factory=list)
    """The ids of the opinions added (o7, o8 …)."""
    files: list[FileRead] = field(default_factory=list)
    found: list = field(default_factory=list)
    """The opinions as read, before the draft numbers them."""
    adopt_all: bool = False


def read_returned_files(
    draft: Draft, paths: Sequence[str | Path], unit: str | None = None, *, adopt_all: bool = False
) -> Returned:
    """Each file read against the draft as its Word export prints it (read_feedback), the
    opinions added (add_opinions), adopted too with `adopt_all`. A file that cannot be read
    raises TaskError naming it; nothing is added then."""
    from app.export.word import sent_copy
    from app.importer.feedback import read_feedback

    sent = sent_copy(draft)
    found, files = [], []
    for path in paths:
        try:
            feedback = read_feedback(path, sent, unit)
        except PeakPlanError as exc:
            raise TaskError(str(path), exc.one_line()) from exc
        found.extend(feedback.opinions)
        files.append(
            FileRead(Path(path), len(feedback.opinions), feedback.unmatched, feedback.notes)
        )
    return take_in(draft, Returned(files=files, found=found, adopt_all=adopt_all))


def take_in(draft: Draft, read: Returned) -> Returned:
    """The opinions read added to `draft`: the draft they were read against, or the same draft
    edited since (the window: files read in workers while the user works on)."""
    from app.core import operations as ops

    before = len(draft.opinions)
    updated = ops.add_opinions(draft, read.found)
    added = [o.id for o in updated.opinions[before:]]
    if read.adopt_all:
        updated = adopt_pending(updated, added)
    rows = opinion_rows(draft, updated, added)
    lines = [_row_line(row) for row in rows]
    lines += [f"未能对应：{f.path}：{text[:60]}" for f in read.files for text in f.unmatched]
    return Returned(
        lines=lines,
        draft=updated,
        data=rows,
        added=added,
        files=read.files,
        found=read.found,
        adopt_all=read.adopt_all,
    )


def adopt_pending(draft: Draft, ids: Iterable[str] | None = None) -> Draft:
    """The changes given (every pending one when None) adopted in turn, or none of them."""
    from app.core import operations as ops

    try:
        return ops.adopt_all(draft, None if ids is None else list(ids))
    except PeakPlanError as exc:
        raise TaskError("", exc.one_line()) from exc


def opinion_rows(before: Draft, after: Draft, ids: Sequence[str]) -> list[dict]:
    """The opinions added, as `peakplan feedback --json` lists them."""
    from app.core.readout.render import labels

    label_of = labels(after)
    wanted = set(ids)
    rows = []
    for opinion in (o for o in after.opinions if o.id in wanted):
        node = before.find(opinion.node_id) if opinion.node_id else None
        rows.append(
            {
                "id": opinion.id,
                "unit": opinion.unit,
                "author": opinion.author,
                "kind": opinion.kind,
                "node_id": opinion.node_id,
                "label": label_of.get(opinion.node_id, ""),
                "title": node.title if node else "",
                "place": opinion.place,
                "index": opinion.index,
                "original": opinion.original,
                "proposed": opinion.proposed,
                "comment": opinion.comment,
                "source": opinion.source,
                "matched": opinion.matched,
                "decision": opinion.decision,
            }
        )
    return rows


def _row_line(row: dict) -> str:
    where = f"{row['label']}{row['title']}" or "全文"
    text = row["comment"] or f"“{row['original']}” → “{row['proposed']}”"
    return f"{row['id']}\t{row['unit']}\t{KIND_WORDS[row['kind']]}\t{where}\t{text}"
