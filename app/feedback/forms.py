"""A 反馈意见表 (a Word or Excel table as units fill them) read into opinions.

Printed forms have a title row (often merged across), a 反馈单位 line, blank rows, and
headers worded many ways (序号/章节/条款/页码/原文/修改意见/修改建议/理由/说明/备注): the
header row is the first row naming an opinion column and one other known column, wherever
it stands. Each row below it is placed by its 章节 label ("三、（四）1", "三.四.2"), its
title, or the 原文 words (quoted in the opinion or in a 原文 column) where they occur once;
"A改为B", "删除A", "在A后增加B" become the change 采纳 makes. A row that cannot be placed
stays an opinion on the whole draft and is named in a note, never dropped.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from app.feedback.form_words import Change, parse_change
from app.feedback.found import NO_OPINION, Found, Matched, where

_HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号"),
    "clause": (
        "章节",
        "条款",
        "条目",
        "位置",
        "页码及条款",
        "原文位置",
        "涉及条款",
        "所在章节",
        "章节条款",
        "修改位置",
    ),
    "page": ("页码", "页"),
    "original": ("原文", "原文内容", "原表述", "原文表述"),
    "opinion": (
        "修改意见",
        "意见内容",
        "具体意见",
        "修改建议",
        "意见建议",
        "意见及建议",
        "意见",
        "建议",
    ),
    "proposed": ("修改后", "建议修改为", "修改为", "修改后内容", "修改后表述", "修改后文字"),
    "reason": ("修改理由", "理由", "说明", "依据", "理由及依据", "备注", "修改依据"),
    "unit": ("反馈单位", "单位", "提出单位", "单位名称"),
}
_UNIT_LINE = re.compile(r"(?:反馈|填报|报送)?单位(?:名称)?[（(]?(?:盖章)?[)）]?[:：]\s*(\S{2,30})")
UNIT_END = re.compile(
    r"(?:局|委|办|办公室|中心|公司|政府|院|所|委员会|管委会|分局|队|站|部|处|厅|社)$"
)
"""How a unit's name ends: a form's title or a file name ending so names the unit."""
_FORM_WORDS = re.compile(
    r"(?:关于|对|《[^》]*》|的|反馈意见表|意见反馈表|修改意见表|意见表|反馈意见|修改意见|征求意见|意见)"
)


def _kind(cell: str) -> str | None:
    """The column a header cell names: an exact name first, then the longest name it holds."""
    key = re.sub(r"[\s:：*＊]", "", cell)
    if not key or len(key) > 12:
        return None
    for kind, names in _HEADERS.items():
        if key in names:
            return kind
    best = max(
        ((len(name), kind) for kind, names in _HEADERS.items() for name in names if name in key),
        default=None,
    )
    return best[1] if best else None


def _header(row: list[str]) -> dict[str, list[int]] | None:
    kinds: dict[str, list[int]] = {}
    for i, cell in enumerate(row):
        kind = _kind(cell)
        if kind is not None and not (i and cell == row[i - 1]):  # a merged cell counts once
            kinds.setdefault(kind, []).append(i)
    said = {"opinion", "reason", "proposed"} & kinds.keys()
    return kinds if said and len(kinds) >= 2 else None


def _title_unit(rows: list[list[str]]) -> str:
    """The unit a form names above its header: 反馈单位：县工信局, or a title 县工信局反馈意见表."""
    for row in rows:
        for cell in dict.fromkeys(c for c in row if c):
            found = _UNIT_LINE.search(cell)
            if found:
                return found.group(1).strip("（）()")
            bare = _FORM_WORDS.sub("", re.sub(r"\s+", "", cell))
            if 2 <= len(bare) <= 20 and UNIT_END.search(bare):
                return bare
    return ""


class _Places:
    """Where a form's words can point in the draft as sent: heading labels and paragraphs."""

    def __init__(self, blocks) -> None:
        self.headings: dict[str, str] = {}
        self.paths: dict[tuple[str, ...], str] = {}
        self.parts: list[tuple[str, str, str]] = []  # (node, key, text)
        stack: list[tuple[int, str]] = []
        for _name, node, parts in blocks:
            for key, text in parts:
                self.parts.append((node, key, text))
                if key != "t" or not node:
                    continue
                self.headings[node] = text.rstrip("。：")
                level, label = _label(text)
                if level is None:
                    continue
                stack = [s for s in stack if s[0] < level] + [(level, label)]
                self.paths[tuple(f"{lv}{lb}" for lv, lb in stack)] = node

    def by_label(self, clause: str) -> str:
        wanted = tuple(f"{lv}{lb}" for lv, lb in _labels(clause))
        if not wanted:
            return ""
        found = [node for path, node in self.paths.items() if path[-len(wanted) :] == wanted]
        exact = [node for path, node in self.paths.items() if path == wanted]
        if exact:
            return exact[0]
        return found[0] if len(found) == 1 else ""

    def by_title(self, clause: str) -> str:
        key = re.sub(r"\s+", "", clause)
        if len(key) < 4:
            return ""
        for node, heading in self.headings.items():
            bare = _LABEL.sub("", heading)
            if key == heading or heading.endswith(key) or (len(bare) >= 4 and bare in key):
                return node
        best = process.extractOne(key, self.headings, scorer=fuzz.partial_ratio)
        return best[2] if best is not None and best[1] >= 85 else ""

    def under(self, node: str) -> set[str]:
        """The node and those under it (a section's measures), by their label paths."""
        path = next((p for p, n in self.paths.items() if n == node), None)
        if path is None:
            return {node}
        return {n for p, n in self.paths.items() if p[: len(path)] == path} | {node}

    def words(self, words: str, node: str = "") -> tuple[str, str] | None:
        """(node, part key) of the one part holding the words (within `node` and the nodes
        under it when given)."""
        if not words:
            return None
        within = self.under(node) if node else None
        hits = [
            (n, k)
            for n, k, text in self.parts
            if words in text and (within is None or n in within) and k != "t"
        ]
        return hits[0] if len(hits) == 1 else None

    def paragraphs(self, node: str) -> int:
        return sum(1 for n, k, _t in self.parts if n == node and k.startswith("p"))


_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)"
)
_TOKEN = re.compile(
    r"[（(]\s*([一二三四五六七八九十]+)\s*[)）]|[（(]\s*(\d+)\s*[)）]"
    r"|第?([一二三四五六七八九十]+)(?=[、.．章部条项]|[（(]|\d|$|\s)|第?(\d+)(?=[.．、条项点]|$|\s|[（(])"
)


def _label(heading: str) -> tuple[int | None, str]:
    m = _LABEL.match(heading)
    if not m:
        return None, ""
    labels = _labels(m.group(0))
    return labels[0] if labels else (None, "")


def _labels(text: str) -> list[tuple[int, str]]:
    """The heading labels a 章节 cell names, each with its level: 三、（四）1 → 1三 2四 3 1."""
    text = re.sub(r"\s+", "", text)
    out: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text):
        paren_cn, paren_digit, cn, digit = m.groups()
        if paren_cn:
            level, label = 2, paren_cn
        elif paren_digit:
            level, label = 4, paren_digit
        elif cn:
            level, label = (1 if not out else 2), cn
        else:
            level, label = (4 if out and out[-1][0] >= 3 else 3), digit
        if out and level <= out[-1][0]:
            break
        out.append((level, label))
    return out


def table_opinions(tables: list[list[list[str]]], blocks, out: Matched) -> None:
    """The rows of each 反馈意见表 among the tables (a table with an opinion column)."""
    places = _Places(blocks)
    for rows in tables:
        start = next((k for k, row in enumerate(rows) if _header(row) is not None), None)
        if start is None:
            continue
        cols = _header(rows[start]) or {}
        unit = _title_unit(rows[:start])
        for number, row in enumerate(rows[start + 1 :], start=start + 2):
            found = _row(row, cols, places, unit)
            if found is None:
                continue
            out.opinions.append(found)
            if found.kind != "none" and found.matched == "none":
                words = (found.comment or found.original)[:30]
                out.notes.append(
                    f"反馈意见表第{number}行“{words}”未能对应到方案中的条款，列在“全文”下"
                )


def _row(row: list[str], cols: dict[str, list[int]], places: _Places, unit: str) -> Found | None:
    def cell(kind: str) -> str:
        values = [row[i].strip() for i in cols.get(kind, ()) if i < len(row)]
        return "\n".join(dict.fromkeys(v for v in values if v))

    filled = [c for c in row if c.strip()]
    if not filled or (len(set(filled)) == 1 and len(filled) > 1):  # blank, or merged across
        return None
    if _header(row) is not None:  # the header repeated (a form over two pages)
        return None
    opinion, reason = cell("opinion"), cell("reason")
    original, proposed, clause = cell("original"), cell("proposed"), cell("clause")
    unit = cell("unit") or unit
    if not (opinion or reason or proposed):
        return None
    if NO_OPINION.match(opinion or reason):
        return Found("none", place="draft", matched="none", comment=opinion or reason, unit=unit)
    change = parse_change(opinion or reason, original, proposed)
    # 理由 is the unit's grounds, kept apart; a request written under 理由 with nothing else
    # said is the opinion itself
    said = opinion or ("" if proposed else reason)
    grounds = reason if said != reason else ""
    node = places.by_label(clause) or places.by_title(clause)
    found = Found("table", unit=unit, comment=said, grounds=grounds)
    return _placed(found, node, change, original, places)


def _placed(found: Found, node: str, change: Change, original: str, places: _Places) -> Found:
    """The row on the part its words are in (a change 采纳 makes), or on its measure, or 全文."""
    quoted = change.original or original
    spot = places.words(change.original, node) if change.original else None
    if change.original and original != change.original and change.original in original:
        # the words within the 原文 the row quotes: the change where that 原文 stands
        wider = places.words(original, node)
        if wider is not None:
            spot = wider
            at = original.index(change.original)
            tail = original[at + len(change.original) :]
            change = Change(original, original[:at] + change.proposed + tail)
            quoted = original
    if spot is not None:
        node_id, place, index = where(spot[1], spot[0])
        return found.model_copy(
            update={
                "original": quoted,
                "node_id": node_id,
                "place": place,
                "index": index,
                "proposed": change.proposed,
                "matched": "text",
            }
        )
    if node and change.new_paragraph:
        return found.model_copy(
            update={
                "node_id": node,
                "place": "paragraph",
                "index": places.paragraphs(node),
                "proposed": change.proposed,
                "original": "",
                "matched": "text",
            }
        )
    if not node:  # the 原文 words name the measure
        spot = places.words(quoted) if quoted else None
        node = spot[0] if spot is not None else ""
    if node:
        return found.model_copy(
            update={"original": quoted, "node_id": node, "place": "section", "matched": "text"}
        )
    return found.model_copy(update={"original": quoted, "place": "draft", "matched": "none"})
