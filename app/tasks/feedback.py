"""Returned files read into the draft (`peakplan feedback`, 意见处理 › 导入反馈…) and every
pending change adopted (`feedback --adopt-all`, 意见处理 › 采纳列出的全部修改) — the changes
of the files read, those of them already stored included, or, with no file, every pending
change the draft holds (`feedback DRAFT --adopt-all [--unit U]`)."""

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
    repeated: list = field(default_factory=list)
    """Opinions read that the draft held already (not added again)."""
    adopt_all: bool = False
    adopted: list[str] = field(default_factory=list)
    """The ids --adopt-all adopted: opinions added, or stored before and still 待处理."""
    refused: list[tuple[str, str]] = field(default_factory=list)
    """Opinions --adopt-all could not adopt (left 待处理), each with why."""
    said: list[str] = field(default_factory=list)
    """What could not be placed or read, repeats, and what --adopt-all adopted of those
    imported before or left 待处理: on standard error beside --json."""


def read_returned_files(
    draft: Draft, paths: Sequence[str | Path], unit: str | None = None, *, adopt_all: bool = False
) -> Returned:
    """Each file read against the draft as its Word export prints it (read_feedback), the
    opinions added (add_opinions), adopted too with `adopt_all`. A file that cannot be read
    raises TaskError naming it; nothing is added then."""
    from app.export.word.document import sent_copy
    from app.feedback.reader import read_feedback

    sent = sent_copy(draft)
    found, files, repeated = [], [], []
    for path in paths:
        try:
            feedback = read_feedback(path, sent, unit)
        except PeakPlanError as exc:
            raise TaskError(str(path), exc.one_line()) from exc
        found.extend(feedback.opinions)
        repeated.extend(feedback.repeated)
        files.append(
            FileRead(Path(path), len(feedback.opinions), feedback.unmatched, feedback.notes)
        )
    read = Returned(files=files, found=found, repeated=repeated, adopt_all=adopt_all)
    return take_in(draft, read)


def take_in(draft: Draft, read: Returned) -> Returned:
    """The opinions read added to `draft`: the draft they were read against, or the same draft
    edited since (the window: files read in workers while the user works on). An opinion
    already in the draft (the same file or comment imported again) is not added twice."""
    from app.core import operations as ops
    from app.core.draft.consultation import opinion_key

    before = len(draft.opinions)
    updated = ops.add_opinions(draft, read.found)
    added = [o.id for o in updated.opinions[before:]]
    said = [f"未能对应：{f.path}：{text[:60]}" for f in read.files for text in f.unmatched]
    said += [f"注意：{f.path.name}：{note}" for f in read.files for note in f.notes]
    if len(added) < len(read.found):
        said.append(f"提示：{len(read.found) - len(added)} 条意见与已导入的意见相同，未重复添加")
    adopted: list[str] = []
    refused: list[tuple[str, str]] = []
    if read.adopt_all:  # the file's opinions, those imported before included (still 待处理)
        keys = {opinion_key(o) for o in (*read.found, *read.repeated)}
        ids = [o.id for o in updated.opinions if o.id in added or opinion_key(o) in keys]
        updated, adopted, refused = adopt_pending(updated, ids)
    rows = opinion_rows(draft, updated, added)
    for row in rows:
        row["not_adopted"] = dict(refused).get(row["id"], "")
    said += [f"已采纳此前导入的意见：{oid}" for oid in adopted if oid not in added]
    said += [f"未采纳：{oid}：{why}（仍为待处理）" for oid, why in refused]
    lines = [_row_line(row) for row in rows] + said
    return Returned(
        lines=lines,
        draft=updated,
        data=rows,
        added=added,
        files=read.files,
        found=read.found,
        repeated=read.repeated,
        adopt_all=read.adopt_all,
        adopted=adopted,
        refused=refused,
        said=said,
    )


NO_WORDS = "未写出修改文字，请在意见处理页逐条决定（采纳后该措施留有待定事项，待按意见修改）"
"""Why --adopt-all leaves a comment or form row that asks without giving the words."""


def adoptable(draft: Draft, ids: Iterable[str] | None = None) -> tuple[list[str], list[str]]:
    """Of the opinions given (every one when None), those still 待处理: the changes --adopt-all
    and 采纳列出的全部修改 make (tracked changes, edits, form rows and comments giving their
    words), and the comments and rows that ask without words (left to the team)."""
    from app.core import operations as ops

    wanted = None if ids is None else set(ids)
    pending = [
        o for o in draft.opinions if o.decision == "pending" and (wanted is None or o.id in wanted)
    ]
    return (
        [o.id for o in pending if ops.changes_text(o)],
        [o.id for o in pending if ops.asks_rewrite(o)],
    )


def adopt_pending(
    draft: Draft, ids: Iterable[str] | None = None
) -> tuple[Draft, list[str], list[tuple[str, str]]]:
    """The changes among `ids` (every pending one when None) adopted where they can be: the
    draft, the ids adopted, and those left 待处理 with why (a change whose words are gone, a
    comment without words)."""
    changes, wordless = adoptable(draft, ids)
    updated, refused = adopt_possible(draft, changes)
    not_made = {oid for oid, _why in refused}
    refused += [(oid, NO_WORDS) for oid in wordless]
    return updated, [oid for oid in changes if oid not in not_made], refused


def adopt_stored(draft: Draft, unit: str | None = None) -> Returned:
    """`peakplan feedback DRAFT --adopt-all [--unit U]`: every pending change the draft holds
    (of that unit) adopted, as 意见处理 › 采纳列出的全部修改 does with the table unfiltered
    (filtered to the unit)."""
    ids = [o.id for o in draft.opinions if not unit or o.unit == unit.strip()]
    updated, adopted, refused = adopt_pending(draft, ids)
    rows = opinion_rows(draft, updated, adopted)
    said = [f"未采纳：{oid}：{why}（仍为待处理）" for oid, why in refused]
    return Returned(
        lines=[_row_line(row) for row in rows] + said,
        draft=updated,
        data=rows,
        adopt_all=True,
        adopted=adopted,
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
    """How many opinions were stored, and with --adopt-all how many were adopted: what was
    done, never more."""
    stored = f"共 {len(result.added)} 条意见，已存入 {where}" if result.files else ""
    if not result.adopt_all:
        return stored
    adopted, left = len(result.adopted), len(result.refused)
    if not adopted and not left:
        done = "没有待处理的修改可采纳"
    elif not left:
        done = f"已全部采纳，共 {adopted} 条"
    else:
        done = f"已采纳 {adopted} 条，{left} 条无法采纳，仍为待处理"
    if not result.files:
        return f"{done}；已存入 {where}" if adopted else done
    return f"{stored}；{done}"


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
                "grounds": opinion.grounds,
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
