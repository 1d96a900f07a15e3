"""Opinions read against the draft as it was sent, carried onto the draft as it is now.

A returned copy is compared with what the unit received (app/export/sent.py), so the team's
own edits since are never read as the unit's. Each opinion then names its place in the
current text: the same part where it still reads as sent; a paragraph the team moved
within its measure is found by its words; a change whose words the team has since
rewritten is kept but flagged (a note), and adopting it finds the words or refuses.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from app.core.draft.consultation import FoundOpinion
from app.core.text.diff import Op, segments
from app.feedback.found import SIMILAR

_KEYS = {"title": "t", "clause": "c"}
_NAMES = {"title": "标题", "clause": "责任单位", "paragraph": "段落", "preamble": "前言"}


def _parts(sent) -> dict[tuple[str, str], str]:
    """(node id, part key) → printed text; key as content.anchored_parts gives it."""
    out: dict[tuple[str, str], str] = {}
    for _name, node, parts in sent.blocks:
        for key, text in parts:
            out[("" if key.startswith("pre") or key == "doc" else node, key)] = text
    return out


def _key(opinion: FoundOpinion) -> str:
    if opinion.place == "paragraph":
        return f"p{opinion.index}"
    if opinion.place == "preamble":
        return f"pre{opinion.index}"
    if opinion.place == "title" and not opinion.node_id:
        return "doc"
    return _KEYS.get(opinion.place, "")


def carry(opinions: list[FoundOpinion], then, now) -> tuple[list[FoundOpinion], list[str]]:
    """`opinions` read against `then` (the draft as sent) placed on `now` (as it prints today),
    and a note for each whose words the team has changed since."""
    old, new = _parts(then), _parts(now)
    nodes_now = {node for _n, node, _p in now.blocks if node}
    out, notes = [], []
    for opinion in opinions:
        key = _key(opinion)
        if opinion.place == "section" or not key:
            if opinion.node_id and opinion.node_id not in nodes_now:
                notes.append(_flag(opinion, "所在措施起草组此后已删除"))
            out.append(opinion)
            continue
        where = (opinion.node_id, key)
        if not opinion.original and opinion.kind == "insertion":  # a new paragraph
            out.append(_new_paragraph(opinion, old, new))
            continue
        sent_text = old.get(where, "")
        if new.get(where) == sent_text:
            out.append(opinion)
            continue
        moved = _moved(opinion, sent_text, new)
        if moved is not None:
            out.append(moved)
            continue
        if not _applies(new.get(where, ""), opinion.original, opinion.proposed):
            notes.append(_flag(opinion, "所涉文字起草组此后已修改，请核对后再采纳"))
        out.append(opinion)
    return out, notes


def _flag(opinion: FoundOpinion, why: str) -> str:
    words = (opinion.original or opinion.proposed or opinion.comment).replace("\n", " ")
    words = words if len(words) <= 24 else words[:24] + "…"
    return f"{opinion.unit or opinion.author or '该单位'}的意见（{_NAMES.get(opinion.place, '')}“{words}”）{why}"


def _moved(opinion: FoundOpinion, sent_text: str, new: dict) -> FoundOpinion | None:
    """The part as sent found unchanged elsewhere in its node (the team added or removed a
    paragraph before it): the opinion re-indexed there."""
    if not sent_text or opinion.place not in ("paragraph", "preamble"):
        return None
    prefix = "p" if opinion.place == "paragraph" else "pre"
    node = opinion.node_id if opinion.place == "paragraph" else ""
    same = [
        int(key[len(prefix) :])
        for (n, key), text in new.items()
        if n == node
        and key.startswith(prefix)
        and key[len(prefix) :].isdigit()
        and text == sent_text
    ]
    if len(same) != 1:
        return None
    return opinion.model_copy(update={"index": same[0]})


def _new_paragraph(opinion: FoundOpinion, old: dict, new: dict) -> FoundOpinion:
    """A paragraph the unit typed in after the sent paragraph index-1: after that paragraph
    where it stands now."""
    if opinion.index == 0 or opinion.place not in ("paragraph", "preamble"):
        return opinion
    prefix = "p" if opinion.place == "paragraph" else "pre"
    node = opinion.node_id if opinion.place == "paragraph" else ""
    before = old.get((node, f"{prefix}{opinion.index - 1}"))
    if before is None:
        return opinion
    candidates = [
        (fuzz.ratio(before, text), int(key[len(prefix) :]))
        for (n, key), text in new.items()
        if n == node and key.startswith(prefix) and key[len(prefix) :].isdigit()
    ]
    best = max(candidates, default=None)
    if best is None or best[0] < SIMILAR:
        return opinion
    return opinion.model_copy(update={"index": best[1] + 1})


def _applies(now: str, original: str, proposed: str) -> bool:
    """Whether each change of original → proposed still finds its words, with a little context,
    exactly once in the text as it is now (as adopting will look for them)."""
    if original and now.count(original) == 1:
        return True
    for tag, a0, a1, _b0, _b1 in segments(original, proposed):
        if tag is Op.EQUAL:
            continue
        for width in (8, 4, 2):
            words = original[max(0, a0 - width) : a1 + width]
            if words and now.count(words) == 1:
                break
        else:
            return False
    return True
