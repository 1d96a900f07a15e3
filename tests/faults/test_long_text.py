"""Text too long for a draft: refused with a message, never a hang (a 12-million-character
paragraph hung the window; the fault hunt pasted it and loaded it from a file)."""

from __future__ import annotations

import json

import pytest

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.model import MAX_PARAGRAPH
from app.core.draft.store.files import DraftFileError, draft_json, load_draft
from app.core.draft.tree import EditError


def test_pasting_a_paragraph_beyond_the_limit_is_refused_and_nothing_changes():
    draft = load_demo()
    measure = next(draft.measures())
    with pytest.raises(EditError) as caught:
        ops.set_shown_text(draft, measure.id, "很" * (MAX_PARAGRAPH + 1))
    assert "段落过长" in caught.value.one_line()


def test_a_title_beyond_the_limit_is_refused():
    draft = load_demo()
    with pytest.raises(EditError, match="标题过长"):
        ops.rename(draft, next(draft.measures()).id, "长" * 20_000)


def test_a_draft_file_with_a_twelve_million_character_paragraph_is_refused(tmp_path):
    data = json.loads(draft_json(load_demo()))
    data["chapters"][0]["paragraphs"] = ["字" * 12_000_000]
    path = tmp_path / "超长.peakplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DraftFileError) as caught:
        load_draft(path)
    assert "过长（最多 100000）" in " ".join(caught.value.problems)
