"""A PDF whose font prints the decimal point as a private-use glyph beyond U+FFFF.

Fixture: PDFium's text and character boxes of a few real lines of the 青海
生态文明建设规划 (corpus 542, the foot of page 6 and the head of page 7). PDFium
counts the glyph U+1001B0 as two characters; the page used to lose its positions, so
its page number "— ７ —" was glued into the paragraph it cut and "９７.２％" read
"９７. ２％".
"""

from __future__ import annotations

import json

from app.core.text.normalise import compact
from app.importer.readers.pdf_reader import _page_lines
from app.importer.readers.reflow import reflow
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "importer" / "fixtures" / "pdf" / "qinghai_decimal_glyph_pages.json"


class _TextPage:
    def __init__(self, page: dict) -> None:
        self._page = page

    def count_chars(self) -> int:
        return len(self._page["boxes"])

    def get_text_range(self) -> str:
        return self._page["text"]

    def get_charbox(self, index: int) -> tuple[float, ...]:
        return tuple(self._page["boxes"][index])

    def close(self) -> None:
        pass


class _Page(_TextPage):
    def get_size(self) -> tuple[float, float]:
        return self._page["width"], self._page["height"]

    def get_textpage(self) -> _TextPage:
        return _TextPage(self._page)


def _blocks() -> list:
    pages = json.loads(FIXTURE.read_text(encoding="utf-8"))["pages"]
    document = [_Page(page) for page in pages]
    lines = [line for index in range(len(document)) for line in _page_lines(document, index)]
    blocks, _notes = reflow(lines)
    return blocks


def test_page_number_between_dashes_is_not_glued_into_the_paragraph_it_cuts():
    text = "".join(compact(block.text) for block in _blocks())
    assert "—７—" not in text
    assert "减排目标任务提前完成，大气污染防治工作重心" in text


def test_decimal_point_glyph_reads_as_a_point_with_no_space():
    text = "".join(block.text for block in _blocks())
    assert "９７.２％" in text
    assert "９２.１％" in text
    assert "７.５％" in text
