"""意见采纳情况表: the opinions sent back in the consultation round and what became of each.

The rows (序号, 反馈单位, 条款, 意见内容, 处理情况, 理由/说明) and the summary line ("共收到N家
单位反馈意见M条，采纳X条，部分采纳Y条，未采纳Z条") are read here once, for the Word table
below and the Excel sheet (opinions_sheet.py). How it counts: a unit is counted once however
many opinions it sent; a unit that replied 无意见 counts among the units that replied, not
among the opinions (and is named in the note under the table); 未采纳 is 不采纳.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.draft.consultation import OPINION_DECISIONS, Opinion
from app.core.draft.model import Draft
from app.core.readout.crosswalk import county_paths
from app.export.files import safe_file_name
from app.export.package_doc import start, table, title
from app.export.style import HouseStyle

SUFFIX = "意见采纳情况表"
OPINION_HEADERS = ("序号", "反馈单位", "条款", "意见内容", "处理情况", "理由/说明")
SHARES = (0.06, 0.13, 0.20, 0.30, 0.12, 0.19)
ALIGNS = ("center", "center", "left", "justify", "center", "justify")
WHOLE_DRAFT = "全文"


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


def opinion_content(opinion: Opinion) -> str:
    """意见内容 in words: the comment, or what the change proposes."""
    if opinion.kind == "insertion" or (opinion.kind == "edit" and not opinion.original):
        said = f"建议增加{_quote(opinion.proposed)}"
    elif opinion.kind == "deletion" or (opinion.kind == "edit" and not opinion.proposed):
        said = f"建议删除{_quote(opinion.original)}"
    elif opinion.kind == "edit":
        said = f"建议将{_quote(opinion.original)}修改为{_quote(opinion.proposed)}"
    else:
        said = opinion.comment.strip()
        if opinion.proposed.strip():
            said += f"（建议修改为{_quote(opinion.proposed)}）"
        return said or "—"
    if opinion.comment.strip():
        said += f"。{opinion.comment.strip()}"
    return said


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
    rows = []
    for opinion in (o for o in draft.opinions if o.kind != "none"):
        rows.append(
            OpinionRow(
                len(rows) + 1,
                opinion.unit.strip(),
                opinion_place(draft, opinion.node_id, paths),
                opinion_content(opinion),
                OPINION_DECISIONS[opinion.decision],
                opinion.reason.strip(),
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


def opinions_title(draft: Draft) -> str:
    return f"《{draft.meta.document_title}》{SUFFIX}"


def opinions_path(draft: Draft, folder: Path, suffix: str = ".docx") -> Path:
    return Path(folder) / f"{safe_file_name(draft.meta.document_title)}{SUFFIX}{suffix}"


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
