"""`peakplan feedback DRAFT FILE… [--unit U] [--json] [--adopt-all]`: returned files read in.

Each returned .docx (.doc/.wps, or a 反馈意见表 .xlsx) is read against the draft as its Word
export prints it (app/importer/feedback.py); the opinions found are printed and added to
the draft, which is saved atomically. --adopt-all adopts every one of them (the team's own
edited export). A file that cannot be read: one line, exit 2, the draft untouched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import EXIT_OK, fail, print_json
from app.core.draft.consultation import OPINION_KINDS
from app.core.errors import PeakPlanError


def add_feedback_parser(sub) -> None:
    feedback = sub.add_parser(
        "feedback", help="导入反馈稿（批注、修订、修改、反馈意见表），意见存入起草文件"
    )
    feedback.add_argument("draft", metavar="DRAFT", help="起草文件（.peakplan）")
    feedback.add_argument("files", metavar="FILE", nargs="+", help="返回的 .docx/.doc/.wps/.xlsx")
    feedback.add_argument("--unit", help="反馈单位（默认：由文件名、批注作者判断）")
    feedback.add_argument("--json", action="store_true", help="以 JSON 列出意见")
    feedback.add_argument("--adopt-all", action="store_true", help="全部采纳（本单位修改稿）并保存")
    feedback.set_defaults(handler=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    from app.core.draft.writing import editing_draft

    try:  # the lock is held from reading to saving: another writer waits, nothing is lost
        with editing_draft(args.draft) as edit:
            return _feedback(args, edit)
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())


def _feedback(args: argparse.Namespace, edit) -> int:
    from app.core import operations as ops
    from app.core.readout.render import labels
    from app.export.word import sent_copy
    from app.importer.feedback import read_feedback

    draft = edit.draft
    sent = sent_copy(draft)
    found, unmatched, notes = [], [], []
    for path in args.files:
        try:
            feedback = read_feedback(path, sent, args.unit)
        except PeakPlanError as exc:
            return fail(path, exc.one_line())
        found.extend(feedback.opinions)
        unmatched.extend((path, text) for text in feedback.unmatched)
        notes.extend((path, note) for note in feedback.notes)
    before = len(draft.opinions)
    updated = ops.add_opinions(draft, found)
    added = updated.opinions[before:]
    refused: list[tuple[str, str]] = []
    try:
        if args.adopt_all:
            updated, refused = ops.adopt_possible(updated, [o.id for o in added])
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    label_of = labels(updated)
    rows = []
    added_ids = {a.id for a in added}
    for opinion in (o for o in updated.opinions if o.id in added_ids):
        node = draft.find(opinion.node_id) if opinion.node_id else None
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
                "not_adopted": dict(refused).get(opinion.id, ""),
            }
        )
    try:  # one save, after everything is read and checked
        edit.save(updated)
    except PeakPlanError as exc:
        return fail(args.draft, exc.one_line())
    said = [f"未能对应：{path}：{text[:60]}" for path, text in unmatched]
    said += [f"注意：{Path(path).name}：{note}" for path, note in notes]
    if len(added) < len(found):
        said.append(f"提示：{len(found) - len(added)} 条意见与已导入的意见相同，未重复添加")
    if args.json:  # the list on standard output, what was said beside it on standard error
        print_json(rows)
        for line in said:
            print(line, file=sys.stderr)
        return EXIT_OK
    _say(args, rows, said, refused)
    return EXIT_OK


def _say(args, rows: list[dict], said: list[str], refused: list[tuple[str, str]]) -> None:
    """The opinions added, what could not be placed or read, and what was not adopted."""
    for row in rows:
        where = f"{row['label']}{row['title']}" or "全文"
        text = row["comment"] or f"“{row['original']}” → “{row['proposed']}”"
        print(f"{row['id']}\t{row['unit']}\t{OPINION_KINDS[row['kind']]}\t{where}\t{text}")
    for line in said:
        print(line)
    for opinion_id, why in refused:
        print(f"未采纳：{opinion_id}：{why}（仍为待处理）")
    adopted = (
        f"（已采纳 {len(rows) - len(refused)} 条，{len(refused)} 条无法采纳，仍为待处理）"
        if refused
        else "（已全部采纳）"
    )
    print(f"共 {len(rows)} 条意见，已存入 {args.draft}" + (adopted if args.adopt_all else ""))
