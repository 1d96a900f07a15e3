"""Re-flow the lines of a PDF into the paragraphs the importer reads.

A PDF keeps lines, not paragraphs. Chinese government layouts make the
paragraph ends visible: a paragraph starts indented by two characters or with
a heading label (一、 （一） 1．), a wrapped line runs to the right margin, and
the last line of a paragraph stops short of it. Page numbers ("― 7 ―", "- 7 -",
"第7页") and the running heads and feet repeated on every page are not text of
the plan; a paragraph or responsibility clause cut by a page break is one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from app.core.text.normalise import ends_sentence
from app.importer.blocks import Block, ImportNote

_DASH = r"[-‐‑–—―－~～_·•]"
_PAGE_NUMBER = re.compile(
    rf"^(?:{_DASH}*\d{{1,3}}{_DASH}*|第\d{{1,4}}页(?:[，,]?共\d{{1,4}}页)?|\d{{1,4}}/\d{{1,4}}"
    r"|[Pp]age\d{1,4}(?:of\d{1,4})?|[IVXLivxl]{1,6})$"
)
_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.．、](?!\d)"
    r"|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百]+[章节部分])"
)
_CHAPTER_LABEL = r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"
# A heading that the text layer put at the end of the line before it (OCR does this).
_RUN_ON_HEADING = re.compile(rf"(?<=[。；！？］）\]])\s+(?={_CHAPTER_LABEL})")
# A small page or line number printed just before a heading ("9 五、保障措施", "5（四）农田…").
_STRAY_NUMBER = re.compile(
    rf"^\s*\d{{1,2}}\s*(?={_CHAPTER_LABEL}|第[一二三四五六七八九十]+[章节篇])"
)
_WORD_BALLOON = re.compile(r"^(?:域代码已更改|带格式的[:：].*|带格式表格|格式已更改)$")
"""Word's revision balloons printed into a PDF ("域代码已更改" in the margin): not plan text."""
_CUT_NUMBER = re.compile(r"(?<=[。；！？])\s*(?P<head>[一二三四五六七八九]?十)\s*$")
_NUMBER_GOES_ON = re.compile(r"^[一二三四五六七八九]、")
_SPACED = re.compile(r"^(?:[\u4e00-\u9fff]\s+){1,12}[\u4e00-\u9fff]$")
_FOOTNOTE_START = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[①-⑳]|\d{1,2}(?=\s*\S)|注\s*\d*[:：])")
PRIVATE_GLYPHS = {
    0xA3AC: "，",
    0xA3AE: "。",
    0xA3BB: "；",
    0xA3BA: "：",
    0x1001B0: ".",
    0x100170: "·",
    0x1001BA: "…",
    **{0xF000 + code: chr(code) for code in range(0x20, 0x7F)},
    0xF0B4: "×",
    0xF0B7: "•",
}
"""Punctuation some PDF fonts map to Yi syllables or private-use code points ("ꎬ" for "，",
U+1001B0 for the decimal point, U+F0xx for the Symbol font's ASCII): read as what is printed."""
_FIGURE_GOES_ON = re.compile(r"^\d+(?:\.\d+)?\s*(?:[%‰％。，；、）)]|[万亿千百吨个家项座年月日])")
EDGE = 0.12  # heads and feet live in the top and bottom eighth of a page


@dataclass
class PdfLine:
    """One line of a PDF page: text, extent (points, y down from the page top), font height."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page_width: float
    page_height: float


@dataclass
class _Frame:
    """Where a page's text column is: left and right edges and the body font height."""

    left: float
    right: float
    em: float


def reflow(lines: list[PdfLine]) -> tuple[list[Block], list[ImportNote]]:
    """Blocks of paragraphs (with page breaks marked) and notes on what was mended."""
    notes: list[ImportNote] = []
    lines = [_printed(line) for line in lines if line.text.strip()]
    balloons = [line for line in lines if _WORD_BALLOON.match(_compact(line.text))]
    if balloons:
        lines = [line for line in lines if not _WORD_BALLOON.match(_compact(line.text))]
        notes.append(
            ImportNote(
                None, f"PDF：删去了 Word 修订批注框文字 {len(balloons)} 处（“域代码已更改”等）"
            )
        )
    numbers = [line for line in lines if _is_page_number(line)]
    lines = [line for line in lines if not _is_page_number(line)]
    if numbers:
        notes.append(ImportNote(None, f"PDF：删去了页码 {len(numbers)} 处"))
    repeated = _running_lines(lines)
    if repeated:
        shown = "、".join(
            f"“{text[:20]}”" for text in sorted({line.text.strip() for line in repeated})[:2]
        )
        notes.append(
            ImportNote(None, f"PDF：删去了每页重复的页眉页脚 {len(repeated)} 行（{shown}）")
        )
        dropped = {id(line) for line in repeated}
        lines = [line for line in lines if id(line) not in dropped]
    lines, stray = _without_stray_numbers(lines)
    if stray:
        shown = "、".join(stray[:3]) + ("等" if len(stray) > 3 else "")
        notes.append(
            ImportNote(None, f"PDF：{len(stray)} 个标题前的孤立数字（页码或行号）已去掉：{shown}")
        )
    lines = _split_run_on_headings(lines)
    em = _body_em(lines)
    frames = _frames(lines, em)
    body: list[PdfLine] = []
    footnotes: list[PdfLine] = []
    for line in lines:
        (footnotes if _is_footnote(line, em) and _marked(line, lines) else body).append(line)
    blocks, joined_pages, spaced = _paragraphs(body, frames, em)
    for line in footnotes:
        text = line.text.strip()
        marker = re.match(r"\d{1,2}", text)
        if marker:  # the cleanup sets blocks that start with a superscript aside as footnotes
            text = (
                text[: marker.end()].translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
                + text[marker.end() :]
            )
        blocks.append(Block(text=text, line=0, raw=text))
    for number, block in enumerate(blocks, start=1):
        block.line = number
    if joined_pages:
        notes.append(ImportNote(None, f"PDF：{joined_pages} 处被分页断开的段落已接上"))
    if spaced:
        notes.append(ImportNote(None, f"PDF：{spaced} 行字间加空格的标题已去掉空格"))
    if footnotes:
        notes.append(ImportNote(None, f"PDF：{len(footnotes)} 行页脚注释单独列出，未并入正文"))
    return blocks, notes


_DECIMAL_GLYPH = re.compile(r"(?<=\d)\U001001B0\s*(?=\d)")
"""U+1001B0 between digits is a decimal point; the text layer puts a space after it
("７\U001001b0 ５％"), which is not in the number: "７.５％", never "７. ５％"."""


def _decimal_points(text: str) -> str:
    return _DECIMAL_GLYPH.sub(".", text)


def _printed(line: PdfLine) -> PdfLine:
    text = _decimal_points(line.text).translate(PRIVATE_GLYPHS)
    return line if text == line.text else _part(line, text, line.x0, line.x1)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_edge(line: PdfLine) -> bool:
    height = line.page_height or 1.0
    return line.top < height * EDGE or line.bottom > height * (1 - EDGE)


def _is_page_number(line: PdfLine) -> bool:
    text = _compact(line.text)
    return bool(text) and _in_edge(line) and bool(_PAGE_NUMBER.match(text))


def _running_lines(lines: list[PdfLine]) -> list[PdfLine]:
    """Lines at a page's top or bottom whose text (digits aside) recurs on most pages."""
    pages = {line.page for line in lines}
    if len(pages) < 2:
        return []
    edge = [line for line in lines if _in_edge(line)]
    keys = Counter()
    for page in pages:
        keys.update({_edge_key(line) for line in edge if line.page == page})
    need = max(2, -(-len(pages) * 2 // 5))  # 40%: a head printed on even pages only counts
    common = {key for key, seen in keys.items() if seen >= need and 0 < len(key[1]) <= 40}
    return [line for line in edge if _edge_key(line) in common]


def _edge_key(line: PdfLine) -> tuple[bool, str]:
    top = line.top < (line.page_height or 1.0) * EDGE
    return top, re.sub(r"\d+", "#", _compact(line.text))


def _without_stray_numbers(lines: list[PdfLine]) -> tuple[list[PdfLine], list[str]]:
    """ "9五、保障措施": a number printed before a heading label is not part of the heading
    (a figure never stands right before 一、 or （一））; each is named: "“9”在“五、保障措施”前"."""
    out: list[PdfLine] = []
    removed: list[str] = []
    for line in lines:
        m = _STRAY_NUMBER.match(line.text)
        if m:
            rest = line.text[m.end() :]
            removed.append(f"“{m.group(0).strip()}”在“{rest.strip()[:10]}”前")
            line = _part(line, rest, line.x0, line.x1)
        out.append(line)
    return out, removed


def _split_run_on_headings(lines: list[PdfLine]) -> list[PdfLine]:
    """ "……提供坚强支撑。      二、工作目标" on one line is two blocks; "……信息共享。 十" then
    "一、健全法规标准…" is the heading 十一、 cut after its first numeral."""
    out: list[PdfLine] = []
    lines = _rejoin_cut_numbers(lines)
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        parts = _RUN_ON_HEADING.split(line.text)
        if len(parts) == 1:
            out.append(line)
            continue
        out.append(_part(line, parts[0], line.x0, line.x0 + (line.x1 - line.x0) / 2))
        rest = lines[index + 1 : index + 3]
        if len(rest) == 2 and _title_goes_on(parts[-1], rest[0].text, rest[1].text):
            parts[-1] = parts[-1].rstrip() + rest[0].text.strip()
            skip = True
        for part in parts[1:]:
            # placed as an indented line of its own: it starts a block and does not fill the width
            out.append(_part(line, part, line.x0 + 2 * line.size, line.x0 + 2 * line.size))
    return out


_NO_TITLE_END = re.compile(r"[。，、；：,;:！？]")


def _title_goes_on(heading: str, following: str, after: str) -> bool:
    """A heading run on at the end of a body line and cut there by the line end (定西: "……示范
    基地。 七、健全绿" / "色法规政策体系" / "（十七）加大立法执法力度。"): its title goes on in
    the short line below, which a labelled item follows."""
    following = following.strip()
    title = _LABEL.sub("", heading.strip())
    return (
        len(title) <= 30
        and not _NO_TITLE_END.search(title)
        and 0 < len(following) <= 20
        and not _NO_TITLE_END.search(following)
        and not _LABEL.match(following)
        and _LABEL.match(after.strip()) is not None
    )


def _rejoin_cut_numbers(lines: list[PdfLine]) -> list[PdfLine]:
    out = list(lines)
    for i in range(len(out) - 1):
        cut = _CUT_NUMBER.search(out[i].text)
        if cut is None or not _NUMBER_GOES_ON.match(out[i + 1].text.lstrip()):
            continue
        head = cut.group("head")
        out[i] = _part(out[i], out[i].text[: cut.start("head")].rstrip(), out[i].x0, out[i].x1)
        nxt = out[i + 1]
        out[i + 1] = _part(nxt, head + nxt.text.lstrip(), nxt.x0, nxt.x1)
    return out


def _part(line: PdfLine, text: str, x0: float, x1: float) -> PdfLine:
    return PdfLine(
        text, line.page, x0, x1, line.top, line.bottom, line.size, line.page_width, line.page_height
    )


def _body_em(lines: list[PdfLine]) -> float:
    sizes = [round(line.size) for line in lines if len(_compact(line.text)) >= 8 and line.size > 0]
    return float(Counter(sizes).most_common(1)[0][0]) if sizes else 0.0


def _frames(lines: list[PdfLine], em: float) -> dict[int, _Frame]:
    """Each page's text column, from its long lines (the document's where a page has few)."""

    def frame(chosen: list[PdfLine]) -> _Frame | None:
        if len(chosen) < 3:
            return None
        lefts = sorted(line.x0 for line in chosen)
        rights = sorted(line.x1 for line in chosen)
        return _Frame(lefts[len(lefts) // 10], rights[(len(rights) * 9) // 10], em)

    long_lines = [line for line in lines if len(_compact(line.text)) >= 12]
    default = frame(long_lines) or _Frame(0.0, max((line.x1 for line in lines), default=0.0), em)
    frames: dict[int, _Frame] = {}
    for page in {line.page for line in lines}:
        frames[page] = frame([line for line in long_lines if line.page == page]) or default
    return frames


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _marked(note: PdfLine, lines: list[PdfLine]) -> bool:
    """A note numbered 7 is one only where its page prints the raised marker ⁷ in the text: a
    table row "7 装配式建筑面积占比 % 30" at the page foot is not."""
    m = re.match(r"\d{1,2}", note.text.strip())
    if m is None:
        return True  # ¹ ① 注： — the note says what it is
    marker = m.group(0).translate(_SUPERSCRIPT)
    return any(marker in line.text for line in lines if line.page == note.page and line is not note)


def _is_footnote(line: PdfLine, em: float) -> bool:
    """A small-type note at the foot of a page ("¹ 指……", "注：……")."""
    if not em or line.size >= 0.85 * em or line.bottom < (line.page_height or 1.0) * 0.7:
        return False
    text = line.text.strip()
    if _FIGURE_GOES_ON.match(text) or len(re.findall(r"[\u4e00-\u9fff]", text)) < 4:
        return False  # "30%。" ending the sentence above: digits are shorter than ideographs
    return bool(_FOOTNOTE_START.match(text))


def _paragraphs(
    lines: list[PdfLine], frames: dict[int, _Frame], em: float
) -> tuple[list[Block], int, int]:
    blocks: list[Block] = []
    joined_pages = spaced = 0
    previous: PdfLine | None = None
    for line in lines:
        text = line.text.strip()
        if _SPACED.match(text):
            text = re.sub(r"\s+", "", text)
            spaced += 1
        if previous is not None and blocks and _continues(previous, line, frames, em):
            last = blocks[-1]
            # words of Latin letters keep their space; a number cut at the line end ("到 202" /
            # "5 年") is one number again
            joint = (
                " "
                if re.search(r"[A-Za-z0-9]$", last.text)
                and re.match(r"[A-Za-z0-9]", text)
                and not _number_broken(last.text, text)
                else ""
            )
            last.text = last.text + joint + text
            last.raw = last.raw + joint + text
            if line.page != previous.page:
                joined_pages += 1
        else:
            page_break = previous is not None and line.page != previous.page
            blocks.append(Block(text=text, line=0, raw=text, page_break=page_break))
        previous = line
    return blocks, joined_pages, spaced


def _number_broken(before: str, after: str) -> bool:
    """ "到 202" then "5 年": a number the line broke, between Chinese words (a table's
    figures, "可再生能源 1373" then "3114 18%", go on with figures)."""
    return (
        re.search(r"[^\x00-\x7f]\s?[0-9.]+$", before) is not None
        and re.match(r"[0-9.]+\s?[^\x00-\x7f]", after) is not None
    )


def _continues(previous: PdfLine, line: PdfLine, frames: dict[int, _Frame], em: float) -> bool:
    """Does this line go on with the paragraph of the line before it?"""
    if not em or not line.size:
        return False  # no geometry: each line stands alone, as in a text copy
    before = previous.text.strip()
    text = line.text.strip()
    if _LABEL.fullmatch(before):
        return True  # a label alone on its line ("四、" then "保障措施")
    was, now = frames[previous.page], frames[line.page]
    if _LABEL.match(text):
        return False  # a false "2." at a line start is rejoined by the tree builder's number check
    if (
        min(previous.size, line.size) > 1.15 * em
        and not ends_sentence(before)
        and (_fills(previous, was) or _centred(previous, was))
        and not (_fills(line, now) and line.x0 > now.left + 1.2 * em)  # an indented full line
    ):
        # a title in large type, wrapped (a line wraps only when full or centred; the body
        # em of a plan with many small-type 专栏 boxes is the boxes' size)
        return abs(previous.size - line.size) < 0.2 * em
    if _centred(previous, was) and _centred(line, now):
        return not ends_sentence(before) and abs(previous.size - line.size) < 0.2 * em
    if line.x0 > now.left + 1.2 * em:
        return False  # indented: a new paragraph
    if not _fills(previous, was):
        return False  # a short line ends its paragraph
    if min(len(before), len(text)) < 4 or _FIGURE_GOES_ON.match(text):
        return True  # the boxes of a few characters (or digits) say little about their type size
    return abs(previous.size - line.size) < 0.25 * em or line.page != previous.page


def _fills(line: PdfLine, frame: _Frame) -> bool:
    return line.x1 >= frame.right - 1.5 * frame.em


def _centred(line: PdfLine, frame: _Frame) -> bool:
    left_gap, right_gap = line.x0 - frame.left, frame.right - line.x1
    return (
        left_gap > 2.5 * frame.em
        and right_gap > 2.5 * frame.em
        and abs(left_gap - right_gap) < 2.5 * frame.em
    )
