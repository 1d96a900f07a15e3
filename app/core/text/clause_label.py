"""A clause as a reader names it: 三（四）2, wherever the user sees one.

A parent clause's id is its plan's id and its label numbers joined by dots
(`ningxia-region:三.四.2`, app/core/plans/model.py: node_id); a county node's place is
its labels down from its chapter. Both print the way the plans themselves number:
一、 (一) 1. (1) — so 三（四）2 and 三（四）2（1）, never the id's 三.四.2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER = re.compile(r"^(?:[零〇一二三四五六七八九十百两]+|\d+)$")


def plan_of(node_id: str) -> str:
    """`ningxia-region:三.四.2` → ningxia-region."""
    return node_id.split(":", 1)[0]


def clause_path(node_id: str) -> str:
    """`ningxia-region:三.四.2` → 三.四.2 (the id without its plan; a bare path stays)."""
    return node_id.split(":", 1)[-1]


def printed_place(numbers: Sequence[str]) -> str:
    """The label numbers of a clause down from its chapter, printed: [三, 四, 2] → 三（四）2.

    The second and fourth are bracketed as the plans write them ((一), (1)); a part
    that is no number (an unnumbered item's words) is printed as it is.
    """
    out = []
    for depth, number in enumerate(n for n in numbers if n):
        bracket = depth in (1, 3) and _NUMBER.match(number)
        out.append(f"（{number}）" if bracket else number)
    return "".join(out)


def clause_label(node_id: str) -> str:
    """`ningxia-region:三.四.2` → 三（四）2: a parent clause as the user sees it named."""
    return printed_place(clause_path(node_id).split("."))
