"""意见内容 of a change, as a reader of the 意见采纳情况表 wants it: what was deleted, inserted or
replaced, with only as much of the text around it as it takes to find it — and that cut at
punctuation, so a quote never ends in half a word (减少装修环|节).

An opinion's original and proposed words are the change with some text either side (as the
returned file was read); the change is what differs between them, the common beginning and
end trimmed. A short change (a character or two) is quoted in its clause — the words between
the nearest punctuation marks — taken from the paragraph as it prints when it is found there.
"""

from __future__ import annotations

import re

from app.core.text.diff import Op, segments

SHORT = 4
"""A change shorter than this many characters is quoted with its clause around it."""
CLAUSE_MAX = 24
"""A clause up to this long is quoted whole around a change inside it (推行→推进 as
“推行绿色社区试点”修改为“推进绿色社区创建”, not “行…”修改为“进…”)."""
LONG = 60
"""A span longer than this is quoted as its separate changes, or shortened with ……."""
_CLAUSE = re.compile(r"（(?:责任单位：)?[^（）]*(?:局|委|办|中心|公司|政府|分局)[^（）]*）$")
_STOP = '，。；：、！？,.;:!?（）()“”"《》\n'


def _quote(text: str) -> str:
    return f"“{text.strip()}”"


def _trimmed(original: str, proposed: str) -> tuple[int, int, int]:
    """(start, end in original, end in proposed) of the one span that differs. Words only
    deleted or only inserted could often sit a few characters left or right: the place
    where they start at a punctuation mark is taken (删除“，推进绿色电力交易”, not
    “色电力交易，推进绿”)."""
    start = 0
    limit = min(len(original), len(proposed))
    while start < limit and original[start] == proposed[start]:
        start += 1
    end = 0
    while end < limit - start and original[-1 - end] == proposed[-1 - end]:
        end += 1
    end_a, end_b = len(original) - end, len(proposed) - end
    if end_a > start and end_b > start:
        return start, end_a, end_b
    longer, end_l = (original, end_a) if end_a > start else (proposed, end_b)
    width = end_l - start
    if not width:
        return start, end_a, end_b
    lo = start
    while lo > 0 and longer[lo - 1] == longer[lo - 1 + width]:
        lo -= 1
    choices = range(lo, start + 1)
    best = next((k for k in choices if longer[k] in _STOP), None)
    if best is None:
        best = next((k for k in choices if longer[k + width - 1] in _STOP), start)
    shift = start - best
    return best, end_a - shift, end_b - shift


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: out to the punctuation either side."""
    lo = start
    while lo > 0 and text[lo - 1] not in _STOP:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in _STOP:
        hi += 1
    return lo, hi


def _without_clause(text: str) -> str:
    """Deleted words less a 责任单位 clause at their end (adopting keeps the clause)."""
    return _CLAUSE.sub("", text) or text


def short_quote(text: str) -> str:
    """A long quote as its first and last clause with …… between."""
    if len(text) <= LONG:
        return text
    first = re.split(r"(?<=[，。；：、])", text)
    head, tail = first[0], first[-1] if len(first) > 1 else ""
    if len(head) > LONG // 2 or len(tail) > LONG // 2 or not tail:
        return text[: LONG // 2].rstrip() + "……"
    return f"{head}……{tail}"


def _bounds(text: str, a0: int, a1: int, deleted: str, inserted: str) -> tuple[int, int]:
    """The clause around text[a0:a1]: out to the punctuation either side, or the deleted
    words' own edge where that is punctuation (words put in go after the clause before)."""
    lo, hi = _clause(text, a0, a1)
    if deleted[:1] in _STOP and deleted:
        lo = a0
    if (deleted or inserted)[-1:] in _STOP:
        hi = a1
    return lo, hi


def _one(original: str, proposed: str, around: str) -> str:
    """The one span that differs, said in words: the words alone where they stand between
    punctuation or are long enough to find, else with their clause (CLAUSE_MAX)."""
    start, end_a, end_b = _trimmed(original, proposed)
    deleted, inserted = original[start:end_a], proposed[start:end_b]
    if deleted and inserted and len(deleted) + len(inserted) > LONG * 2:
        return ""
    text, offset = (around, around.find(original)) if original in around else (original, 0)
    a0, a1 = max(offset, 0) + start, max(offset, 0) + end_a
    lo, hi = _bounds(text, a0, a1, deleted, inserted)
    before, after = text[lo:a0], text[a1:hi]
    old, new = before + deleted + after, before + inserted + after
    in_clause = (before or after) and len(old) <= CLAUSE_MAX
    short = max(len(deleted), len(inserted)) < SHORT
    repeated = bool(deleted) and text.count(deleted) > 1
    if not deleted:
        if not after or (before and not in_clause and not short):
            return f"建议在{_quote(short_quote(before))}后增加{_quote(short_quote(inserted))}"
        if not before:
            return f"建议在{_quote(short_quote(after))}前增加{_quote(short_quote(inserted))}"
    elif not (in_clause or short or repeated):
        if not inserted:
            return f"建议删除{_quote(short_quote(_without_clause(deleted)))}"
        return f"建议将{_quote(short_quote(deleted))}修改为{_quote(short_quote(inserted))}"
    if not new.strip("，。；、 "):
        return f"建议删除{_quote(short_quote(old))}"
    return f"建议将{_quote(short_quote(old))}修改为{_quote(short_quote(new))}"


def change_words(original: str, proposed: str, around: str = "") -> str:
    """What a change asks, in a few words: 建议删除“，推动供给侧结构性改革”, 建议将“不低47%”
    修改为“不低于47%”, 建议在“……力度，”后分段. `around`: the paragraph as it prints, where
    the clause of a short change is looked for."""
    if "\n" in proposed and "\n" not in original:  # a paragraph split in two
        first = proposed.split("\n", 1)[0].strip()
        body = first.rstrip(_STOP)
        lo = max((body.rfind(c) for c in _STOP), default=-1) + 1
        return f"建议在{_quote(short_quote(first[lo:]))}后另起一段"
    if "\n" in original and "\n" not in proposed:  # paragraphs merged
        first, second = original.split("\n", 1)
        body = first.rstrip(_STOP)
        tail = first[max((body.rfind(c) for c in _STOP), default=-1) + 1 :]
        head = re.split(r"(?<=[，。；：])", second.split("\n")[0])[0]
        return f"建议将{_quote(short_quote(tail))}所在段与下一段{_quote(head + '……')}合并为一段"
    if not original.strip():
        return f"建议增加{_quote(short_quote(proposed))}"
    if not proposed.strip():
        return f"建议删除{_quote(short_quote(_without_clause(original)))}"
    if (
        len(original) <= SHORT * 2 and len(proposed) <= SHORT * 4
    ):  # the words as the unit named them
        return f"建议将{_quote(original)}修改为{_quote(proposed)}"
    said = _one(original, proposed, around)
    if said:
        return said
    hunks = [op for op in segments(original, proposed) if op.op is not Op.EQUAL]
    parts = [
        _one(original[max(0, a0 - 2) : a1 + 2], proposed[max(0, b0 - 2) : b1 + 2], original)
        for _tag, a0, a1, b0, b1 in hunks[:4]
    ]
    return "；".join(p for p in parts if p) + ("等" if len(hunks) > 4 else "")
