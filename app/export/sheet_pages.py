"""How the 任务分工 sheet prints: the scale that fits it one page wide, and where its pages break.

A 重点领域 cell is merged down its rows; printed across a page break, its
label shows on the first page only and the rows on the next page stand under
no area. So the sheet breaks its pages itself, by the heights it gave its rows:

- an area that fits on a page and would straddle the page's end starts a new
  page (a manual row break before it);
- an area longer than a page runs on, breaking only between measures (a
  measure's 序号 and 行动措施 are merged too), and each page's part of it is a
  merged cell of its own that repeats the label: every printed row stands
  under its area.

Excel ignores manual page breaks under "Fit to", so the sheet prints at a
scale worked out here to fit its columns one page wide (LAYOUT.md) rather
than by Fit to. The model is kept a little short of a full page, so that
Excel's and LibreOffice's own breaks never fall inside an area.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.export.style import PageStyle, SheetStyle

MM_PER_INCH = 25.4
PT_PER_INCH = 72
_MAX_DIGIT_PX = 7
"""Excel's column unit: the widest digit of the default font (Calibri 11) is 7 px at 96 dpi."""
_FIT = 0.97
"""Of the page's width and height, what the model fills (renderers round differently)."""


@dataclass(frozen=True)
class Span:
    """Lines first..last (0-based, inclusive) of the table's body."""

    first: int
    last: int

    def height(self, heights: Sequence[float]) -> float:
        return sum(heights[self.first : self.last + 1])


def column_points(width: float) -> float:
    """A column's printed width at 100 %, from its width in characters (Excel's pixel rule)."""
    pixels = math.trunc((256 * width + math.trunc(128 / _MAX_DIGIT_PX)) / 256 * _MAX_DIGIT_PX)
    return pixels * 0.75


def print_scale(widths: Sequence[float], page: PageStyle, sheet: SheetStyle) -> int:
    """The whole percentage at which the columns fit the landscape page's width (100 at most)."""
    printable = (page.height_mm / MM_PER_INCH - 2 * sheet.margin_side_in) * PT_PER_INCH
    table = sum(column_points(w) for w in widths)
    return max(10, min(100, math.floor(100 * printable * _FIT / table)))


def page_capacity(scale: int, title_rows: float, page: PageStyle, sheet: SheetStyle) -> float:
    """Sheet points of body rows a printed page holds, under the title rows repeated on it."""
    printable = (page.width_mm / MM_PER_INCH - 2 * sheet.margin_end_in) * PT_PER_INCH
    return printable * _FIT * 100 / scale - title_rows


def page_starts(
    heights: Sequence[float], areas: Sequence[Span], measures: Sequence[Span], capacity: float
) -> list[int]:
    """The lines that begin a new printed page: before an area that would straddle a page's end,
    and within an area longer than a page before a measure that would."""
    starts: list[int] = []
    used = 0.0
    for area in areas:
        height = area.height(heights)
        if height <= capacity:
            if used and used + height > capacity:
                starts.append(area.first)
                used = 0.0
            used += height
            continue
        for measure in (m for m in measures if area.first <= m.first <= area.last):
            height = measure.height(heights)
            if used and used + height > capacity:
                starts.append(measure.first)
                used = 0.0
            used = (used + height) % capacity if height > capacity else used + height
    return starts


def cut(span: Span, starts: Sequence[int]) -> list[Span]:
    """An area's lines in one piece per printed page (each piece merged and labelled)."""
    pieces = []
    first = span.first
    for start in starts:
        if span.first < start <= span.last:
            pieces.append(Span(first, start - 1))
            first = start
    pieces.append(Span(first, span.last))
    return pieces
