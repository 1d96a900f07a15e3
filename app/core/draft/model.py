"""A county's plan-in-progress: the draft.

A draft is an immutable tree. Every edit (app/core/edits.py) returns a new
draft that shares the untouched branches with the old one, so the GUI's undo
keeps both and swaps them, and "equal when saved" is plain equality.

Labels (一、（一）1.) are not stored: they follow from the position, so
reordering can never leave a stale number. Node ids ("n12") are the draft's
own, handed out by a counter in the draft, and stay with a node for its life.
Where a node came from is recorded in `sources`: the parent node ids and a
fingerprint of the parent text as it was taken up.

Targets are not loose text: a sentence stating one holds a mention token
(app/core/mentions.py) pointing at an entry of the county target table, so one
indicator reads the same everywhere it is stated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.core.draft.adaptation import AdaptChange, OpenQuestion
from app.core.draft.consultation import DraftVersion, Opinion, SentCopy
from app.core.draft.gc_pause import collections_paused
from app.core.plans.model import ChapterRole, TitleStyle
from app.core.text.clause_label import plan_of
from app.core.text.county import CountyContext

DRAFT_FORMAT = "peakplan-draft"
DRAFT_FORMAT_VERSION = 6
# Format history (bump DRAFT_FORMAT_VERSION and add a migration in draft/files.py):
#   1 — first version.
#   2 — nodes keep what adaptation changed (`changes`) and could not decide (`questions`);
#       a clause keeps its 完成时限 (`responsibility.deadline`).
#   3 — the county's reason for each parent measure it does not take up (`not_taken_up`),
#       for the 上级方案任务承接对照表.
#   4 — the consultation round: named versions (`versions`) and the opinions sent back
#       (`opinions`), app/core/draft/consultation.py.
#   5 — a version's `data` shares unchanged parts through `version_parts` (version_store.py).
#   6 — an opinion keeps the unit's own 理由 apart from its words (`grounds`; a form row's
#       "\n理由：…" moved there); a node's question may be an adopted opinion's ("opinion").

Stage = Literal["征求意见稿", "送审稿"]
Decision = Literal["pending", "value", "assigned", "dropped"]
DECISION_NAMES: dict[str, str] = {
    "pending": "待定",
    "value": "县定目标值",
    "assigned": "完成上级下达任务",
    "dropped": "不列此目标",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Frozen):
    """A parent clause a county node takes up, and how its text read when taken up."""

    node: str = Field(pattern=r"^[^\s:]+:\S+$", description="ningxia-region:三.一.3")
    fingerprint: str = Field(pattern=r"^[0-9a-f]{16}$")

    @property
    def plan_id(self) -> str:
        return plan_of(self.node)


class Responsibility(_Frozen):
    """The units of a responsibility clause (责任单位), lead first, as full names."""

    units: tuple[str, ...] = Field(min_length=1)
    groups: tuple[int, ...] = Field(
        (), description="lead group of each unit (a comma in the written list); empty: one group"
    )
    duty: str = Field("", description="a trailing 按照职责分工分别负责")
    labelled: bool = Field(True, description="False: a bare parenthesis without 责任单位：")
    note: str = Field(
        "", description="another note inside the clause (the 列首位 note is added by position)"
    )
    deadline: str = Field("", description="完成时限 as the parent wrote it: 2022年2月底前")
    sides: tuple[int, ...] = Field(
        (), description="a joint plan's government of each unit (各方牵头); empty: one government"
    )

    @property
    def lead(self) -> str:
        return self.units[0]

    @property
    def cooperating(self) -> tuple[str, ...]:
        return self.units[1:]

    @model_validator(mode="after")
    def _groups_match(self) -> Responsibility:
        if self.groups and len(self.groups) != len(self.units):
            raise ValueError("groups 与 units 的个数应相同")
        return self

    def group_list(self) -> list[int]:
        return list(self.groups) if self.groups else [0] * len(self.units)


class WorkRow(_Frozen):
    """One line of the task table for a measure: 主要工作, 牵头单位, 配合单位.

    With no units of its own a row takes the measure's clause, so the clause and
    the row cannot drift apart; a measure with several rows (银川 序号 8) gives
    each its own units.
    """

    work: str = Field(description="主要工作; may hold target mentions")
    units: tuple[str, ...] = Field((), description="lead first; empty: the measure's units")
    groups: tuple[int, ...] = Field((), description="lead groups of the units")

    @model_validator(mode="after")
    def _groups_match(self) -> WorkRow:
        if self.groups and len(self.groups) != len(self.units):
            raise ValueError("groups 与 units 的个数应相同")
        return self


MAX_TITLE = 10_000
MAX_PARAGRAPH = 100_000
"""The longest heading and paragraph a draft holds (characters): a published plan's longest
paragraph is a few thousand; a 12-million-character one hung the window."""


class Node(_Frozen):
    """A chapter, an action, a measure or an item: one heading with its text."""

    id: str = Field(pattern=r"^n\d+$")
    level: int = Field(ge=1, le=4)
    numbered: bool = Field(True, description="False: an unnumbered run-in sub-item (银川 三.三.1)")
    title: str = Field(max_length=MAX_TITLE)
    title_style: TitleStyle = "own_line"
    role: ChapterRole = Field("other", description="for chapters: what the chapter is for")
    paragraphs: tuple[Annotated[str, Field(max_length=MAX_PARAGRAPH)], ...] = ()
    sources: tuple[SourceRef, ...] = ()
    responsibility: Responsibility | None = None
    work_rows: tuple[WorkRow, ...] = ()
    area: str = Field("", description="重点领域 as the task table words it, if not the title")
    task_title: str = Field("", description="行动措施 as the task table words it, if not the title")
    template: str = Field("", description="the template a boilerplate text came from")
    changes: tuple[AdaptChange, ...] = Field((), description="what adaptation changed")
    questions: tuple[OpenQuestion, ...] = Field((), description="what it left to the county")
    children: tuple[Node, ...] = ()

    @model_validator(mode="after")
    def _children_one_level_down(self) -> Node:
        for i, child in enumerate(self.children):
            if child.level != self.level + 1:
                raise ValueError(f"children.{i} 的层级为 {child.level}，应为 {self.level + 1}")
        return self

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_own(self) -> bool:
        """The county's own text: taken up from no parent clause."""
        return not self.sources


class TargetYear(_Frozen):
    """One year of an indicator: what the parent says and what the county decides."""

    year: int = Field(ge=2000, le=2100)
    parent_value: str | None = Field(None, description="the parent plan's value, if any")
    parent_after: str = Field("", description="the parent's qualifier: 以上, 左右 …")
    decision: Decision = "pending"
    value: str | None = Field(None, description="the county's value (decision value)")
    after: str = Field("", description="the county's qualifier after the unit: 以上, 左右, 以内")
    assigned_text: str = Field(
        "", description="how the county words 'complete the task from above'; empty: the default"
    )

    @model_validator(mode="after")
    def _value_when_decided(self) -> TargetYear:
        if self.decision == "value" and not self.value:
            raise ValueError(f"{self.year} 年目标已定为县定目标值，但没有填写数值")
        return self


class CountyTarget(_Frozen):
    """An entry of the county target table: one indicator, its unit, its years."""

    id: str = Field(pattern=r"^t\d+$")
    indicator: str = Field(min_length=1)
    unit: str = ""
    sources: tuple[str, ...] = Field((), description="parent node ids stating it")
    years: tuple[TargetYear, ...] = Field(min_length=1)

    def year(self, year: int) -> TargetYear | None:
        return next((y for y in self.years if y.year == year), None)


class CommitteeMember(_Frozen):
    role: str
    name: str
    unit: str = ""


PlanLevel = Literal["national", "region", "province", "city", "county", "zone"]


class DraftMeta(_Frozen):
    """The county and the document: what the cover says."""

    county: str = Field(min_length=1, description="平罗县")
    level: PlanLevel = Field(
        "county", description="county, except for a parent plan opened as it is"
    )
    city: str = Field("", description="石嘴山市")
    region: str = Field("", description="宁夏回族自治区")
    title: str = Field("", description="empty: {county}碳达峰实施方案")
    stage: Stage = "征求意见稿"
    date: str = Field("", pattern=r"^$|^\d{4}-\d{2}(-\d{2})?$")
    commissioned_by: str = Field("", description="委托单位")
    drafted_by: str = Field("", description="编制单位")
    committee: tuple[CommitteeMember, ...] = ()
    preamble: tuple[str, ...] = ()
    lead_note: bool = Field(True, description="write 列首位的为牵头单位，下同 in the first clause")

    @property
    def document_title(self) -> str:
        return self.title or f"{self.county}碳达峰实施方案"


class ParentPlan(_Frozen):
    """A plan the draft draws on, by library id."""

    id: str = Field(pattern=r"^[^\s:]+$")
    title: str
    level: str


class NotTakenUp(_Frozen):
    """A parent measure the county does not take up, and why (the 对照表's 理由)."""

    node: str = Field(pattern=r"^[^\s:]+:\S+$", description="yinchuan-city:三.二.1")
    reason: str = Field(min_length=1, max_length=MAX_PARAGRAPH)


class CatalogueUnit(_Frozen):
    """A unit of the county's catalogue."""

    name: str = Field(min_length=1, description="as clauses write it: 县发改局")
    full_name: str = ""
    kind: str = "other"
    aliases: tuple[str, ...] = ()


class UnitMapEntry(_Frozen):
    """A parent unit and the county unit(s) it becomes."""

    parent: str = Field(min_length=1)
    county: tuple[str, ...] = Field(min_length=1)
    note: str = ""


class Catalogue(_Frozen):
    """The county's units and how parent units map onto them; saved with the draft."""

    id: str = ""
    name: str = ""
    units: tuple[CatalogueUnit, ...] = ()
    mapping: tuple[UnitMapEntry, ...] = ()

    def names(self) -> set[str]:
        names = {u.name for u in self.units}
        return names | {a for u in self.units for a in u.aliases}

    def canonical(self, name: str) -> str | None:
        """The catalogue's own name for a unit written as name or one of its aliases."""
        for unit in self.units:
            if name == unit.name or name in unit.aliases:
                return unit.name
        return None

    def map_unit(self, parent: str) -> tuple[str, ...] | None:
        for entry in self.mapping:
            if entry.parent == parent:
                return entry.county
        return None


class Layout(_Frozen):
    """How the draft is laid out when exported: choices a county makes per draft."""

    measure_titles: Literal["as_written", "own_line", "run_in"] = Field(
        "as_written", description="own line as 平罗, run in as 宁夏/银川, or each as taken up"
    )
    page_numbers: Literal["outside", "centered"] = Field(
        "outside", description="“— 1 —” odd right / even left, or “- 1 -” centred"
    )
    committee_page: bool = True
    attachment: bool = Field(
        True, description="the task table as 附件 at the end of the Word draft"
    )
    style: str = Field("gbt9704", description="the house style (resources/styles/)")


class Draft(_Frozen):
    """The whole county plan-in-progress, as stored in a .peakplan file."""

    format: Literal["peakplan-draft"] = DRAFT_FORMAT
    version: int = DRAFT_FORMAT_VERSION
    meta: DraftMeta
    parents: tuple[ParentPlan, ...] = ()
    chapters: tuple[Node, ...] = ()
    targets: tuple[CountyTarget, ...] = ()
    catalogue: Catalogue = Catalogue()
    layout: Layout = Layout()
    next_id: int = Field(1, ge=1, description="the next node/target number to hand out")
    not_taken_up: tuple[NotTakenUp, ...] = Field(
        (), description="the county's reasons for parent measures it does not take up"
    )
    versions: tuple[DraftVersion, ...] = Field((), description="named versions, oldest first")
    opinions: tuple[Opinion, ...] = Field((), description="opinions sent back, as imported")
    version_parts: dict[str, Any] = Field(default_factory=dict)  # the versions' shared parts
    sent: tuple[SentCopy, ...] = Field(
        (), description="Word drafts sent out, to read returned copies against (newest last)"
    )

    @model_validator(mode="wrap")
    @classmethod
    def _built_in_one_go(cls, data: Any, handler: Any) -> Draft:
        with collections_paused():  # a file of 10,000 measures: 0.7 s instead of 1.6 s
            return handler(data)

    @field_validator("version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v > DRAFT_FORMAT_VERSION:
            raise ValueError(
                f"文件格式版本 {v} 比本程序支持的 {DRAFT_FORMAT_VERSION} 新，请升级程序后再打开"
            )
        if v < 1:
            raise ValueError(f"文件格式版本 {v} 无效")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Draft:
        seen: set[str] = set()
        for node in self.walk():
            if node.id in seen:
                raise ValueError(f"节点编号 {node.id} 重复")
            seen.add(node.id)
            if int(node.id[1:]) >= self.next_id:
                raise ValueError(f"节点编号 {node.id} 不小于 next_id {self.next_id}")
        for chapter in self.chapters:
            if chapter.level != 1:
                raise ValueError(f"章 {chapter.id} 的层级应为 1")
        target_ids: set[str] = set()
        for target in self.targets:
            if target.id in target_ids:
                raise ValueError(f"目标编号 {target.id} 重复")
            target_ids.add(target.id)
            if int(target.id[1:]) >= self.next_id:
                raise ValueError(f"目标编号 {target.id} 不小于 next_id {self.next_id}")
        if len({entry.node for entry in self.not_taken_up}) != len(self.not_taken_up):
            raise ValueError("not_taken_up 中同一上级条款的理由重复")
        return self

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in document order."""
        for chapter in self.chapters:
            yield from chapter.walk()

    def find(self, node_id: str) -> Node | None:
        return next((n for n in self.walk() if n.id == node_id), None)

    def target(self, target_id: str) -> CountyTarget | None:
        return next((t for t in self.targets if t.id == target_id), None)

    def not_taken_reason(self, parent_node_id: str) -> str:
        """The county's reason for not taking up a parent measure; empty: none given."""
        return next((e.reason for e in self.not_taken_up if e.node == parent_node_id), "")

    def chapter(self, role: ChapterRole) -> Node | None:
        return next((c for c in self.chapters if c.role == role), None)

    def measures(self) -> Iterator[Node]:
        """The measures under 重点任务: level-3 nodes of the tasks chapter."""
        tasks = self.chapter("tasks")
        if tasks is None:
            return
        for action in tasks.children:
            yield from action.children


def county_of(draft: Draft) -> CountyContext:
    return CountyContext(draft.meta.county, draft.meta.city, draft.meta.region)


def work_row_units(row: WorkRow, node: Node) -> tuple[str, ...]:
    """A work row's units: its own, or the measure's clause."""
    if row.units:
        return row.units
    return node.responsibility.units if node.responsibility else ()
