"""The county's units a template names, from the same catalogue as the clauses.

保障措施 says where the 领导小组办公室 sits and the 起草说明 who drafted the plan; a
fixed word there (县发改局) contradicts every clause and the task table of a 旗
(旗发改委) or a 直辖市's district (区发展改革委). Templates name a unit by its id
(units.fgw); the name is the county's level's (resources/units/named.json, generated
by tools/build_units.py from resources/units/source/county_bodies.json), written as the
draft's catalogue writes that unit (a county that renamed it in its catalogue keeps
its own name).
"""

from __future__ import annotations

import json
from functools import lru_cache

from app import paths
from app.core.draft.model import Catalogue, CatalogueUnit
from app.core.text.county import CountyContext


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(paths.resource("units", "named.json").read_text(encoding="utf-8"))


def _named() -> dict[str, dict[str, str]]:
    return _data()["levels"]


def regional_names(
    units: tuple[CatalogueUnit, ...], county: CountyContext
) -> tuple[CatalogueUnit, ...]:
    """The generic catalogue's units as the county's province names them (安徽's 县经信局 for
    the generic 县工信局; named.json's "regional", each variant with its corpus source). The
    generic name stays an alias, so clauses and mapping rules written the usual way find it."""
    names = _named().get(county.kind) or _named()["county"]
    renamed: dict[str, CatalogueUnit] = {}
    for variant in _data().get("regional", []):
        if county.region_short not in variant["regions"] or variant["body"] not in names:
            continue
        generic = county.fill(names[variant["body"]])
        for unit in units:
            if unit.name == generic:
                aliases = (unit.name, unit.full_name, *unit.aliases)
                new = county.fill(variant["name"])
                renamed[generic] = unit.model_copy(
                    update={
                        "name": new,
                        "full_name": county.fill(variant["full_name"]),
                        "aliases": tuple(a for a in dict.fromkeys(aliases) if a != new),
                    }
                )
    return tuple(renamed.get(u.name, u) for u in units)


def named_units(county: CountyContext, catalogue: Catalogue | None = None) -> dict[str, str]:
    """Body id → the county's name of it: fgw → 县发改局, 旗发改委, 区发展改革委 …"""
    names = _named().get(county.kind) or _named()["county"]
    out = {}
    for body, name in names.items():
        filled = county.fill(name)
        own = catalogue.canonical(filled) if catalogue is not None else None
        out[body] = own or filled
    return out
