"""Attachments after the plan's text: 附件1, 附件2 … are documents of their own.

A plan often ends with attachments (a list of key projects, a second plan for
one industry, a table): each starts again at 一、 and would be read as the
plan's chapters a second time. They are cut off at their 附件 line and kept,
whole and in order, as provenance of the plan, never merged into its outline.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.importer.blocks import Block, ImportNote
from app.importer.notice import starts_with_place

_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?\s*")


def split_attachments(
    blocks: list[Block], chapter: int
) -> tuple[list[Block], list[str], list[ImportNote]]:
    """(the plan's blocks, the attachments' texts, notes) — attachments start after the
    first chapter heading, at a line beginning 附件 (附件1, 附件：, 附件 2 …)."""
    starts = [
        i
        for i in range(chapter + 1, len(blocks))
        if blocks[i].cells is None and _ATTACHMENT.match(blocks[i].text)
    ]
    if not starts:
        return blocks, [], []
    parts: list[str] = []
    bounds = [*starts, len(blocks)]
    for begin, end in pairwise(bounds):
        parts.append("\n".join(b.text for b in blocks[begin:end]))
    first = blocks[starts[0]]
    note = ImportNote(
        first.line,
        f"“{first.text[:20]}”起的 {len(parts)} 个附件（{len(blocks) - starts[0]} 段）"
        "记入来源，不并入方案大纲",
    )
    return blocks[: starts[0]], parts, [note]


def split_plans(
    blocks: list[Block], chapter: int
) -> tuple[list[Block], list[str], list[ImportNote]]:
    """(the first plan's blocks, each later plan's text, notes) for a file that holds several
    plans (a notice issuing three industry plans; two 行动方案 printed one after the other).

    A later plan starts at a title line (…实施方案) after the text has begun, followed within
    a few paragraphs (its 前言) by its own first chapter, numbered in the first plan's style
    (第一章 or 一、) from one again. Each is kept whole as a part of the provenance, as an
    attachment is: its measures are not merged into the first plan's outline."""
    top = _top_style(blocks[chapter].text)
    if top is None:
        return blocks, [], []
    starts: list[int] = []
    for i in range(chapter + 1, len(blocks)):
        if blocks[i].cells is not None or not _plan_title(blocks[i].text):
            continue
        if any(
            _ATTACHMENT_MARK.match(re.sub(r"\s+", "", b.text)) for b in blocks[max(0, i - 3) : i]
        ):
            continue  # "附件1" / "…行动方案": a plan attached to this one, cut off as such
        ahead = blocks[i + 1 : i + 1 + _PREFACE_BLOCKS]
        first = next((b for b in ahead if b.cells is None and _top_style(b.text) == top), None)
        if first is not None and (
            _heading_title(first.text) == _heading_title(blocks[chapter].text)
            or _names_a_plan(blocks[i].text)
        ):
            begin = i - 1 if i - 1 > chapter and _title_head(blocks[i - 1].text) else i
            if not starts or begin > starts[-1]:
                starts.append(begin)
    if not starts:
        return blocks, [], []
    parts = [
        "\n".join(b.text for b in blocks[begin:end])
        for begin, end in pairwise([*starts, len(blocks)])
    ]
    titles = "、".join(f"《{compact_title(blocks, begin)}》" for begin in starts)
    note = ImportNote(
        blocks[starts[0]].line,
        f"文件中还有 {len(parts)} 份方案：{titles}，各作为一个附件记入来源，不并入本方案大纲",
    )
    return blocks[: starts[0]], parts, [note]


_ATTACHMENT_MARK = re.compile(r"^附件[0-9０-９一二三四五六七八九十]{0,3}[：:]?$")
_PREFACE_BLOCKS = 12
"""Paragraphs a later plan may print between its title and its first chapter (a 前言)."""
_FIRST_CHAPTER = re.compile(r"^(?:第一\s*(?P<kind>[章篇])|(?P<plain>一)\s*、)")


def _top_style(text: str) -> str | None:
    """ "章", "篇" or "、" for a first-chapter line (第一章, 第一篇, 一、), else None."""
    m = _FIRST_CHAPTER.match(text.strip())
    if m is None:
        return None
    return m.group("kind") or "、"


def _heading_title(text: str) -> str:
    """ "总体要求" of "一、总体要求" / "第一章 总体要求"."""
    return re.sub(r"^(?:第一\s*[章篇]|一\s*、)\s*", "", re.sub(r"\s+", "", text))[:12]


def _names_a_plan(text: str) -> bool:
    """A title that names its government or period (福建省建材行业…, “十四五”黄河流域…), not a
    phrase of the text that happens to end in 规划 (加快编制国土空间规划)."""
    text = re.sub(r"\s+", "", text)
    return text.startswith(("关于", "“十四五”", '"十四五"')) or starts_with_place(text)


def _plan_title(text: str) -> bool:
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[（(][^（）()]{1,20}[）)]$", "", text)  # （2021—2025年）, （征求意见稿）
    return (
        6 <= len(text) <= 60
        and text.endswith(_PLAN_WORDS)
        and not re.search(r"[。；：:，,《》]", text)
        and not re.match(r"^(?:专栏|表|图|附表|[（(]?[一二三四五六七八九十\d])", text)
    )


def _title_head(text: str) -> bool:
    """The first line of a title wrapped over two ("“十四五”黄河流域…发展" / "城乡建设行动方案")."""
    text = re.sub(r"\s+", "", text)
    return (
        4 <= len(text) <= 40
        and not re.search(r"[。；：:，,（）()]", text)
        and not re.match(r"^[一二三四五六七八九十\d]", text)  # "3.建材行业…目录" of a list
        and not _plan_title(text)
    )


_PLAN_WORDS = ("实施方案", "行动方案", "工作方案", "规划", "实施意见", "若干措施", "行动计划")


def compact_title(blocks: list[Block], begin: int) -> str:
    """The later plan's title as printed (its two lines joined)."""
    texts = [re.sub(r"\s+", "", b.text) for b in blocks[begin : begin + 2]]
    return texts[0] if _plan_title(texts[0]) else "".join(texts)
