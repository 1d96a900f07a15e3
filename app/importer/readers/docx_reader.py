"""Read a .docx body into blocks: paragraphs split at line and page breaks, table rows.

Walks the XML in body order rather than python-docx's paragraph list, so that
tables stay where they are, the Word TOC (a w:sdt gallery or TOC-styled
paragraphs) is recognised, and merged table cells are resolved the way a
reader of the printed table sees them: a vertically merged cell repeats the
text of the cell it continues.

The package is opened with zipfile, not python-docx, which would inflate every
part including the pictures: only the parts read here (the relationships, the
document body and its styles) are inflated, each after its size and compression
ratio in the zip directory were checked against app/importer/readers/limits.py.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile

from docx.oxml.ns import qn
from lxml import etree

from app.core.errors import PlanImportError
from app.importer.blocks import Block
from app.importer.readers.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_DOCX_PART_BYTES,
    MAX_ZIP_MEMBERS,
    MB,
    RATIO_CHECKED_FROM,
)

W_P = qn("w:p")
W_TBL = qn("w:tbl")
W_SDT = qn("w:sdt")
W_R = qn("w:r")
W_T = qn("w:t")
W_TAB = qn("w:tab")
W_BR = qn("w:br")
W_CR = qn("w:cr")
W_TR = qn("w:tr")
W_TC = qn("w:tc")
W_TYPE = qn("w:type")
W_VAL = qn("w:val")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_OFFICE_DOCUMENT = "/officeDocument"
_STYLES = "/styles"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header"} | {
    f"heading {n}": f"Heading {n}" for n in range(1, 10)
}
"""Word stores built-in style names in lower case; it shows them (and python-docx gives them) so."""


class _StyleInfo:
    """Style id → (name, outline level), read once per document."""

    def __init__(self, styles) -> None:
        self.names: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        if styles is None:
            return
        for style in styles.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if not style_id:
                continue
            name_node = style.find(qn("w:name"))
            name = (name_node.get(W_VAL) if name_node is not None else None) or style_id
            name = _UI_NAMES.get(name, name)
            self.names[style_id] = name
            m = _HEADING_STYLE.match(name.strip())
            if m:
                self.outline[style_id] = int(m.group(1))
                continue
            ppr = style.find(qn("w:pPr"))
            lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            if lvl is not None and (lvl.get(W_VAL) or "").isdigit() and int(lvl.get(W_VAL)) < 9:
                self.outline[style_id] = int(lvl.get(W_VAL)) + 1


def _paragraph_style(p, styles: _StyleInfo) -> tuple[str, int | None, bool]:
    ppr = p.find(qn("w:pPr"))
    style_id = ""
    outline: int | None = None
    numbered = False
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        if pstyle is not None:
            style_id = pstyle.get(W_VAL) or ""
        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is not None and (lvl.get(W_VAL) or "").isdigit() and int(lvl.get(W_VAL)) < 9:
            outline = int(lvl.get(W_VAL)) + 1
        numbered = ppr.find(qn("w:numPr")) is not None
    if outline is None:
        outline = styles.outline.get(style_id)
    return styles.names.get(style_id, style_id), outline, numbered


def _paragraph_lines(p) -> list[tuple[str, bool]]:
    """The paragraph's text cut at line and page breaks: (text, page break before)."""
    lines: list[tuple[str, bool]] = []
    current: list[str] = []
    page_before = False
    for run in p.iter(W_R):
        for node in run:
            tag = node.tag
            if tag == W_T:
                current.append(node.text or "")
            elif tag == W_TAB:
                current.append("\t")
            elif tag in (W_BR, W_CR):
                lines.append(("".join(current), page_before))
                current = []
                page_before = node.get(W_TYPE) == "page"
    lines.append(("".join(current), page_before))
    return lines


def _is_toc_sdt(sdt) -> bool:
    for gallery in sdt.iter(qn("w:docPartGallery")):
        if "Contents" in (gallery.get(W_VAL) or "") or "目录" in (gallery.get(W_VAL) or ""):
            return True
    return False


def _cell_text(tc) -> str:
    texts = []
    for p in tc.iter(W_P):
        texts.append("".join(text for text, _ in _paragraph_lines(p)))
    return "".join(t.strip() for t in texts)


def _table_rows(tbl) -> list[list[str]]:
    """Rows of cell texts on the table grid; vertical merges repeat the text above."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iter(W_TR):
        if tr.getparent() is not tbl:
            continue  # rows of a nested table belong to that table
        cells: list[str] = []
        column = 0
        for tc in tr.findall(W_TC):
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            merge = None
            if tcpr is not None:
                grid = tcpr.find(qn("w:gridSpan"))
                if grid is not None and (grid.get(W_VAL) or "").isdigit():
                    span = max(1, int(grid.get(W_VAL)))
                vmerge = tcpr.find(qn("w:vMerge"))
                if vmerge is not None:
                    merge = vmerge.get(W_VAL) or "continue"
            text = _cell_text(tc)
            if merge == "continue":
                text = above.get(column, "")
            cells.append(text)
            cells.extend([""] * (span - 1))
            for offset in range(span):
                above[column + offset] = text if offset == 0 else ""
            column += span
        rows.append(cells)
    return rows


def zip_members(data: bytes) -> int | None:
    """The number of parts the zip directory lists, from its end record (None: no record).

    Read before zipfile builds an entry for each of them, which a forged count would
    turn into gigabytes of memory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    (total,) = struct.unpack_from("<H", data, end + 10)
    return total


def read_part(archive: zipfile.ZipFile, name: str, what: str):
    """One XML part, parsed, if its sizes in the zip directory are within the limits."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise PlanImportError(
            f"Word 文档不完整：缺少{what}（{name}），文件可能已损坏或不是 Word 文档"
        ) from None
    size = info.file_size
    if size > MAX_DOCX_PART_BYTES:
        raise PlanImportError(
            f"Word 文档的{what}（{name}）解压后有 {size / MB:,.0f} MB，"
            f"超过 {MAX_DOCX_PART_BYTES // MB} MB 的上限：文件可能已损坏或是恶意构造的压缩包"
        )
    if size > RATIO_CHECKED_FROM and size > MAX_COMPRESSION_RATIO * max(1, info.compress_size):
        raise PlanImportError(
            f"Word 文档的{what}（{name}）压缩比异常（{size // max(1, info.compress_size):,} 倍，"
            f"上限 {MAX_COMPRESSION_RATIO} 倍）：文件可能是恶意构造的压缩包，未读取"
        )
    try:
        with archive.open(info) as handle:
            raw = handle.read(MAX_DOCX_PART_BYTES + 1)
    # zipfile raises NotImplementedError for a compression method it cannot unpack (a part
    # packed with something other than deflate/bzip2/lzma): not a stub, a damaged input
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise PlanImportError(f"Word 文档的{what}（{name}）无法解压：{_zip_reason(exc)}") from exc
    if len(raw) > MAX_DOCX_PART_BYTES:  # the directory understated it
        raise PlanImportError(
            f"Word 文档的{what}（{name}）解压后超过 {MAX_DOCX_PART_BYTES // MB} MB 的上限，未读取"
        )
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "huge" in str(exc).lower():  # lxml's own limit: one text of over ten million characters
            raise PlanImportError(
                f"Word 文档的{what}（{name}）中有一段文字超过一千万个字符，不是方案正文，未读取"
            ) from exc
        line = f"第 {exc.lineno} 行" if getattr(exc, "lineno", None) else ""
        raise PlanImportError(f"Word 文档的{what}（{name}）{line}XML 格式错误，文件已损坏") from exc


def _zip_reason(exc: Exception) -> str:
    if isinstance(exc, NotImplementedError):
        return "使用了不支持的压缩方式"
    text = str(exc)
    if "CRC" in text:
        return "校验和不符，文件已损坏"
    if "encrypted" in text or "password" in text:
        return "文件已加密"
    return "压缩数据已损坏"


def part_targets(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Relationship type (its last path piece) → part name, from the part's .rels."""
    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels_name not in archive.NameToInfo:
        return {}
    rels = read_part(archive, rels_name, "关系表")
    found: dict[str, str] = {}
    for rel in rels.iter(_REL):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target or kind in found:
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[f"/{kind}"] = posixpath.normpath(name)
    return found


def _open_package(data: bytes):
    """The document body and the styles (None if the document has none)."""
    members = zip_members(data)
    if members is not None and members > MAX_ZIP_MEMBERS:
        raise PlanImportError(
            f"Word 文档的压缩包中有 {members:,} 个部件，超过 {MAX_ZIP_MEMBERS:,} 个的上限：文件可能已损坏"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise PlanImportError("文件已损坏或不是 Word 文档（.docx 应为 zip 压缩包）") from exc
    with archive:
        if len(archive.infolist()) > MAX_ZIP_MEMBERS:
            raise PlanImportError(
                f"Word 文档的压缩包中部件过多（上限 {MAX_ZIP_MEMBERS:,} 个）：文件可能已损坏"
            )
        main = part_targets(archive, "").get(_OFFICE_DOCUMENT, "word/document.xml")
        document = read_part(archive, main, "正文")
        styles_name = part_targets(archive, main).get(_STYLES)
        styles = None
        if styles_name and styles_name in archive.NameToInfo:
            styles = read_part(archive, styles_name, "样式表")
    if document.tag != qn("w:document"):
        raise PlanImportError(f"Word 文档的正文（{main}）不是 Word 正文，文件可能不是 .docx")
    return document, styles


def read_docx_blocks(data: bytes) -> list[Block]:
    document, style_part = _open_package(data)
    styles = _StyleInfo(style_part)
    body = document.find(qn("w:body"))
    if body is None:
        return []
    blocks: list[Block] = []
    counter = {"paragraph": 0, "table": 0}

    def visit(container) -> None:
        for child in container.iterchildren():
            if child.tag == W_P:
                counter["paragraph"] += 1
                style, outline, numbered = _paragraph_style(child, styles)
                tags = set()
                if style.lower().startswith("toc") or style.startswith("目录"):
                    tags.add("toc")
                if numbered:
                    tags.add("numbered")
                for text, page_break in _paragraph_lines(child):
                    if text.strip():
                        blocks.append(
                            Block(
                                text=text,
                                line=counter["paragraph"],
                                style=style,
                                outline_level=outline,
                                page_break=page_break,
                                tags=set(tags),
                            )
                        )
            elif child.tag == W_TBL:
                counter["table"] += 1
                for row in _table_rows(child):
                    if any(cell.strip() for cell in row):
                        blocks.append(
                            Block(
                                text="\t".join(row),
                                line=counter["paragraph"],
                                cells=row,
                                table=counter["table"],
                            )
                        )
            elif child.tag == W_SDT:
                if _is_toc_sdt(child):
                    continue
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    visit(content)

    visit(body)
    return blocks
