"""Turn a file on disk into blocks of text: .txt, .docx, .doc/.wps via LibreOffice, .pdf, web pages."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import zipfile
from pathlib import Path

from app.core.errors import PlanImportError
from app.importer.blocks import Block, SourceDocument
from app.importer.convert import convert_to_docx

MAX_BYTES = 50 * 1024 * 1024
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
    """Read any supported plan file; raise PlanImportError with a reason otherwise."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise PlanImportError("文件不存在")
    if path.is_dir():
        raise PlanImportError("这是一个文件夹，不是方案文件")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanImportError(
                f"文件过大（{size // (1024 * 1024)} MB），方案文件一般不超过 50 MB"
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise PlanImportError("没有读取权限（文件可能被其他程序占用）") from exc
    except OSError as exc:
        raise PlanImportError(f"读取失败：{exc.strerror or exc}") from exc
    sha = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        return SourceDocument(path.name, "txt", sha, text_blocks(decode_text(data)))
    if suffix == ".docx":
        return SourceDocument(path.name, "docx", sha, docx_blocks(path))
    if suffix in LEGACY_SUFFIXES:
        converted = convert_to_docx(path)
        try:
            blocks = docx_blocks(converted)
        finally:
            converted.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                converted.parent.rmdir()
        return SourceDocument(path.name, suffix[1:], sha, blocks)
    if suffix == ".pdf":
        from app.importer.pdf_reader import read_pdf_blocks

        blocks, notes = read_pdf_blocks(data)
        return SourceDocument(path.name, "pdf", sha, blocks, notes)
    if suffix in WEB_SUFFIXES:
        from app.importer.html_reader import read_html_blocks

        kind = WEB_SUFFIXES[suffix]
        blocks, notes = read_html_blocks(data, mhtml=kind == "mhtml")
        return SourceDocument(path.name, kind, sha, blocks, notes)
    shown = suffix or "（无扩展名）"
    raise PlanImportError(f"不支持 {shown} 格式，请另存为 .docx、.pdf 或 .txt 后再导入")


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


def docx_blocks(path: Path) -> list[Block]:
    """Paragraphs and table rows of a .docx, in body order (see docx_reader)."""
    from app.importer.docx_reader import read_docx_blocks

    try:
        return read_docx_blocks(path)
    except PlanImportError:
        raise
    except zipfile.BadZipFile as exc:
        raise PlanImportError("文件已损坏或不是 Word 文档（.docx 应为 zip 压缩包）") from exc
    except (KeyError, ValueError, AttributeError, IndexError, TypeError, OSError) as exc:
        raise PlanImportError(f"Word 文档结构异常，无法读取（{type(exc).__name__}）") from exc
    except Exception as exc:  # lxml and python-docx raise their own error types
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise PlanImportError(f"Word 文档内容已损坏（{type(exc).__name__}）") from exc
        raise
