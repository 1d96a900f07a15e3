"""Read a web page saved from a government site (.html, .htm, .mhtml) into blocks.

Pages carry the plan inside a frame of navigation, breadcrumbs, share buttons,
related links and a footer. Those are dropped by their element and by their
class or id; of what remains, the article is the smallest element that holds
nearly all of the page's plan headings (一、 （一） 1.) and text. Paragraphs
are the page's block elements and its <br> line breaks; a table of plain cells
(the 任务分工表) becomes table rows as the Word reader makes them. Older sites
serve GBK or GB2312: the page's own declaration is used, otherwise a guess.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

from app.core.errors import PlanImportError
from app.importer.blocks import Block, ImportNote
from app.importer.readers.limits import (
    MAX_HTML_DEPTH,
    MAX_MHTML_DEPTH,
    MAX_MHTML_PARTS,
    MAX_TEXT_BYTES,
    MB,
)

_JUNK_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "button", "select", "input", "textarea", "object", "embed", "svg", "canvas", "template",
}  # fmt: skip
_JUNK_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|bread|share|bdshare|footer|foot|header|"
    r"head|top|topbar|banner|sidebar|side|toolbar|tools?|copyright|position|location|dqwz|"
    r"related|xgwz|print|fontsize|zoom|login|search|qr|qrcode|ewm|pager|pagination)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "section", "article", "main", "center", "table", "tr", "hr", "address",
    "body", "html", "td", "th", "tbody", "thead", "tfoot", "caption", "figure", "figcaption",
}  # fmt: skip
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))"
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_GB_NAMES = {"gb2312", "gbk", "gb18030", "cp936", "euccn", "xgbk", "hzgb2312"}
_SPACE = re.compile(r"[ \t\r\n\f]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TAG = re.compile(r"<[^>]*>")
_BOUNDARY = re.compile(rb"boundary\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read_html_blocks(data: bytes, *, mhtml: bool) -> tuple[list[Block], list[ImportNote]]:
    """Blocks of the article in a saved page, and what was guessed or dropped."""
    notes: list[ImportNote] = []
    if mhtml:
        data, declared = _mhtml_html_part(data)
    else:
        declared = None
    if len(data) > MAX_TEXT_BYTES:
        raise PlanImportError(
            f"网页过大（{len(data) / MB:,.0f} MB，不含图片），上限 {MAX_TEXT_BYTES // MB} MB"
        )
    text = _decode(data, declared, notes)
    # lxml refuses a str with an XML declaration, and control characters anywhere
    text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return [], notes
    try:
        import lxml.etree
        import lxml.html

        # huge_tree: libxml2 otherwise stops at 256 levels of nesting and the plan inside
        # 300 <div>s read as an empty page ("文件中没有文字"); the walk below is iterative
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(text, parser=parser)
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError) as exc:
        raise PlanImportError("网页内容无法解析：HTML 结构已损坏或没有内容") from exc
    if not _compact(root.text_content()) and _compact(_TAG.sub("", text)):
        # libxml2 stops at MAX_HTML_DEPTH levels even with huge_tree: text below is lost
        raise PlanImportError(
            f"网页的元素嵌套过深（超过 {MAX_HTML_DEPTH} 层），读不出其中的文字："
            "请在浏览器中打开，把正文另存为文本或复制到 Word 后导入"
        )
    dropped = _drop_junk(root)
    body = root.find("body")
    if body is None:
        body = root
    article = _article(body)
    if dropped:
        notes.append(ImportNote(None, f"网页：去掉了导航、页眉页脚、分享按钮和脚本等 {dropped} 处"))
    if article is not body:
        name = article.get("class") or article.get("id") or ""
        where = f"<{article.tag} {name.strip()}>" if name else f"<{article.tag}>"
        notes.append(ImportNote(None, f"网页：正文取自 {where[:60]}，其余部分不作为方案文字"))
    blocks = _Walker().blocks(article)
    if article is not body:
        title = _title_before(article)
        if title and (not blocks or _compact(blocks[0].text) != _compact(title)):
            blocks.insert(0, Block(text=title, line=0))
    for number, block in enumerate(blocks, start=1):
        block.line = number
    return blocks, notes


def _mhtml_html_part(data: bytes) -> tuple[bytes, str | None]:
    """The first text/html part of an MHTML archive, its transfer encoding undone.

    A browser saves one level of parts (a page and its images); parts nested deeper than
    MAX_MHTML_DEPTH, or more than MAX_MHTML_PARTS of them, are refused with a message
    (Python's mail parser recurses once per level: 5,000 levels were a RecursionError)."""
    nested = len(_BOUNDARY.findall(data))
    if nested > MAX_MHTML_PARTS:
        raise PlanImportError(
            f"MHTML 文件中分段过多（{nested} 个），上限 {MAX_MHTML_PARTS} 个：不是浏览器保存的网页"
        )
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        stack = [(message, 0)]
        while stack:  # depth first, in the archive's order, without recursion
            part, depth = stack.pop()
            if depth > MAX_MHTML_DEPTH:
                raise PlanImportError(
                    f"MHTML 文件的分段嵌套过深（超过 {MAX_MHTML_DEPTH} 层）：不是浏览器保存的网页"
                )
            if part.is_multipart():
                children = part.get_payload()
                stack.extend((child, depth + 1) for child in reversed(children))
            elif part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    return payload, part.get_content_charset()
    except RecursionError as exc:
        raise PlanImportError(
            "MHTML 文件的分段嵌套过深：不是浏览器保存的网页（可能已损坏）"
        ) from exc
    except (ValueError, TypeError, LookupError, IndexError, AttributeError) as exc:
        raise PlanImportError("MHTML 文件已损坏：无法从中取出网页部分（text/html）") from exc
    raise PlanImportError("MHTML 文件中没有网页部分（text/html），可能已损坏或不是保存的网页")


def _decode(data: bytes, declared: str | None, notes: list[ImportNote]) -> str:
    """The page's text: BOM, then the MIME or <meta> charset, then UTF-8, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise PlanImportError("这不是网页文件（内容为二进制数据）")
    match = _CHARSET.search(data[:8192])
    charset = declared or (match.group(1).decode("ascii", "ignore") if match else None)
    if charset:
        name = charset.lower()
        # GB2312 and GBK pages routinely hold characters only GB18030 has: read them as GB18030
        codec = "gb18030" if re.sub(r"[-_]", "", name) in _GB_NAMES else name
        try:
            text = data.decode(codec)
            if codec == "gb18030":
                notes.append(
                    ImportNote(None, f"网页：按网页声明的 {charset} 编码读取（以 GB18030 解码）")
                )
            return text
        except LookupError:
            notes.append(ImportNote(None, f"网页声明的编码 {charset} 无法识别，改为自动判断"))
        except UnicodeDecodeError:
            notes.append(ImportNote(None, f"网页内容与声明的编码 {charset} 不符，改为自动判断"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise PlanImportError("无法识别网页的文字编码（既不是 UTF-8 也不是 GBK）") from exc
    notes.append(ImportNote(None, "网页未声明编码，按 GBK（GB18030）读取"))
    return text


def _drop_junk(root) -> int:
    """Remove scripts, navigation, breadcrumbs, share bars and footers; how many went."""
    doomed = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:
            if element.getparent() is not None:
                doomed.append(element)  # comments and processing instructions
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if tag.lower() in _JUNK_TAGS or (
            tag.lower() not in {"body", "html"} and _JUNK_NAMES.search(names)
        ):
            doomed.append(element)
    count = 0
    for element in doomed:
        parent = element.getparent()
        if parent is None or _has_plan_headings(element):
            continue  # never drop the plan itself, however its container is named
        tail = element.tail
        parent.remove(element)
        if tail and tail.strip():
            previous = element.getprevious() if element.getprevious() is not None else None
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        if isinstance(element.tag, str):
            count += 1
    return count


def _has_plan_headings(element) -> bool:
    return sum(1 for line in element.itertext() if _HEADING.match(line)) >= 3


def _article(body):
    """The smallest element holding nearly all the headings and text of the page."""
    heads_total = _heading_count(body)
    text_total = len(_compact(body.text_content()))
    best = body
    while True:
        better = None
        for child in best.iterchildren():
            if not isinstance(child.tag, str):
                continue
            text = len(_compact(child.text_content()))
            heads = _heading_count(child)
            if heads >= max(1, 0.9 * heads_total) and text >= 0.6 * text_total:
                better = child
                break
        if better is None:
            return best
        best = better


def _heading_count(element) -> int:
    return sum(1 for piece in element.itertext() if _HEADING.match(piece))


def _title_before(article) -> str:
    """A heading just above the article (<h1> of the page) that names the plan."""
    node = article
    for _ in range(3):
        sibling = node.getprevious()
        while sibling is not None:
            if isinstance(sibling.tag, str):
                found = [h for h in sibling.iter("h1", "h2") if _compact(h.text_content())]
                if sibling.tag in ("h1", "h2"):
                    found.insert(0, sibling)
                if found:
                    title = _SPACE.sub(" ", found[0].text_content()).strip()
                    return title if ("方案" in title or "意见" in title or "计划" in title) else ""
            sibling = sibling.getprevious()
        node = node.getparent()
        if node is None:
            break
    return ""


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Walker:
    """Paragraphs in document order: text collects until a block element or <br> ends it."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.buffer: list[str] = []
        self.tables = 0

    def blocks(self, element) -> list[Block]:
        self._visit(element)
        self._flush()
        return self.out

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.buffer)).strip().strip("\u3000").strip()
        self.buffer = []
        if text:
            self.out.append(Block(text=text, line=0))

    def _visit(self, root) -> None:
        """Depth first with a stack of its own: a plan inside thousands of nested elements
        is read like any other (a recursive walk stopped at Python's recursion limit)."""
        stack: list[tuple[object, bool]] = [(root, False)]
        while stack:
            element, leaving = stack.pop()
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if leaving:  # after its children: end its paragraph, then its tail
                if tag in _BLOCK_TAGS:
                    self._flush()
                if element.tail:
                    self.buffer.append(element.tail)
                continue
            if tag == "br":
                self._flush()
            elif tag == "table" and _is_data_table(element):
                self._flush()
                self._table(element)
            elif tag:
                if tag in _BLOCK_TAGS:
                    self._flush()
                if element.text:
                    self.buffer.append(element.text)
                stack.append((element, True))
                stack.extend((child, False) for child in reversed(list(element.iterchildren())))
                continue
            if element.tail:
                self.buffer.append(element.tail)

    def _table(self, table) -> None:
        """Rows of plain cells; a cell spanning rows repeats its text, as docx_reader does."""
        self.tables += 1
        pending: dict[int, tuple[str, int]] = {}
        for tr in table.iter("tr"):
            cells: list[str] = []
            column = 0
            for cell in tr.iterchildren("td", "th"):
                while column in pending:
                    text, left = pending.pop(column)
                    cells.append(text)
                    if left > 1:
                        pending[column] = (text, left - 1)
                    column += 1
                text = _SPACE.sub(" ", cell.text_content()).strip().strip("\u3000").strip()
                rows = _span(cell.get("rowspan"))
                span = _span(cell.get("colspan"))
                for offset in range(span):
                    cells.append(text if offset == 0 else "")
                    if rows > 1:
                        pending[column] = (text if offset == 0 else "", rows - 1)
                    column += 1
            while column in pending:
                text, left = pending.pop(column)
                cells.append(text)
                if left > 1:
                    pending[column] = (text, left - 1)
                column += 1
            if any(c.strip() for c in cells):
                self.out.append(
                    Block(text="\t".join(cells), line=0, cells=cells, table=self.tables)
                )


def _span(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() and 0 < int(value) <= 100 else 1


def _is_data_table(table) -> bool:
    """A table of text cells, not a layout table that holds the page's paragraphs."""
    if any(True for _ in table.iter("tr")) is False:
        return False
    for cell in table.iter("td", "th"):
        if any(True for _ in cell.iter("table")) or _heading_count(cell) >= 2:
            return False
    return True
