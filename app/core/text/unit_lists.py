"""Unit lists as plans write them, with the shared-prefix rule.

"县发改局、财政局、工信局" names 县发改局, 县财政局 and 县工信局: the body's
prefix is written once, at the first of its units. The party organs' prefix
(县委) is its own ("县委组织部、宣传部、党校、县发改局"), a unit of another body
keeps its full name and does not bring the prefix back, and a comma (，) starts
a new lead group whose prefix is again the plan's own. The prefixes, party
organs and self-named markers are data (resources/units/naming.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from app import paths


class ClauseUnit(BaseModel):
    """One unit named in a responsibility clause."""

    model_config = ConfigDict(extra="forbid")

    written: str = Field(description="as written in the clause: 财政局")
    name: str = Field(description="with the shared prefix restored: 县财政局")
    group: int = Field(0, ge=0, description="lead group, counted at each comma (，) and ；")
    side: int = Field(
        0, ge=0, description="whose list it is in a joint plan (重庆…；四川…), counted at each ；"
    )
    lead: bool = Field(False, description="a 牵头单位: the first, or as the clause's note says")


@dataclass(frozen=True)
class NamingRules:
    """How units abbreviate: loaded from resources/units/naming.json."""

    home_prefix_by_level: dict[str, str]
    party_prefix_by_home: dict[str, str]
    body_prefixes: tuple[str, ...]
    not_a_prefix: tuple[str, ...]
    party_organs: frozenset[str]
    self_named_starts: tuple[str, ...]
    self_named_contains: tuple[str, ...]
    unit_suffixes: tuple[str, ...] = field(default=())

    def prefix_of(self, name: str) -> str | None:
        """The longest body prefix the name starts with, if anything follows it.

        Words that merely begin like a prefix (市场监管局, 市政管理局) have none.
        """
        if name.startswith(self.not_a_prefix):
            return None
        for prefix in sorted(self.body_prefixes, key=len, reverse=True):
            if name.startswith(prefix) and len(name) > len(prefix):
                return prefix
        return None

    def is_self_named(self, name: str) -> bool:
        """A unit of another body, named in full (国网…公司, 各乡镇人民政府, 工业园区管委会)."""
        return name.startswith(self.self_named_starts) or any(
            marker in name for marker in self.self_named_contains
        )

    def is_party_organ(self, name: str) -> bool:
        base = _without_final_bracket(name)
        return name in self.party_organs or base in self.party_organs

    def is_whole(self, name: str) -> bool:
        """A name no prefix may be added to: a place (崇明区, 彭州市) or a body of its own.

        市政府办公厅 is the 市's own office (not 市 + 市政…), 民航华东地区管理局,
        团市委 and a zone's 执委会 are bodies of their own; any name that starts
        with a division's name (大邑县政府, 浦东新区) is that division's.
        """
        if re.match(r"^(?:自治区|省|市|县|区|旗)(?:人民)?政府", name):
            return True
        if self.is_self_named(name):
            return True
        from app.core.text.places import gazetteer

        found = gazetteer().find(name)
        return bool(found) and found[0].start == 0

    def looks_like_unit(self, name: str) -> bool:
        """Does a bare name end the way unit names end (局, 厅, 委, 公司 …)?"""
        return bool(name) and name.endswith(self.unit_suffixes)


@lru_cache(maxsize=1)
def naming_rules() -> NamingRules:
    data = json.loads(paths.resource("units", "naming.json").read_text(encoding="utf-8"))
    return NamingRules(
        home_prefix_by_level=dict(data["home_prefix_by_level"]),
        party_prefix_by_home=dict(data["party_prefix_by_home"]),
        body_prefixes=tuple(data["body_prefixes"]),
        not_a_prefix=tuple(data["not_a_prefix"]),
        party_organs=frozenset(data["party_organs"]),
        self_named_starts=tuple(data["self_named_starts"]),
        self_named_contains=tuple(data["self_named_contains"]),
        unit_suffixes=tuple(data["unit_suffixes"]),
    )


_LEVEL_RUN = re.compile(
    r"^\s*(?:各|有关|相关|所在)?[省市州盟县区旗乡镇](?:、[省市州盟县区旗乡镇])*$"
)
"""The start of a government's name whose level words a 、 joins: 有关市、县〔区〕人民政府."""
_OPENERS = "（(〔［[【"
_CLOSERS = "）)〕］]】"


def split_top_level(text: str, separators: str) -> list[str]:
    """Split at separators outside brackets: 党校（行政学院） stays one piece, and so does
    a government named by its levels (各市、县〔区〕人民政府)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            joins_levels = (
                ch == "、"
                and _LEVEL_RUN.match(text[start:i])
                and text[i + 1 : i + 2] in "省市州盟县区旗乡镇"
                and text[i + 1 : i + 2] != ""
            )
            if joins_levels:
                continue
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def split_unit_names(text: str) -> tuple[str, ...]:
    """Full unit names as a user types them in one cell: 县发改局、县财政局 (or ，；), in order."""
    names = (clean_unit_name(n) for n in split_top_level(text, "、，,；;"))
    return tuple(dict.fromkeys(n for n in names if n))


def clean_unit_name(name: str) -> str:
    """A unit name without the spaces that PDF copies leave in it ("市委宣传 部")."""
    return re.sub(r"\s+", "", name).strip("、，,；;。")


def home_prefix(level: str | None, first_unit: str, rules: NamingRules | None = None) -> str:
    """The plan's own prefix (县, 市, 自治区), from its level or else from the first unit."""
    rules = rules or naming_rules()
    if level and level in rules.home_prefix_by_level:
        return rules.home_prefix_by_level[level]
    prefix = rules.prefix_of(first_unit)
    if prefix is None:
        return ""
    for home, party in rules.party_prefix_by_home.items():
        if prefix == party:
            return home
    return prefix


class _Expander:
    """Walks a written list, tracking which prefix an abbreviated name takes."""

    def __init__(self, home: str, rules: NamingRules) -> None:
        self.home = home
        self.party = rules.party_prefix_by_home.get(home, "") if home else ""
        self.rules = rules
        self.current = home

    def new_group(self) -> None:
        self.current = self.home

    def expand(self, written: str) -> str:
        rules = self.rules
        if not self.home:
            return written
        prefix = rules.prefix_of(written)
        if prefix is not None and prefix in (self.home, self.party):
            self.current = prefix
            return written
        if prefix is not None or rules.is_whole(written):
            return written  # another body's unit or a place: named in full, prefix unchanged
        if self.current == self.party and not rules.is_party_organ(written):
            self.current = self.home  # 县委组织部、…、发展改革委: back to the government
        return self.current + written


_GOVERNMENT_ENDING = re.compile(r"(?:人民)?政府(?:（管委会）)?")


def shared_suffix(names: list[str]) -> list[str]:
    """Governments that share the next one's ending, spelled out: "广州、深圳市政府" names
    广州市政府 and 深圳市政府, "彭州市、金堂县、大邑县政府" three county governments (a place
    written bare before another place's government is that place's government). Other names
    are left as written."""
    from app.core.text.places import gazetteer

    full = list(names)
    for i in range(len(full) - 2, -1, -1):
        bare = gazetteer().find(full[i])
        after = gazetteer().find(full[i + 1])
        if not (bare and after) or len(bare) != 1 or bare[0].end != len(full[i]):
            continue
        if bare[0].start or after[0].start:
            continue
        ending = full[i + 1][after[0].end :]
        if _GOVERNMENT_ENDING.fullmatch(ending):
            full[i] = bare[0].divisions[0].name + ending
    return full


def parse_unit_list(
    text: str, *, home: str | None = None, level: str | None = None
) -> list[ClauseUnit]:
    """Units of a written list, in order, each with its full name and lead group."""
    rules = naming_rules()
    groups = [g for g in split_top_level(text, "，,") if clean_unit_name(g)]
    written_groups = [
        [clean_unit_name(w) for w in split_top_level(g, "、") if clean_unit_name(w)] for g in groups
    ]
    first = next((w for g in written_groups for w in g), "")
    if home is None:
        home = home_prefix(level, first, rules)
    expander = _Expander(home, rules)
    units: list[ClauseUnit] = []
    for index, group in enumerate(written_groups):
        if index:
            expander.new_group()
        for written, full in zip(group, shared_suffix(group), strict=True):
            units.append(ClauseUnit(written=written, name=expander.expand(full), group=index))
    return units


def format_unit_list(names: list[str], *, home: str, groups: list[int] | None = None) -> str:
    """Write full unit names the way plans do: 县发改局、财政局、工信局.

    A name is shortened only where reading it back gives the same unit, so the
    result always parses to the names given. After a comma the first of the
    county's own units is written in full ("县委宣传部，县发改局、教体局"): a
    reader must not take "县委宣传部，发改局" for 县委发改局, as some plans leave it.
    """
    rules = naming_rules()
    groups = groups or [0] * len(names)
    expander = _Expander(home, rules)
    out: list[str] = []
    previous_group = groups[0] if groups else 0
    # The body whose prefix a short name would take: set by the last unit of the
    # plan's own body; units of other bodies leave it; a comma clears it.
    last_body: str | None = None
    for name, group in zip(names, groups, strict=True):
        if group != previous_group:
            expander.new_group()
            out.append("，")
            previous_group = group
            last_body = None
        elif out:
            out.append("、")
        body = rules.prefix_of(name)
        own = body if body in (expander.home, expander.party) and body else None
        written = name
        if own and own == last_body and expander.current == own:
            short = name[len(own) :]
            trial = _Expander(home, rules)
            trial.current = own
            if trial.expand(short) == name:
                written = short
        expander.expand(written)
        out.append(written)
        if own:
            last_body = own
    return "".join(out)


def parse_government_list(text: str, government: str, *, side: int = 0) -> list[ClauseUnit]:
    """Units of one government's list in a joint clause: 四川省能源局、经济和信息化厅.

    The list starts with the government's own name, which its other units
    share: "市经济信息委" after 重庆市能源局 is 重庆市经济信息委, "经济和信息化厅"
    after 四川省能源局 is 四川省经济和信息化厅. Places and bodies of their own
    stay whole, as in any list.
    """
    rules = naming_rules()
    short = "自治区" if government.endswith("自治区") else government[-1:]
    units: list[ClauseUnit] = []
    groups = [g for g in split_top_level(text, "，,") if clean_unit_name(g)]
    for index, group in enumerate(groups):
        for written in (clean_unit_name(w) for w in split_top_level(group, "、")):
            if not written:
                continue
            prefix = rules.prefix_of(written)
            if written.startswith(government):
                name = written
            elif prefix in (short, short + "委"):
                name = government + written[len(short) :]
            elif prefix is not None or rules.is_whole(written):
                name = written
            else:
                name = government + written
            units.append(ClauseUnit(written=written, name=name, group=index, side=side))
    return units


def _without_final_bracket(name: str) -> str:
    """`re.sub(r"（[^）]*）$", "", name)` in linear time (the pattern, tried from every （ of a
    long name without ）, read to the end each time): the first （ after the last inner ）."""
    if not name.endswith("）"):
        return name
    inner_close = name.rfind("）", 0, len(name) - 1)
    start = name.find("（", inner_close + 1)
    return name if start < 0 else name[:start]
