"""Attachments after the plan's text: 附件1, 附件2 … are documents of their own.

A plan often ends with attachments (a list of key projects, a second plan for
one industry, a table): each starts again at 一、 and would be read as the
plan's chapters a second time. They are cut off at their 附件 line and kept,
whole and in order, as provenance of the plan, never merged into its outline.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.importer.blocks import Block, ImportNote

_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?\s*")


def split_attachments(
    blocks: list[Block], chapter: int
) -> tuple[list[Block], list[str], list[ImportNote]]:
    """(the plan's blocks, the attachments' texts, notes) — attachments start after the
    first chapter heading, at a line beginning 附件 (附件1, 附件：, 附件 2 …)."""
    starts = [
        i
        for i in range(chapter + 1, len(blocks))
        if blocks[i].cells is None and _ATTACHMENT.match(blocks[i].text)
    ]
    if not starts:
        return blocks, [], []
    parts: list[str] = []
    bounds = [*starts, len(blocks)]
    for begin, end in pairwise(bounds):
        parts.append("\n".join(b.text for b in blocks[begin:end]))
    first = blocks[starts[0]]
    note = ImportNote(
        first.line,
        f"“{first.text[:20]}”起的 {len(parts)} 个附件（{len(blocks) - starts[0]} 段）"
        "记入来源，不并入方案大纲",
    )
    return blocks[: starts[0]], parts, [note]
