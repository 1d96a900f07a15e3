"""修订稿: the newer of two versions as Word prints its body, what changed since the older one
recorded as tracked changes (修订), so that Word and WPS show them and can accept or reject them.

The body is the Word draft's (content.body_blocks: title, preamble, every node as the layout
lays it out; no cover, 目录 or 附件), in the house style, pages numbered as the package's
documents are (package_doc.start). The two versions' paragraphs are paired node by node (node
ids stay with a node for its life, as in the 修改对照表, app/core/readout/revision_table.py):
a paragraph that stands in both unchanged is plain; a changed one has its deleted characters in
w:del runs (w:delText) and its new ones in w:ins runs (revision_table.marked, a character
diff), each in the format of the version it comes from; a node or paragraph only in the older
version is a deleted paragraph (its runs and its paragraph mark deleted), one only in the newer
an inserted paragraph. A node that moved is deleted where it stood and inserted where it
stands. So accepting every change gives the newer version's text and rejecting every change
the older one's, paragraph for paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.core.draft.model import Draft, county_of
from app.core.draft.named_units import named_units
from app.core.readout.render import home_prefix, rendered_nodes
from app.core.text.diff import Mark, Op, inline, pairs, segments
from app.export.content import Block, body_blocks
from app.export.files import file_stem
from app.export.package.package_doc import start
from app.export.style import HouseStyle, usable_style
from app.export.word import wordml
from app.export.word.setup import WordStyles

SUFFIX = "修订稿"
AUTHOR = "起草组"
"""The changes' author after the county's 发改 body (县发改局起草组, 旗发改委起草组), when no
编制单位 is given."""
_TITLE, _PREAMBLE = "#doc", "#pre"


def tracked_path(draft: Draft, folder: Path) -> Path:
    return Path(folder) / f"{file_stem(draft)}{SUFFIX}.docx"


def change_author(draft: Draft) -> str:
    """Who the changes are by: the 编制单位, else the county's 发改局起草组."""
    drafted = draft.meta.drafted_by.strip()
    if drafted:
        return drafted
    if draft.meta.level != "county":
        return f"{home_prefix(draft) or '县'}发改局{AUTHOR}"
    return named_units(county_of(draft), draft.catalogue)["fgw"] + AUTHOR


def change_date(value: str = "") -> str:
    """w:date: 2023-09-20 → 2023-09-20T00:00:00Z, 2023-09-20T10:00:00 → …T10:00:00Z; now when ""."""
    value = value.strip()
    if not value:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        value += "-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        value += "T00:00:00"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?", value):
        return value + ("Z" if value.count(":") == 2 else ":00Z")
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _groups(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """The blocks by what they print: the title, the preamble, then a group a node."""
    out: list[tuple[str, list[Block]]] = []
    for block in blocks:
        key = block.node_id or (_TITLE if block.style == "title" else _PREAMBLE)
        if out and out[-1][0] == key:
            out[-1][1].append(block)
        else:
            out.append((key, [block]))
    return out


def _segments(block: Block, begin: int, end: int) -> Iterator[tuple[str, str, bool | None]]:
    """The block's text from `begin` to `end`, cut where its runs' formats change:
    (text, style key, bold)."""
    position = 0
    for run in block.runs:
        low, high = max(begin, position), min(end, position + len(run.text))
        if low < high:
            yield run.text[low - position : high - position], run.style, run.bold
        position += len(run.text)


class _Writer:
    """Paragraphs with tracked changes, each change numbered, all by one author at one time."""

    def __init__(self, styles: WordStyles, author: str, date: str) -> None:
        self.styles = styles
        self.attributes = f'w:author="{wordml.text(author)}" w:date="{wordml.text(date)}"'
        self.next_id = 1

    def _mark(self, tag: str) -> str:
        """``<w:ins w:id="3" w:author="…" w:date="…"`` (the caller closes it)."""
        out = f'<w:{tag} w:id="{self.next_id}" {self.attributes}'
        self.next_id += 1
        return out

    def _runs(self, block: Block, begin: int, end: int, change: str = "") -> str:
        """The block's runs from `begin` to `end`: plain, or inside w:ins, or deleted (w:delText
        inside w:del)."""
        runs = []
        for text, key, bold in _segments(block, begin, end):
            rpr = self.styles.rpr(key, bold)
            if change == "del":
                runs.append(wordml.run(text, rpr, deleted=True))
            else:
                runs.append(wordml.run(text, rpr))
        if not runs or not change:
            return "".join(runs)
        return f"{self._mark(change)}>{''.join(runs)}</w:{change}>"

    def _paragraph(self, block: Block, runs: str, *, mark: str = "", old_style: str = "") -> str:
        """``<w:p><w:pPr><w:pStyle/><w:rPr><w:ins …/></w:rPr><w:pPrChange …>…</w:pPrChange>
        </w:pPr>…</w:p>``: the paragraph mark inserted or deleted, the old style recorded."""
        style_id = "" if block.style == "body" else self.styles.ids[block.style]
        ppr = [f'<w:pStyle w:val="{wordml.text(style_id)}"/>'] if style_id else []
        if mark:
            ppr.append(f"<w:rPr>{self._mark(mark)}/></w:rPr>")
        if old_style and old_style != block.style:
            old_id = "" if old_style == "body" else self.styles.ids[old_style]
            inner = (
                f'<w:pPr><w:pStyle w:val="{wordml.text(old_id)}"/></w:pPr>'
                if old_id
                else "<w:pPr/>"
            )
            ppr.append(f"{self._mark('pPrChange')}>{inner}</w:pPrChange>")
        properties = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        return f"<w:p>{properties}{runs}</w:p>"

    def plain(self, block: Block) -> str:
        return self._paragraph(block, self._runs(block, 0, len(block.text)))

    def whole(self, block: Block, change: str) -> str:
        """A paragraph only one version has: inserted (ins) or deleted (del), its mark too."""
        return self._paragraph(block, self._runs(block, 0, len(block.text), change), mark=change)

    def changed(self, old: Block, new: Block) -> str:
        """A paragraph in both versions, its words changed: deleted characters in the older
        version's format, the others in the newer's."""
        out = []
        at_old = at_new = 0
        for piece in inline(old.text, new.text):
            size = len(piece.text)
            if piece.mark is Mark.DELETED:
                out.append(self._runs(old, at_old, at_old + size, "del"))
                at_old += size
            elif piece.mark is Mark.INSERTED:
                out.append(self._runs(new, at_new, at_new + size, "ins"))
                at_new += size
            else:
                out.append(self._runs(new, at_new, at_new + size))
                at_old, at_new = at_old + size, at_new + size
        return self._paragraph(new, "".join(out), old_style=old.style)


def _group_paragraphs(writer: _Writer, old: list[Block], new: list[Block]) -> Iterator[str]:
    """A node's (or the preamble's) paragraphs in both versions: paired by their text."""
    for pair in pairs(old, new, key=lambda block: block.text):
        if pair.same and pair.new is not None:
            yield writer.plain(pair.new)
        elif pair.old is not None and pair.new is not None:
            yield writer.changed(pair.old, pair.new)
        elif pair.new is not None:
            yield writer.whole(pair.new, "ins")
        elif pair.old is not None:
            yield writer.whole(pair.old, "del")


def tracked_paragraphs(writer: _Writer, old: list[Block], new: list[Block]) -> Iterator[str]:
    """Both versions' body paragraphs, the newer's order, what changed tracked."""
    before, after = _groups(old), _groups(new)
    for op, i1, i2, j1, j2 in segments([key for key, _ in before], [key for key, _ in after]):
        if op is Op.EQUAL:
            for (_key, old_blocks), (_same, new_blocks) in zip(
                before[i1:i2], after[j1:j2], strict=True
            ):
                yield from _group_paragraphs(writer, old_blocks, new_blocks)
            continue
        for _key, blocks in before[i1:i2]:
            yield from (writer.whole(block, "del") for block in blocks)
        for _key, blocks in after[j1:j2]:
            yield from (writer.whole(block, "ins") for block in blocks)


def tracked_bytes(
    draft: Draft,
    old: Draft,
    new: Draft,
    *,
    old_name: str,
    new_name: str,
    date: str = "",
    style: HouseStyle | None = None,
) -> bytes:
    """The .docx of `new`'s body with what changed since `old` tracked, by the draft's
    author (change_author) at `date` (change_date: the newer version's time; now when "").

    `old_name` and `new_name` (征求意见稿 2023-08-15 …) go into the file's properties."""
    style = style or usable_style(draft.layout.style)
    doc = start(draft, style)
    writer = _Writer(doc.styles, change_author(draft), change_date(date))
    old_blocks = body_blocks(old, style, rendered_nodes(old))
    new_blocks = body_blocks(new, style, rendered_nodes(new))
    doc.add("".join(tracked_paragraphs(writer, old_blocks, new_blocks)))
    properties = doc.body.doc.core_properties
    properties.title = f"{new.meta.document_title}（{SUFFIX}）"
    properties.subject = f"{old_name} → {new_name}"
    properties.author = change_author(draft)
    return doc.docx()
