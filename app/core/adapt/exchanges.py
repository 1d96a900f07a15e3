"""Exchanges that serve the county's province, named after one of its cities.

"依托广州碳排放权交易中心等专业技术机构…核算": 广州 here is no other city the county
copies, and the exchange is no name of the parent's the county cannot carry: the county's
firms trade on it. Which exchange serves which province is data
(resources/places/exchanges.json, with its sources).
"""

from __future__ import annotations

import json
from functools import lru_cache

from app import paths
from app.core.text.county import CountyContext


@lru_cache(maxsize=1)
def _exchanges() -> tuple[dict, ...]:
    data = json.loads(paths.resource("places", "exchanges.json").read_text(encoding="utf-8"))
    return tuple(data["exchanges"])


def exchange_serving(text: str, start: int, county: CountyContext) -> bool:
    """Does an exchange serving the county's province begin at start? (广州碳排放权交易中心 for
    a county of 韶关, not for one of 深圳, which has its own.)"""
    return any(
        e["province"] == county.region_short
        and county.city not in e["not_cities"]
        and text.startswith(e["name"], start)
        for e in _exchanges()
    )
