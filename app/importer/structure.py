"""Headings and paragraphs into a tree: 一、 → （一） → 1. → （1）.

Two things make this more than matching labels. Page breaks split paragraphs
(and responsibility clauses) into blocks: a block that does not end a sentence
continues in the next one unless that one is a heading, and a block is taken
for a heading only if its number follows on from its level's last one, so a
fragment that merely starts with "2." does not become a measure. And titles
are written either on their own line ("1. 推进煤炭消费替代和转型升级") or run
in ("1.大力发展新能源。坚持……"), where the title ends at the first full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from app.core.text.normalise import ends_sentence
from app.core.text.numbering import label_for, number_value, parse_label, to_chinese
from app.importer.blocks import Block, ImportNote
from app.importer.sign_off import is_sign_off, split_trailing_sign_off

MAX_TITLE = 60

CHAPTER = re.compile(r"^第\s*(?P<num>[一二三四五六七八九十百]{1,4})\s*(?P<kind>章|篇|部分|节)\s*")
"""第一篇 / 第一部分 (rank -2), 第一章 (-1) and 第一节 (0): outlines above 一、."""
_TABLE_ROW = re.compile(r"\d[%％]?\s+[-—－]?\d")
"""Two figures side by side: a table row ("一、可再生能源 1373 3114 18%"), not a heading."""


_BOX_START = re.compile(r"^专栏\s*[0-9０-９一二三四五六七八九十]*")
_BOX_TITLE_LONGEST = 40


def _box_title(text: str) -> bool:
    """A 专栏 box's label with its title ("专栏 1 应对气候变化重大工程"): a line of its own, never
    run into the box's first sentence ("专栏1应对气候变化重大工程在火电…")."""
    found = _BOX_START.match(text)
    return (
        found is not None
        and len(text[found.end() :].strip(" ：:")) >= 2
        and len(text) <= _BOX_TITLE_LONGEST
        and not re.search(r"[。；，;,]", text)
    )


_NOTE_START = re.compile(r"^(?:注|备注)\s*[：:]\s*1\s*[.．、]")


def parse_chapter(text: str) -> tuple[int, str, str, str] | None:
    """(rank, number, rest, label) of a 第X章/第X节 heading line."""
    m = CHAPTER.match(text)
    if not m:
        return None
    rank = {"节": 0, "章": -1}.get(m.group("kind"), -2)  # 篇 and 部分 hold chapters
    label = f"第{m.group('num')}{m.group('kind')}"
    return rank, m.group("num"), text[m.end() :], label


@dataclass
class RawSection:
    """A section while the tree is being built (plain data, validated later)."""

    rank: int  # label style: 1 一、 2 （一） 3 1. 4 （1）; 5 for an unnumbered sub-item
    number: str
    value: int
    label: str
    title: str
    title_style: Literal["own_line", "run_in", "none"]
    line: int
    paragraphs: list[str] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    children: list[RawSection] = field(default_factory=list)
    depth: int = 1

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def split_heading_text(rest: str) -> tuple[str, str, Literal["own_line", "run_in", "none"]]:
    """(title, body, style) of what follows a label."""
    rest = rest.strip()
    stop = rest.find("。")
    if stop != -1:
        candidate = rest[:stop].strip()
        body = rest[stop + 1 :].strip()
        if candidate and _title_shaped(candidate):
            return candidate, body, "run_in" if body else "own_line"
        return "", rest, "none"
    if len(rest) <= MAX_TITLE and "，" not in rest[:MAX_TITLE]:
        return rest.rstrip("：:；;"), "", "own_line"
    if len(rest) <= 30 and not rest.endswith(("，", "、", ",")):
        return rest, "", "own_line"  # 强化风险管控，防治土壤污染: a title in two phrases
    return "", rest, "none"


def _title_shaped(text: str) -> bool:
    if len(text) > MAX_TITLE:
        return False
    return len(text) <= 30 or not re.search(r"[，；：]", text)


def _unclosed_bracket(text: str) -> bool:
    """A clause a page break cut after "各区（市）": its ［ or （ is still open."""
    depth = 0
    for ch in text[-200:]:
        if ch in "（(［[【":
            depth += 1
        elif ch in "）)］]】":
            depth = max(0, depth - 1)
    return depth > 0


def _has_sentence(paragraph: str) -> bool:
    if re.search(r"\.{4,}|…{2,}|·{4,}|．{4,}", paragraph):
        return False  # leader dots: contents entries run together
    words = re.sub(r"[\s\d\-—－]+", "", paragraph)
    return len(words) > 40 or bool(re.search(r"[。；！？]", words))


def run_in_lead(paragraph: str) -> str | None:
    """The bold lead phrase of an unnumbered sub-item: "构建绿色低碳产业体系。……"."""
    stop = paragraph.find("。")
    if stop <= 0 or stop > 30:
        return None
    lead = paragraph[:stop]
    if re.search(r"[，、；：“”（）]", lead) or not paragraph[stop + 1 :].strip():
        return None
    return lead


class TreeBuilder:
    """Feeds blocks in document order and keeps the open sections on a stack."""

    def __init__(self) -> None:
        self.roots: list[RawSection] = []
        self.preamble: list[str] = []
        self.preamble_lines: list[int] = []
        self.notes: list[ImportNote] = []
        self._stack: list[RawSection] = []
        self._last_value: dict[int, int] = {}
        self._last_block_was_heading = False
        self._in_note = 0  # after "注：1. …" below a table, the number of its next item
        self._box_next = 0  # inside a 专栏 box: the number of its next （一） item
        self._box_rank = 0  # the rank of the box's item labels (2 for （一）, 1 for 一、)
        self._box_owner: object | None = None  # the section the box is in

    # ---------------------------------------------------------------- paragraphs

    def _paragraph_list(self) -> tuple[list[str], list[int]]:
        if self._stack:
            top = self._stack[-1]
            return top.paragraphs, top.paragraph_lines
        return self.preamble, self.preamble_lines

    def _open_paragraph(self) -> bool:
        paragraphs, _ = self._paragraph_list()
        return (
            bool(paragraphs)
            and not self._last_block_was_heading
            and (not ends_sentence(paragraphs[-1]) or _unclosed_bracket(paragraphs[-1]))
            and not _box_title(paragraphs[-1])
        )

    def _add_paragraph(self, text: str, line: int) -> None:
        paragraphs, lines = self._paragraph_list()
        if self._open_paragraph():
            joint = " " if paragraphs[-1][-1:].isascii() and text[:1].isascii() else ""
            if paragraphs[-1][-1:].isdigit() and text[:1].isdigit():
                joint = ""
            paragraphs[-1] = paragraphs[-1] + joint + text
        else:
            paragraphs.append(text)
            lines.append(line)
        self._last_block_was_heading = False
        if _NOTE_START.match(text):
            self._in_note = 2
        if _BOX_START.match(text):
            self._box_next = 1
            self._box_rank = 0
            self._box_owner = self._stack[-1] if self._stack else None

    # ---------------------------------------------------------------- headings

    def _follows_on(self, rank: int, value: int) -> bool:
        return value in (1, self._last_value.get(rank, 0) + 1)

    def feed(self, block: Block) -> None:
        text = block.text
        chapter = parse_chapter(text)
        label = None
        if chapter:
            rank, number, rest, label = chapter
            parsed: tuple[int, str, str] | None = (rank, number, rest)
        else:
            parsed = parse_label(text)
        if parsed and _TABLE_ROW.search(parsed[2]):
            parsed = None  # a row of a table the text layer gives as a line
        if parsed and self._in_note and parsed[0] >= 3 and parsed[1] == str(self._in_note):
            self._in_note += 1
            paragraphs, lines = self._paragraph_list()
            paragraphs.append(text)  # "2. 带*指标数据为2020年初步数据": the note's, not a measure
            lines.append(block.line)
            return
        if parsed and self._box_item(parsed):
            paragraphs, lines = self._paragraph_list()
            paragraphs.append(text)  # "（一）渔港环境综合治理" in 专栏2: the box's, not an action
            lines.append(block.line)
            return
        if parsed:
            rank, number, rest = parsed
            value = number_value(max(rank, 1), number)
            if value is not None:
                if self._open_paragraph() and not self._follows_on(rank, value):
                    self._add_paragraph(text, block.line)
                    return
                if (
                    rank <= 1
                    and value == 1
                    and self._last_value.get(rank) == 1
                    and self._restart_after_contents(rank, block.line)
                ):
                    # 第一篇 twice: the first was a contents page whose later 篇 lines the text
                    # layer ran into its entries (南充), its 章 entries starting again under it
                    self._open_section(rank, number, value, rest, block.line, label)
                    return
                if rank <= 2 and value < self._last_value.get(rank, 0):
                    # 一、 again: a contents page, a table row or an odd line; （一） again under
                    # the same chapter: the items of a 专栏 box — text of the node they are in
                    if rank <= 1 and self._restart_after_contents(rank, block.line):
                        self._open_section(rank, number, value, rest, block.line, label)
                        return
                    self.notes.append(
                        ImportNote(
                            block.line,
                            f"提示：“{text[:20]}”的编号没有接着上一个（{self._last_value[rank]}），"
                            "按正文处理",
                        )
                    )
                    self._add_paragraph(text, block.line)
                    return
                self._open_section(rank, number, value, rest, block.line, label)
                return
        if (
            block.outline_level is not None
            and block.outline_level <= 4
            and len(text) <= MAX_TITLE
            and not self._open_paragraph()
        ):
            rank = block.outline_level
            value = self._last_value.get(rank, 0) + 1
            number = to_chinese(value) if rank <= 2 else str(value)
            self.notes.append(
                ImportNote(
                    block.line,
                    f"标题“{text[:20]}”没有写出编号，按 Word 标题样式补为 {label_for(rank, value)}",
                )
            )
            self._open_section(rank, number, value, text, block.line)
            return
        if self._unnumbered_chapter(text):
            value = self._last_value[1] + 1
            self.notes.append(
                ImportNote(
                    block.line,
                    f"标题“{text}”没有写出编号，按一级标题补为 {label_for(1, value)}",
                )
            )
            self._open_section(1, to_chinese(value), value, text, block.line)
            return
        self._add_paragraph(text, block.line)

    def _unnumbered_chapter(self, text: str) -> bool:
        """A chapter title the plan printed without its number (龙岩: "组织保障措施" on a line of
        its own after 七、, its items （二十四）… under it): a short line without punctuation,
        after a finished sentence, naming what a plan's chapters are (保障措施, 组织实施,
        chapter_role), in a plan whose chapters are numbered 一、."""
        from app.core.plans.model import chapter_role

        return (
            len(text) <= 12
            and not re.search(r"[。，、；：:;,.（）()“”\d]", text)
            and self._last_value.get(1, 0) >= 2
            and not any(r < 1 for r in self._last_value)
            and len(self._stack) > 1
            and not self._open_paragraph()
            and chapter_role(text) == "safeguards"
        )

    def _box_item(self, parsed: tuple[int, str, str]) -> bool:
        """Is this （一） line the next item of the 专栏 box being read (numbered from one)?

        A box in a 第X章/第X节 plan may number its items 一、 二、 (商洛, 德州): there 一、 is
        a low level of the plan's own, so the box's items are taken for as long as they run on;
        a plan whose chapters are 一、 keeps its 一、 lines as chapters."""
        rank = parsed[0]
        if rank == 3 and self._box_next and self._box_rank in (0, 3):
            # "1.非循环流化床机组…" in a box inside a measure (内蒙古's 专栏3): not sub-measures
            owner = self._stack[-1] if self._stack else None
            if owner is None or owner is not self._box_owner or owner.rank >= 3:
                return False
        elif not self._box_next or rank not in (1, 2):
            return False
        if rank == 1 and (
            not any(r <= 0 for r in self._last_value) or self._box_rank not in (0, 1)
        ):
            return False
        if rank == 2 and self._box_rank not in (0, 2):
            return False
        if number_value(rank, parsed[1]) == self._box_next:
            self._box_next += 1
            self._box_rank = rank
            return True
        self._box_next = 0  # numbering that does not run on from the box's: the plan's own
        return False

    def _restart_after_contents(self, rank: int, line: int) -> bool:
        """Numbering starting again after headings without a sentence under them: those were
        a contents page the text layer gave without leader dots or page numbers; dropped."""
        at = next((i for i, s in enumerate(self._stack) if s.rank == rank), None)
        if at is None:
            return False
        siblings = self._stack[at - 1].children if at else self.roots
        if not siblings:
            return False
        last = siblings[-1]
        while last.children:
            last = last.children[-1]  # the text after the contents ran on under its last entry
        others = [n for s in siblings for n in s.walk() if n is not last]
        if any(_has_sentence(p) for n in others for p in n.paragraphs):
            return False
        # that text (a 前言) is kept as the preamble
        first = next((i for i, p in enumerate(last.paragraphs) if _has_sentence(p)), None)
        carried = list(zip(last.paragraphs, last.paragraph_lines, strict=True))[
            first if first is not None else len(last.paragraphs) :
        ]
        if carried and at:
            return False  # text inside a chapter: a real section, not a contents page
        for paragraph, paragraph_line in carried:
            self.preamble.append(paragraph)
            self.preamble_lines.append(paragraph_line)
        self.notes.append(ImportNote(line, f"前面 {len(siblings)} 个没有正文的标题是目录，已跳过"))
        siblings.clear()
        del self._stack[at:]
        for deeper in [r for r in self._last_value if r >= rank]:
            del self._last_value[deeper]
        return True

    def _drop_contents_before(self, rank: int, line: int) -> None:
        """Headings before the first chapter that sit below it and carry no sentence (（一）发展基础
        of a contents page whose 一、 lines the text layer lost) are that contents page; text
        after its last entry (a 前言 the page ran into) is kept as the preamble."""
        if not self.roots or any(root.rank <= rank for root in self.roots):
            return
        last = self.roots[-1]
        while last.children:
            last = last.children[-1]
        others = [n for root in self.roots for n in root.walk() if n is not last]
        if any(_has_sentence(p) for n in others for p in n.paragraphs):
            return
        first = next((i for i, p in enumerate(last.paragraphs) if _has_sentence(p)), None)
        if first is not None:
            self.preamble.extend(last.paragraphs[first:])
            self.preamble_lines.extend(last.paragraph_lines[first:])
        self.notes.append(
            ImportNote(line, f"第一章之前 {len(self.roots)} 个没有正文的标题是目录，已跳过")
        )
        self.roots.clear()
        self._stack.clear()
        self._last_value = {}

    def _open_section(
        self, rank: int, number: str, value: int, rest: str, line: int, label: str | None = None
    ) -> None:
        self._in_note = 0
        if rank <= 1:
            self._box_next = 0
            self._drop_contents_before(rank, line)
        while self._stack and self._stack[-1].rank >= rank:
            self._stack.pop()
        for deeper in [r for r in self._last_value if r > rank]:
            del self._last_value[deeper]  # numbering starts again under a new parent
        depth = len(self._stack) + 1
        if depth > 4:
            self.notes.append(ImportNote(line, "标题层级超过四级，按正文处理"))
            self._add_paragraph((label or label_for(min(max(rank, 1), 4), value)) + rest, line)
            return
        title, body, style = split_heading_text(rest)
        label = label or label_for(rank, value)
        if style == "none":
            self.notes.append(ImportNote(line, f"编号 {label} 后没有可识别的标题"))
        section = RawSection(
            rank=rank,
            number=number,
            value=value,
            label=label,
            title=title,
            title_style=style,
            line=line,
            depth=depth,
        )
        if self._stack:
            self._stack[-1].children.append(section)
        else:
            self.roots.append(section)
        self._stack.append(section)
        self._last_value[rank] = value
        self._last_block_was_heading = True
        if body:
            section.paragraphs.append(body)
            section.paragraph_lines.append(line)
            self._last_block_was_heading = False

    def drop_trailing_noise(self, last_block: Block | None) -> None:
        """A short unfinished line at the very end (a web page's tag line) is not plan text."""
        if not self._stack or last_block is None:
            return
        top = self._stack[-1]
        if (
            top.paragraphs
            and top.paragraph_lines[-1] == last_block.line
            and len(top.paragraphs[-1]) <= 15
            and not ends_sentence(top.paragraphs[-1])
        ):
            dropped = top.paragraphs.pop()
            top.paragraph_lines.pop()
            self.notes.append(ImportNote(last_block.line, f"文末的“{dropped}”不是正文，已忽略"))

    def drop_sign_off(self) -> None:
        """The issuer and date under the text (a paragraph of their own, or run onto the last
        sentence) are not the last measure's: cut off and named in a note."""
        if not self._stack:
            return
        top = self._stack[-1]
        dropped: list[str] = []
        line = top.line
        while len(top.paragraphs) > 1 or (top.paragraphs and top.title):
            if not is_sign_off(top.paragraphs[-1]):
                break
            dropped.insert(0, top.paragraphs.pop())
            line = top.paragraph_lines.pop()
        if top.paragraphs:
            body, tail = split_trailing_sign_off(top.paragraphs[-1])
            if tail:
                top.paragraphs[-1] = body
                dropped.insert(0, tail)
                line = top.paragraph_lines[-1]
        if dropped:
            self.notes.append(
                ImportNote(line, f"文末落款“{' '.join(dropped)[:60]}”不是正文，未并入最后一项")
            )


def build_tree(blocks: list[Block]) -> TreeBuilder:
    builder = TreeBuilder()
    for block in blocks:
        builder.feed(block)
    builder.drop_trailing_noise(blocks[-1] if blocks else None)
    builder.drop_sign_off()
    return builder
