"""What adaptation did to a county node, and what it could not decide: stored with the node.

Taking up parent text runs the adaptation passes (app/core/adapt/). Each pass
either changes words (a level word, a unit, a target) — recorded here as an
AdaptChange so the editor can show it — or meets words it cannot decide for
the county (a parent figure, a place of elsewhere, the parent speaking of
itself, a section for sub-levels, a unit with no county counterpart) — an
OpenQuestion with suggestions. The editor, `peakplan check` and the Word
export (a comment on the words) all read these records.

A question is anchored by its quote: the words as they stand in the county
text (paragraph `index`, or work row `index`, or the title). When the user
rewrites those words the quote is gone and the question with it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuestionKind = Literal[
    "figure",
    "place",
    "self_reference",
    "sub_level",
    "unit",
    "proposed_unit",
    "revision",
    "opinion",
    "deadline",
]
QUESTION_NAMES: dict[str, str] = {
    "figure": "上级数值，待本县确定",
    "place": "本县以外的地名或项目",
    "self_reference": "上级自身的表述",
    "sub_level": "面向下级地区的表述",
    "unit": "上级单位，本县无对应单位",
    "proposed_unit": "拟定的责任单位，待确认",
    "revision": "上级已修订，与本县修改冲突",
    "opinion": "已采纳意见，待按意见修改",
    "deadline": "时限已过",
}
TextPlace = Literal["title", "paragraph", "work", "clause"]
"""Where a quote stands: the title, paragraph `index`, work row `index`, or the 责任单位 clause."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AdaptChange(_Frozen):
    """A change adaptation made: old words → new words, and why (a pass's kind and reason)."""

    where: TextPlace = "paragraph"
    index: int = Field(0, ge=0)
    old: str
    new: str
    kind: str = Field(description="level_word, unit, target … (app/core/adapt/changes.py)")
    reason: str = ""


class Suggestion(_Frozen):
    """One answer the user can accept with a click."""

    label: str = Field(description="删去 / 改为本县表述 / 保留 …")
    replacement: str | None = Field(
        None, description="the words that replace the quote; None: the words stay as they are"
    )


class OpenQuestion(_Frozen):
    """Words the county must decide on before the draft goes out."""

    kind: QuestionKind
    quote: str = Field(min_length=1, description="the words in the county text")
    where: TextPlace = "paragraph"
    index: int = Field(0, ge=0, description="paragraph or work row index")
    message: str
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def title(self) -> str:
        """How a reviewer reads it: 上级数值，待本县确定：500万千瓦."""
        return f"{QUESTION_NAMES[self.kind]}：{self.quote}"
