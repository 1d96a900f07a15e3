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
from app.core.draft.model import Catalogue
from app.core.text.county import CountyContext


@lru_cache(maxsize=1)
def _named() -> dict[str, dict[str, str]]:
    data = json.loads(paths.resource("units", "named.json").read_text(encoding="utf-8"))
    return data["levels"]


def named_units(county: CountyContext, catalogue: Catalogue | None = None) -> dict[str, str]:
    """Body id → the county's name of it: fgw → 县发改局, 旗发改委, 区发展改革委 …"""
    names = _named().get(county.kind) or _named()["county"]
    out = {}
    for body, name in names.items():
        filled = county.fill(name)
        own = catalogue.canonical(filled) if catalogue is not None else None
        out[body] = own or filled
    return out
