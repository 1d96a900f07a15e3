"""Parent text made the county's: level words, units, targets.

Taking up a parent measure gives county text with the level words replaced
(rules in resources/adapt/level_words.json), parent unit names mapped through
the county catalogue, and every target turned into a mention of an entry of
the county target table. Each function returns what it changed (span, old,
new, reason) so the user can see every change; a parent unit with no mapping
is kept and reported, never dropped or guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from app.core.county import CountyContext
from app.core.draft import Catalogue, CountyTarget, TargetYear
from app.core.mentions import make_token
from app.core.rules import adapt_rules
from app.core.targets import TargetSpan, locate_targets
from app.core.text import compact


@dataclass(frozen=True)
class TextChange:
    """One change made to parent text; start/end are offsets in the new text."""

    start: int
    end: int
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class AdaptedText:
    text: str
    changes: tuple[TextChange, ...] = ()


@dataclass(frozen=True)
class UnitChange:
    """What became of one parent unit."""

    parent: str
    county: tuple[str, ...]
    status: Literal["same", "mapped", "unmapped"]

    @property
    def message(self) -> str:
        if self.status == "unmapped":
            return f"上级单位“{self.parent}”在县单位目录中没有对应单位，已原样保留（不作牵头单位），请确认"
        if self.status == "mapped":
            return f"{self.parent} → {'、'.join(self.county)}"
        return self.parent


def indicator_key(indicator: str) -> str:
    """The indicator without the words that differ between sentences stating it."""
    rules = adapt_rules()
    key = compact(indicator)
    key = re.sub(r"(?:较|比)(?:20\d\d年)?$", "", key)
    changed = True
    while changed:
        changed = False
        for prefix in rules.indicator_strip_prefixes:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
        for suffix in rules.indicator_strip_suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key


def display_indicator(indicator: str) -> str:
    """The indicator as the target table shows it: 森林覆盖率, not 全区森林覆盖率力争."""
    key = indicator_key(indicator)
    return key or compact(indicator)


@dataclass
class TargetBook:
    """The county target table while an operation adds mentions to it."""

    targets: list[CountyTarget]
    next_id: int
    added: list[str] = field(default_factory=list)
    as_written: bool = False
    """True when opening a plan as it is: its values are the county's own decisions."""

    def _new_id(self) -> str:
        target_id = f"t{self.next_id}"
        self.next_id += 1
        return target_id

    def entry_for(
        self, span: TargetSpan, source: str, written: str = ""
    ) -> tuple[CountyTarget, int]:
        """The entry a parent target belongs to, created or extended as needed."""
        target = span.target
        year = target.year or 0
        key = indicator_key(target.indicator)
        for index, entry in enumerate(self.targets):
            if indicator_key(entry.indicator) != key or entry.unit != target.unit:
                continue
            existing = entry.year(year)
            if existing is not None and not self._same(existing, span, written):
                continue  # another value for the same words: a separate entry, flagged by checks
            sources = (
                entry.sources if source in entry.sources or not source else (*entry.sources, source)
            )
            years = entry.years
            if existing is None:
                years = tuple(sorted((*years, self._year(span, written)), key=lambda y: y.year))
            updated = entry.model_copy(update={"years": years, "sources": sources})
            self.targets[index] = updated
            return updated, year
        entry = CountyTarget(
            id=self._new_id(),
            indicator=display_indicator(target.indicator),
            unit=target.unit,
            sources=(source,) if source else (),
            years=(self._year(span, written),),
        )
        self.targets.append(entry)
        self.added.append(entry.id)
        return entry, year

    def _year(self, span: TargetSpan, written: str) -> TargetYear:
        target = span.target
        year = target.year or 0
        if not self.as_written:
            return TargetYear(year=year, parent_value=target.value, parent_after=span.after)
        if target.kind == "assigned":
            return TargetYear(year=year, decision="assigned", assigned_text=written)
        return TargetYear(year=year, decision="value", value=target.value, after=span.after)

    def _same(self, existing: TargetYear, span: TargetSpan, written: str) -> bool:
        """Does this statement say what the entry's year already says?"""
        candidate = self._year(span, written)
        return (
            existing.parent_value,
            existing.parent_after,
            existing.value,
            existing.after,
            existing.decision,
            existing.assigned_text,
        ) == (
            candidate.parent_value,
            candidate.parent_after,
            candidate.value,
            candidate.after,
            candidate.decision,
            candidate.assigned_text,
        )


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    new: str
    reason: str


def in_book_title(text: str, position: int) -> bool:
    """Is position inside 《…》? Document titles are quoted as they are, never adapted."""
    opening = text.rfind("《", 0, position)
    return opening >= 0 and text.rfind("》", opening, position) < 0


def _word_edits(text: str, level: str, county: CountyContext) -> list[_Edit]:
    edits: list[_Edit] = []
    for rule in adapt_rules().for_level(level):
        for m in rule.find.finditer(text):
            if in_book_title(text, m.start()):
                continue
            new = county.fill(rule.replace)
            if new != m.group():
                edits.append(_Edit(m.start(), m.end(), new, rule.reason))
    return edits


def _unit_edits(text: str, catalogue: Catalogue) -> list[_Edit]:
    """Parent unit names in running text ("由自治区发展改革委牵头") become the county's."""
    edits: list[_Edit] = []
    for entry in sorted(catalogue.mapping, key=lambda e: len(e.parent), reverse=True):
        if len(entry.county) != 1 or len(entry.parent) < 3:
            continue
        for m in re.finditer(re.escape(entry.parent), text):
            if in_book_title(text, m.start()):
                continue
            edits.append(_Edit(m.start(), m.end(), entry.county[0], "单位对应"))
    return edits


def _non_overlapping(edits: list[_Edit]) -> list[_Edit]:
    """Earlier, then longer edits win; an edit overlapping a kept one is left out."""
    kept: list[_Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept


def adapt_text(
    text: str,
    *,
    level: str,
    county: CountyContext,
    catalogue: Catalogue,
    book: TargetBook | None = None,
    source: str = "",
) -> AdaptedText:
    """County text from parent text, and every change made to it.

    With a target book, each target the text states becomes a mention of a
    county target-table entry (pending the county's decision).
    """
    # No level: the text is taken as it stands (a plan opened as it is), only targets are linked.
    edits = _word_edits(text, level, county) + (_unit_edits(text, catalogue) if level else [])
    if book is not None:
        for span in locate_targets(text):
            entry, year = book.entry_for(span, source, text[span.start : span.end])
            edits.append(
                _Edit(
                    span.start,
                    span.end,
                    make_token(entry.id, year, span.lead),
                    f"目标：{entry.indicator}",
                )
            )
    # Target spans win over words inside them.
    targets_first = sorted(edits, key=lambda e: not e.reason.startswith("目标"))
    chosen: list[_Edit] = []
    for edit in targets_first:
        if any(edit.start < c.end and c.start < edit.end for c in chosen):
            continue
        chosen.append(edit)
    chosen = _non_overlapping(chosen)
    out: list[str] = []
    changes: list[TextChange] = []
    position = 0
    length = 0
    for edit in chosen:
        out.append(text[position : edit.start])
        length += edit.start - position
        out.append(edit.new)
        changes.append(
            TextChange(
                length, length + len(edit.new), text[edit.start : edit.end], edit.new, edit.reason
            )
        )
        length += len(edit.new)
        position = edit.end
    out.append(text[position:])
    return AdaptedText("".join(out), tuple(changes))


def adapt_units(
    names: list[str], groups: list[int], catalogue: Catalogue
) -> tuple[list[str], list[int], list[UnitChange]]:
    """Parent units as county units, in order, without repeats; unmapped ones kept."""
    out: list[str] = []
    out_groups: list[int] = []
    changes: list[UnitChange] = []
    for name, group in zip(names, groups, strict=True):
        own = catalogue.canonical(name)
        if own is not None:
            county_units: tuple[str, ...] = (own,)
            changes.append(UnitChange(name, county_units, "same"))
        else:
            mapped = catalogue.map_unit(name)
            if mapped:
                # the catalogue's own spelling: 平罗 writes 县商务和投资促进局 for 县商务局
                mapped = tuple(catalogue.canonical(unit) or unit for unit in mapped)
                county_units = mapped
                changes.append(UnitChange(name, mapped, "mapped"))
            else:
                county_units = (name,)
                changes.append(UnitChange(name, county_units, "unmapped"))
        for unit in county_units:
            if unit not in out:
                out.append(unit)
                out_groups.append(group)
    known = catalogue.names()
    if out and out[0] not in known and any(u in known for u in out):
        # A unit with no county counterpart cannot lead county work: the county
        # units come first, the kept parent units after them (and are flagged).
        order = sorted(range(len(out)), key=lambda i: out[i] not in known)
        return [out[i] for i in order], [0] * len(out), changes
    # Groups renumbered from 0 so that a mapping that merged groups leaves no gap.
    renumber = {g: i for i, g in enumerate(dict.fromkeys(out_groups))}
    return out, [renumber[g] for g in out_groups], changes
