"""The units pass: parent units as the county's, in clauses and in running text.

A unit is looked up in the county catalogue, then in its hand mapping (made for
one parent plan, it overrides), then by the naming rules every province follows
(app/core/adapt/unit_patterns.py). A parent unit with no county counterpart is
kept and reported, never dropped or guessed, and never leads.
"""

from __future__ import annotations

import re

from app.core.adapt.changes import ChangeKind, Edit, PassContext, Question, UnitChange
from app.core.adapt.level_words import in_book_title
from app.core.adapt.unit_patterns import unit_patterns
from app.core.draft.adaptation import Suggestion
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext
from app.core.text.places import Relation, gazetteer

_OTHER_PLACES = (Relation.SIBLING, Relation.KIN, Relation.OTHER)

_CITES_BEFORE = re.compile(r"(?:按照|根据|依照|遵照|依据)[^，。；;,]{0,24}$")
_CITES_AFTER = re.compile(r"^[^，。；;,]{0,16}?(?:部署|要求|规定|安排|精神|通知)")


_SUB_LEVELS = re.compile(
    r"各(?:设区的?|所辖)?(?:[地市州盟县区旗](?:[、（(〔]?[市州盟县区旗][）)〕]?)*)?$"
)
"""What makes a body the sub-levels' own: 各市发改委, 各地市生态环境局, 各盟市能源局."""


def of_sub_levels(text: str, start: int) -> int | None:
    """Where "各…" starts when the unit at start is the parent's sub-levels' bodies (各市发改委):
    not the county's own bureau, which has no sub-level bureaus to direct."""
    m = _SUB_LEVELS.search(text, max(0, start - 12), start)
    return m.start() if m else None


def sub_level_unit_questions(text: str, context: PassContext) -> list[Question]:
    """ "各市发改委要…": the parent speaks to its sub-levels' bodies. The county has none below
    it; the units pass leaves the words as they are and this asks what the county means."""
    out = []
    for start, end in unit_patterns(context.county).text_spans(text):
        first = of_sub_levels(text, start)
        if first is None or in_book_title(text, start):
            continue
        w = context.county.level_word
        out.append(
            Question(
                first,
                end,
                "sub_level",
                f"上级对其下级的同类部门（{text[first:end]}）的要求：本{w}没有下级的同类部门，"
                f"请改为本{w}的表述（如{w}直有关部门、各乡镇）或删去",
                (Suggestion(label="改为各乡镇", replacement="各乡镇"), Suggestion(label="保留")),
            )
        )
    return out


def cites_an_authority(text: str, start: int, end: int) -> bool:
    """A unit named as the body whose requirement the text follows ("按照国家发展改革委统一部署
    要求", "按照住建部和省住建厅要求"): the upper body it is, never the county's own bureau,
    which would then require itself."""
    return bool(_CITES_BEFORE.search(text, 0, start)) and bool(_CITES_AFTER.match(text[end:]))


def unit_text_edits(
    text: str, catalogue: Catalogue, county: CountyContext | None = None
) -> list[Edit]:
    """Parent unit names in running text ("由自治区发展改革委牵头") become the county's."""
    edits: list[Edit] = []
    for entry in sorted(catalogue.mapping, key=lambda e: len(e.parent), reverse=True):
        if len(entry.county) != 1 or len(entry.parent) < 3:
            continue
        for m in re.finditer(re.escape(entry.parent), text):
            if in_book_title(text, m.start()) or cites_an_authority(text, m.start(), m.end()):
                continue
            if of_sub_levels(text, m.start()) is not None:
                continue
            edits.append(Edit(m.start(), m.end(), entry.county[0], "单位对应", ChangeKind.UNIT))
    if county is not None:
        edits += _pattern_text_edits(text, catalogue, county, edits)
    return _repeats_merged(text, edits)


_JOINED = ("、", "和", "及", "与")


def _repeats_merged(text: str, edits: list[Edit]) -> list[Edit]:
    """Two parent units that become the same county unit, written side by side ("省发展改革委、
    省能源局" → 县发改局): the second is dropped with its 、, never "县发改局、县发改局"."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        before = out[-1] if out else None
        if (
            before is not None
            and before.new == edit.new
            and edit.start >= before.end
            and text[before.end : edit.start] in _JOINED
        ):
            out.append(
                Edit(before.end, edit.end, "", "单位对应（与前一单位对应同一本县单位）", edit.kind)
            )
            continue
        out.append(edit)
    return out


def _pattern_text_edits(
    text: str, catalogue: Catalogue, county: CountyContext, taken: list[Edit]
) -> list[Edit]:
    """Units the naming rules know, where no hand mapping already spoke."""
    patterns = unit_patterns(county)
    own_names = sorted(catalogue.names(), key=len, reverse=True)
    edits: list[Edit] = []
    for start, end in patterns.text_spans(text):
        if any(start < e.end and e.start < end for e in taken) or in_book_title(text, start):
            continue
        if cites_an_authority(text, start, end):
            continue
        first = of_sub_levels(text, start)
        if first is not None:  # kept whole, level words too (各盟市能源局, not 各乡镇能源局)
            edits.append(Edit(first, end, text[first:end], "下级的单位", ChangeKind.UNIT))
            continue
        # 市生态环境局金堂分局 already is the county's: its 市生态环境局 is no parent unit.
        if any(len(n) > end - start and text.startswith(n, start) for n in own_names):
            continue
        name = text[start:end]
        if catalogue.canonical(name) is not None:
            continue
        found = patterns.county_units(name, catalogue)
        if found and found[0]:
            edits.append(Edit(start, end, found[0][0], "单位对应（通用规则）", ChangeKind.UNIT))
    return edits


def _county_units(
    name: str, catalogue: Catalogue, county: CountyContext | None
) -> tuple[tuple[str, ...], UnitChange]:
    """One parent unit as the county's: the catalogue, its hand mapping, the naming rules."""
    own = catalogue.canonical(name)
    if own is not None:
        return (own,), UnitChange(name, (own,), "same")
    mapped = catalogue.map_unit(name)
    if mapped:
        # the catalogue's own spelling: 平罗 writes 县商务和投资促进局 for 县商务局
        mapped = tuple(catalogue.canonical(unit) or unit for unit in mapped)
        return mapped, UnitChange(name, mapped, "mapped")
    if county is None:
        return (name,), UnitChange(name, (name,), "unmapped")
    patterns = unit_patterns(county)
    found = patterns.county_units(name, catalogue)
    note = ""
    if found is not None:
        units, note = found
        if units:
            return units, UnitChange(name, units, "mapped", note)
    rule = patterns.match(name)
    place = "" if rule is not None and rule.seat else elsewhere(name, county)
    if place:
        w = county.level_word
        note = f"{place}的单位，本{w}不归其管辖，本{w}方案不能给它分工：请删去"
        return (name,), UnitChange(name, (name,), "unmapped", note, elsewhere=place)
    offers = rule.offers if rule is not None else ()
    duty = rule.duty if rule is not None else ""
    return (name,), UnitChange(name, (name,), "unmapped", note, offers, duty=duty)


def elsewhere(name: str, county: CountyContext) -> str:
    """The place of another jurisdiction a parent unit's name holds (深圳 in 深圳银保监局,
    深圳市 in 人民银行深圳市中心支行, for a county of 韶关): the county is not under that
    body, so the unit is to be deleted, never mapped nor "added to the catalogue"."""
    g = gazetteer()
    near = g.locate(county)
    for place in g.find(name, near=near):
        if near.relation_of(place) in _OTHER_PLACES:
            # by its full name, so 深圳银保监局 and 人民银行深圳市中心支行 read alike
            full = {d.name for d in place.divisions}
            return full.pop() if len(full) == 1 else place.text
    return ""


def adapt_units(
    names: list[str],
    groups: list[int],
    catalogue: Catalogue,
    county: CountyContext | None = None,
) -> tuple[list[str], list[int], list[UnitChange]]:
    """Parent units as county units, in order, without repeats; unmapped ones kept.

    Without the county, only the catalogue and its hand mappings are asked.
    """
    out: list[str] = []
    out_groups: list[int] = []
    changes: list[UnitChange] = []
    for name, group in zip(names, groups, strict=True):
        county_units, change = _county_units(name, catalogue, county)
        changes.append(change)
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
