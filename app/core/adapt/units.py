"""The units pass: parent units as the county's, in clauses and in running text.

A parent unit with no county counterpart is kept and reported, never dropped
or guessed.
"""

from __future__ import annotations

import re

from app.core.adapt.changes import ChangeKind, Edit, UnitChange
from app.core.adapt.level_words import in_book_title
from app.core.draft.model import Catalogue


def unit_text_edits(text: str, catalogue: Catalogue) -> list[Edit]:
    """Parent unit names in running text ("由自治区发展改革委牵头") become the county's."""
    edits: list[Edit] = []
    for entry in sorted(catalogue.mapping, key=lambda e: len(e.parent), reverse=True):
        if len(entry.county) != 1 or len(entry.parent) < 3:
            continue
        for m in re.finditer(re.escape(entry.parent), text):
            if in_book_title(text, m.start()):
                continue
            edits.append(Edit(m.start(), m.end(), entry.county[0], "单位对应", ChangeKind.UNIT))
    return edits


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
