"""A returned draft read as it came back: its paragraphs with the export's bookmarks, tracked
changes and comments, and any table (a 反馈意见表), before anything is matched to the draft.

Word, WPS and LibreOffice keep the bookmarks the export puts at the start of each body
paragraph (pp_n12_p0 …; app/export/content.anchor_name). Each paragraph is read twice:
as it was before the tracked changes (deleted words in, inserted words out: the text the
unit started from, compared with the draft for untracked edits) and the positions of each
w:ins / w:del and each comment's words in that text. The package is opened with the
importer's bounded zip reading (docx_reader, limits.py).
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn

from app.core.errors import PeakPlanError, PlanImportError
from app.core.files import read_limited
from app.feedback.bounds import REVISIONS, past, past_bounds
from app.importer.readers.convert import convert_to_docx
from app.importer.readers.docx_reader import part_targets, read_part, zip_members
from app.importer.readers.limits import MAX_COMPARED_CHARS, MAX_RETURNED_ROWS, MAX_ZIP_MEMBERS

ANCHOR_PREFIX = "pp_"
_SKIPPED = {qn(t) for t in ("w:instrText", "w:pPr", "w:rPr", "w:fldSimple")}


class FeedbackError(PlanImportError):
    """A returned file that cannot be read, or holds nothing to read against the draft."""


@dataclass
class Change:
    kind: str
    """insertion, deletion, or edit: words deleted and others inserted at the same place by
    the same author (how Word records typing over a selection)."""
    author: str
    start: int
    """Where in the paragraph's text as sent (before the changes) it begins."""
    words: str
    """The words inserted, or deleted (an edit: deleted)."""
    inserted: str = ""
    """An edit's words inserted."""

    @property
    def end(self) -> int:
        return self.start + (len(self.words) if self.kind != "insertion" else 0)


@dataclass
class Paragraph:
    anchors: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    """The text before the tracked changes, in pieces while reading."""
    changes: list[Change] = field(default_factory=list)
    joined: bool = False
    """Its paragraph mark deleted with record changes on: it runs on into the next one."""

    @property
    def text(self) -> str:
        return "".join(self.sent)


@dataclass
class Comment:
    id: str
    author: str = ""
    text: str = ""
    paragraph: int = -1
    start: int = 0
    end: int = -1
    words: str = ""
    ranged: bool = False
    """Placed by its range start (not only by its mark)."""


@dataclass
class Returned:
    name: str
    paragraphs: list[Paragraph]
    tables: list[list[list[str]]]
    comments: list[Comment]
    properties: dict[str, str] = field(default_factory=dict)
    """The document's custom properties (docProps/custom.xml): the export's sent-copy mark."""
    notes: list[str] = field(default_factory=list)
    author: str = ""
    """Who saved it last (docProps/core.xml: lastModifiedBy, else creator): the unit when
    neither the file name nor a change names one."""
    contents: list[Paragraph] = field(default_factory=list)
    """The 目录's lines (in a content control, w:sdt): not matched, only checked for edits."""

    @property
    def anchored(self) -> bool:
        return any(p.anchors for p in self.paragraphs)


def read_returned(path: str | Path) -> Returned:
    """A returned .docx (.doc/.wps converted through LibreOffice, .xlsx a 反馈意见表) as read."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        data = read_limited(path, "plan-document")
        if suffix in (".doc", ".wps"):
            data = convert_to_docx(data, suffix)
    except PeakPlanError as exc:
        raise FeedbackError(exc.one_line()) from exc
    if suffix in (".xlsx", ".xlsm"):
        return Returned(path.name, [], _sheet_tables(data, path.name), [])
    if suffix in (".doc", ".wps"):
        pass
    elif suffix not in (".docx", ".docm"):
        raise FeedbackError(
            f"不支持的反馈文件类型 {suffix or '（无扩展名）'}：请用 .docx、.doc、.wps 或 .xlsx"
        )
    try:
        document, comments, properties, author = _open(data)
    except PlanImportError as exc:
        raise FeedbackError(exc.message) from exc
    body = document.find(qn("w:body"))
    returned = Returned(path.name, [], [], [], properties, author=author)
    if body is None:
        return returned
    refused = past_bounds(path.name, body, comments)
    if refused:
        raise FeedbackError(refused)
    reading = _Reading(_repeated(body))
    for child in body:
        if child.tag == qn("w:p"):
            paragraph = _paragraph(child, len(returned.paragraphs), reading)
            if len(paragraph.text) + sum(len(c.inserted or c.words) for c in paragraph.changes) > (
                MAX_COMPARED_CHARS
            ):
                raise FeedbackError(
                    past(path.name, "有一段的字数", f"每段 {MAX_COMPARED_CHARS:,} 字")
                )
            returned.paragraphs.append(paragraph)
        elif child.tag == qn("w:tbl"):
            returned.tables.append(_table(child))
        elif child.tag == qn("w:sdt"):
            for p in child.iter(qn("w:p")):
                returned.contents.append(_paragraph(p, -1, _Reading(set())))
    returned.notes.extend(reading.notes())
    _comment_texts(returned, reading, comments)
    return returned


def _revision_key(element) -> tuple:
    return (
        element.tag,
        element.get(qn("w:id")),
        element.get(qn("w:author")),
        element.get(qn("w:date")),
        "".join(t.text or "" for t in element.iter(qn("w:t"), qn("w:delText"))),
    )


def _repeated(body) -> set[tuple]:
    """Tracked changes whose XML is there more than once (the same id, author, date and words):
    a change is recorded once, so where a copy is the real one cannot be known."""
    counts = Counter(_revision_key(e) for e in body.iter(*REVISIONS))
    return {key for key, n in counts.items() if n > 1}


class _Reading:
    """What is gathered while the paragraphs are read: the comments' places, the repeats."""

    def __init__(self, repeated: set[tuple]) -> None:
        self.repeated = repeated
        self.comments: dict[str, Comment] = {}
        self.starts: dict[str, set[int]] = {}
        """Each comment's paragraphs where its range starts."""
        self.references: dict[str, set[int]] = {}
        """… and where it is referenced."""
        self.skipped: list[tuple] = []

    def doubled(self, key: str) -> bool:
        """A comment whose range starts (or, without one, whose mark stands) in several places."""
        return len(self.starts.get(key) or self.references.get(key) or ()) > 1

    def notes(self) -> list[str]:
        out = []
        for key in dict.fromkeys(self.skipped):
            kind = "插入" if key[0] in (qn("w:ins"), qn("w:moveTo")) else "删除"
            out.append(f"{key[2] or '未署名'}的{kind}修订“{key[4][:20]}”在文件中出现多次，未读取")
        doubled = [key for key in self.comments if self.doubled(key)]
        if doubled:
            out.append(f"{len(doubled)} 条批注标在多处，无法确定位置，按全文意见读取")
        return out


def _comment_texts(returned: Returned, reading: _Reading, comments) -> None:
    found = reading.comments
    for element in comments.iter(qn("w:comment")) if comments is not None else ():
        comment = found.get(element.get(qn("w:id")) or "")
        if comment is None:
            continue
        comment.author = element.get(qn("w:author")) or ""
        comment.text = "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))
        ).strip()
    for key, comment in found.items():
        if reading.doubled(key):
            comment.paragraph = -1  # marked in several places: which is meant is not known
        if 0 <= comment.paragraph < len(returned.paragraphs):
            text = returned.paragraphs[comment.paragraph].text
            end = comment.end if comment.end >= 0 else len(text)
            comment.end = max(comment.start, end)
            comment.words = text[comment.start : comment.end]
        returned.comments.append(comment)


def _open(data: bytes):
    members = zip_members(data)
    if members is not None and members > MAX_ZIP_MEMBERS:
        raise FeedbackError(f"Word 文档的压缩包中有 {members:,} 个部件，文件可能已损坏")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise FeedbackError("文件已损坏或不是 Word 文档（.docx 应为 zip 压缩包）") from exc
    with archive:
        roots = part_targets(archive, "")
        main = roots.get("/officeDocument", "word/document.xml")
        document = read_part(archive, main, "正文")
        name = part_targets(archive, main).get("/comments")
        comments = read_part(archive, name, "批注") if name and name in archive.NameToInfo else None
        custom = roots.get("/custom-properties", "docProps/custom.xml")
        properties = _properties(archive, custom) if custom in archive.NameToInfo else {}
        core = "docProps/core.xml"
        core_part = read_part(archive, core, "文档属性") if core in archive.NameToInfo else None
    if document.tag != qn("w:document"):
        raise FeedbackError("文件的正文不是 Word 正文，文件可能不是 .docx")
    return document, comments, properties, _saved_by(core_part)


_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_TOOLS = {
    "python-docx",
    "openpyxl",
    "Administrator",
    "admin",
    "user",
    "User",
    "Microsoft Office 用户",
}


def _saved_by(properties) -> str:
    """The person (or unit) who last saved the file, a tool's own name left out."""
    if properties is None:
        return ""
    for tag in (f"{{{_CORE}}}lastModifiedBy", "{http://purl.org/dc/elements/1.1/}creator"):
        element = properties.find(tag)
        name = (element.text or "").strip() if element is not None else ""
        if name and name not in _TOOLS:
            return name
    return ""


def _properties(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """The custom document properties (name → text); a damaged part gives none (the file is
    then read against the current draft)."""
    try:
        root = read_part(archive, name, "自定义属性")
    except PlanImportError:
        return {}
    out = {}
    for prop in root:
        key = prop.get("name")
        if key and len(prop):
            out[key] = (prop[0].text or "")[:200]
    return out


def _paragraph(p, number: int, reading: _Reading) -> Paragraph:
    out = Paragraph()
    state = {"length": 0}
    comments = reading.comments

    def add(piece: str, change: tuple[str, str] | None) -> None:
        if not piece:
            return
        if change is not None:
            _record(out.changes, change, state["length"], piece)
        if change is not None and change[0] == "insertion":
            return
        out.sent.append(piece)
        state["length"] += len(piece)

    def visit(element, change: tuple[str, str] | None) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag in REVISIONS and reading.repeated:
                key = _revision_key(child)
                if key in reading.repeated:
                    reading.skipped.append(key)
                    continue
            if tag in (qn("w:ins"), qn("w:moveTo")):
                visit(child, ("insertion", child.get(qn("w:author")) or ""))
            elif tag in (qn("w:del"), qn("w:moveFrom")):
                visit(child, ("deletion", child.get(qn("w:author")) or ""))
            elif tag in (qn("w:t"), qn("w:delText")):
                add(child.text or "", change)
            elif tag == qn("w:tab"):
                add("\t", change)
            elif tag == qn("w:bookmarkStart"):
                name = child.get(qn("w:name")) or ""
                if name.startswith(ANCHOR_PREFIX):
                    out.anchors.append(name)
            elif tag == qn("w:commentRangeStart"):
                key = child.get(qn("w:id")) or ""  # a copied range start: the first counts
                known = comments.get(key)
                if known is None or not known.ranged:  # a range start places it, not its mark
                    comments[key] = Comment(key, paragraph=number, start=state["length"])
                    comments[key].ranged = True
                reading.starts.setdefault(key, set()).add(number)
            elif tag == qn("w:commentRangeEnd"):
                comment = comments.get(child.get(qn("w:id")) or "")
                if comment is not None and comment.paragraph == number:
                    comment.end = state["length"]
            elif tag == qn("w:commentReference"):
                key = child.get(qn("w:id")) or ""
                reading.references.setdefault(key, set()).add(number)
                comments.setdefault(key, Comment(key, paragraph=number, start=state["length"]))
            else:
                visit(child, change)

    visit(p, None)
    mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
    out.joined = mark is not None
    return out


def _record(changes: list[Change], change: tuple[str, str], at: int, piece: str) -> None:
    """A piece of a tracked change, joined to the change before it where it goes on: the same
    kind at the same place, or a deletion and an insertion together by one author (an edit)."""
    kind, author = change
    last = changes[-1] if changes else None
    if last is not None and kind == "insertion":
        if last.kind == "insertion" and last.start == at:
            last.words += piece
            return
        if last.kind in ("deletion", "edit") and last.end == at and last.author == author:
            last.kind, last.inserted = "edit", last.inserted + piece
            return
    elif last is not None:
        if last.kind == "deletion" and last.end == at:
            last.words += piece
            return
        if last.kind == "insertion" and last.start == at and last.author == author:
            last.kind, last.words, last.inserted = "edit", piece, last.words
            return
        if last.kind == "edit" and last.end == at and last.author == author and not last.inserted:
            last.words += piece
            return
    changes.append(Change(kind, author, at, piece))


def _table(tbl) -> list[list[str]]:
    """Each row's cells on the table's grid: a cell merged across (w:gridSpan) repeated in
    each column it covers, one merged down (w:vMerge) carrying the text of the cell above."""
    rows: list[list[str]] = []
    for tr in tbl.iter(qn("w:tr")):
        cells: list[str] = []
        for tc in tr.findall(qn("w:tc")):
            text = "\n".join(
                "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
            ).strip()
            props = tc.find(qn("w:tcPr"))
            span = props.find(qn("w:gridSpan")) if props is not None else None
            merge = props.find(qn("w:vMerge")) if props is not None else None
            column = len(cells)
            if merge is not None and merge.get(qn("w:val")) in (None, "continue") and rows:
                above = rows[-1]
                text = above[column] if column < len(above) else text
            width = int(span.get(qn("w:val")) or 1) if span is not None else 1
            cells.extend([text] * max(1, min(width, 60)))
        rows.append(cells)
    return rows


def _sheet_tables(data: bytes, name: str) -> list[list[list[str]]]:
    """Each sheet's rows; a merged range's text in each of its cells (a title over A1:E1, a
    章节 merged down over its rows)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise FeedbackError("Excel 文件已损坏或不是 .xlsx 表格，未读取") from exc
    tables = []
    try:
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows(values_only=True, max_row=MAX_RETURNED_ROWS + 1, max_col=30):
                rows.append(["" if v is None else str(v).strip() for v in row])
            while rows and not any(rows[-1]):  # Calc saves formatted empty rows to the sheet's end
                rows.pop()
            if len(rows) > MAX_RETURNED_ROWS:  # refused, never cut: a form read in part looks whole
                raise FeedbackError(
                    past(name, f"工作表“{sheet.title}”的行数", f"每张表 {MAX_RETURNED_ROWS:,} 行")
                )
            for merged in sheet.merged_cells.ranges:
                top, left = merged.min_row - 1, merged.min_col - 1
                if top >= len(rows) or left >= len(rows[top]):
                    continue
                value = rows[top][left]
                for r in range(top, min(merged.max_row, len(rows))):
                    for c in range(left, min(merged.max_col, len(rows[r]))):
                        rows[r][c] = value
            tables.append(rows)
    finally:
        book.close()
    return tables
