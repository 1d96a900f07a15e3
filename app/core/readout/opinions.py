"""What the opinions of a consultation round say taken together: which compete for the same
words (conflicts), the counts by decision, each one's proposal in words — read by the
意见处理 page and open to the checks and documents."""

from __future__ import annotations

from collections import Counter

from app.core.draft.consultation import OPINION_DECISIONS, Opinion
from app.core.text.diff import longest_common

CHANGES = frozenset({"insertion", "deletion", "edit", "table"})
"""The kinds that propose words (a comment or 无意见 does not)."""


def proposal_text(opinion: Opinion) -> str:
    """修改意见: the words proposed, or the comment; a deletion says so."""
    if opinion.kind == "none":
        return "无意见"
    if opinion.kind == "deletion" and not opinion.proposed:
        return f"删除“{opinion.original}”" if opinion.original else "删除"
    if opinion.kind == "comment":
        return opinion.comment
    return opinion.proposed or opinion.comment


def _overlap(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return longest_common(a, b) >= 4


def conflicts(opinions: tuple[Opinion, ...]) -> dict[str, tuple[str, ...]]:
    """Each opinion's rivals: others proposing to change overlapping words of the same
    paragraph (the same node, part and index); one decided 不采纳 or 已采纳于其他意见 is
    out of the contest."""
    live = [
        o
        for o in opinions
        if o.kind in CHANGES and o.node_id and o.decision not in ("rejected", "elsewhere")
    ]
    by_paragraph: dict[tuple[str, str, int], list[Opinion]] = {}
    for o in live:
        by_paragraph.setdefault((o.node_id, o.place, o.index), []).append(o)
    out: dict[str, list[str]] = {}
    for group in by_paragraph.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.proposed != b.proposed and _overlap(a.original, b.original):
                    out.setdefault(a.id, []).append(b.id)
                    out.setdefault(b.id, []).append(a.id)
    return {k: tuple(v) for k, v in out.items()}


def counts_text(opinions: tuple[Opinion, ...]) -> str:
    """意见 45 条：待处理 12，采纳 20，部分采纳 5，不采纳 8 (only the decisions present)."""
    counted = Counter(o.decision for o in opinions)
    parts = [
        f"{OPINION_DECISIONS[d]} {counted[d]}"
        for d in ("pending", "adopted", "partly", "rejected", "elsewhere")
        if counted[d] or d == "pending"
    ]
    return f"意见 {len(opinions)} 条：" + "，".join(parts)
