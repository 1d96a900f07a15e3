"""How much of a returned file is read: each bound of limits.py counted in the parsed XML
before any of it is read, and the message that refuses a file past one (the draft is then
not touched; the README's limits list them)."""

from __future__ import annotations

from docx.oxml.ns import qn

from app.importer.readers.limits import (
    MAX_RETURNED_CHANGES,
    MAX_RETURNED_CHARS,
    MAX_RETURNED_COMMENTS,
    MAX_RETURNED_PARAGRAPHS,
    MAX_RETURNED_ROWS,
)

REVISIONS = {qn(t) for t in ("w:ins", "w:del", "w:moveTo", "w:moveFrom")}
"""The elements of a tracked change."""


def past(name: str, what: str, bound: str) -> str:
    """(县住建局.docx, 有 50,000 条批注，, 每个返回文件 2,000 条) → the one line refusing it."""
    return (
        f"{name} 中{what}超过{bound}的上限，未导入（起草文件未改动）；"
        "请检查文件是否为本方案的返回稿，或分成几个文件后再导入"
    )


def per_file(count: int, unit: str, bound: int) -> tuple[str, str]:
    """("有 50,000 条批注，", "每个返回文件 2,000 条"): `unit` a measure word and what it counts."""
    return f"有 {count:,} {unit}，", f"每个返回文件 {bound:,} {unit[0]}"


def past_bounds(name: str, body, comments) -> str:
    """The message refusing a file past a bound (limits.py), before any of it is read; "" when
    it is within them all."""
    paragraphs = sum(1 for child in body if child.tag == qn("w:p"))
    counts = (
        (paragraphs, "段", MAX_RETURNED_PARAGRAPHS),
        (
            sum(1 for _ in comments.iter(qn("w:comment"))) if comments is not None else 0,
            "条批注",
            MAX_RETURNED_COMMENTS,
        ),
        (sum(1 for _ in body.iter(*REVISIONS)), "处修订", MAX_RETURNED_CHANGES),
        (sum(1 for _ in body.iter(qn("w:tr"))), "行表格", MAX_RETURNED_ROWS),
        (
            sum(len(t.text or "") for t in body.iter(qn("w:t"), qn("w:delText"))),
            "字",
            MAX_RETURNED_CHARS,
        ),
    )
    for count, unit, bound in counts:
        if count > bound:
            return past(name, *per_file(count, unit, bound))
    return ""
