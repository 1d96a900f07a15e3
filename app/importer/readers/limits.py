"""How much of a file the importer will read: every limit in one place (the README lists them).

A published plan is a few hundred paragraphs of at most a few thousand characters;
its Word body (word/document.xml) is a few MB. The limits sit far above that and
far below what would hang the app or exhaust memory, so a damaged or hostile file
is refused with a message saying which limit it broke instead of being read.
The size of the file itself is limited by `app.core.files.READ_LIMITS["plan-document"]`.
"""

from __future__ import annotations

MB = 1024 * 1024

MAX_TEXT_BYTES = 20 * MB
"""A .txt or web page (after MHTML decoding): a whole plan as text is well under 1 MB."""

MAX_PARAGRAPH_CHARS = 100_000
"""One paragraph (a line of a .txt): the longest published paragraph is a few thousand
characters. A longer one is refused, not cut: a plan read with a piece missing would
look complete; this is a file without line breaks or not a plan."""

MAX_DOCUMENT_CHARS = 5_000_000
"""All the text read from one file: fifty times the largest published plan."""

MAX_DOCX_PART_BYTES = 50 * MB
"""The uncompressed size of each part of a .docx that is read (word/document.xml, the
styles and the relationships), checked in the zip directory before inflating it.
Images and other parts are never read."""

MAX_COMPRESSION_RATIO = 100
"""How much more a .docx part may inflate than it is stored (Word's XML packs 5–20 to one);
checked for parts over RATIO_CHECKED_FROM bytes, where a zip bomb does its harm."""

RATIO_CHECKED_FROM = 1 * MB

MAX_ZIP_MEMBERS = 10_000
"""Parts listed in a .docx's zip directory (a plan with pictures has under a hundred)."""

MAX_HTML_DEPTH = 2_000
"""Levels of elements inside elements a web page is read to (libxml2's own bound, with
huge_tree, is 2,048; a page without the text below it is refused with a message)."""

MAX_MHTML_PARTS = 1_000
"""Parts (boundaries) of an MHTML archive: a saved page has one per image and style sheet."""

MAX_MHTML_DEPTH = 20
"""Levels of parts inside parts in an MHTML archive: a browser saves one or two."""

MAX_PLAN_ID_BYTES = 120
"""A plan id made from a file name (UTF-8 bytes, 40 Chinese characters): the library stores
the plan as `<id>.json` and writes it through a temporary `.<id>.json.<random>.tmp`, and
the id may get a number (-2) — all within the 255 bytes a file name may have."""

# ---------------------------------------------------------------- returned files (feedback)
# A county plan sent out for comment prints a few hundred paragraphs; a unit returns it with
# at most a few dozen comments and changes. Past any of these bounds the file is refused
# whole, with a message naming the bound, and the draft is not touched.

MAX_RETURNED_PARAGRAPHS = 5_000
"""Paragraphs in a returned Word file's body (the demo prints about 120, a large plan 500)."""

MAX_RETURNED_COMMENTS = 2_000
"""Comments (批注) in one returned file."""

MAX_RETURNED_CHANGES = 5_000
"""Tracked changes (w:ins, w:del and moves) in one returned file."""

MAX_RETURNED_ROWS = 5_000
"""Table rows in a returned Word file (all its tables), or rows of one sheet of a 反馈意见表
.xlsx: a form has a row per opinion, the 附件 task table a few hundred."""

MAX_RETURNED_CHARS = 1_000_000
"""Characters of text in a returned file's body, deleted words included (a plan: ~60,000)."""

MAX_COMPARED_CHARS = 20_000
"""One returned paragraph compared with the paragraph sent: the longest printed paragraph is a
few thousand characters, and comparing costs the product of the two lengths."""
