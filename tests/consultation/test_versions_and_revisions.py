"""Versions saved and read back; the 修改对照表 between them (issue 18, items 1 and 6)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import draft_json, parse_draft
from app.core.draft.tree import EditError
from app.core.readout.revision_table import revision_rows
from app.core.text.diff import sides
from app.export.package.revision_doc import revisions_bytes
from tests.consultation.helpers import NEW_MEASURE


def test_a_version_freezes_the_draft_and_the_cover_follows(revised):
    draft, _edits = revised
    assert [v.name for v in draft.versions] == ["征求意见稿 2023-08-15", "送审稿 2023-09-20"]
    assert draft.meta.stage == "送审稿"
    first = ops.version_draft(draft, 0)
    assert first.meta.stage == "征求意见稿" and first.versions == () and first.opinions == ()
    assert ops.version_draft(draft, "送审稿").chapters == draft.chapters
    assert ops.version_draft(draft, "1") == first
    # kept through a save and a load
    assert parse_draft(draft_json(draft).encode()).versions == draft.versions


def test_another_stage_is_the_versions_name_only():
    draft = ops.save_version(load_demo(), "印发稿", "2023-10-01")
    assert draft.meta.stage == load_demo().meta.stage
    assert draft.versions[-1].stage == "印发稿"
    with pytest.raises(EditError, match="日期"):
        ops.save_version(draft, "送审稿", "2023/10/01")
    with pytest.raises(EditError, match="没有名为"):
        ops.version_draft(draft, "征求意见稿")


def test_the_revision_rows_name_the_changed_paragraph_the_removed_and_the_new_measure(revised):
    draft, edits = revised
    rows = revision_rows(ops.version_draft(draft, 0), ops.version_draft(draft, 1))
    by_note = {row.note: row for row in rows}
    changed = next(r for r in rows if r.node_id == edits.changed_chapter)
    assert changed.note == "修改" and changed.place == "一第1段"
    assert [p.text for p in changed.revised if p.mark == "inserted"] == ["碳中和"]
    assert not [p for p in changed.original if p.mark == "deleted"]
    removed = next(r for r in rows if r.node_id == edits.removed)
    assert removed.note == "删除" and removed.revised == ()
    assert edits.removed_title in removed.original_text
    added = next(r for r in rows if r.node_id == edits.added)
    assert added.note == "新增" and NEW_MEASURE in added.revised_text
    assert "（责任单位：县发改局）" in added.revised_text  # printed, not stored tokens
    assert set(by_note) == {"修改", "删除", "新增"}
    # nothing else: the measures renumbered after the removal are not changes
    assert len(rows) == 3


def test_a_reordered_measure_is_said_so():
    draft = load_demo()
    action = draft.chapter("tasks").children[0]
    moved = ops.reorder(draft, action.children[2].id, 0)
    rows = revision_rows(draft, moved)
    assert [r.note for r in rows] == ["调整顺序"]


def test_changed_words_are_marked_by_characters():
    before, after = sides("严控煤炭消费", "严格控制煤炭消费")
    assert [(p.text, p.mark) for p in after if p.mark != "same"] == [
        ("格", "inserted"),
        ("制", "inserted"),
    ]
    before, _after = sides("加快建设新型电力系统", "建设电力系统")
    assert "".join(p.text for p in before if p.mark == "deleted") == "加快新型"


def test_the_revision_document_opens_with_its_rows_and_marks(revised):
    draft, _edits = revised
    data = revisions_bytes(
        draft,
        ops.version_draft(draft, 0),
        ops.version_draft(draft, 1),
        old_name="征求意见稿 2023-08-15",
        new_name="送审稿 2023-09-20",
    )
    doc = Document(io.BytesIO(data))
    assert "修改对照表" in doc.paragraphs[0].text
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "条款", "原文", "修改后", "修改说明"]
    assert len(table.rows) == 4
    runs = [r for p in table.rows[1].cells[3].paragraphs for r in p.runs]
    inserted = [r for r in runs if r.underline and r.bold]
    assert [r.text for r in inserted] == ["碳中和"]
