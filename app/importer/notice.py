"""The issuing notice before a plan, and where the plan's own title stands.

A published plan usually comes after the notice that issued it:
"上饶市人民政府印发关于…实施方案的通知" (often broken over two lines by the
PDF), the addressees ("各县（市、区）人民政府，…：" / "各有关单位："), one
sentence ("现将《…》印发给你们，请结合实际认真贯彻执行。"), the issuer, the
date, "（此件公开发布）" and sometimes "附件：…". The notice names the plan's
title in 《》, which is the surest way to find the title line (or lines) below
it; a plan without a notice starts at its title, never at a line of the
preamble that happens to end in 方案 or 意见 inside a cited 《…》.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.text.numbering import parse_date
from app.importer.blocks import Block

TITLE_WORDS = ("方案", "意见", "计划", "规划", "纲要", "办法", "行动")
_STAGE_TAIL = re.compile(r"[（(]([^（）()]{1,20})[）)]$")
_NOTICE_TITLE = re.compile(r"印发.{2,80}?(?:的)?通知$")
_CITED = re.compile(r"《([^《》〈〉]{4,80})[》〉]")
_ISSUED = re.compile(
    r"《([^《》〈〉]{4,80})[》〉][^《》]{0,40}?(?:印发给你们|现予印发|印发给你|现印发)"
)
_NOTICE_END = re.compile(r"^(?:[（(]此件.{0,8}[）)]|附件[：:].*|抄送[：:].*)$")
_MAX_TITLE_LINES = 3
_ISSUER_END = ("委员会", "人民政府", "管委会", "党工委", "办公室", "办公厅", "局", "厅", "委")


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Notice:
    """The issuing notice: its lines, issuer, the plan title it names, where it ends."""

    start: int
    end: int  # index of the block after the notice
    title_line: str = ""
    issuer: str = ""
    plan_title: str = ""
    lines: list[str] = field(default_factory=list)


def _joined(blocks: list[Block], i: int, k: int) -> str:
    return "".join(compact(b.text) for b in blocks[i : i + k])


def find_notice(blocks: list[Block], chapter: int) -> Notice | None:
    """The issuing notice among the blocks before the first chapter, if there is one."""
    found: tuple[int, int, str] | None = None
    for i in range(chapter):
        if blocks[i].cells is not None:
            continue
        for k in range(1, _MAX_TITLE_LINES + 1):
            if i + k > chapter:
                break
            joined = _joined(blocks, i, k)
            if len(joined) > 90:
                break
            if _NOTICE_TITLE.search(joined):
                found = (i, i + k, joined)
                break
        if found:
            break
    if found is None:
        return None
    start, after_title, title_line = found
    notice = Notice(start=start, end=after_title, title_line=title_line)
    head = re.split(r"关于印发|印发", title_line, maxsplit=1)[0]
    notice.issuer = head.strip(" ，、")
    cited = _CITED.search(title_line)
    if cited:
        notice.plan_title = cited.group(1)
    else:
        m = re.search(r"印发(.+?)的?通知$", title_line)
        notice.plan_title = m.group(1) if m else ""
    # The notice runs on to its date, its 此件公开 line or its 附件 line, whichever is last.
    text_after = "".join(compact(b.text) for b in blocks[after_title:chapter])
    issued = _ISSUED.search(text_after)
    if issued:
        notice.plan_title = issued.group(1)
    end = after_title
    for j in range(after_title, min(chapter, after_title + 20)):
        text = compact(blocks[j].text)
        if _NOTICE_END.match(text) or (len(text) <= 16 and parse_date(text)):
            end = j + 1
    notice.end = end
    notice.lines = [b.text for b in blocks[start:end] if b.cells is None]
    return notice


_HEADING_LABEL = re.compile(
    r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节篇])"
)


def _is_title_line(text: str) -> bool:
    """A line a title may be made of: short, no cited 《》 or number, no sentence punctuation."""
    return (
        len(text) <= 60
        and not re.search(r"[《》〈〉〔〕；：:。，]", text)
        and not text.startswith(("为", "根据", "按照", "附件", "全文"))
        and "发布" not in text
        and not _HEADING_LABEL.match(text)  # "（十）绿色生活创建行动": a contents entry
    )


def title_ends(text: str) -> bool:
    """Does this (joined) text end the way a plan title ends: …方案, …意见（征求意见稿）?"""
    text = _STAGE_TAIL.sub("", compact(text))
    return text.endswith(TITLE_WORDS) and "通知" not in text[-4:]


def find_title_run(
    blocks: list[Block], start: int, chapter: int, expected: str = ""
) -> tuple[int, int] | None:
    """Blocks [i, j) that make the plan's title, or None.

    With the title the notice names, the first run of lines that spells it;
    otherwise the last title-shaped run before the first chapter (a cover
    repeats the title before the text), joined with the line before it when
    a PDF broke the title there ("关于加快建立健全绿色低碳循环发展" / "经济体系的实施方案").
    """
    if expected:
        return _expected_run(blocks, start, chapter, compact(expected))
    for j in range(chapter - 1, start - 1, -1):
        text = compact(blocks[j].text)
        if blocks[j].cells is not None or not (_is_title_line(text) and title_ends(text)):
            continue
        i = j
        whole = 1  # lines of the title other than pieces such as "“" or "十四五"
        while i > start and whole < _MAX_TITLE_LINES:
            before = compact(blocks[i - 1].text)
            joined = before + _joined(blocks, i, j + 1 - i)
            piece = _title_piece(before, blocks[i - 1])
            if not (piece or _continues_title(before, blocks[i - 1])) or len(joined) > 60:
                break
            whole += 0 if piece else 1
            i -= 1
        return i, j + 1
    return None


def _continues_title(text: str, block: Block) -> bool:
    """Can this line be the first part of a title broken over lines?"""
    raw = (block.raw or block.text).strip()
    starts_title = (
        text.startswith("关于")
        or "碳达峰" in text
        or starts_with_place(text)
        or "关于" in text[:30]  # the issuers, then 关于: 中共杭州市委 杭州市人民政府关于…
    )
    _, about, after = raw.partition("关于")
    return (
        block.cells is None
        and starts_title
        and not re.search(r"\S\s+\S", after if about else raw)
        and _is_title_line(text)
        and len(text) >= 6
        and not title_ends(text)
        and not parse_date(text)
        and not text.endswith(_ISSUER_END)
        and not _STAGE_TAIL.fullmatch(text)
    )


def _title_piece(text: str, block: Block) -> bool:
    """A cover's title set in pieces, each its own line: "兰", "州市", "“", "十四五", "”"."""
    return (
        block.cells is None
        and 0 < len(text) <= 6
        and bool(re.fullmatch(r"[“”\"〝〞\u4e00-\u9fff]+", text))
        and not text.endswith((*_ISSUER_END, "院", "部"))
        and text not in ("目录", "前言", "附件")
        and not parse_date(text)
        and not re.fullmatch(
            r"[〇○零一二三四五六七八九十]*[年月日][〇○零一二三四五六七八九十年月日]*", text
        )
    )


def starts_with_place(text: str) -> bool:
    """Does the text begin with a place's name (福建省…, 重庆市…)?"""
    from app.core.text.places import gazetteer

    found = gazetteer().find(text[:12])
    return bool(found) and found[0].start == 0


def _expected_run(
    blocks: list[Block], start: int, chapter: int, wanted: str
) -> tuple[int, int] | None:
    for i in range(start, chapter):
        for k in range(1, _MAX_TITLE_LINES + 1):
            if i + k > chapter or any(b.cells is not None for b in blocks[i : i + k]):
                break
            joined = _joined(blocks, i, k)
            bare = _STAGE_TAIL.sub("", joined)
            if bare == wanted or (bare.endswith(wanted) and len(bare) - len(wanted) <= 12):
                return i, i + k
            if not wanted.startswith(joined):
                break
    return None


_GUIDE = re.compile(r"关于.{0,80}?(?:申报|申请)指南(?:的)?通知")
"""关于发布…项目申报指南的通知: a call for applications, not a plan a county adopts."""


def application_guide(blocks: list[Block], head: int = 8) -> tuple[int, str] | None:
    """(line, title) when the document is a 申报指南 notice: its title, in the first lines
    (a PDF may break it over three), announces a guide for applications."""
    texts = [compact(b.text) for b in blocks[:head] if b.cells is None]
    lines = [b.line for b in blocks[:head] if b.cells is None]
    joined = "".join(texts)
    m = _GUIDE.search(joined)
    if m is None:
        return None
    offset = 0
    for text, line in zip(texts, lines, strict=True):
        if offset + len(text) > m.start():
            return line, m.group(0)
        offset += len(text)
    return lines[0], m.group(0)
