"""What "the same" means between a command's run and the window's: files and drafts."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.core.draft.store.files import load_draft
from app.export.word.document import word_document


def menu_action(window, title: str, text: str) -> QAction:
    """The entry `text` of the window's menu `title` (文件, 编辑 …), as a person finds it."""
    menu = next(
        m
        for m in window.menuBar().findChildren(QMenu)
        if m.title().replace("&", "").startswith(title)
    )
    found = [a for a in menu.actions() if a.text() == text]
    assert found, f"{title} › {text} not in {[a.text() for a in menu.actions()]}"
    return found[0]


def docx_text(path: Path) -> list[str]:
    """Every paragraph, table cell and comment of a Word file, in order."""
    doc = Document(str(path))
    text = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        text += [cell.text for row in table.rows for cell in row.cells]
    text += [c.text for c in doc.comments]
    return text


def xlsx_values(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def files_alike(one: Path, other: Path) -> list[str]:
    """The two folders hold files of the same names, each with the same text or cell values;
    the names."""
    names = sorted(p.name for p in one.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in other.iterdir() if not p.name.startswith("."))
    for name in names:
        if name.endswith(".docx"):
            assert docx_text(one / name) == docx_text(other / name), name
        elif name.endswith(".xlsx"):
            assert xlsx_values(one / name) == xlsx_values(other / name), name
        else:
            assert (one / name).read_bytes() == (other / name).read_bytes(), name
    return names


def _without_times(value):
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k != "saved_at"}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def draft_state(path: Path) -> dict:
    """The draft in the file, but when its versions were saved (the two runs differ by seconds)."""
    return _without_times(load_draft(path).model_dump(mode="json"))


def plan_state(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def returned_file(draft, path: Path) -> Path:
    """The draft's Word export as a unit sends it back: one long paragraph edited, untracked."""
    doc = Document(io.BytesIO(word_document(draft).data))
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 60 and "，" in p.text)
    run = next(r for r in paragraph.runs if "，" in r.text)
    run.text = run.text.replace("，", "、", 1)
    doc.save(path)
    return path
