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
from app.importer.feedback_carry import carry
from app.importer.feedback_docx import FeedbackError, read_returned
from app.importer.feedback_match import match

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


def unit_from_name(stem: str, units) -> str:
    """The unit a file name names: 县住建局反馈 → 县住建局, a catalogue name (or alias) first."""
    best = ""
    for names in units:
        for name in names:
            if name and name in stem and len(name) > len(best):
                best = names[0]
    return best


def read_feedback(path: str | Path, sent, unit: str | None = None) -> Feedback:
    """The opinions in one returned file (.docx, .doc/.wps, or a 反馈意见表 .xlsx).

    `sent`: app/export/content.sent_draft(draft). The unit: `unit`, else the catalogue unit
    the file name names, else each comment's or change's author, else the file name.
    Raises FeedbackError (a Chinese message) for a damaged or unrelated file.
    """
    path = Path(path)
    returned = read_returned(path)
    against, notes = _as_sent(returned, sent)
    found = match(returned, against, own_author=sent.own_author)
    if not found.opinions and not found.unmatched:
        raise FeedbackError(
            f"{path.name} 中没有找到批注、修订、修改或反馈意见表，也不像本方案的返回稿"
        )
    if returned.anchored is False and returned.paragraphs and not found.opinions:
        raise FeedbackError(f"{path.name} 与本方案的内容对不上，不像本方案的返回稿")
    named = unit or unit_from_name(path.stem, sent.units)
    fallback = _NAME_NOISE.sub("", path.stem) or path.stem
    authors = [o.author for o in found.opinions if o.author]
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
    return Feedback(fresh, found.unmatched, notes)


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
