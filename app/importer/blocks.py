"""The common currency of the readers: a document as a list of text blocks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One paragraph of a source document, or one row of a table in it.

    `line` is where a user finds it: the line number of a .txt file, or the
    paragraph number of a .docx. Readers keep page breaks as blocks of their
    own so that the cleanup can rejoin paragraphs split by them.
    """

    text: str
    line: int
    raw: str = ""  # before normalisation: front matter needs the spaces between names
    cells: list[str] | None = None
    table: int | None = None
    style: str = ""
    outline_level: int | None = None
    page_break: bool = False
    tags: set[str] = field(default_factory=set)

    @property
    def is_row(self) -> bool:
        return self.cells is not None


@dataclass
class SourceDocument:
    """What a reader hands over: blocks plus what provenance needs to know."""

    name: str
    format: str
    sha256: str
    blocks: list[Block]
    notes: list[ImportNote] = field(default_factory=list)  # what the reader mended


@dataclass(frozen=True)
class ImportNote:
    """Something the importer guessed or mended, with where it happened."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}" if self.line else self.message
