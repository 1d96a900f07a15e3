"""查找 / 替换 across the whole draft: titles, text, 主要工作, unit names and the 前言.

A county team replaces what the parent left behind (银川经开区, 全市) everywhere at
once. The words a target mention stands for (⟦…⟧) are the target table's: a search
never matches inside one and a replacement never changes one. Replacing everything
is one operation, so one 撤销 puts it all back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.core.draft.mentions import TOKEN
from app.core.draft.model import Draft, Node, Responsibility
from app.core.draft.tree import EditError, update_node
from app.core.operations.targets import prune_targets

Place = Literal["title", "paragraph", "work", "unit", "preamble"]
PLACE_NAMES: dict[str, str] = {
    "title": "标题",
    "paragraph": "正文",
    "work": "主要工作",
    "unit": "责任单位",
    "preamble": "前言",
}


@dataclass(frozen=True)
class Hit:
    """One place the words stand: the node ("" for the 前言), which text, where in it."""

    node_id: str
    place: Place
    index: int
    start: int
    end: int
    text: str

    @property
    def context(self) -> str:
        """The words with some of the text around them, as a list of results shows them."""
        before = self.text[max(0, self.start - 12) : self.start]
        after = self.text[self.end : self.end + 12]
        shown = TOKEN.sub("⟦目标⟧", f"{before}【{self.text[self.start : self.end]}】{after}")
        return shown.replace("\n", " ")


def _free_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where needle stands in text outside every target mention."""
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)] if "⟦" in text else []
    out = []
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not any(at < e and s < end for s, e in tokens):
            out.append((at, end))
            at = text.find(needle, end)
        else:
            at = text.find(needle, at + 1)
    return out


def _node_texts(node: Node):
    yield "title", 0, node.title
    for i, paragraph in enumerate(node.paragraphs):
        yield "paragraph", i, paragraph
    for i, row in enumerate(node.work_rows):
        yield "work", i, row.work
    units = list(node.responsibility.units) if node.responsibility else []
    for row in node.work_rows:
        units += [u for u in row.units if u not in units]
    for i, unit in enumerate(units):
        yield "unit", i, unit


def find_text(draft: Draft, needle: str) -> list[Hit]:
    """Every place the words stand, in document order (the 前言 first)."""
    if not needle:
        return []
    hits = [
        Hit("", "preamble", i, s, e, text)
        for i, text in enumerate(draft.meta.preamble)
        for s, e in _free_spans(text, needle)
    ]
    for node in draft.walk():
        for place, index, text in _node_texts(node):
            hits += [Hit(node.id, place, index, s, e, text) for s, e in _free_spans(text, needle)]
    return hits


def _replaced(text: str, needle: str, replacement: str) -> str:
    spans = _free_spans(text, needle)
    for start, end in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text


def _replace_in_node(node: Node, needle: str, replacement: str) -> Node:
    def swap(text: str) -> str:
        return _replaced(text, needle, replacement)

    def units(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u for u in (swap(n).strip() for n in names) if u))

    responsibility: Responsibility | None = node.responsibility
    if responsibility is not None and units(responsibility.units) != responsibility.units:
        # a unit renamed into another of the list merges with it: the grouping starts over
        responsibility = responsibility.model_copy(
            update={"units": units(responsibility.units), "groups": ()}
        )
    rows = tuple(
        row.model_copy(update={"work": swap(row.work), "units": units(row.units)})
        for row in node.work_rows
    )
    title = swap(node.title).strip() or node.title
    paragraphs = tuple(p for p in (swap(p).strip() for p in node.paragraphs) if p)
    return node.model_copy(
        update={
            "title": title,
            "paragraphs": paragraphs,
            "responsibility": responsibility,
            "work_rows": rows,
        }
    )


def replace_all(draft: Draft, needle: str, replacement: str) -> Draft:
    """Every place outside target mentions, in one step; EditError when there is none."""
    hits = find_text(draft, needle)
    if not hits:
        raise EditError(f"文稿中没有“{needle}”")
    if TOKEN.search(replacement) or "⟦" in replacement or "⟧" in replacement:
        raise EditError("替换文字中不能有 ⟦ ⟧（目标的写法由主要目标指标表决定）")
    for node_id in dict.fromkeys(h.node_id for h in hits if h.node_id):
        draft = update_node(draft, node_id, lambda n: _replace_in_node(n, needle, replacement))
    if any(h.place == "preamble" for h in hits):
        preamble = tuple(
            p for p in (_replaced(p, needle, replacement).strip() for p in draft.meta.preamble) if p
        )
        draft = draft.model_copy(
            update={"meta": draft.meta.model_copy(update={"preamble": preamble})}
        )
    return prune_targets(draft)


def replace_hit(draft: Draft, hit: Hit, replacement: str) -> Draft:
    """The one place a result names, if its text still reads as it did when found."""
    if "⟦" in replacement or "⟧" in replacement:
        raise EditError("替换文字中不能有 ⟦ ⟧（目标的写法由主要目标指标表决定）")
    words = hit.text[hit.start : hit.end]

    def swap(text: str) -> str:
        if text != hit.text:
            raise EditError("这处文字已改动，请重新查找")
        return text[: hit.start] + replacement + text[hit.end :]

    if hit.place == "preamble":
        preamble = list(draft.meta.preamble)
        preamble[hit.index] = swap(preamble[hit.index])
        meta = draft.meta.model_copy(update={"preamble": tuple(p for p in preamble if p.strip())})
        return prune_targets(draft.model_copy(update={"meta": meta}))

    def change(node: Node) -> Node:
        if hit.place == "title":
            return node.model_copy(update={"title": swap(node.title).strip() or node.title})
        if hit.place == "paragraph":
            paragraphs = list(node.paragraphs)
            paragraphs[hit.index] = swap(paragraphs[hit.index])
            return node.model_copy(update={"paragraphs": tuple(p for p in paragraphs if p.strip())})
        if hit.place == "work":
            rows = list(node.work_rows)
            rows[hit.index] = rows[hit.index].model_copy(
                update={"work": swap(rows[hit.index].work)}
            )
            return node.model_copy(update={"work_rows": tuple(rows)})
        return _replace_in_node(node, words, replacement)  # a unit name: the same everywhere

    return prune_targets(update_node(draft, hit.node_id, change))
