"""Read the text layer of a PDF into positioned lines, then re-flow them into blocks.

PDFium (through pypdfium2) gives each character with its box; we cut the page
text where PDFium puts its line breaks and keep each line's extent, font height
and page, which is all the re-flow (app/importer/readers/reflow.py) needs to tell a
wrapped line from a paragraph end. A PDF without any text is a scan: the user
is told to run OCR or use the Word copy, since guessing from images is not ours.
"""

from __future__ import annotations

import re
import statistics
import threading

from app.core.errors import PlanImportError
from app.importer.blocks import Block, ImportNote
from app.importer.readers.reflow import PdfLine, reflow

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MAX_PAGES = 2000
_PDFIUM = threading.Lock()
"""PDFium is not thread-safe: the window imports dropped files in several workers at once."""
SCAN_CHARS_A_PAGE = 20
"""Fewer characters than this a page: no text layer to speak of (a typed page has hundreds)."""


def read_pdf_blocks(data: bytes) -> tuple[list[Block], list[ImportNote]]:
    """Blocks of a PDF's text layer and what the re-flow mended."""
    lines, pages = pdf_lines(data)
    inked = sum(len(line.text.strip()) for line in lines)
    if inked < SCAN_CHARS_A_PAGE * pages:  # a scan may carry a stamp's or a page number's text
        raise PlanImportError(
            f"PDF 共 {pages} 页，但没有文字层（可能是扫描件）：请先用 OCR 软件识别文字，或改用该方案的 Word 版本导入"
        )
    return reflow(lines)


def pdf_lines(data: bytes) -> tuple[list[PdfLine], int]:
    """Every text line of every page, top to bottom, and the page count."""
    with _PDFIUM:
        return _pdf_lines(data)


def _pdf_lines(data: bytes) -> tuple[list[PdfLine], int]:
    import pypdfium2 as pdfium

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise PlanImportError("文件不是 PDF（缺少 %PDF 文件头），可能已损坏或扩展名有误")
    try:
        document = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise PlanImportError(_open_failure(data)) from exc
    try:
        count = len(document)
        if count == 0:
            raise PlanImportError("PDF 中没有页面")
        if count > MAX_PAGES:
            raise PlanImportError(f"PDF 页数过多（{count} 页），方案文件一般不超过 {MAX_PAGES} 页")
        lines: list[PdfLine] = []
        for index in range(count):
            try:
                lines.extend(_page_lines(document, index))
            except (pdfium.PdfiumError, ValueError, OSError) as exc:
                raise PlanImportError(
                    f"PDF 第 {index + 1} 页已损坏，无法读取文字（可用 PDF 阅读器打开后另存一份再试）"
                ) from exc
        return lines, count
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise PlanImportError(
            "PDF 内容已损坏，无法读取页面（可用 PDF 阅读器打开后另存一份再试）"
        ) from exc
    finally:
        document.close()


def _open_failure(data: bytes) -> str:
    """Why PDFium could not open the file, from the file: its own error code can be stale."""
    if b"/Encrypt" in data:
        return "PDF 已加密（需要密码），请先用 PDF 阅读器去除密码或另存为不加密的 PDF 再导入"
    if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
        return "PDF 中没有页面"
    return "PDF 文件已损坏，无法打开（可用 PDF 阅读器打开后另存一份再试）"


def _page_lines(document, index: int) -> list[PdfLine]:
    """The lines of one page, cut where the character boxes start a new row."""
    page = document[index]
    try:
        width, height_page = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range() if count > 0 else ""
            boxes = _boxes_of(text, [textpage.get_charbox(i) for i in range(count)])
            if boxes is None:  # the boxes do not match the text: one box per line
                return _plain_lines(text, index, width, height_page)
        finally:
            textpage.close()
    finally:
        page.close()
    lines: list[PdfLine] = []
    chars: list[tuple[str, tuple[float, float, float, float]]] = []
    tall = sorted(
        b[3] - b[1] for ch, b in zip(text, boxes, strict=True) if not ch.isspace() and b[3] > b[1]
    )
    em = tall[len(tall) // 2] if tall else 0.0  # ideographs are most of a page: their height
    row: float | None = None  # the vertical middle of the row being read
    tall = em  # the height of the ideographs that set it: a heading's are taller than the body's
    marks_only = False  # the row is set by small marks only so far ("一、" of a heading)
    right = 0.0
    for ch, box in zip(text, boxes, strict=True):
        if ch in "\r\n":
            continue  # PDFium's breaks come and go inside a row; rows are found from the boxes
        if ch.isspace() or box[2] <= box[0] or box[3] <= box[1]:
            chars.append((ch, box))
            continue
        middle = (box[1] + box[3]) / 2
        small = box[3] - box[1] < 0.6 * em
        # the “ of a large-type heading ("第一章 “十三五”规划…") sits high above its middle
        if row is not None and (
            abs(middle - row) > _row_gap(em, tall, small or marks_only) or box[0] < right - 2 * em
        ):
            _flush(chars, lines, index, width, height_page)
            chars, row = [], None
        chars.append((ch, box))
        if row is None or not small:
            row = middle  # small marks (、 “ 一) sit off the middle; ideographs set it
            tall = box[3] - box[1] if not small else em
            marks_only = small
        right = box[2]
    _flush(chars, lines, index, width, height_page)
    return lines


def _row_gap(em: float, tall: float, mark: bool) -> float:
    """How far a character's middle may sit from its row's. A small mark (一 、 “) sits off
    the middle by up to half a line, and the next line is a whole line away: a heading's
    "一、" in a page whose body em is the small type of its 专栏 boxes (青海 542) is not cut
    into "一", "、" and its title."""
    return (1.0 if mark else 0.55) * max(em, tall)


def _boxes_of(text: str, boxes: list) -> list | None:
    """One box per character of `text`, or None when they do not match.

    PDFium counts a character beyond U+FFFF (a font's private-use glyph, U+1001B0 for
    the decimal point) as two, each with the same box, while the text holds it once;
    without this the whole page lost its positions, so its page number ("— ７ —")
    was no longer at the page foot and stayed glued into the paragraph it cut."""
    if len(text) == len(boxes):
        return boxes
    out = []
    at = 0
    for ch in text:
        if at >= len(boxes):
            return None
        out.append(boxes[at])
        at += 2 if ord(ch) > 0xFFFF else 1
    return out if at == len(boxes) else None


def _flush(chars, lines: list[PdfLine], page: int, width: float, height: float) -> None:
    """Make a line of the collected characters; raised small digits become superscripts."""
    inked = [box for ch, box in chars if not ch.isspace() and box[2] > box[0] and box[3] > box[1]]
    if not inked:
        return
    heights = [box[3] - box[1] for box in inked]
    size = sorted(heights)[int(0.8 * (len(heights) - 1))]  # ideographs, not the low punctuation
    base = statistics.median(box[1] for box in inked)
    out = []
    for ch, box in chars:
        h = box[3] - box[1]
        if ch.isdigit() and 0 < h < 0.62 * size and box[1] > base + 0.3 * size:
            ch = ch.translate(
                _SUPERSCRIPT
            )  # a footnote marker, kept apart from the number before it
        out.append(ch)
    lines.append(
        PdfLine(
            text="".join(out),
            page=page,
            x0=min(box[0] for box in inked),
            x1=max(box[2] for box in inked),
            top=height - max(box[3] for box in inked),
            bottom=height - min(box[1] for box in inked),
            size=size,
            page_width=width,
            page_height=height,
        )
    )


def _plain_lines(text: str, page: int, width: float, height: float) -> list[PdfLine]:
    """Lines without positions (rare: text the boxes do not match); each its own paragraph."""
    out = []
    for number, line in enumerate(text.splitlines()):
        if line.strip():
            out.append(
                PdfLine(line, page, 0.0, 0.0, number * 20.0, number * 20.0 + 10, 0.0, width, height)
            )
    return out
