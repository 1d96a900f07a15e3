"""Returned files read into the draft (`peakplan feedback`, 意见处理 › 导入反馈…) and every
pending change adopted (`feedback --adopt-all`, 意见处理 › 采纳列出的全部修改)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.draft.consultation import OPINION_KINDS
from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.tasks.result import TaskError, TaskResult


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
    refused: list[tuple[str, str]] = field(default_factory=list)
    """Opinions --adopt-all could not adopt (left 待处理), each with why."""
    said: list[str] = field(default_factory=list)
    """What could not be placed or read, and repeats: on standard error beside --json."""


def read_returned_files(
    draft: Draft, paths: Sequence[str | Path], unit: str | None = None, *, adopt_all: bool = False
) -> Returned:
    """Each file read against the draft as its Word export prints it (read_feedback), the
    opinions added (add_opinions), adopted too with `adopt_all`. A file that cannot be read
    raises TaskError naming it; nothing is added then."""
    from app.export.word.document import sent_copy
    from app.feedback.reader import read_feedback

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
    edited since (the window: files read in workers while the user works on). An opinion
    already in the draft (the same file or comment imported again) is not added twice."""
    from app.core import operations as ops

    before = len(draft.opinions)
    updated = ops.add_opinions(draft, read.found)
    added = [o.id for o in updated.opinions[before:]]
    refused: list[tuple[str, str]] = []
    if read.adopt_all:
        updated, refused = adopt_possible(updated, added)
    rows = opinion_rows(draft, updated, added)
    for row in rows:
        row["not_adopted"] = dict(refused).get(row["id"], "")
    said = [f"未能对应：{f.path}：{text[:60]}" for f in read.files for text in f.unmatched]
    said += [f"注意：{f.path.name}：{note}" for f in read.files for note in f.notes]
    if len(added) < len(read.found):
        said.append(f"提示：{len(read.found) - len(added)} 条意见与已导入的意见相同，未重复添加")
    lines = [_row_line(row) for row in rows] + said
    lines += [f"未采纳：{oid}：{why}（仍为待处理）" for oid, why in refused]
    return Returned(
        lines=lines,
        draft=updated,
        data=rows,
        added=added,
        files=read.files,
        found=read.found,
        adopt_all=read.adopt_all,
        refused=refused,
        said=said,
    )


def adopt_possible(draft: Draft, ids: Iterable[str] | None = None):
    """The changes given (every pending one when None) adopted where they can be; the rest
    stay 待处理, each with why (ops.adopt_possible)."""
    from app.core import operations as ops

    try:
        return ops.adopt_possible(draft, None if ids is None else list(ids))
    except PeakPlanError as exc:
        raise TaskError("", exc.one_line()) from exc


def closing_line(result: Returned, where: str) -> str:
    """How many opinions were stored, and with --adopt-all how many were adopted."""
    adopted = ""
    if result.adopt_all:
        adopted = (
            f"（已采纳 {len(result.added) - len(result.refused)} 条，{len(result.refused)} 条"
            "无法采纳，仍为待处理）"
            if result.refused
            else "（已全部采纳）"
        )
    return f"共 {len(result.added)} 条意见，已存入 {where}{adopted}"


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
    return f"{row['id']}\t{row['unit']}\t{OPINION_KINDS[row['kind']]}\t{where}\t{text}"
