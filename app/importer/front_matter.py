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


def first_chapter_index(blocks: list[Block]) -> int | None:
    """Index of the first 一、 heading: where the plan's chapters begin."""
    for i, block in enumerate(blocks):
        if block.cells is not None:
            continue
        parsed = parse_label(block.text)
        if parsed and parsed[0] == 1 and parsed[1] == "一" and len(parsed[2]) <= 40:
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


def find_title(blocks: list[Block], chapter: int) -> int | None:
    for i in range(chapter - 1, -1, -1):
        if blocks[i].cells is None and _is_title_like(blocks[i].text):
            return i
    return None


def split_title_stage(text: str) -> tuple[str, str, str]:
    """(title, stage, subtitle) from a title line such as 自治区碳达峰实施方案（征求意见稿）."""
    stage = ""
    subtitle = ""
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
    issuers: list[str] = []
    for block in cover_blocks:
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
            issuers.append(re.sub(r"\s+", " ", text))
    if not result.stage and any("印发" in b.text for b in cover_blocks):
        result.stage = "印发"
    result.issuer = issuers[-1] if issuers else commissioned
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


_LEVEL_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("基地", "园区", "开发区", "高新区", "新区", "示范区", "经开区"), "zone"),
    (("自治区",), "region"),
)


def guess_level(title: str, issuer: str) -> str | None:
    """Plan level from the place named before 碳达峰 (平罗县 → county)."""
    for text in (title, issuer):
        place = re.split(r"碳达峰|关于|碳中和|“双碳”", text)[0]
        if not place:
            continue
        for words, level in _LEVEL_RULES:
            if any(w in place for w in words):
                return level
        if place.endswith(("县", "旗")) or (place.endswith("区") and not place.endswith("自治区")):
            return "county"
        if place.endswith(("市", "州", "盟")):
            return "city"
        if place.endswith("省"):
            return "province"
    return None
