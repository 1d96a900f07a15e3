"""What adaptation did to parent text: one record per change, with its kind, and the
questions it leaves to the county.

The editor colours a change by its kind, `check` and the export read the
same records; nobody re-derives them from the reason's wording. A pass
proposes Edits (it changes words) or Questions (it cannot decide them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from app.core.draft.adaptation import QuestionKind, Suggestion
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext


class ChangeKind(StrEnum):
    """Which pass made a change."""

    LEVEL_WORD = "level_word"  # 全区 → 全县, 各县（市）区 → 各乡镇
    UNIT = "unit"  # a parent unit named in running text → the county's
    TARGET = "target"  # a stated target → a mention of the county target table


@dataclass(frozen=True)
class TextChange:
    """One change made to parent text; start/end are offsets in the new text."""

    start: int
    end: int
    old: str
    new: str
    reason: str
    kind: ChangeKind = ChangeKind.LEVEL_WORD
    old_start: int = -1
    """Where `old` starts in the parent text (-1: not known)."""


@dataclass(frozen=True)
class PassContext:
    """What every pass may look at: the parent's level, the county, its catalogue."""

    level: str
    county: CountyContext
    catalogue: Catalogue


@dataclass(frozen=True)
class Question:
    """Words a pass cannot decide for the county; start/end are offsets in the parent text."""

    start: int
    end: int
    kind: QuestionKind
    message: str
    suggestions: tuple[Suggestion, ...] = ()
    whole_clause: bool = False
    """About a whole clause (a power the county lacks): level words rewritten in it answer nothing."""
    named: bool = False
    """About a name not the county's (a place elsewhere, the parent's own programme, park or
    river): every such question asks the same of its words (删去 or 保留), so the names of one
    sentence (坚持沿江沿海沿河沿湖“四沿”联动，…推进“1+3”重点功能区建设) are one question,
    whichever pass found them. A question on the county's circumstances (本县有无机场？) or a
    power brings its own answer and stays apart."""


@dataclass(frozen=True)
class TextQuestion:
    """A question as it stands in the adapted text: its quote and where it is."""

    start: int
    end: int
    quote: str
    kind: QuestionKind
    message: str
    suggestions: tuple[Suggestion, ...] = ()
    also: tuple[TextQuestion, ...] = ()
    """The sentence's other questions this one stands for, named in its message (本句还有
    “1+3”（…）): asked here, not on their own words."""


@dataclass(frozen=True)
class AdaptedText:
    text: str
    changes: tuple[TextChange, ...] = ()
    questions: tuple[TextQuestion, ...] = ()


@dataclass(frozen=True)
class UnitChange:
    """What became of one parent unit."""

    parent: str
    county: tuple[str, ...]
    status: Literal["same", "mapped", "unmapped"]
    note: str = ""
    """Why, where a naming rule decided: 县里没有对应机构, 县里是市生态环境局的分局 …"""
    offers: tuple[str, ...] = ()
    """What the county may write instead of a unit it lacks (国家金融监督管理总局韶关监管分局)."""
    elsewhere: str = ""
    """The other place whose body it is (深圳 in 深圳银保监局): the county is not under it."""
    duty: str = ""
    """The subject of a kept body's line of work (绿色金融 for a regulator): where it led, the
    county body leading that subject stands in."""

    @property
    def message(self) -> str:
        if self.status == "unmapped":
            why = f"（{self.note}）" if self.note else ""
            return f"上级单位“{self.parent}”在县单位目录中没有对应单位{why}，已原样保留（不作牵头单位），请确认"
        if self.status == "mapped":
            return f"{self.parent} → {'、'.join(self.county)}"
        return self.parent


@dataclass(frozen=True)
class Edit:
    """A replacement a pass proposes; offsets are in the parent text."""

    start: int
    end: int
    new: str
    reason: str
    kind: ChangeKind


def non_overlapping(edits: list[Edit]) -> list[Edit]:
    """Earlier, then longer edits win; an edit overlapping a kept one is left out."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept
