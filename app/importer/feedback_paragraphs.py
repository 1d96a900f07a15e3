"""How a unit reshaped paragraphs, read from what matching found: a paragraph split in two
(Enter typed inside it: the first half edited short, the rest a new paragraph, the 责任单位
clause gone with it) becomes one opinion whose proposed words hold the break; paragraphs
merged (two of the export's bookmarks in one returned paragraph) one whose original words
do. ops.adopt_opinion makes both in the text. Tracked changes in the 目录 and the 附件
lines the export prints without a bookmark are noted or left out, not read as opinions."""

from __future__ import annotations

import re

from app.importer.feedback_docx import Returned
from app.importer.feedback_found import Found, where

_TOC_LINE = re.compile(r"\t\s*[—－-]?\s*\d+\s*[—－-]?\s*$")


def joined_splits(opinions: list[Found]) -> list[Found]:
    """Each split paragraph's edit, new paragraph and emptied clause as one opinion."""
    out = list(opinions)
    for cut in [o for o in out if o.kind == "edit" and o.place == "paragraph"]:
        if not (
            cut.proposed and cut.original.startswith(cut.proposed) and cut.proposed != cut.original
        ):
            continue
        second = next(
            (
                o
                for o in out
                if o.kind == "insertion"
                and not o.original
                and (o.node_id, o.place, o.index) == (cut.node_id, "paragraph", cut.index + 1)
            ),
            None,
        )
        if second is None:
            continue
        rest = second.proposed.strip()
        clause = next(
            (
                o
                for o in out
                if o.kind == "edit"
                and o.place == "clause"
                and o.node_id == cut.node_id
                and not o.proposed
                and rest.endswith(o.original)
            ),
            None,
        )
        if clause is not None:
            out.remove(clause)
        out.remove(second)
        cut.proposed = cut.proposed.rstrip() + "\n" + rest
    return out


def merges(returned: Returned, blocks) -> list[Found]:
    """Paragraphs of one node the unit merged: two or more of the export's bookmarks in one
    returned paragraph, or a paragraph whose mark was deleted with record changes on."""
    by_name = {name: (node, parts) for name, node, parts in blocks if name}
    runs: list[list[str]] = []
    carried: list[str] = []
    for paragraph in returned.paragraphs:
        carried = carried + paragraph.anchors
        if paragraph.joined:
            continue
        runs.append(carried)
        carried = []
    found = []
    for anchors in runs:
        texts: list[tuple[str, int, str]] = []
        for anchor in anchors:
            node, parts = by_name.get(anchor, ("", ()))
            texts += [(node, int(k[1:]), t) for k, t in parts if k.startswith("p") and node]
        if len(texts) < 2 or len({node for node, _i, _t in texts}) != 1:
            continue
        texts.sort(key=lambda item: item[1])
        node_id, place, index = where(f"p{texts[0][1]}", texts[0][0])
        found.append(
            Found(
                "edit",
                node_id=node_id,
                place=place,
                index=index,
                original="\n".join(t for _n, _i, t in texts),
                proposed="".join(t for _n, _i, t in texts),
                source=returned.name,
            )
        )
    return found


def toc_notes(returned: Returned, blocks) -> list[str]:
    """Edits in 目录 lines (a heading, a tab, a page number; no bookmark), tracked or not (a
    line that is no heading of the draft): noted, since the 目录 is made from the headings."""
    headings = {re.sub(r"\s+", "", t) for _n, _node, parts in blocks for k, t in parts}
    notes = []
    for paragraph in [*returned.contents, *returned.paragraphs]:
        if paragraph.anchors or not _TOC_LINE.search(paragraph.text):
            continue
        line = paragraph.text.split("\t")[0].strip()
        words = "、".join(
            f"“{c.inserted or c.words}”"
            for c in paragraph.changes
            if (c.words or c.inserted).strip()
        )
        if not words and re.sub(r"\s+", "", line) in headings:
            continue
        notes.append(f"目录“{line}”中的修改{words}未读取：目录按正文标题生成，请在正文标题上修改")
    return notes


def printed_lines(opinions: list[Found], lines: tuple[str, ...]) -> list[Found]:
    """Untracked 'new paragraphs' that are lines the export itself prints without a bookmark
    (附件, the task table's title) left out."""
    return [
        o
        for o in opinions
        if not (o.kind == "insertion" and not o.author and o.proposed.strip() in lines)
    ]
