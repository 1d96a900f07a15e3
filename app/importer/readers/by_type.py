"""Turn a file on disk into blocks of text: .txt, .docx, .doc/.wps via LibreOffice, .pdf, web pages."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from app.core.errors import PlanImportError
from app.core.files import FileReadError, check_readable, read_limited
from app.importer.blocks import Block, SourceDocument
from app.importer.readers.convert import convert_to_docx
from app.importer.readers.limits import MAX_DOCUMENT_CHARS, MAX_PARAGRAPH_CHARS, MAX_TEXT_BYTES, MB

TEXT_SUFFIXES = {".txt", ".text", ".md"}
LEGACY_SUFFIXES = {".doc", ".wps"}
WEB_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
}
PLAN_SUFFIXES = (".docx", ".pdf", ".txt", ".doc", ".wps", *WEB_SUFFIXES)
"""Every file kind `read_source` reads: the window's drop and the file choosers offer these."""


def read_source(path: Path) -> SourceDocument:
    """Read any supported plan file; raise PlanImportError with a reason otherwise.

    The file is read once, bounded (a FIFO, a device or an oversized file is refused
    before any byte is read), and everything after works on those bytes.
    """
    suffix = path.suffix.lower()
    source = _read(path, suffix)
    check_sizes(source)
    return source


def _read(path: Path, suffix: str) -> SourceDocument:
    _file_checked(check_readable, path)  # a folder or a FIFO is named as such, whatever its suffix
    if suffix not in PLAN_SUFFIXES and suffix not in TEXT_SUFFIXES:
        shown = suffix or "（无扩展名）"
        raise PlanImportError(f"不支持 {shown} 格式，请另存为 .docx、.pdf 或 .txt 后再导入")
    data = read_plan_bytes(path)
    sha = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        _check_text_bytes(data, "文本文件")
        return SourceDocument(path.name, "txt", sha, text_blocks(decode_text(data)))
    if suffix == ".docx":
        return SourceDocument(path.name, "docx", sha, docx_blocks(data))
    if suffix in LEGACY_SUFFIXES:
        return SourceDocument(
            path.name, suffix[1:], sha, docx_blocks(convert_to_docx(data, suffix))
        )
    if suffix == ".pdf":
        from app.importer.readers.pdf_reader import read_pdf_blocks

        blocks, notes = read_pdf_blocks(data)
        return SourceDocument(path.name, "pdf", sha, blocks, notes)
    from app.importer.readers.html_reader import read_html_blocks

    kind = WEB_SUFFIXES[suffix]
    blocks, notes = read_html_blocks(data, mhtml=kind == "mhtml")
    return SourceDocument(path.name, kind, sha, blocks, notes)


def read_plan_bytes(path: Path) -> bytes:
    """The file's bytes, or PlanImportError saying why it cannot be read (in Chinese)."""
    return _file_checked(read_limited, path)


def _file_checked(read, path: Path):
    try:
        return read(path, "plan-document")
    except FileReadError as exc:
        raise PlanImportError(
            f"无法读取方案文件：{'；'.join(exc.problems) or exc.message}"
        ) from exc


def _check_text_bytes(data: bytes, what: str) -> None:
    if len(data) > MAX_TEXT_BYTES:
        raise PlanImportError(
            f"{what}过大（{len(data) / MB:,.0f} MB），方案的文字一般不超过 1 MB，"
            f"上限 {MAX_TEXT_BYTES // MB} MB"
        )


def check_sizes(source: SourceDocument) -> None:
    """Refuse a paragraph or a document too long to be a plan, saying where it is."""
    total = 0
    where = "行" if source.format == "txt" else "段"
    for block in source.blocks:
        length = len(block.text)
        if length > MAX_PARAGRAPH_CHARS:
            place = f"第 {block.line} {where}" if block.line else "有一段"
            raise PlanImportError(
                f"{place}过长（{length:,} 个字符，每段上限 {MAX_PARAGRAPH_CHARS:,} 个）："
                "文件可能缺少换行或不是方案正文，请分段后再导入"
            )
        total += length
    if total > MAX_DOCUMENT_CHARS:
        raise PlanImportError(
            f"文件中的文字过多（{total:,} 个字符，上限 {MAX_DOCUMENT_CHARS:,} 个），不像一份实施方案"
        )


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PlanImportError("文件的 UTF-16 编码已损坏") from exc
    if b"\x00" in data[:8192]:
        raise PlanImportError("这不是文本文件（内容为二进制数据）")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise PlanImportError("无法识别文件的文字编码，请另存为 UTF-8 或 GBK 编码的文本") from exc


def text_blocks(text: str) -> list[Block]:
    """Every non-empty line of a text copy is a block; tab-separated lines are table rows."""
    blocks: list[Block] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.replace("\u3000", " ").rstrip()
        if not line.strip():
            continue
        cells = line.split("\t") if line.count("\t") >= 2 else None
        blocks.append(Block(text=line, line=number, cells=cells))
    return blocks


def docx_blocks(data: bytes) -> list[Block]:
    """Paragraphs and table rows of a .docx, in body order (see docx_reader)."""
    from app.importer.readers.docx_reader import read_docx_blocks

    return read_docx_blocks(data)
