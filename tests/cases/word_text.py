"""An exported Word draft read as a reviewer reads it: every paragraph (body, tables and the
附件 alike) in order, the draft node each belongs to, and every comment with its words.

The export puts a bookmark pp_<node>_… at the start of each node's paragraphs
(app/export/content.py); a paragraph without one belongs to the node before it. This
reader is the measuring side of tests/cases and does not share the app's feedback reader,
which leaves comments inside tables unplaced.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NODE = re.compile(r"^pp_(n\d+)")


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Para:
    index: int
    text: str
    node: str
    """The draft node id of the last bookmark before it ("" before the first)."""
    in_table: bool
    attachment: bool
    """At or after the 附件 heading (the 任务分工表 in Word)."""
    row: str = ""
    """In a table: its row's cells joined by |, to tell which measure a row is."""


@dataclass
class Comment:
    id: str
    text: str
    para: int
    start: int
    end: int
    words: str = ""


@dataclass
class WordText:
    paras: list[Para] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)

    def comments_in(self, para: int) -> list[Comment]:
        return [c for c in self.comments if c.para == para]


def read_word(path: str | Path) -> WordText:
    """Paragraphs and comments of a .docx as exported."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(_q("body"))
        names = archive.namelist()
        notes = (
            etree.fromstring(archive.read("word/comments.xml"))
            if "word/comments.xml" in names
            else None
        )
    out = WordText()
    state = {"node": "", "attachment": False}
    open_comments: dict[str, Comment] = {}
    for p in body.iter(_q("p")):
        para = _paragraph(p, len(out.paras), state, open_comments, out.comments)
        out.paras.append(para)
    texts = _comment_texts(notes)
    for comment in out.comments:
        comment.text = texts.get(comment.id, "")
        comment.words = out.paras[comment.para].text[comment.start : comment.end]
    return out


def _paragraph(p, index: int, state: dict, open_comments: dict, comments: list) -> Para:
    pieces: list[str] = []
    length = 0
    for el in p.iter():
        tag = el.tag
        if tag == _q("bookmarkStart"):
            found = _NODE.match(el.get(_q("name")) or "")
            if found:
                state["node"] = found.group(1)
        elif tag == _q("t"):
            pieces.append(el.text or "")
            length += len(el.text or "")
        elif tag == _q("tab"):
            pieces.append("\t")
            length += 1
        elif tag == _q("commentRangeStart"):
            key = el.get(_q("id")) or ""
            comment = Comment(key, "", index, length, length)
            open_comments[key] = comment
            comments.append(comment)
        elif tag == _q("commentRangeEnd"):
            comment = open_comments.pop(el.get(_q("id")) or "", None)
            if comment is not None:
                comment.end = length if comment.para == index else comment.start
    text = "".join(pieces)
    for comment in open_comments.values():  # a range running past its paragraph: to its end
        if comment.para == index:
            comment.end = len(text)
    if re.fullmatch(r"\s*附\s*件\s*[0-9一二三四五六七八九十]*\s*[：:]?\s*", text):
        state["attachment"] = True
    row = next((a for a in p.iterancestors() if a.tag == _q("tr")), None)
    cells = [] if row is None else ["".join(t.text or "" for t in tc.iter(_q("t"))) for tc in row]
    return Para(index, text, state["node"], row is not None, state["attachment"], "|".join(cells))


def _comment_texts(notes) -> dict[str, str]:
    if notes is None:
        return {}
    return {
        c.get(_q("id")) or "": "\n".join(
            "".join(t.text or "" for t in p.iter(_q("t"))) for p in c.iter(_q("p"))
        ).strip()
        for c in notes.iter(_q("comment"))
    }
