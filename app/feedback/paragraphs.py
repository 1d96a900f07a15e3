"""How a unit reshaped paragraphs, read from what matching found: a paragraph split in two
(Enter typed inside it: the first half edited short, the rest a new paragraph, the 责任单位
clause gone with it) becomes one opinion whose proposed words hold the break; paragraphs
merged (two of the export's bookmarks in one returned paragraph) one whose original words
do. ops.adopt_opinion makes both in the text. Tracked changes in the 目录 and the 附件
lines the export prints without a bookmark are noted or left out, not read as opinions."""

from __future__ import annotations

import re

from app.feedback.found import Found, where
from app.feedback.word_file import Returned

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
        out[out.index(cut)] = cut.model_copy(
            update={"proposed": cut.proposed.rstrip() + "\n" + rest}
        )
    return out


def _runs(returned: Returned) -> list[list[str]]:
    """The export's bookmarks of each paragraph as the unit left it: a paragraph whose mark
    was deleted with record changes on runs on into the next."""
    runs: list[list[str]] = []
    carried: list[str] = []
    for paragraph in returned.paragraphs:
        carried = carried + paragraph.anchors
        if not paragraph.joined:
            runs.append(carried)
            carried = []
    return runs


def _texts(anchors: list[str], by_name: dict) -> list[tuple[str, str, str]]:
    """(node, part key, printed text) of the paragraphs and headings the bookmarks stand for."""
    out = []
    for anchor in anchors:
        node, parts = by_name.get(anchor, ("", ()))
        out += [(node, k, t) for k, t in parts if node and (k.startswith("p") or k == "t")]
    return out


def merges(returned: Returned, blocks) -> tuple[list[Found], list[str]]:
    """Paragraphs of one node the unit merged, each run one opinion; paragraphs of two
    nodes merged (a heading run into the paragraph before it) noted, not read."""
    by_name = {name: (node, parts) for name, node, parts in blocks if name}
    found, notes = [], []
    for anchors in _runs(returned):
        texts = _texts(anchors, by_name)
        if len([a for a in anchors if a in by_name]) < 2 or len(texts) < 2:
            continue  # one paragraph as sent (a run-in heading is one, with its text)
        if len({node for node, _k, _t in texts}) > 1 or any(k == "t" for _n, k, _t in texts):
            first, second = texts[0][2][-12:], texts[1][2][:12]
            notes.append(
                f"“…{first}”与“{second}…”被合并为一段（跨条目或标题），未作为意见读取，请在编辑器中处理"
            )
            continue
        texts.sort(key=lambda item: int(item[1][1:]))
        node_id, place, index = where(texts[0][1], texts[0][0])
        found.append(
            Found(
                "edit",
                node_id=node_id,
                place=place,
                index=index,
                original="\n".join(t for _n, _k, t in texts),
                proposed="".join(t for _n, _k, t in texts),
                source=returned.name,
            )
        )
    return found, notes


def toc_notes(returned: Returned, blocks) -> list[str]:
    """Edits in 目录 lines (a heading, a tab, a page number; no bookmark), tracked or not (a
    line that is no heading of the draft): noted, since the 目录 is made from the headings."""
    headings = {_toc_words(t) for _n, _node, parts in blocks for _k, t in parts}
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
        if not words and _toc_words(line) in headings:
            continue
        notes.append(f"目录“{line}”中的修改{words}未读取：目录按正文标题生成，请在正文标题上修改")
    return notes


def _toc_words(text: str) -> str:
    """A heading as the 目录 prints it: no spaces, and a run-in title without its 。."""
    return re.sub(r"\s+", "", text).rstrip("。．.")


def printed_lines(opinions: list[Found], lines: tuple[str, ...]) -> list[Found]:
    """Untracked 'new paragraphs' that are lines the export itself prints without a bookmark
    (附件, the task table's title) left out."""
    return [
        o
        for o in opinions
        if not (o.kind == "insertion" and not o.author and o.proposed.strip() in lines)
    ]
