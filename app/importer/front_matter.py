"""What comes before the plan's text: the cover, the committee, a notice, a web page.

The plan starts at its title, the last title-like line before the first
chapter heading (一、); the preamble runs from there to that heading. Anything
earlier is front matter: a cover with the stage (（送审稿）), 委托单位/编制单位 and
date, a 编制委员会 page, an issuing notice (关于印发…的通知), or the text of the
web page that carried the plan. Front matter is read for provenance, not kept
as plan text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.plans.model import Cover, CoverMember
from app.core.text.numbering import parse_date, parse_label
from app.importer.blocks import Block, ImportNote
from app.importer.level import leading_place, level_of_document_number
from app.importer.notice import compact as compact_text
from app.importer.notice import find_notice, find_title_run
from app.importer.structure import parse_chapter

_TITLE_WORDS = ("方案", "意见", "计划", "规划", "纲要", "办法", "行动")
_STAGES = ("征求意见稿", "送审稿")
_STAGE_ONLY = re.compile(r"^[（(]\s*([^（）()]{1,20})\s*[）)]$")
_ISSUER_END = ("委员会", "人民政府", "管委会", "党工委", "办公室", "办公厅", "局", "厅", "委")
_ROLE = re.compile(r"^(组\s*长|副\s*组\s*长|成\s*员|顾\s*问|主\s*编|编\s*写|审\s*核)\s*[：:]\s*")


@dataclass
class FrontMatter:
    title: str = ""
    stage: str = ""
    issuer: str = ""
    date: str = ""
    date_text: str = ""
    cover: Cover | None = None
    notes: list[ImportNote] = field(default_factory=list)
    notice: list[str] = field(default_factory=list)
    document_number: str = ""
    front_text: list[str] = field(default_factory=list)


def split_front(
    body: list[Block], chapter: int, file_stem: str
) -> tuple[FrontMatter, list[Block], list[ImportNote]]:
    """The front matter (title, notice, cover) and the preamble blocks before the first chapter.

    The title is the one the issuing notice names, found in the lines below
    it; else the last title-shaped run of lines before the text. A plan whose
    notice names it but prints no title line of its own takes the notice's.
    """
    notes: list[ImportNote] = []
    notice = find_notice(body, chapter)
    start = notice.end if notice else 0
    expected = notice.plan_title if notice else ""
    run = find_title_run(body, start, chapter, expected) if expected else None
    if run is None:
        run = _title_outside_contents(body, start, chapter)
    if run is not None:
        lines = body[run[0] : run[1]]
        title_block = Block(
            text="".join(compact_text(b.text) for b in lines),
            line=lines[0].line,
            raw="".join(compact_text(b.raw or b.text) for b in lines),
        )
        named = compact_text(notice.plan_title) if notice else ""
        if named != title_block.text and named.endswith(title_block.text):
            title_block.text = named  # the cover's title cut to its last line; the notice's whole
        front, preamble = body[: run[0]], body[run[1] : chapter]
        meta = read_front_matter(front, title_block)
    elif notice is not None and notice.plan_title:
        front, preamble = body[: notice.end], body[notice.end : chapter]
        meta = read_front_matter(front, Block(text=notice.plan_title, line=body[0].line))
        notes.append(
            ImportNote(body[0].line, f"正文前没有单独的标题行，用印发通知中的《{meta.title}》")
        )
    else:
        notes.append(ImportNote(body[chapter].line, "没有找到方案标题，用文件名代替"))
        front, preamble = [], body[:chapter]
        meta = FrontMatter(title=title_from_file_name(file_stem))
    if notice is not None:
        meta.notice = notice.lines
        meta.issuer = meta.issuer or notice.issuer
        notes.append(
            ImportNote(
                body[notice.start].line,
                f"印发通知（{len(notice.lines)} 段）记入来源，不作为正文：{notice.title_line[:40]}",
            )
        )
    if len(front) > (len(notice.lines) if notice else 0):
        notes.append(
            ImportNote(
                front[0].line, f"标题之前的 {len(front)} 段（封面、通知或网页文字）不作为正文"
            )
        )
    meta.front_text = [b.text for b in front]
    number = level_of_document_number("\n".join(meta.front_text))
    meta.document_number = number[1] if number else ""
    if preamble and not meta.stage:
        _, stage, _ = split_title_stage("方案" + preamble[0].text)
        if stage and len(preamble[0].text) <= 12:
            meta.stage = stage
            preamble = preamble[1:]
    return meta, preamble, notes


def _title_outside_contents(body: list[Block], start: int, chapter: int) -> tuple[int, int] | None:
    """The last title run before the text, unless it is a line of the contents page ("（十）" /
    "绿色生活创建行动") other than the cover's title: then the cover's."""
    run = find_title_run(body, start, chapter)
    contents = next((i for i in range(start, chapter) if "after_toc" in body[i].tags), None)
    if run is None or contents is None or run[0] < contents:
        return run
    cover = find_title_run(body, start, contents)
    if cover is None:
        return run

    def text(found: tuple[int, int]) -> str:
        return "".join(compact_text(b.text) for b in body[found[0] : found[1]])

    return run if text(run) == text(cover) else cover


def title_from_file_name(stem: str) -> str:
    """A file name as a title: without a collection's list number ("7、", "12.") or a
    copy mark, as the plan would print it."""
    title = re.sub(r"^\s*\d{1,4}\s*[、.．_\-]\s*", "", stem.strip())
    return split_title_stage(title)[0].strip() or stem


def first_chapter_index(blocks: list[Block]) -> int | None:
    """Index of the first 一、 heading: where the plan's chapters begin."""
    for i, block in enumerate(blocks):
        if block.cells is not None:
            continue
        parsed = parse_label(block.text)
        if parsed and parsed[0] == 1 and parsed[1] == "一" and len(parsed[2]) <= 40:
            return i
        chapter = parse_chapter(block.text)
        if chapter and chapter[1] == "一" and len(chapter[2]) <= 40 and chapter[0] < 0:
            return i
    return None


def _is_title_like(text: str) -> bool:
    return (
        len(text) <= 80
        and any(word in text for word in _TITLE_WORDS)
        and not text.endswith(("。", "：", ":", "；"))
        and not text.startswith(("附件", "全文"))
        and "发布" not in text
    )


def split_title_stage(text: str) -> tuple[str, str, str]:
    """(title, stage, subtitle) from a title line such as 自治区碳达峰实施方案（征求意见稿）."""
    stage = ""
    subtitle = ""
    # the day of issue printed after the title (（2021年9月22日）) is a date, not the title
    text = re.sub(r"\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]\s*$", "", text)
    m = re.search(r"[（(]([^（）()]{1,20})[）)]\s*$", text)
    if m:
        inner = m.group(1).strip()
        if any(s in inner for s in _STAGES):
            stage = next(s for s in _STAGES if s in inner)
            text = text[: m.start()].rstrip()
    return text.strip(), stage, subtitle


def read_front_matter(front: list[Block], title_block: Block) -> FrontMatter:
    """Stage, issuer, date and cover from the blocks before the title."""
    result = FrontMatter()
    title, stage, _ = split_title_stage(title_block.text)
    result.title = title
    result.stage = stage
    committee_at = next(
        (i for i, b in enumerate(front) if re.sub(r"\s+", "", b.text) == "编制委员会"), None
    )
    cover_blocks = front if committee_at is None else front[:committee_at]
    commissioned = drafted = ""
    issuers: list[tuple[int, str]] = []
    for index, block in enumerate(cover_blocks):
        text = (block.raw or block.text).strip()
        compact = re.sub(r"\s+", "", text)
        if not result.stage:
            m = _STAGE_ONLY.match(compact)
            if m and any(s in m.group(1) for s in _STAGES):
                result.stage = next(s for s in _STAGES if s in m.group(1))
        label = re.match(r"^(委托单位|编制单位)[：:](.+)$", compact)
        if label:
            if label.group(1) == "委托单位":
                commissioned = label.group(2)
            else:
                drafted = label.group(2)
            continue
        if not result.date and len(compact) <= 30:
            date = parse_date(compact)
            if date:
                result.date = date
                result.date_text = compact
                continue
        if (
            len(text) <= 40
            and compact.endswith(_ISSUER_END)
            and "：" not in text
            and not _is_title_like(compact)
        ):
            issuers.append((index, re.sub(r"\s+", " ", text)))
    if not result.stage and any("印发" in b.text for b in cover_blocks):
        result.stage = "印发"
    result.issuer = _last_issuer(issuers) or commissioned
    committee = _committee(front[committee_at + 1 :]) if committee_at is not None else []
    if commissioned or drafted or committee:
        result.cover = Cover(commissioned_by=commissioned, drafted_by=drafted, committee=committee)
    return result


def _committee(blocks: list[Block]) -> list[CoverMember]:
    """Members of the 编制委员会: "组 长：王继萍 平罗县发展和改革局", then continuation lines."""
    members: list[CoverMember] = []
    role = ""
    for block in blocks:
        if block.cells is not None:
            cells = [c.strip() for c in block.cells]
            if len(cells) >= 2:
                if cells[0]:
                    role = re.sub(r"[\s：:]+", "", cells[0])
                name = re.sub(r"\s+", "", cells[1])
                unit = cells[2] if len(cells) > 2 else ""
                if name:
                    members.append(CoverMember(role=role, name=name, unit=unit))
            continue
        text = (block.raw or block.text).strip()
        m = _ROLE.match(text)
        if m:
            role = re.sub(r"\s+", "", m.group(1))
            text = text[m.end() :]
        if not role:
            continue
        tokens = text.split()
        if not tokens:
            continue
        if len(tokens) >= 2 and len(tokens[-1]) >= 4:
            name, unit = "".join(tokens[:-1]), tokens[-1]
        else:
            name, unit = "".join(tokens), ""
        members.append(CoverMember(role=role, name=name, unit=unit))
    return members


def _last_issuer(issuers: list[tuple[int, str]]) -> str:
    """The last signature, with the line above it when both sign (党委办公厅 / 政府办公厅)."""
    if not issuers:
        return ""
    names = [issuers[-1][1]]
    if len(issuers) > 1 and issuers[-2][0] == issuers[-1][0] - 1:
        names.insert(0, issuers[-2][1])
    return _split_signatures(" ".join(names))


_SIGNATURE_END = re.compile(r"(?:办公厅|人民政府|委员会|管委会|党工委)")


def _split_signatures(text: str) -> str:
    """A PDF's reflow may join two signatures: 中共…委员会办公厅宁夏…人民政府办公厅."""
    for m in _SIGNATURE_END.finditer(text):
        rest = text[m.end() :]
        if rest[:1].strip() and _SIGNATURE_END.search(rest) and leading_place(rest):
            return text[: m.end()] + " " + _split_signatures(rest)
    return text
