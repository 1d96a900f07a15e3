"""A returned file matched to the draft as it was sent: each comment, tracked change, edited
paragraph and table row becomes one opinion on the part of the draft it concerns.

The draft as sent comes in as its printed paragraphs (app/export/content.sent_draft: each
paragraph's bookmark name, node and parts); a returned paragraph finds its own through
the bookmark the export put at its start, or — the bookmarks lost, text pasted into a new
document — by text similarity (rapidfuzz). A paragraph typed in right after one placed in a
file with the bookmarks is an insertion there; what matches nothing is listed, never dropped.
"""

from __future__ import annotations

from bisect import bisect_left

from rapidfuzz import fuzz, process

from app.core.text.diff import segments
from app.feedback.anchors import believed
from app.feedback.forms import table_opinions
from app.feedback.found import NO_OPINION, SIMILAR, Found, Matched, where
from app.feedback.word_file import Comment, Paragraph, Returned

__all__ = ["NO_OPINION", "Found", "Matched", "match", "where"]


class _Group:
    """Returned paragraph(s) and the sent paragraphs they stand for."""

    def __init__(self, paragraph: Paragraph, blocks: list[int], how: str) -> None:
        self.paragraph, self.blocks, self.how = paragraph, blocks, how


def match(returned: Returned, sent, *, own_author: str = "") -> Matched:
    """The opinions in a returned file; `sent` as app/export/content.sent_draft gives it."""
    blocks = list(sent.blocks)
    by_name = {name: i for i, (name, _node, _parts) in enumerate(blocks) if name}
    texts = ["".join(t for _k, t in parts) for _n, _node, parts in blocks]
    out = Matched()
    anchored = believed(returned, by_name, texts)
    out.notes.extend(anchored.doubted)
    groups: list[_Group] = []
    seen: set[int] = set()
    loose: list[int] = []
    started = not anchored.bookmarked
    for number, paragraph in enumerate(returned.paragraphs):
        known = [i for i in anchored.placed.get(number, ()) if i not in seen]
        started = started or any(a in by_name for a in paragraph.anchors)
        if known:
            seen.update(known)
            groups.append(_Group(paragraph, known, "anchor"))
        elif started and (paragraph.text.strip() or _typed(paragraph)):
            if paragraph.text.strip() in sent.furniture and not paragraph.changes:
                continue  # the 附件 label or table title, as printed
            loose.append(number)
    placed_loose, new = _by_text(returned, loose, texts, seen)
    order = [*groups, *placed_loose.values()]
    for group in order:
        _edits(group, blocks, texts, out, returned.name)
    _new_paragraphs(returned, order, new, blocks, out)
    _moves(groups, blocks, texts, out)
    left = [i for i in range(len(blocks)) if i not in seen]
    matched_share = len(seen) / max(1, len(blocks))
    if left and (anchored.bookmarked or matched_share > 0.5):
        _missing(left, blocks, texts, out)
    index_of = {id(g.paragraph): g for g in order}
    for comment in returned.comments:
        if own_author and comment.author == own_author:
            continue
        paragraph = returned.paragraphs[comment.paragraph] if comment.paragraph >= 0 else None
        group = index_of.get(id(paragraph)) if paragraph is not None else None
        out.opinions.append(_comment(comment, group, blocks))
    table_opinions(returned.tables, blocks, out)
    if not out.opinions:
        body = "".join(p.text for p in returned.paragraphs).strip()
        if NO_OPINION.match(body) or (len(body) < 200 and "无意见" in body):
            out.opinions.append(Found("none", place="draft", matched="none", comment=body))
            out.unmatched.clear()
    return out


def _by_text(
    returned: Returned, loose: list[int], texts: list[str], seen: set[int]
) -> tuple[dict[int, _Group], list[int]]:
    """Paragraphs without a believed bookmark placed on the sent paragraphs left, by their text
    (the same text first, then the most similar); the others are new."""
    left = {i: texts[i] for i in range(len(texts)) if i not in seen}
    exact: dict[str, list[int]] = {}
    for i, text in left.items():
        exact.setdefault(text, []).append(i)
    placed: dict[int, _Group] = {}
    new: list[int] = []
    for number in loose:
        paragraph = returned.paragraphs[number]
        if not paragraph.text.strip():
            new.append(number)  # typed in with tracking: all of it inserted
            continue
        same = [i for i in exact.get(paragraph.text, ()) if i in left]
        best = (
            (None, 100, same[0])
            if same
            else process.extractOne(paragraph.text, left, scorer=fuzz.ratio, score_cutoff=SIMILAR)
            if left
            else None
        )
        if best is not None:
            del left[best[2]]
            seen.add(best[2])
            placed[number] = _Group(paragraph, [best[2]], "text")
        elif not NO_OPINION.match(paragraph.text):
            new.append(number)
    return placed, new


def _typed(paragraph: Paragraph) -> str:
    """The words of a paragraph typed in with tracking on (its text as sent is empty)."""
    return "".join(c.words for c in paragraph.changes if c.kind == "insertion").strip()


def _after(group: _Group, blocks) -> tuple[str, str, int] | None:
    """Where a paragraph typed in after the group's goes: (node id, place, index) of the
    position after it in its node (or the preamble); None after the title."""
    _name, node, parts = blocks[group.blocks[-1]]
    keys = [key for key, _text in parts]
    if not keys or keys[-1] == "doc":
        return None
    if keys[-1].startswith("pre"):
        return "", "preamble", int(keys[-1][3:]) + 1
    if not node:
        return None
    numbers = [int(key[1:]) for key in keys if key.startswith("p")]
    if not numbers and "c" in keys:  # a clause of its own line: after the node's paragraphs
        numbers = [int(k[1:]) for _n, n, ps in blocks if n == node for k, _t in ps if k[:1] == "p"]
    return node, "paragraph", max(numbers, default=-1) + 1


def _new_paragraphs(returned: Returned, order: list[_Group], new: list[int], blocks, out) -> None:
    """Paragraphs that match no sent one: in a file with the export's bookmarks, one right
    after a placed paragraph (or after such new ones) is an insertion at the position after
    it; the others are listed, never dropped."""
    group_of = {id(g.paragraph): g for g in order}
    new_ones = set(new)
    after: tuple[str, str, int] | None = None
    how = "anchor"
    for number, paragraph in enumerate(returned.paragraphs):
        group = group_of.get(id(paragraph))
        if group is not None:
            after = _after(group, blocks) if returned.anchored else None
            how = group.how
        elif number in new_ones:
            text = paragraph.text.strip() or _typed(paragraph)
            if after is None:
                out.unmatched.append(text)
                continue
            author = "" if paragraph.text.strip() else paragraph.changes[0].author
            node, place, index = after
            out.opinions.append(
                Found(
                    "insertion",
                    author=author,
                    node_id=node,
                    place=place,
                    index=index,
                    proposed=text,
                    matched=how,
                    source=returned.name,
                )
            )
        elif paragraph.anchors:
            after = None


def _spans(block: tuple) -> list[tuple[str, int, int]]:
    """(key, start, end) of each part in the paragraph's printed text."""
    spans, at = [], 0
    for key, text in block[2]:
        spans.append((key, at, at + len(text)))
        at += len(text)
    return spans


def _group_parts(group: _Group, blocks: list[tuple]) -> tuple[list[tuple[str, str, int, int]], str]:
    """(node id, key, start, end) of each part of the group's sent text, and that text."""
    parts, at, text = [], 0, ""
    for i in group.blocks:
        for key, start, end in _spans(blocks[i]):
            parts.append((blocks[i][1], key, at + start, at + end))
        length = sum(len(t) for _k, t in blocks[i][2])
        text += "".join(t for _k, t in blocks[i][2])
        at += length
    return parts, text


def _part_at(parts, position: int, *, end: bool = False):
    for part in parts:
        if part[2] <= position < part[3] or (end and part[2] < position <= part[3]):
            return part
    return parts[-1] if parts else ("", "", 0, 0)


def _edits(group: _Group, blocks, texts, out: Matched, source: str) -> None:
    """Untracked edits, part by part, then each tracked change with its author."""
    parts, sent = _group_parts(group, blocks)
    if not parts:
        return
    now = group.paragraph.text
    opcodes = segments(sent, now)
    changed: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        part = _part_at(parts, a0, end=a0 == a1 and a0 > 0 and a0 == _part_at(parts, a0 - 1)[3])
        # a change across parts: what it removes from each, what it puts in goes to the first
        for p in parts:
            lo, hi = max(a0, p[2]), min(a1, p[3])
            if p is part or (lo < hi):
                words = now[b0:b1] if p is part else ""
                changed.setdefault((p[0], p[1]), []).append((lo - p[2], max(lo, hi) - p[2], words))
    for (node_id, key), edits in changed.items():
        start, end = next((p[2], p[3]) for p in parts if (p[0], p[1]) == (node_id, key))
        original = sent[start:end]
        proposed = original
        for lo, hi, words in sorted(edits, reverse=True):
            proposed = proposed[:lo] + words + proposed[hi:]
        if proposed == original:
            continue
        node, place, index = where(key, node_id)
        out.opinions.append(
            Found(
                "edit",
                node_id=node,
                place=place,
                index=index,
                original=original,
                proposed=proposed,
                matched=group.how,
                source=source,
            )
        )
    to_sent = _position_map(opcodes)
    changes = group.paragraph.changes
    for k, change in enumerate(changes):
        part = _part_at(parts, to_sent(change.start))
        lo = max(changes[k - 1].end if k else 0, _back(to_sent, part[2], now))
        hi = min(changes[k + 1].start if k + 1 < len(changes) else len(now), len(now))
        before, after = _context(now, lo, change.start, change.end, hi)
        node, place, index = where(part[1], part[0])
        deleted = change.words if change.kind != "insertion" else ""
        inserted = change.inserted if change.kind == "edit" else change.words
        inserted = inserted if change.kind != "deletion" else ""
        out.opinions.append(
            Found(
                change.kind,
                author=change.author,
                node_id=node,
                place=place,
                index=index,
                original=before + deleted + after,
                proposed=before + inserted + after,
                matched=group.how,
                source=source,
            )
        )


def _position_map(opcodes):
    """A position in the returned text → the position in the sent text (by bisection: a
    paragraph may carry many changes)."""
    starts = [op[3] for op in opcodes]

    def to_sent(position: int) -> int:
        k = bisect_left(starts, position)
        if k < len(opcodes) and starts[k] == position:
            op = opcodes[k]  # the first piece starting here (a deletion, or the one holding it)
        elif k > 0 and position < opcodes[k - 1][4]:
            op = opcodes[k - 1]
        else:
            return opcodes[-1][2] if opcodes else 0
        _tag, a0, a1, b0, _b1 = op
        return a0 + min(position - b0, max(0, a1 - a0 - 1))

    return to_sent


def _back(to_sent, sent_start: int, now: str) -> int:
    """The first returned position at or after the sent position (to_sent never goes back)."""
    position = bisect_left(range(len(now) + 1), sent_start, key=to_sent)
    return position if position <= len(now) else 0


def _context(text: str, lo: int, start: int, end: int, hi: int) -> tuple[str, str]:
    """Words either side of a change, enough to find it again (and within its neighbours)."""
    for width in (6, 10, 16, 30):
        before, after = text[max(lo, start - width) : start], text[end : min(hi, end + width)]
        if text.count(before + text[start:end] + after) <= 1:
            break
    return before, after


def _moves(groups: list[_Group], blocks, texts, out: Matched) -> None:
    """A paragraph carried elsewhere (its bookmark with it): noted where it went. The longest
    run of paragraphs still in the draft's order stays; the others moved."""
    order = [g.blocks[0] for g in groups]
    length, previous = [1] * len(order), [-1] * len(order)
    for k, value in enumerate(order):
        for j in range(k):
            if order[j] < value and length[j] + 1 > length[k]:
                length[k], previous[k] = length[j] + 1, j
    keep: set[int] = set()
    k = max(range(len(order)), key=length.__getitem__, default=-1)
    while k >= 0:
        keep.add(k)
        k = previous[k]
    for k, group in enumerate(groups):
        first = group.blocks[0]
        if k in keep or not texts[first].strip() or not blocks[first][2]:
            continue
        after = texts[groups[k - 1].blocks[-1]][:20] if k else "（文首）"
        node, place, index = where(blocks[first][2][0][0], blocks[first][1])
        out.opinions.append(
            Found(
                "comment",
                node_id=node,
                place=place,
                index=index,
                original=texts[first],
                comment=f"段落位置调整：移至“{after}”之后",
            )
        )


def _missing(left: list[int], blocks, texts, out: Matched) -> None:
    """Sent paragraphs not in the returned file: a measure deleted whole, or a paragraph."""
    by_node: dict[str, list[int]] = {}
    for i, (_name, node, _parts) in enumerate(blocks):
        by_node.setdefault(node, []).append(i)
    done: set[int] = set()
    for i in left:
        if i in done or not texts[i].strip():
            continue
        node = blocks[i][1]
        if node and all(j in left for j in by_node[node]):
            done.update(by_node[node])
            whole = "\n".join(texts[j] for j in by_node[node])
            out.opinions.append(
                Found("edit", node_id=node, place="section", original=whole, comment="删除此条")
            )
            continue
        for key, text in blocks[i][2]:
            node_id, place, index = where(key, node)
            out.opinions.append(
                Found("edit", node_id=node_id, place=place, index=index, original=text)
            )


def _comment(comment: Comment, group: _Group | None, blocks) -> Found:
    if group is None:
        return Found(
            "comment",
            author=comment.author,
            place="draft",
            original=comment.words,
            comment=comment.text,
            matched="none",
        )
    parts, _sent = _group_parts(group, blocks)
    # positions of the returned text are near enough the sent ones to find the part
    part = _part_at(parts, min(comment.start, max(0, parts[-1][3] - 1)))
    node, place, index = where(part[1], part[0])
    return Found(
        "comment",
        author=comment.author,
        node_id=node,
        place=place,
        index=index,
        original=comment.words,
        comment=comment.text,
        matched=group.how,
    )
