"""Which page each paragraph of the body starts on: a line model of the house style, for the 目录.

The 目录 is a TOC field that Word and WPS refresh on open (w:updateFields), but
LibreOffice and every viewer that does not lay out the document show the
page numbers written into it, so they are worked out here as LibreOffice lays
the body out, without LibreOffice (an office PC may not have it):

- a line holds what fits its width: an East-Asian character is one em, a
  Latin letter or digit its Times New Roman width, each plus the style's
  character spacing; a run of Latin letters, digits and their punctuation
  ("2.5%", "2025") never breaks; between an East-Asian character and a Latin
  letter or digit the layout adds a little space (the autospace of Word's
  w:autoSpaceDE/DN, LibreOffice's Asian/non-Asian spacing);
- a closing mark never begins a line and an opening one never ends it; one
  comma or full stop may hang past the right margin;
- “”‘’—… take the script of the character before them;
- pages hold the grid's lines; a paragraph leaves at least two lines at the
  foot of a page and takes at least two to the next (widow and orphan
  control), a heading stays with the first lines of what follows.

Checked against LibreOffice 7.4 with the stand-in fonts (tests/export/test_toc.py):
every line count and every page of the demo and of drafts from each built-in
plan (612 paragraphs, 7 documents).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from app.export.content import Block
from app.export.style import HouseStyle

# Times New Roman advance widths in 1/1000 em (Liberation Serif has the same metrics).
_LATIN_CHARS = "".join(chr(c) for c in range(32, 127))
_LATIN_WIDTHS = (
    (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278)
    + (500,) * 10
    + (278, 278, 564, 564, 564, 444, 921)
    + (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889)
    + (722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611)
    + (333, 278, 333, 469, 500, 333)
    + (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778)
    + (500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444)
    + (480, 200, 480, 541)
)
_LATIN = dict(zip(_LATIN_CHARS, _LATIN_WIDTHS, strict=True))
_WEAK = {"“": 444, "”": 444, "‘": 333, "’": 333, "—": 1000, "…": 1000, "·": 250}
"""Marks that take the script of the character before them; their width when that is Latin."""
_NO_START = frozenset("，。、；：！？）》」』”’〕】〉%‰℃·…—,.;:!?)]}")
_NO_END = frozenset("（《「『“‘〔【〈([{")
_HANGING = frozenset("，。、；：！？,.")
AUTOSPACE_EM = 0.218
"""The space between an East-Asian character and a Latin letter or digit (measured: 3.49 pt at 16 pt)."""
_ORPHANS = _WIDOWS = 2
_SLACK = 0.01


_EAST_ASIAN_MARKS = _NO_START | _NO_END
_PLAIN = re.compile(
    "[^\x00-\x7f\u3000-\u303f\uff00-\uffff"
    + re.escape("".join(sorted(_EAST_ASIAN_MARKS | set(_WEAK))))
    + "]+"
)
"""East-Asian characters in a row (no marks): laid out a line at a time, not one by one."""
_CLOSING_MARKS = frozenset(c for c in _NO_START if ord(c) >= 0x80)
"""Closing marks that after an East-Asian character are one em wide each."""


_POSTFIX = frozenset("%‰℃")


def _breaks_before(text: str, i: int) -> bool:
    """ "达到【待定】%": LibreOffice may start a line with the % after a closing bracket (a
    postfix sign holds to a number, not to a mark)."""
    return text[i] in _POSTFIX and i > 0 and text[i - 1] in _CLOSING_MARKS


def _east_asian_kind(ch: str) -> str:
    """Q for an East-Asian mark (punctuation, full-width forms), A for a character."""
    code = ord(ch)
    if ch in _EAST_ASIAN_MARKS or 0x3000 <= code <= 0x303F or code >= 0xFF00:
        return "Q"
    return "A"


def line_starts(
    text: str,
    size: float,
    *,
    width: float,
    indent: float,
    spacing: float,
    sizes: Sequence[float] = (),
    ends: Sequence[int] = (),
) -> list[int]:
    """Where each line after the first begins, as offsets into `text` (one pass, no lists of
    characters: the 目录 needs this for every paragraph on every export).

    Characters are L (Latin letter or digit), P (Latin mark), A (East-Asian
    character) or Q (East-Asian mark). A Latin word is one unit; a closing
    mark joins the unit before it and an opening mark the one after, and the
    joined units (a group) go on a line together. `sizes` gives each
    character's size where a paragraph mixes sizes; `size` is used otherwise.
    `ends` are the offsets where a comment's words end: LibreOffice ends a text
    portion there, and the character before takes no character spacing (it
    spaces the characters within a portion, not after its last).
    """
    starts: list[int] = []
    limit = width + _SLACK
    x = indent
    line_start = 0
    last_kind = ""  # the kind of the character before
    # The group being gathered: where it starts, its width, the space before it, its last advance.
    g_start = g_end = -1
    g_width = g_lead = g_last = 0.0
    i, n = 0, len(text)
    ends = [*ends, n + 1]
    after_end = 0  # ends[after_end] is the first run end after i
    while i < n:
        while ends[after_end] <= i:
            after_end += 1
        bound = ends[after_end] - 1  # a run's last character goes one by one
        # A run of characters, each its own unit, goes where it fits a line at a time: all but
        # one that an opening mark before holds, one after a Latin word (the space between) and
        # the last when a closing mark follows it (the mark goes with it).
        plain = None
        if not sizes and last_kind != "L" and (g_start < 0 or text[g_end - 1] not in _NO_END):
            plain = _PLAIN.match(text, i, bound)
        if plain:
            if g_start >= 0:
                x, line_start = _settle(
                    text, starts, x, line_start, limit, g_start, g_end, g_width, g_lead, g_last
                )
                g_start = -1
            end = closing = plain.end()
            while closing < min(n, bound) and text[closing] in _CLOSING_MARKS:
                closing += 1
            em = size + spacing
            if closing == end and (end == n or text[end] not in _NO_START):
                x, line_start = _fill(starts, x, line_start, i, end, em, limit)
                last_kind, i = "A", end
                continue
            # The last character and the closing marks after it: one group, still to settle (a
            # Latin closing mark, "." or "%", joins it in the next step).
            x, line_start = _fill(starts, x, line_start, i, end - 1, em, limit)
            g_start, g_end, g_width, g_lead, g_last = (
                end - 1,
                closing,
                (closing - end + 1) * em,
                0.0,
                em,
            )
            last_kind, i = ("Q" if closing > end else "A"), closing
            continue
        ch = text[i]
        em = sizes[i] if sizes else size
        if ord(ch) < 0x80:
            j = i + 1
            if ch != " ":
                while j < n and ord(text[j]) < 0x80 and text[j] != " ":
                    j += 1
            first_kind = "L" if ch.isalnum() else "P"
            end_kind = "L" if text[j - 1].isalnum() else "P"
            advances = [_LATIN.get(c, 500) * em / 1000 + spacing for c in text[i:j]]
            wide, advance = sum(advances), advances[-1]
        else:
            j = i + 1
            if ch in _WEAK:
                if last_kind:
                    latin = last_kind in "LP"
                else:
                    after = next((c for c in text[j:] if c not in _WEAK), "")
                    latin = bool(after) and ord(after) < 0x80
                first_kind = "P" if latin else "Q"
                wide = (_WEAK[ch] * em / 1000 if latin else em) + spacing
            else:
                first_kind = _east_asian_kind(ch)
                wide = em + spacing
            end_kind, advance = first_kind, wide
        if bound < j:  # a run ends within or after this unit
            runs_ended = sum(1 for end in ends[after_end:] if end <= j)
            wide -= spacing * runs_ended
            if ends[after_end + runs_ended - 1] == j:
                advance -= spacing
        gap = AUTOSPACE_EM * em if {last_kind, first_kind} == {"A", "L"} else 0.0
        joins = g_start >= 0 and (
            (j - i == 1 and ch in _NO_START and not _breaks_before(text, i))
            or text[g_end - 1] in _NO_END
        )
        if joins:
            g_width += gap + wide
            g_end, g_last = j, advance
        else:
            if g_start >= 0:
                x, line_start = _settle(
                    text, starts, x, line_start, limit, g_start, g_end, g_width, g_lead, g_last
                )
            g_start, g_end, g_width, g_lead, g_last = i, j, gap + wide, gap, advance
        last_kind = end_kind
        i = j
    if g_start >= 0:
        _settle(text, starts, x, line_start, limit, g_start, g_end, g_width, g_lead, g_last)
    return starts


def _fill(
    starts: list[int], x: float, line_start: int, start: int, end: int, wide: float, limit: float
) -> tuple[float, int]:
    """Characters start..end-1 of one width, each its own unit, from x on: x and line start after."""
    count = end - start
    while count:
        fit = max(0, int((limit - x) // wide))
        if fit >= count:
            return x + count * wide, line_start
        start += fit
        count -= fit
        starts.append(start)
        line_start, x = start, 0.0
    return x, line_start


def _settle(
    text: str,
    starts: list[int],
    x: float,
    line_start: int,
    limit: float,
    start: int,
    end: int,
    wide: float,
    lead: float,
    last: float,
) -> tuple[float, int]:
    """A finished group on this line, or (a new line) at the start of the next: x and line start after it.

    A group whose only overflow is one comma or full stop at its end stays: the mark hangs.
    """
    fits = x + wide <= limit
    hangs = (
        end - start >= 2
        and text[end - 1] in _HANGING
        and text[end - 2] not in _NO_START
        and x + wide - last <= limit
    )
    if fits or hangs or start == line_start:
        return x + wide, line_start
    starts.append(start)
    return wide - lead, start


def line_breaks(
    text: str, size: float, *, width: float, indent: float, spacing: float
) -> list[str]:
    """The lines a paragraph of `text` fills, as text (for reading; see line_starts)."""
    cuts = [0, *line_starts(text, size, width=width, indent=indent, spacing=spacing), len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


def block_lines(block: Block, style: HouseStyle) -> int:
    """How many grid lines a block's paragraph takes (its spacing before and after not counted)."""
    page = style.page
    own = style.of(block.style)
    run_sizes = [style.of(run.style).size for run in block.runs]
    sizes = ()
    if len(set(run_sizes)) > 1:
        sizes = [size for run, size in zip(block.runs, run_sizes, strict=True) for _ in run.text]
    ends, offset = [], 0
    for run in block.runs[:-1]:
        offset += len(run.text)
        if run.closes:  # LibreOffice ends a text portion where a comment's words end
            ends.append(offset)
    lines = 1 + len(
        line_starts(
            block.text,
            run_sizes[0] if run_sizes else own.size,
            width=page.text_width_mm / 25.4 * 72,
            indent=own.indent_chars * own.size + own.left_chars * own.size,
            # Every style of the body is based on Normal and keeps its character spacing.
            spacing=page.char_spacing_pt,
            sizes=sizes,
            ends=ends,
        )
    )
    per_line = max(1, round(own.line_height_pt(page.line_pitch_pt) / page.line_pitch_pt))
    return lines * per_line


def start_pages(blocks: Sequence[Block], style: HouseStyle) -> list[int]:
    """The page (from 1) each block starts on, the blocks filling pages from the top of page 1."""
    per_page = style.page.lines_per_page
    sizes = [block_lines(block, style) for block in blocks]
    formats = [style.of(block.style) for block in blocks]
    pages: list[int] = []
    page, used = 1, 0.0
    i = 0
    while i < len(blocks):
        # A heading keeps with what follows it: the chain moves to a new page as one.
        last = i
        while formats[last].keep_with_next and last + 1 < len(blocks):
            last += 1
        tail = sizes[last] if sizes[last] < _ORPHANS + _WIDOWS else _ORPHANS
        need = sum(sizes[k] + formats[k].space_after_lines for k in range(i, last)) + tail
        if used and used + need > per_page:
            page, used = page + 1, 0.0
        for k in range(i, last + 1):
            used += formats[k].space_before_lines if used else 0
            page, used, first = _place(sizes[k], page, used, per_page)
            pages.append(first)
            used += formats[k].space_after_lines
            if used >= per_page:
                page, used = page + 1, used - per_page
        i = last + 1
    return pages


def _place(lines: int, page: int, used: float, per_page: int) -> tuple[int, float, int]:
    """A paragraph of `lines` placed `used` lines down `page`: the page and lines used after it,
    and the page it starts on (two lines at least on each side of a page break)."""
    if lines <= per_page - used:
        return page, used + lines, page
    here = min(int(per_page - used), lines - _WIDOWS)
    if here < _ORPHANS:  # too little room: the paragraph starts on the next page
        page += 1
        if lines <= per_page:
            return page, float(lines), page
        here = min(per_page, lines - _WIDOWS)
    first, rest = page, lines - here
    page += 1
    while rest > per_page:
        rest -= per_page
        page += 1
    return page, float(rest), first
