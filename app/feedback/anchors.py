"""Which of a returned file's bookmarks to believe: a bookmark says which sent paragraph a
returned one is, but anyone can rename, copy or move a bookmark (a unit copying a
paragraph copies its bookmark too; a hostile file can forge one). Believed, a wrong
bookmark turns unchanged text into edits of the wrong paragraph — opinions nobody wrote.

So a bookmark is checked against what was exported before it places a paragraph:
- its name is one the export wrote, and no other returned paragraph carries it (a name
  seen twice places neither paragraph);
- the paragraph's text as sent (before tracked changes) is the named paragraph's, or close
  to it — unless it is exactly another sent paragraph's text, or much closer to another's
  (then the bookmark was moved: the paragraph is matched by its text);
- a paragraph rewritten past recognition keeps its bookmark only where that bookmark stands
  in the export's order among the believed ones.
A bookmark not believed is never used: its paragraph is matched by text like one without
any (feedback_match), and a note lists it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from app.feedback.found import SIMILAR
from app.feedback.word_file import Returned

CLOSER = 15
"""How much closer (0–100) a paragraph's text must be to another sent paragraph than to the
one its bookmark names for the bookmark to count as moved."""


@dataclass
class Anchored:
    """The returned paragraphs the bookmarks place: paragraph number → sent block indices."""

    placed: dict[int, list[int]] = field(default_factory=dict)
    doubted: list[str] = field(default_factory=list)
    """Notes: each bookmark not believed, and why."""
    bookmarked: bool = False
    """Whether the file carries the export's bookmarks at all (a file without them is matched
    by text from its first paragraph)."""


def believed(returned: Returned, by_name: dict[str, int], texts: list[str]) -> Anchored:
    """The bookmarks checked against the sent paragraphs (`by_name`: name → block index,
    `texts`: each block's printed text)."""
    out = Anchored()
    counts = Counter(
        name for p in returned.paragraphs for name in set(p.anchors) if name in by_name
    )
    out.bookmarked = bool(counts)
    for name, count in counts.items():
        if count > 1:
            out.doubted.append(f"书签 {name} 出现在 {count} 段中，这些段按文字对应")
    exact: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        exact.setdefault(text, []).append(i)
    rewritten: dict[int, list[str]] = {}
    standing = {p.text for p in returned.paragraphs if p.text.strip()}
    for number, paragraph in enumerate(returned.paragraphs):
        names = sorted({n for n in paragraph.anchors if n in by_name and counts[n] == 1})
        if not names:
            continue
        blocks = sorted(by_name[n] for n in names)
        if len(blocks) > 1:  # a merge; but a paragraph still standing on its own was not merged
            now = paragraph.text
            blocks = [i for i in blocks if texts[i] == now or texts[i] not in standing] or blocks
        kept, close = _check(paragraph.text, blocks, texts, exact)
        if not kept:
            out.doubted.append(f"书签 {'、'.join(names)} 与所在段落的文字不符，按文字对应")
            continue
        out.placed[number] = kept
        if not close:
            rewritten[number] = names
    _in_order(out, rewritten)
    return out


def _check(
    now: str, blocks: list[int], texts: list[str], exact: dict[str, list[int]]
) -> tuple[list[int], bool]:
    """The blocks a paragraph's bookmarks place it on ([] when not believed), and whether its
    text is close to theirs (False: rewritten, to be checked by order)."""
    joined = "".join(texts[i] for i in blocks)
    if now == joined:
        return blocks, True
    elsewhere = [i for i in exact.get(now, ()) if i not in blocks]
    if elsewhere and now.strip():
        return [], False  # exactly another sent paragraph: the bookmark was moved or copied
    score = fuzz.ratio(now, joined)
    if len(blocks) > 1 and score < SIMILAR:
        # several bookmarks on one paragraph (merged, or one carried over): the best alone
        single = max(blocks, key=lambda i: fuzz.ratio(now, texts[i]))
        blocks, joined = [single], texts[single]
        score = fuzz.ratio(now, joined)
    others = {i: t for i, t in enumerate(texts) if i not in blocks}
    cutoff = max(SIMILAR, score + CLOSER)
    best = (
        process.extractOne(now, others, scorer=fuzz.ratio, score_cutoff=cutoff)
        if cutoff <= 100
        else None
    )
    if best is not None and now.strip():
        return [], False
    return blocks, score >= SIMILAR


def _in_order(out: Anchored, rewritten: dict[int, list[str]]) -> None:
    """A rewritten paragraph keeps its bookmark only between its believed neighbours in the
    export's order."""
    numbers = sorted(out.placed)
    for k, number in enumerate(numbers):
        if number not in rewritten:
            continue
        before = next((out.placed[n][-1] for n in reversed(numbers[:k]) if n not in rewritten), -1)
        after = next((out.placed[n][0] for n in numbers[k + 1 :] if n not in rewritten), None)
        first, last = out.placed[number][0], out.placed[number][-1]
        if first <= before or (after is not None and last >= after):
            del out.placed[number]
            names = "、".join(rewritten[number])
            out.doubted.append(f"书签 {names} 与方案中的顺序和所在段落的文字都不符，按文字对应")
