"""The structured form of a published plan (region, city, zone or county).

A plan is what the importer reads from a .txt/.docx and what the reference
library ships as JSON. Drafts refer to its nodes by id ("ningxia-region:三.一.3"),
so ids are derived from the labels as printed and never from positions that an
edit elsewhere could shift.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.core.text.clause_label import plan_of
from app.core.text.normalise import compact
from app.core.text.unit_lists import ClauseUnit

PlanLevel = Literal["national", "region", "province", "city", "county", "zone"]
Stage = Literal["征求意见稿", "送审稿", "印发", ""]
TitleStyle = Literal["own_line", "run_in", "none"]
ChapterRole = Literal["general", "goals", "tasks", "safeguards", "other"]

_ROLE_WORDS: tuple[tuple[str, ChapterRole], ...] = (
    ("总体要求", "general"),
    ("指导思想", "general"),
    ("主要目标", "goals"),
    ("重点任务", "tasks"),
    ("主要任务", "tasks"),
    ("保障措施", "safeguards"),
    ("组织实施", "safeguards"),
)


_BACKGROUND_WORDS = (
    "意义",
    "现状",
    "形势",
    "发展基础",
    "规划基础",
    "工作基础",
    "背景",
    "发展环境",
    "回顾",
    "成就",
    "总体进展",
)
"""A chapter reviewing the parent's past and outlook (现状与形势, 发展基础, 面临形势, “十三五”时期
主要成就, 生态文明建设总体进展): the parent's own record, never a county's task."""
_LOOK_BACK_WORDS = (
    "成效",
    "成就",
    "进展",
    "形势",
    "面临",
    "挑战",
    "机遇",
    "任重道远",
    "现状",
    "短板不足",
    "瓶颈",
)
"""Words of the sections of a 规划's opening chapter when its own title says nothing of them
("开启美丽云南建设新征程": 生态环境保护取得明显成效, 任重道远, 面临形势与机遇, 短板不足)."""
_FRAME_WORDS = ("基本原则", "目标")
"""Sections of a chapter that frames the plan whatever its title says ("凝心聚力打造…":
指导思想, 基本原则, 主要目标指标; "锚定…，明确发展目标": 指导思想, 战略定位, 主要目标指标):
指导思想 and one of these. The county writes its own 总体要求."""


_TASK_CHAPTER = re.compile(
    r"(?:主要|重点|具体|规划|工作|重点创新)(?:任务|措施|举措|工作)(?:和措施|与措施|举措)?(?:要求)?"
)
"""A chapter titled only as the plan's tasks, in other words than 重点任务 (二、主要措施, 三、重点
工作, 二、工作任务, 四、规划任务, 三、主要举措): it holds the actions as 重点任务 does — its
（一）… groups are the actions, their 1. 2. items the measures. 保障措施 and 组织实施 are not."""


def chapter_role(title: str) -> ChapterRole:
    """What a chapter is for, from the words of its title."""
    for word, role in _ROLE_WORDS:
        if word in title:
            return role
    if _TASK_CHAPTER.fullmatch(title.strip()):
        return "tasks"
    return "other"


PLAN_FORMAT = "peakplan-plan"
PLAN_FORMAT_VERSION = 3
# Format history (bump PLAN_FORMAT_VERSION and add a migration for each change):
#   1 — first version: sections, unit clauses, targets, task table, cover, provenance.
#   2 — clause units' side (joint plans) and lead, a clause's deadline (完成时限), the
#       national level, the governments of a joint plan. A version 1 file reads as it
#       is (every new field has its default), so no migration step is needed.
#   3 — a section's lineage (the clauses of the plans above it it descends from, each with
#       its score and matched words, found or set by the user), the plan's revision in
#       the library (2 for the first newer version imported with --replaces). Version 1
#       and 2 files read as they are (no lineage, revision 1).

LEVEL_NAMES: dict[str, str] = {
    "national": "国家",
    "region": "自治区",
    "province": "省",
    "city": "市",
    "county": "县",
    "zone": "园区",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Target(_Model):
    """A quantitative (or "complete the assigned task") target stated in the text."""

    indicator: str = Field(description="what is measured, as written: 新能源发电总装机容量")
    year: int | None = Field(description="the target year: 2025, 2030, 2035")
    value: str | None = Field(description='the number as written ("100", "10.6", "2-3")')
    unit: str = Field("", description="unit of measure: 万千瓦, %, 万吨")
    qualifier: str = Field("", description="以上, 左右, 以内, 以下, 不低于, 超过 …")
    verb: str = Field("", description="达到, 下降, 控制在 … as written before the value")
    base_year: int | None = Field(
        None, description="在2020年基础上, 较2020年: the year compared with"
    )
    kind: Literal["value", "assigned"] = Field(
        "value", description='"assigned": the text promises to complete the task given from above'
    )
    text: str = Field(description="the clause stating it: 新能源发电总装机容量达到100万千瓦以上")
    sentence: str = Field(description="the sentence it came from, year phrase included")
    paragraph: int = Field(ge=0, description="index of the paragraph of its section")


class UnitClause(_Model):
    """A responsibility clause: （责任单位：县发改局、财政局；列首位的为牵头单位，下同）."""

    text: str = Field(description="the whole clause, parentheses included")
    labelled: bool = Field(True, description="False for a bare parenthesis of unit names")
    units: list[ClauseUnit] = Field(min_length=1)
    duty: str = Field("", description="a trailing 按照职责分工分别负责")
    note: str = Field("", description="列首位的为牵头单位，下同, or another note after a ；")
    deadline: str = Field("", description="完成时限 as written: 2022年2月底前")

    @property
    def lead(self) -> str:
        """The unit that leads the measure: the first (of the first government's list)."""
        return self.units[0].name

    @property
    def leads(self) -> list[str]:
        """Every 牵头单位: several before the comma (成都), one per government (成渝)."""
        marked = [u.name for u in self.units if u.lead]
        return marked or [self.units[0].name]

    @property
    def joint(self) -> bool:
        """Units of several governments, each list with its own lead (各方牵头)."""
        return any(u.side for u in self.units)

    @property
    def written_names(self) -> list[str]:
        return [u.written for u in self.units]

    @property
    def names(self) -> list[str]:
        return [u.name for u in self.units]

    @property
    def merged(self) -> bool:
        """Written as several clauses, each ending a sentence of the measure (山西 "（省农业农村厅
        牵头负责）…（省商务厅牵头负责）"), read as one: its text holds several bracketed groups."""
        depth = groups = 0
        for ch in self.text:
            if ch in "（(［[【":
                groups += depth == 0
                depth += 1
            elif ch in "）)］]】":
                depth = max(0, depth - 1)
        return groups > 1


class LineageLink(_Model):
    """A clause of a plan above this one that a section descends from (银川 三.二.1 is 宁夏
    三.二.1 adapted): found by skeleton and text similarity, or set by the user."""

    node: str = Field(pattern=r"^[^\s:]+:\S+$", description="ningxia-region:三.二.1")
    score: float = Field(ge=0, le=100, description="text similarity, 0–100")
    words: list[str] = Field(default_factory=list, description="words both texts share")
    by: Literal["auto", "user"] = "auto"

    @property
    def plan_id(self) -> str:
        return plan_of(self.node)


class Section(_Model):
    """A heading with its text: chapter 一、, action （一）, measure 1., item （1） or sub-item."""

    id: str
    level: int = Field(ge=1, le=4)
    label: str = Field(description="canonical label: 三、 （一） 1. （1）; empty for a sub-item")
    number: str = Field(
        description="the label's number as written: 三, 一, 1; empty for a sub-item"
    )
    title: str
    title_style: TitleStyle = "own_line"
    paragraphs: list[str] = Field(default_factory=list)
    clause: UnitClause | None = None
    targets: list[Target] = Field(default_factory=list)
    lineage: list[LineageLink] = Field(
        default_factory=list, description="the clauses above this one it descends from"
    )
    lineage_by_user: bool = Field(
        False, description="the user decided the lineage (an empty one: it descends from nothing)"
    )
    children: list[Section] = Field(default_factory=list)

    @model_validator(mode="after")
    def _children_one_level_down(self) -> Section:
        for i, child in enumerate(self.children):
            if child.level != self.level + 1:
                raise ValueError(
                    f"children[{i}] 的层级为 {child.level}，应为 {self.level + 1}（上级 {self.id}）"
                )
        return self

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def heading(self) -> str:
        return f"{self.label}{self.title}"


class TableWork(_Model):
    """One piece of work of a task-table row: its own 主要工作, 牵头单位, 配合单位."""

    work: str
    lead: str
    cooperating: str = Field("", description="配合单位 as written")
    cooperating_units: list[str] = Field(default_factory=list)


class TableRow(_Model):
    """A numbered row of a published task-division table (任务分工表)."""

    number: int = Field(ge=1, description="序号")
    area: str = Field(description="重点领域 with its label: 一、能源绿色低碳转型行动")
    action: str = Field(description="行动措施")
    work_rows: list[TableWork] = Field(min_length=1)
    measure_id: str | None = Field(None, description="the plan node this row is about")


class CoverMember(_Model):
    role: str = Field(description="组长, 副组长, 成员")
    name: str
    unit: str = ""


class Cover(_Model):
    """What the cover and the 编制委员会 page say, for consultancy drafts."""

    commissioned_by: str = Field("", description="委托单位")
    drafted_by: str = Field("", description="编制单位")
    committee: list[CoverMember] = Field(default_factory=list)


class Provenance(_Model):
    """Where a structured plan came from, so a reviewer can go back to the source."""

    source_file: str
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    source_format: Literal["txt", "docx", "doc", "wps", "pdf", "html", "mhtml"]
    imported_with: str
    published: str = Field("", description="where and when it was published, checked by hand")
    checked_by_hand: bool = False
    notes: list[str] = Field(default_factory=list)
    notice: list[str] = Field(
        default_factory=list, description="the issuing notice (关于印发…的通知), as printed"
    )
    document_number: str = Field("", description="the issuing number: 沪府发〔2022〕7号")


class Plan(_Model):
    """A whole plan: front matter, preamble, the section tree and its task table."""

    format: Literal["peakplan-plan"] = PLAN_FORMAT
    version: int = PLAN_FORMAT_VERSION
    id: str = Field(pattern=r"^[^\s:]+$")
    title: str = Field(min_length=1)
    level: PlanLevel
    issuer: str = ""
    date: str = Field("", pattern=r"^$|^\d{4}-\d{2}(-\d{2})?$")
    date_text: str = ""
    stage: Stage = ""
    revision: int = Field(
        1, ge=1, description="the library's version of this plan: 2 after one --replaces import"
    )
    preamble: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    task_table_title: str = ""
    task_table: list[TableRow] = Field(default_factory=list)
    footnotes: list[str] = Field(default_factory=list)
    cover: Cover | None = None
    governments: list[str] = Field(
        default_factory=list, description="a joint plan's governments (重庆市, 四川省)"
    )
    provenance: Provenance

    @field_validator("version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v > PLAN_FORMAT_VERSION:
            raise ValueError(
                f"文件格式版本 {v} 比本程序支持的 {PLAN_FORMAT_VERSION} 新，请升级程序"
            )
        if v < 1:
            raise ValueError(f"文件格式版本 {v} 无效")
        return v

    @model_validator(mode="after")
    def _ids_unique_and_owned(self) -> Plan:
        seen: set[str] = set()
        prefix = f"{self.id}:"
        for section in self.walk():
            if not section.id.startswith(prefix):
                raise ValueError(f"节点 {section.id} 的编号应以 {prefix} 开头")
            if section.id in seen:
                raise ValueError(f"节点编号 {section.id} 重复")
            seen.add(section.id)
        for row in self.task_table:
            if row.measure_id is not None and row.measure_id not in seen:
                raise ValueError(f"任务分工表第 {row.number} 行指向不存在的节点 {row.measure_id}")
        for section in self.sections:
            if section.level != 1:
                raise ValueError(f"顶层节点 {section.id} 的层级应为 1")
        return self

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        for section in self.sections:
            yield from section.walk()

    def find(self, node_id: str) -> Section | None:
        return next((s for s in self.walk() if s.id == node_id), None)

    def key_tasks(self) -> Section | None:
        """The chapter holding the actions (重点任务 / 主要任务, or 主要措施 and its kin)."""
        for section in self.sections:
            if any(word in section.title for word in ("重点任务", "主要任务")):
                return section
        return next((s for s in self.sections if chapter_role(s.title) == "tasks"), None)

    def task_areas(self) -> list[Section]:
        """What a county's 重点任务 takes up: the actions of the 重点任务 chapter, or, in a plan
        numbering its items straight through its chapters (实施意见, 实施方案 of the
        关于加快建立健全… kind), the chapters that set tasks — not the opening 意义 or
        总体要求, the 目标 or the closing 组织实施, nor a background chapter (现状与形势): the
        parent's record and outlook are not the county's to take up as actions."""
        tasks = self.key_tasks()
        if tasks is not None:
            return list(tasks.children)
        return [
            chapter
            for chapter in self.sections
            if chapter_role(chapter.title) == "other" and not is_review_or_frame(chapter)
        ]


def is_review_or_frame(chapter: Section) -> bool:
    """A chapter that sets no task: the parent's review of its past and outlook (by its title,
    or by its sections when at least half of two or more look back) or the frame of the plan
    (指导思想 with 基本原则 or 目标 among its sections). A county writes its own 基础 and 总体要求."""
    if any(word in chapter.title for word in _BACKGROUND_WORDS):
        return True
    titles = [child.title for child in chapter.children]
    looking_back = sum(any(word in title for word in _LOOK_BACK_WORDS) for title in titles)
    if len(titles) >= 2 and 2 * looking_back >= len(titles):
        return True
    return any("指导思想" in title for title in titles) and any(
        word in title for title in titles for word in _FRAME_WORDS
    )


def node_id(plan_id: str, path: list[str]) -> str:
    """The stable id of a node: plan id, then its label numbers joined by dots."""
    return f"{plan_id}:{'.'.join(path)}"


def fingerprint(section: Section) -> str:
    """A short hash of a parent node's text: title, paragraphs and clause."""
    clause = section.clause.text if section.clause else ""
    text = compact("\n".join([section.title, *section.paragraphs, clause]))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
