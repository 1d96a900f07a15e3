"""Returned files read against the draft as sent: `read_feedback` (ARCHITECTURE.md: the importer
reads files; the draft as printed comes in from app/export/content.sent_draft, so the
importer needs no draft room).

    feedback = read_feedback(path, sent_draft(draft), unit="县住建局")
    draft = ops.add_opinions(draft, feedback.opinions)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.core.draft.consultation import SENT_MARK, FoundOpinion, opinion_key
from app.feedback.carry import carry
from app.feedback.forms import UNIT_END
from app.feedback.match import NO_OPINION, match
from app.feedback.paragraphs import joined_splits, merges, printed_lines, toc_notes
from app.feedback.word_file import FeedbackError, read_returned

__all__ = ["Feedback", "FeedbackError", "read_feedback", "unit_from_name"]

_NAME_NOISE = re.compile(
    r"(?:关于|对|的|反馈意见表|反馈意见|反馈|修改意见|意见表|意见|修改稿|修订|回复|盖章|扫描件|\d+|[（）()\[\]【】_\-—\s.])"
)


@dataclass
class Feedback:
    opinions: list[FoundOpinion] = field(default_factory=list)
    """The core's record, numbered when added to the draft (ops.add_opinions)."""
    unmatched: list[str] = field(default_factory=list)
    """Returned paragraphs that could not be placed in the draft: listed, never dropped."""
    notes: list[str] = field(default_factory=list)
    repeated: list[FoundOpinion] = field(default_factory=list)
    """Opinions the draft holds already (the same file or comment imported before): not added
    again, but `feedback --adopt-all` adopts those still 待处理."""


def unit_from_name(stem: str, units) -> str:
    """The unit a file name names: 县住建局反馈 → 县住建局, a catalogue name (or alias) first."""
    best = ""
    for names in units:
        for name in names:
            if name and name in stem and len(name) > len(best):
                best = names[0]
    return best


_OFFICE_PLACEHOLDERS = {"Comment added", "Comment deleted", "Comment changed", "批注已添加"}
"""What LibreOffice writes as the text of a comment of its own when it saves a comment made
with record changes on in a .doc (the tracked insertion of the comment, not the unit's)."""
_FORM_LINE = re.compile(r"意见表|反馈单位|填表|联系人|联系电话|日期|年\s*\d*\s*月|盖章|^附件")


def _office_noise(opinions: list[FoundOpinion]) -> list[FoundOpinion]:
    """Comments LibreOffice made up dropped; a comment saying only 无意见 is a 无意见 reply."""
    out = []
    for o in opinions:
        if o.kind == "comment" and o.comment.strip() in _OFFICE_PLACEHOLDERS:
            continue
        if o.kind == "comment" and NO_OPINION.match(o.comment):
            o = o.model_copy(
                update={
                    "kind": "none",
                    "place": "draft",
                    "node_id": "",
                    "index": 0,
                    "original": "",
                    "matched": "none",
                }
            )
        out.append(o)
    return out


_NO_OPINION_WORDS = re.compile(r"无意见|没有意见|无修改意见|无其他意见|无异议")


def _letter(returned, found) -> None:
    """A short letter of its own (no bookmark, no form) saying 无意见 is a 无意见 reply, even
    when its heading (关于《…方案》的反馈意见) looks like the draft's title."""
    body = "".join(p.text for p in returned.paragraphs).strip()
    if returned.anchored or returned.tables or len(body) > 300:
        return
    if _NO_OPINION_WORDS.search(body) and all(o.kind in ("edit", "none") for o in found.opinions):
        found.opinions[:] = [FoundOpinion(kind="none", place="draft", matched="none", comment=body)]
        found.unmatched.clear()


def read_feedback(path: str | Path, sent, unit: str | None = None) -> Feedback:
    """The opinions in one returned file (.docx, .doc/.wps, or a 反馈意见表 .xlsx).

    `sent`: app/export/content.sent_draft(draft). The unit: `unit`, else the catalogue unit
    the file name names, else the file name where it reads as a unit (县林草局.docx), else a
    form's 单位, else each comment's or change's author, else the document's author (who
    saved it last), else the file name.
    Raises FeedbackError (a Chinese message) for a damaged or unrelated file.
    """
    path = Path(path)
    returned = read_returned(path)
    against, notes = _as_sent(returned, sent)
    found = match(returned, against, own_author=sent.own_author)
    found.opinions = _office_noise(found.opinions)
    _letter(returned, found)
    found.opinions = printed_lines(joined_splits(found.opinions), tuple(sent.lines))
    merged, merge_notes = merges(returned, against.blocks)
    found.opinions += merged
    found.notes += merge_notes
    found.notes += toc_notes(returned, against.blocks)
    if not found.opinions and not found.unmatched and not found.notes:
        raise FeedbackError(
            f"{path.name} 中没有找到批注、修订、修改或反馈意见表，也不像本方案的返回稿"
        )
    if returned.anchored is False and returned.paragraphs and not found.opinions:
        raise FeedbackError(f"{path.name} 与本方案的内容对不上，不像本方案的返回稿")
    if returned.tables and not returned.anchored:  # a form: its title lines are no opinions
        found.unmatched = [t for t in found.unmatched if not _FORM_LINE.search(t)]
    fallback = _NAME_NOISE.sub("", path.stem) or path.stem
    named = unit or unit_from_name(path.stem, sent.units)
    named = named or (fallback if UNIT_END.search(fallback) else "")  # 县林草局.docx
    saved_by = returned.author if returned.author != sent.own_author else ""
    authors = [o.author for o in found.opinions if o.author] + [saved_by] * bool(saved_by)
    opinions = [
        opinion.model_copy(
            update={
                "source": path.name,
                "version": against.version,
                "unit": named
                or opinion.unit
                or opinion.author
                or (authors[0] if authors else fallback),
            }
        )
        for opinion in found.opinions
    ]
    notes.extend([*returned.notes, *found.notes])
    if against is not sent:
        opinions, flags = carry(opinions, against, sent)
        notes.extend(flags)
    fresh = [o for o in opinions if opinion_key(o) not in sent.known]
    if len(fresh) < len(opinions):
        notes.append(
            f"{len(opinions) - len(fresh)} 条意见此前已导入（同一文件或同一批注），未重复添加"
        )
    if found.unmatched:
        notes.append(f"{len(found.unmatched)} 段文字未能对应到方案中的位置")
    repeated = [o for o in opinions if opinion_key(o) in sent.known]
    return Feedback(fresh, found.unmatched, notes, repeated)


def _as_sent(returned, sent):
    """The draft as this copy was sent (the export's mark in the file), to compare it with;
    the current draft, with a note, when the draft keeps no copy of that export."""
    mark = returned.properties.get(SENT_MARK, "")
    if not mark or mark == sent.mark:
        return sent, []
    then = sent.earlier(mark) if sent.earlier is not None else None
    if then is not None and _agrees(returned, then) >= _agrees(returned, sent):
        return then, []
    if then is not None:  # a mark copied from another file: its text says otherwise
        return sent, ["此文件所标的发出稿与其文字不符，已按当前稿对照，采纳前请核对"]
    return sent, [
        "此文件发出时的文稿在起草文件中没有记录（不是从本起草文件导出，或记录已超出保留数量），"
        "已按当前稿对照：起草组此后改过的文字可能显示为该单位的修改，采纳前请核对"
    ]


def _agrees(returned, sent) -> int:
    """How many of the sent paragraphs the returned copy holds word for word (before its
    tracked changes): the text it was made from holds the most."""
    texts = {p.text for p in returned.paragraphs if p.text.strip()}
    return sum(1 for _name, _node, parts in sent.blocks if "".join(t for _k, t in parts) in texts)
