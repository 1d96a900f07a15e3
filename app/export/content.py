"""What the exports print, before any format: paragraphs for Word and the preview, lines for the task table.

The Word writer and the preview lay out the same blocks, so the preview shows
what prints (a measure title run in or on its own line, as the draft's layout
says); the Word 附件 and the Excel sheet write the same task lines under the
same title and headers. Text is kept as the user typed it: each writer makes
it safe for its format through `printable` and its own escaping.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.core.draft.model import Draft, Node
from app.core.readout.render import RenderedNode
from app.core.readout.task_rows import TaskRow
from app.core.text.numbering import chinese_month
from app.export.style import HouseStyle

_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_RUN_IN_ENDS = ("。", "：", "？", "！")
TEXT_COLUMNS = frozenset({3, 5})
"""Task-table columns of running text (主要工作, 配合单位): justified, the others centred."""


def printable(text: str) -> str:
    """The text less what XML 1.0 and spreadsheets cannot hold (control characters but tab and line break)."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Run:
    """Text in the font and size of one of the house style's text styles."""

    text: str
    style: str
    bold: bool | None = None
    """None: as the style says."""
    place: tuple[str, int] | None = None
    """The part of its node it prints — ("title", 0), ("paragraph", i), ("clause", 0) — so an
    open question can find its words (questions.py); None for text of no node."""
    opens: tuple[int, ...] = ()
    """Notes (printed open questions) whose words begin with this run."""
    closes: tuple[int, ...] = ()
    """Notes whose words end with this run."""


@dataclass(frozen=True)
class Block:
    """One printed paragraph: a house-style text style and its runs."""

    style: str
    runs: tuple[Run, ...] = ()
    node_id: str = ""
    outline: int = 0
    """1–3 for a heading the 目录 lists, on a line of its own or run in; 0 otherwise."""
    toc_text: str = ""
    """A run-in heading as the 目录 lists it (the paragraph goes on after it); "" otherwise."""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def heading(self) -> str:
        """What the 目录 lists for this block: the run-in heading, or the heading's line."""
        return self.toc_text or self.text


def block(style: str, text: str = "", *, node_id: str = "", outline: int = 0) -> Block:
    """A paragraph of one run in its own style (none when the text is empty)."""
    runs = (Run(text, style),) if text else ()
    return Block(style, runs, node_id, outline)


def coalesce(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Neighbouring runs of one format merged, unless a note's words begin or end between them.

    A paragraph and the clause that ends it are separate runs until here, so that
    a question on either finds its words; Word gets one run, as before.
    """
    out: list[Run] = []
    for run in runs:
        last = out[-1] if out else None
        if (
            last is not None
            and (last.style, last.bold) == (run.style, run.bold)
            and not last.closes
            and not run.opens
        ):
            out[-1] = Run(last.text + run.text, run.style, run.bold, None, last.opens, run.closes)
        else:
            out.append(run)
    return tuple(out)


def runs_in(draft: Draft, node: Node) -> bool:
    """Whether a node's title is run into its first paragraph: the draft's layout choice for measures."""
    if node.level < 3 and node.title_style != "run_in":
        return False
    choice = draft.layout.measure_titles
    if node.level == 3 and choice != "as_written":
        return choice == "run_in"
    return node.title_style == "run_in"


def date_text(date: str) -> str:
    """2023-09 → 二〇二三年九月, as the cover writes it."""
    if not date:
        return ""
    return chinese_month(int(date[:4]), int(date[5:7]))


def cover_blocks(draft: Draft) -> list[Block]:
    """The cover: title, stage, 委托单位 / 编制单位 when given, the month."""
    meta = draft.meta
    blocks = [block("cover_title", meta.document_title), block("cover_stage", f"（{meta.stage}）")]
    if meta.commissioned_by:
        blocks.append(block("cover_line", f"委托单位：{meta.commissioned_by}"))
    if meta.drafted_by:
        blocks.append(block("cover_line", f"编制单位：{meta.drafted_by}"))
    blocks.append(block("cover_date", date_text(meta.date)))
    return blocks


def body_blocks(draft: Draft, style: HouseStyle, items: Iterable[RenderedNode]) -> list[Block]:
    """The body: title, preamble, then every node as the layout lays it out."""
    title = draft.meta.document_title
    blocks = [Block("title", _texts([Run(title, "title", place=("document", 0))]))]
    blocks.extend(
        Block("body", _texts([Run(text, "body", place=("preamble", i))]))
        for i, text in enumerate(draft.meta.preamble)
    )
    for item in items:
        blocks.extend(_node_blocks(draft, style, item))
    return blocks


def _node_blocks(draft: Draft, style: HouseStyle, item: RenderedNode) -> list[Block]:
    """A heading on its own line or run in (bold) before its first paragraph; the clause ends the last.

    A numbered run-in heading of levels 1–3 is listed in the 目录 like one on its own line.
    """
    node = item.node
    heading = item.heading
    level = min(node.level, 3)
    key = f"heading{level}"
    title = ("title", 0)
    lines = [[Run(text, "body", place=("paragraph", i))] for i, text in enumerate(item.paragraphs)]
    if item.clause:
        clause = Run(item.clause, "body", place=("clause", 0))
        if lines:
            lines[-1].append(clause)
        else:
            lines.append([clause])
    blocks = []
    run_in = runs_in(draft, node)
    if node.level >= 4 and node.numbered and not run_in:
        blocks.append(Block("body", (Run(heading, "body", place=title),), node.id))
    elif run_in or not node.numbered:
        lead = heading if heading.endswith(_RUN_IN_ENDS) else f"{heading}。"
        bold = node.level >= 3 or style.of(key).bold
        first = lines.pop(0) if lines else []
        listed = node.numbered and node.level <= 3
        blocks.append(
            Block(
                "body",
                _texts((Run(lead, key, bold, place=title), *first)),
                node.id,
                outline=level if listed else 0,
                toc_text=heading.rstrip("".join(_RUN_IN_ENDS)) if listed else "",
            )
        )
    else:
        blocks.append(Block(key, (Run(heading, key, place=title),), node.id, outline=node.level))
    blocks.extend(Block("body", _texts(runs), node.id) for runs in lines)
    return blocks


def _texts(runs: Iterable[Run]) -> tuple[Run, ...]:
    return tuple(run for run in runs if run.text)


_ANCHOR_KEYS = {"title": "t", "paragraph": "p", "clause": "c"}


def part_key(place: tuple[str, int] | None) -> str:
    """t a heading, p0 a node's first paragraph, c its clause; "" for no part of a node."""
    if place is None or place[0] not in _ANCHOR_KEYS:
        return ""
    key = _ANCHOR_KEYS[place[0]]
    return f"{key}{place[1]}" if key == "p" else key


def anchored_parts(block: Block) -> list[tuple[str, str]]:
    """A block's parts in order, (key, printed text), neighbouring runs of one part joined;
    the preamble's and the title's paragraphs are one part each (keys pre0, doc)."""
    parts: list[tuple[str, str]] = []
    for run in block.runs:
        if run.place and run.place[0] in ("preamble", "document"):
            key = "doc" if run.place[0] == "document" else f"pre{run.place[1]}"
        else:
            key = part_key(run.place)
        if parts and parts[-1][0] == key:
            parts[-1] = (key, parts[-1][1] + run.text)
        else:
            parts.append((key, run.text))
    return parts


def anchor_name(block: Block) -> str:
    """The bookmark around a printed paragraph of the draft, stable from export to export.

    One bookmark a paragraph, over the whole of it (one inside a line moves LibreOffice's
    line breaks), named by its node and the parts it prints: pp_n12_t a heading, pp_n12_p0
    a first paragraph, pp_n12_p2_c a last paragraph and the clause, pp_n12_t_p0 a run-in
    heading and its paragraph; pp_pre_0 the preamble's first paragraph, pp_doc the title.
    "" for a paragraph of no part (cover, 目录).
    """
    keys = [key for key, _text in anchored_parts(block) if key]
    if not keys:
        return ""
    if keys[0] == "doc":
        return "pp_doc"
    if keys[0].startswith("pre"):
        return f"pp_pre_{keys[0][3:]}"
    if not block.node_id:
        return ""
    return "_".join(["pp", block.node_id, *keys])


def sent_blocks(draft: Draft, style: HouseStyle, items: Iterable[RenderedNode]) -> list[tuple]:
    """The body as the Word draft prints it, for reading a returned copy against: per
    paragraph, (its bookmark's name, its node id, its parts ((key, printed text), …))."""
    return [
        (anchor_name(b), b.node_id, tuple(anchored_parts(b)))
        for b in body_blocks(draft, style, items)
    ]


_PACKED_LIMIT = 50 * 1024 * 1024


def sent_mark(blocks: list[tuple]) -> str:
    """The printed paragraphs' mark: 16 hex digits of their SHA-256."""
    data = json.dumps(blocks, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def pack_blocks(blocks: list[tuple]) -> str:
    """The printed paragraphs kept small inside the draft: zlib-packed JSON in base64."""
    data = json.dumps(blocks, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(data, 9)).decode("ascii")


def unpack_blocks(packed: str) -> list[tuple] | None:
    """pack_blocks read back; None for data that is not such (a hand-edited file)."""
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.b64decode(packed, validate=True), _PACKED_LIMIT)
        if inflate.unconsumed_tail:
            return None
        return [
            (str(name), str(node), tuple((str(k), str(t)) for k, t in parts))
            for name, node, parts in json.loads(raw.decode("utf-8"))
        ]
    except (ValueError, TypeError, zlib.error):
        return None


@dataclass(frozen=True)
class SentDraft:
    """The draft as its Word export prints it, for reading a returned copy against
    (app/importer/feedback.read_feedback)."""

    blocks: list[tuple]
    units: list[tuple[str, ...]]
    """Each catalogue unit's names: the name clauses use, its full name, its aliases."""
    version: str
    own_author: str
    furniture: frozenset[str] = frozenset()
    """Lines the export prints after the body that are no part of the draft's text (the 附件
    label, the task table's title): coming back unchanged, they are no new paragraphs."""
    earlier: Callable[[str], SentDraft | None] | None = None
    """The draft as an earlier export printed it, by that export's mark (None: not kept)."""
    known: frozenset[tuple] = frozenset()
    """The opinions the draft already holds (consultation.opinion_key): a repeat is said."""

    @property
    def mark(self) -> str:
        return sent_mark(self.blocks)

    @property
    def lines(self) -> tuple[str, ...]:
        """The furniture lines in the order they print (附件, then the task table's title)."""
        return tuple(sorted(self.furniture, key=lambda line: (line != "附件", line)))


def sent_draft(
    draft: Draft, style: HouseStyle, items: Iterable[RenderedNode], own_author: str
) -> SentDraft:
    """(word.sent_copy gives it for a draft.)"""
    units = [(u.name, u.full_name, *u.aliases) for u in draft.catalogue.units]
    version = f"{draft.meta.stage} {draft.meta.date}".strip()
    furniture = (
        frozenset({style.attachment.label, task_title(draft, style)})
        if draft.layout.attachment
        else frozenset()
    )
    return SentDraft(sent_blocks(draft, style, items), units, version, own_author, furniture)


def task_title(draft: Draft, style: HouseStyle) -> str:
    """The task table's one title, over the Word 附件 and the Excel sheet alike."""
    return style.task_table.title_for(draft.meta.document_title)


@dataclass(frozen=True)
class TaskLine:
    """One printed line of the task table: six values, and how each cell merges down."""

    values: tuple[object, ...]
    """序号 (a number), 重点领域, 行动措施, 主要工作, 牵头单位, 配合单位; None under a merge."""
    spans: tuple[int, ...]
    """Per cell: 1 a cell of its own, n > 1 the first of n merged lines, 0 under a merge."""
    node_id: str = ""
    work_index: int = 0
    """The node's work row this line prints (an open question on it finds its words here)."""
    joined: bool = False
    """重点领域 and 行动措施 one cell (the action is its own measure): 行动措施 None, its span 0."""


def task_lines(rows: list[TaskRow]) -> list[TaskLine]:
    """A line per piece of work: 重点领域 merged over its area, 序号 and 行动措施 over a measure's works."""
    area_sizes: list[int] = []
    for index, row in enumerate(rows):
        if index == 0 or rows[index - 1].area != row.area:
            area_sizes.append(0)
        area_sizes[-1] += len(row.works)
    lines: list[TaskLine] = []
    area_left = 0
    areas = iter(area_sizes)
    for row in rows:
        span = len(row.works)
        for k, work in enumerate(row.works):
            area_span = 0
            if area_left == 0:
                area_left = area_span = next(areas)
            area_left -= 1
            own = span if k == 0 else 0
            lines.append(
                TaskLine(
                    (
                        row.number if own else None,
                        row.area if area_span else None,
                        None if row.own_area or not own else row.action,
                        work.printed_work,
                        work.lead,
                        work.cooperating_text,
                    ),
                    (own, area_span, 0 if row.own_area else own, 1, 1, 1),
                    row.node_id,
                    k,
                    joined=row.own_area,
                )
            )
    return lines
