"""The consultation round kept with the draft: its named versions and the opinions that
came back on them (DOMAIN.md, "After the first draft").

A version is the draft frozen at a stage (征求意见稿 2023-08-15, 送审稿 …) inside the
.peakplan file: two versions compared make the 修改对照表, the versions and opinions the
起草说明's 起草过程. An opinion is one comment, tracked change, edit or table row a unit
sent back, tied to the measure or section it concerns, with the team's decision.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

OpinionKind = Literal["comment", "insertion", "deletion", "edit", "table", "none"]
"""comment: a Word comment; insertion / deletion: a tracked change (w:ins / w:del); edit: an
untracked change found by comparing with the version sent; table: a row of a 反馈意见表;
none: the unit replied 无意见."""
OPINION_KINDS: dict[str, str] = {
    "comment": "批注",
    "insertion": "插入",
    "deletion": "删除",
    "edit": "修改",
    "table": "意见表",
    "none": "无意见",
}
"""Each kind as the window and the command line name it."""
OpinionDecision = Literal["pending", "adopted", "partly", "rejected", "elsewhere"]
OPINION_DECISIONS: dict[str, str] = {
    "pending": "待处理",
    "adopted": "采纳",
    "partly": "部分采纳",
    "rejected": "不采纳",
    "elsewhere": "已采纳于其他意见",
}
OpinionPlace = Literal["title", "paragraph", "clause", "work", "preamble", "section", "draft"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FoundOpinion(_Frozen):
    """One opinion a unit sent back, where it stands and what the team decided — as a returned
    file gives it (app/importer/feedback), before the draft numbers it (ops.add_opinions)."""

    unit: str = Field("", description="the unit it came from (县住建局), editable")
    author: str = Field("", description="the Word author of the comment or change")
    kind: OpinionKind
    node_id: str = Field(
        "", description="the measure or section it concerns ('' for the whole draft)"
    )
    place: OpinionPlace = "paragraph"
    index: int = Field(0, ge=0, description="which paragraph (or work row) of the node")
    original: str = Field("", description="the words as sent")
    proposed: str = Field("", description="the words the unit proposes ('' for a deletion)")
    comment: str = Field("", description="the comment's text or the table row's 意见")
    grounds: str = Field(
        "", description="the unit's own 理由/说明 for it (a 反馈意见表's 理由 column), kept apart"
    )
    source: str = Field("", description="the returned file's name")
    version: str = Field("", description="the version it was made on (its stage and date)")
    decision: OpinionDecision = "pending"
    reason: str = Field("", description="理由/说明 for the decision")
    matched: Literal["anchor", "text", "none"] = Field(
        "anchor",
        description="how its place was found: the export's bookmark, text similarity, not at all",
    )


class Opinion(FoundOpinion):
    """An opinion kept with the draft: a FoundOpinion with its number (o1, o2 …)."""

    id: str = Field(pattern=r"^o\d+$")
    unit: str = Field(description="the unit it came from (县住建局), editable")


class DraftVersion(_Frozen):
    """The draft as it stood at a stage, frozen inside the file.

    `data` is the draft's data with its unchanged parts shared with the other versions: each
    sizeable object a reference into the draft's `version_parts` (version_store.py).
    Read a version back with operations.version_draft, never from `data` directly."""

    stage: str = Field(min_length=1, description="征求意见稿, 送审稿 …")
    date: str = Field("", pattern=r"^$|^\d{4}-\d{2}(-\d{2})?$")
    saved_at: str = ""
    data: dict[str, Any] = Field(
        description="the draft's data without its versions, sizeable parts as pool references"
    )

    @property
    def name(self) -> str:
        return f"{self.stage} {self.date}".strip()


def opinion_key(opinion: FoundOpinion) -> tuple:
    """What makes two opinions the same one: the same file or comment read twice gives the same
    key (the team's decision and the file's name are not part of it)."""
    return (
        opinion.unit,
        opinion.author,
        opinion.kind,
        opinion.node_id,
        opinion.place,
        opinion.index,
        opinion.original,
        opinion.proposed,
        opinion.comment,
        opinion.grounds,
    )


SENT_MARK = "PeakPlanSent"
"""The custom document property of an exported Word draft naming it (SentCopy.mark)."""
SENT_VERSION = "PeakPlanVersion"
"""… and, for a person looking at the file's properties, the stage and date it went out as."""


class SentCopy(_Frozen):
    """A Word draft as it went out, so a returned copy is read against what the unit saw,
    not against the text the team has edited since (the export marks the file with `mark`,
    a custom document property that Word, WPS and LibreOffice keep)."""

    mark: str = Field(pattern=r"^[0-9a-f]{16}$", description="hash of the printed paragraphs")
    version: str = Field("", description="the stage and date it went out as (征求意见稿 2023-08)")
    saved_at: str = ""
    paragraphs: str = Field(
        "",
        description="the printed paragraphs, zlib-packed JSON in base64; '' when a saved version "
        "of that name prints the same (it is rebuilt from the version)",
    )
