"""Parent units of any province mapped by how bodies are named since the 2018–19 reform.

A province's 发展改革委 and a city's 发改委 are the county's 发改局 everywhere; a
生态环境厅 is the city bureau's county 分局; 国网X省电力公司 is the county 供电公司.
The rules are data (resources/units/patterns.json), so a plan from a province
the app has never seen is mapped without a hand-made mapping file. A rule only
ever names units of the county's own catalogue: what the catalogue lacks stays
the parent's, to be flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app import paths
from app.core.draft.catalogue_files import read_unit_file
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prefix: Literal["government", "party"] = "government"
    bodies: list[str] = Field(default_factory=list, description="names after the parent's prefix")
    names: list[str] = Field(default_factory=list, description="whole-name regular expressions")
    county: list[str] = Field(description="county units, first one the catalogue has wins")
    note: str = ""
    why: str = Field("", description="the class of bodies the rule is for, and its source")
    offer: list[str] = Field(
        default_factory=list, description="county-side names offered as answers (改为…)"
    )
    seat: bool = Field(
        False, description="the place in the name is a province-wide body's seat, not its area"
    )
    duty: str = Field(
        "", description="the subject (duties.json) of the body's line of work: who leads for it"
    )


class _SameName(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc: str = Field("", alias="_doc")
    government: str
    party: str
    replace_end: dict[str, str] = Field(default_factory=dict)


class _PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str = Field(pattern="^peakplan-unit-patterns$")
    version: int = Field(ge=1, le=1)
    description: str = ""
    government_prefixes: list[str] = Field(min_length=1)
    party_prefixes: list[str] = Field(min_length=1)
    same_name: _SameName
    rules: list[_Rule]


@dataclass(frozen=True)
class PatternMatch:
    """What a rule says of a parent unit: the county's units (none: no counterpart) and why."""

    county: tuple[str, ...]
    note: str = ""
    offers: tuple[str, ...] = ()
    """Names the county may write instead (国家金融监督管理总局韶关监管分局), offered as answers."""
    seat: bool = False
    """The place in the name is where a province-wide body sits (人民银行广州分行), not its area."""
    duty: str = ""
    """The subject of its line of work (绿色金融): the county body leading it stands in as lead."""


@lru_cache(maxsize=1)
def _pattern_file() -> _PatternFile:
    path = paths.resource("units", "patterns.json")
    return read_unit_file(path, _PatternFile, "单位对应规则文件")  # type: ignore[return-value]


def _alternation(words: list[str]) -> str:
    """Longest first, so 发展和改革委员会 wins over 发展和改革委."""
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


class UnitPatterns:
    """The rules of patterns.json with one county's names filled in."""

    def __init__(self, data: _PatternFile, county: CountyContext) -> None:
        self.county = county
        self.data = data
        self.government = [county.fill(p) for p in data.government_prefixes]
        self.party = [county.fill(p) for p in data.party_prefixes]
        # A placeholder the county leaves empty (no city given) is no prefix at all.
        self.government = [p for p in self.government if p and "{" not in p]
        self.party = [p for p in self.party if p and "{" not in p]
        gov = _alternation(self.government)
        party = _alternation(self.party)
        self.rules: list[tuple[re.Pattern[str], _Rule]] = []
        for rule in data.rules:
            parts = [self._fill_regex(n, gov) for n in rule.names]
            if rule.bodies:
                parts.append((party if rule.prefix == "party" else gov) + _alternation(rule.bodies))
            self.rules.append((re.compile("|".join(f"(?:{p})" for p in parts)), rule))
        self.prefix_re = re.compile(f"(?P<party>{party})|(?P<gov>{gov})")
        by_prefix: dict[str, list[str]] = {"government": [], "party": []}
        for rule in data.rules:
            by_prefix[rule.prefix].extend(rule.bodies)
        self.text_re = re.compile(
            f"{party}{_alternation(by_prefix['party'])}|{gov}{_alternation(by_prefix['government'])}"
        )

    def _fill_regex(self, pattern: str, gov: str) -> str:
        values = {k: re.escape(v) for k, v in self.county.placeholders().items() if v}
        values["gov"] = gov
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "(?!)"), pattern)

    def match(self, name: str) -> PatternMatch | None:
        """The rule for a parent unit, if one speaks of it; else its same-named county body."""
        for regex, rule in self.rules:
            if regex.fullmatch(name):
                county = tuple(self.county.fill(c) for c in rule.county)
                offers = tuple(self.county.fill(o) for o in rule.offer if self._fillable(o))
                return PatternMatch(
                    county, self.county.fill(rule.note), offers, rule.seat, rule.duty
                )
        same = self._same_name(name)
        return PatternMatch((same,)) if same else None

    def _fillable(self, text: str) -> bool:
        """Every placeholder of the text has a value for this county (a 直辖市 district has no
        city: no 监管分局 of a city is offered)."""
        values = self.county.placeholders()
        return all(values.get(key) for key in re.findall(r"\{(\w+)\}", text))

    def _same_name(self, name: str) -> str | None:
        m = self.prefix_re.match(name)
        if m is None or m.end() == len(name):
            return None
        body = name[m.end() :]
        for end, new in self.data.same_name.replace_end.items():
            if body.endswith(end):
                body = body[: -len(end)] + new
                break
        template = self.data.same_name.party if m.group("party") else self.data.same_name.government
        return template.replace("{body}", body)

    def county_units(self, name: str, catalogue: Catalogue) -> tuple[tuple[str, ...], str] | None:
        """The catalogue's units for a parent unit, and the rule's note.

        None: no rule speaks of the unit. An empty tuple: a rule does, but the
        county has no counterpart (or its catalogue lacks every candidate).
        """
        found = self.match(name)
        if found is None:
            return None
        for candidate in found.county:
            own = self.resolve(candidate, catalogue)
            if own is not None:
                return (own,), found.note
        return (), found.note

    def resolve(self, candidate: str, catalogue: Catalogue) -> str | None:
        """A candidate as the catalogue writes it (区 for 县 in a district's catalogue)."""
        word = self.county.level_word
        spellings = [candidate]
        if candidate.startswith("县") and word != "县":
            spellings.insert(0, word + candidate[1:])
        for spelling in spellings:
            own = catalogue.canonical(spelling)
            if own is not None:
                return own
        return None

    def text_spans(self, text: str) -> list[tuple[int, int]]:
        """Where running text names a parent body by its prefix (由省发展改革委牵头)."""
        return [(m.start(), m.end()) for m in self.text_re.finditer(text)]


@lru_cache(maxsize=16)
def unit_patterns(county: CountyContext) -> UnitPatterns:
    """The rules for one county, compiled once."""
    return UnitPatterns(_pattern_file(), county)
