"""Who is proposed to lead a measure the parent names no 责任单位 for.

Many parents (实施意见, many 实施方案) name no units at all, yet a county's
任务分工表 needs a lead for every measure. The measure's subject decides it:
a small duty table (resources/units/duties.json, the post-reform county bodies'
usual duties) maps keywords to a lead and supporting units. What it gives is a
proposal only: the draft marks it as an open question for the county to confirm.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext


@dataclass(frozen=True)
class Duty:
    subject: str
    keywords: tuple[str, ...]
    lead: str
    supporting: tuple[str, ...]


@dataclass(frozen=True)
class Proposal:
    """The units proposed for a measure (lead first) and the subject that decided them."""

    units: tuple[str, ...]
    subject: str

    @property
    def lead(self) -> str:
        return self.units[0]

    @property
    def message(self) -> str:
        return (
            f"建议牵头单位：{self.lead}；请确认（上级方案未写责任单位，"
            f"按措施内容“{self.subject}”拟定，待确认）"
        )


@lru_cache(maxsize=1)
def _duties() -> tuple[tuple[Duty, ...], Duty]:
    data = json.loads(paths.resource("units", "duties.json").read_text(encoding="utf-8"))
    duties = tuple(
        Duty(d["subject"], tuple(d["keywords"]), d["lead"], tuple(d["supporting"]))
        for d in data["duties"]
    )
    fallback = data["fallback"]
    return duties, Duty("综合", (), fallback["lead"], tuple(fallback["supporting"]))


def _resolve(name: str, catalogue: Catalogue, county: CountyContext) -> str | None:
    """A duty table's unit as the county's catalogue writes it (区发改局 in a district's)."""
    filled = county.fill(name)
    spellings = [filled]
    if filled.startswith("县") and county.level_word != "县":
        spellings.insert(0, county.level_word + filled[1:])
    for spelling in spellings:
        own = catalogue.canonical(spelling)
        if own is not None:
            return own
    return None


def propose_units(
    title: str, paragraphs: tuple[str, ...] | list[str], catalogue: Catalogue, county: CountyContext
) -> Proposal | None:
    """The lead and supporting units the measure's subject suggests (None: the catalogue
    has none of them). The title's keywords decide; the text's only where the title's tie."""
    duties, fallback = _duties()
    body = "".join(paragraphs)
    best, score = fallback, (0, 0)
    for duty in duties:
        points = (
            sum(title.count(k) for k in duty.keywords),
            sum(body.count(k) for k in duty.keywords),
        )
        if points > score:
            best, score = duty, points
    for duty in (best, fallback):
        lead = _resolve(duty.lead, catalogue, county)
        if lead is None:
            continue
        units = [lead]
        for name in duty.supporting:
            own = _resolve(name, catalogue, county)
            if own is not None and own not in units:
                units.append(own)
        return Proposal(tuple(units), duty.subject)
    return None
