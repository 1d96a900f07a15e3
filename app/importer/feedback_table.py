"""A 反馈意见表 (a Word or Excel table: 序号/条款/意见/理由) read into opinions: each row on the
measure its 条款 cell names."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from app.importer.feedback_found import NO_OPINION, Found, Matched

_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)"
)
_HEADERS = {
    "clause": ("条款", "章节", "条目", "位置", "页码及条款", "原文位置", "涉及条款", "所在章节"),
    "opinion": ("修改意见", "意见内容", "意见", "建议", "修改建议", "具体意见"),
    "reason": ("修改理由", "理由", "说明", "依据", "理由及依据"),
    "original": ("原文", "原文内容"),
    "proposed": ("修改后", "建议修改为", "修改为", "修改后内容"),
    "unit": ("反馈单位", "单位", "提出单位"),
}


def _column(header: list[str], kind: str) -> int | None:
    for name in _HEADERS[kind]:
        for i, cell in enumerate(header):
            if name in re.sub(r"\s+", "", cell):
                return i
    return None


def table_opinions(tables: list[list[list[str]]], blocks, out: Matched) -> None:
    """The rows of a 反馈意见表 (its header has an 意见 column)."""
    headings = {}
    for _name, node, parts in blocks:
        for key, text in parts:
            if key == "t" and node:
                headings[node] = text.rstrip("。：")
    for rows in tables:
        start = next(
            (k for k, row in enumerate(rows[:5]) if _column(row, "opinion") is not None), None
        )
        if start is None:
            continue
        header = rows[start]
        cols = {kind: _column(header, kind) for kind in _HEADERS}
        if cols["clause"] == cols["opinion"]:
            cols["clause"] = None
        for row in rows[start + 1 :]:

            def cell(kind: str, row: list[str] = row, cols: dict = cols) -> str:
                i = cols[kind]
                return row[i].strip() if i is not None and i < len(row) else ""

            opinion, clause = cell("opinion"), cell("clause")
            if not opinion and not cell("proposed"):
                continue
            if NO_OPINION.match(opinion):
                out.opinions.append(
                    Found("none", place="draft", matched="none", comment=opinion, unit=cell("unit"))
                )
                continue
            node = _heading_of(clause, headings)
            reason = cell("reason")
            out.opinions.append(
                Found(
                    "table",
                    unit=cell("unit"),
                    node_id=node,
                    place="section" if node else "draft",
                    original=cell("original") or clause,
                    proposed=cell("proposed"),
                    comment=opinion + (f"\n理由：{reason}" if reason else ""),
                    matched="text" if node else "none",
                )
            )


def _heading_of(clause: str, headings: dict[str, str]) -> str:
    """The node a 条款 cell names: by its label and title, or the title alone."""
    key = re.sub(r"\s+", "", clause)
    if not key:
        return ""
    for node, heading in headings.items():
        if key == heading or heading.endswith(key) or _LABEL.sub("", heading) in key:
            return node
    best = process.extractOne(key, headings, scorer=fuzz.partial_ratio)
    return best[2] if best is not None and best[1] >= 80 else ""
