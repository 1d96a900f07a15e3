"""意见采纳情况表: the opinions sent back in the consultation round and what became of each.

The rows (序号, 反馈单位, 条款, 意见内容, 处理情况, 理由/说明 — the team's reason, and the
unit's own 理由 named as such) and the summary line ("共收到N家
单位反馈意见M条，采纳X条，部分采纳Y条，未采纳Z条") are read here once, for the Word table
below and the Excel sheet (opinions_sheet.py). How it counts: a unit is counted once however
many opinions it sent; a unit that replied 无意见 counts among the units that replied, not
among the opinions (and is named in the note under the table); 未采纳 is 不采纳.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.draft.consultation import OPINION_DECISIONS, Opinion
from app.core.draft.mentions import TextRenderer
from app.core.draft.model import Draft
from app.core.readout.crosswalk import county_paths
from app.export.files import file_stem
from app.export.package.opinion_words import change_words
from app.export.package.package_doc import start, table, title
from app.export.style import HouseStyle

SUFFIX = "意见采纳情况表"
OPINION_HEADERS = ("序号", "反馈单位", "条款", "意见内容", "处理情况", "理由/说明")
SHARES = (0.06, 0.13, 0.20, 0.30, 0.12, 0.19)
ALIGNS = ("center", "center", "left", "justify", "center", "justify")
WHOLE_DRAFT = "全文"
QUOTED = 20
"""A comment's words up to this long are quoted before it; longer ones (a comment on a whole
paragraph) are not: the 条款 says where it is."""


@dataclass(frozen=True)
class OpinionRow:
    number: int
    unit: str
    place: str
    content: str
    decision: str
    reason: str

    @property
    def values(self) -> tuple[str, ...]:
        return (
            str(self.number),
            self.unit,
            self.place,
            self.content,
            self.decision,
            self.reason,
        )


@dataclass(frozen=True)
class OpinionSummary:
    units: int
    opinions: int
    adopted: int
    partly: int
    rejected: int
    elsewhere: int
    pending: int
    no_opinion_units: tuple[str, ...]

    @property
    def line(self) -> str:
        """共收到N家单位反馈意见M条，采纳X条，部分采纳Y条，未采纳Z条 (and the rest, if any)."""
        out = (
            f"共收到{self.units}家单位反馈意见{self.opinions}条，采纳{self.adopted}条，"
            f"部分采纳{self.partly}条，未采纳{self.rejected}条"
        )
        if self.elsewhere:
            out += f"，已采纳于其他意见{self.elsewhere}条"
        if self.pending:
            out += f"，待处理{self.pending}条"
        return out + "。"

    @property
    def note(self) -> str:
        """How the line counts: units once, 无意见 replies as units and not as opinions."""
        out = "说明：反馈单位按单位计数，同一单位的多条意见计为一家单位；"
        if self.no_opinion_units:
            names = "、".join(self.no_opinion_units)
            out += (
                f"{names}共{len(self.no_opinion_units)}家单位回复无意见，计入反馈单位数，"
                "不计入意见条数，表中不列。"
            )
        else:
            out += "回复无意见的单位计入反馈单位数，不计入意见条数，表中不列。"
        return out


def _quote(text: str) -> str:
    return f"“{text.strip()}”"


def opinion_content(opinion: Opinion, around: str = "") -> str:
    """意见内容 in words: the comment, or what the change asks (opinion_words.change_words:
    the words changed, not the paragraph around them). `around`: the part as it prints."""
    comment = opinion.comment.strip()
    if opinion.kind == "table":  # the unit's own words, with the change or 原文 they are about
        original, proposed = opinion.original.strip(), opinion.proposed.strip()
        if original and proposed and "“" not in comment:  # the comment does not say it
            said = change_words(opinion.original, opinion.proposed, around)
            return f"{said}。{comment}" if comment else said
        if comment and original and original not in comment and len(original) <= QUOTED + 10:
            comment = f"（原文{_quote(original)}）{comment}"
        return comment or "—"
    if opinion.kind in ("insertion", "deletion", "edit"):
        said = change_words(opinion.original, opinion.proposed, around)
        if comment:
            said += f"。{comment}"
        return said
    said = comment
    if opinion.proposed.strip():
        said += f"（建议修改为{_quote(opinion.proposed)}）"
    if opinion.original.strip() and said and len(opinion.original.strip()) <= QUOTED:
        said = f"（针对{_quote(opinion.original)}）{said}"
    return said or "—"


GROUNDS = "反馈单位理由："


def opinion_reasons(opinion: Opinion) -> str:
    """理由/说明: the team's reason for its decision, then the unit's own 理由 for the opinion
    (a 反馈意见表's 理由 column) on a line of its own, named as the unit's — never run into
    the opinion's words."""
    lines = [opinion.reason.strip()]
    if opinion.grounds.strip():
        lines.append(GROUNDS + opinion.grounds.strip())
    return "\n".join(line for line in lines if line)


def printed_part(draft: Draft, opinion: Opinion, render: TextRenderer | None = None) -> str:
    """The part an opinion is on, as it prints now ('' when it is gone or not a paragraph)."""
    render = render or TextRenderer(draft)
    if opinion.place == "preamble":
        preamble = draft.meta.preamble
        return render(preamble[opinion.index]) if opinion.index < len(preamble) else ""
    node = draft.find(opinion.node_id) if opinion.node_id else None
    if node is None or opinion.place != "paragraph" or opinion.index >= len(node.paragraphs):
        return ""
    return render(node.paragraphs[opinion.index])


def opinion_place(draft: Draft, node_id: str, paths: dict[str, str] | None = None) -> str:
    """条款: 三（一）2 推进煤炭消费替代和转型升级, as the 对照表 names county measures."""
    if not node_id:
        return WHOLE_DRAFT
    node = draft.find(node_id)
    if node is None:
        return "（已删除的条目）"
    paths = paths if paths is not None else county_paths(draft)
    path = paths.get(node_id, "")
    return f"{path} {node.title}".strip()


def opinion_rows(draft: Draft) -> list[OpinionRow]:
    """One row an opinion (无意见 replies aside), in the order they came."""
    paths = county_paths(draft)
    render = TextRenderer(draft)
    rows = []
    for opinion in (o for o in draft.opinions if o.kind != "none"):
        rows.append(
            OpinionRow(
                len(rows) + 1,
                opinion.unit.strip(),
                opinion_place(draft, opinion.node_id, paths),
                opinion_content(opinion, printed_part(draft, opinion, render)),
                OPINION_DECISIONS[opinion.decision],
                opinion_reasons(opinion),
            )
        )
    return rows


def opinion_summary(draft: Draft) -> OpinionSummary:
    units = list(dict.fromkeys(o.unit.strip() for o in draft.opinions if o.unit.strip()))
    counted = [o for o in draft.opinions if o.kind != "none"]
    with_opinions = {o.unit.strip() for o in counted}
    silent = tuple(u for u in units if u not in with_opinions)

    def count(decision: str) -> int:
        return sum(1 for o in counted if o.decision == decision)

    return OpinionSummary(
        units=len(units),
        opinions=len(counted),
        adopted=count("adopted"),
        partly=count("partly"),
        rejected=count("rejected"),
        elsewhere=count("elsewhere"),
        pending=count("pending"),
        no_opinion_units=silent,
    )


def pending_line(draft: Draft) -> str:
    """A warning when opinions are still 待处理, naming their 序号 in the 意见采纳情况表 ('' when
    none is): the package should not go out with them undecided unnoticed."""
    counted = [o for o in draft.opinions if o.kind != "none"]
    numbers = [str(k) for k, o in enumerate(counted, start=1) if o.decision == "pending"]
    if not numbers:
        return ""
    shown = "、".join(numbers[:10]) + ("等" if len(numbers) > 10 else "")
    return f"注意：还有 {len(numbers)} 条反馈意见待处理（意见采纳情况表第 {shown} 条），请处理后再报送。"


def opinions_title(draft: Draft) -> str:
    return f"《{draft.meta.document_title}》{SUFFIX}"


def opinions_path(draft: Draft, folder: Path, suffix: str = ".docx") -> Path:
    return Path(folder) / f"{file_stem(draft)}{SUFFIX}{suffix}"


def opinions_bytes(draft: Draft, style: HouseStyle | None = None) -> bytes:
    """The .docx: title, the summary line, the table, the note on how it counts."""
    doc = start(draft, style, landscape=True)
    styles = doc.styles
    summary = opinion_summary(draft)
    rows = opinion_rows(draft)
    doc.add(title(styles, opinions_title(draft)))
    doc.add(styles.text("body", summary.line))
    if rows:
        doc.add(table(doc, SHARES, OPINION_HEADERS, (r.values for r in rows), ALIGNS))
    else:
        doc.add(styles.text("body", "尚未收到反馈意见。"))
    doc.add(styles.text("body", summary.note))
    return doc.docx()
