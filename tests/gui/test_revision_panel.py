"""The 上级已修订 tab beside the measure editor (issue 17): shown while the measure's parent
clause is revised, the old → new clause marked, 采用新文字 / 保留 / 已核对 each one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.drafts.test_parent_revised import (
    COUNTY_EDITS,
    PARENT_EDITS,
    county_node,
    drafted,
    revise,
)


def _open(window, tmp_path):
    from app.gui.document import DraftDocument

    draft = drafted()
    revise(tmp_path)
    window.plans.forget()
    window.set_document(DraftDocument(draft, None, window))
    return draft


def test_the_tab_shows_the_revision_and_takes_the_new_text_in_one_undo_step(window, tmp_path):
    draft = _open(window, tmp_path)
    editor = window.editor
    node = county_node(draft, "三.二.1")
    editor.show_node(node.id)
    assert editor.side.isTabVisible(2)
    assert editor.side.tabText(2) == "上级已修订"
    html = editor.revision.view.toHtml()
    assert "逐步" in html and "全面" in html and "line-through" in html
    stack = window.doc.stack
    steps = stack.count()
    QTest.mouseClick(editor.revision.take, Qt.MouseButton.LeftButton)
    assert stack.count() == steps + 1
    text = "".join(window.doc.draft.find(node.id).paragraphs)
    assert PARENT_EDITS["三.二.1"][1] in text and COUNTY_EDITS["三.二.1"][1] in text
    assert not editor.side.isTabVisible(2)  # nothing revised any more
    stack.undo()
    assert window.doc.draft.find(node.id) == draft.find(node.id)
    assert editor.side.isTabVisible(2)


def test_checked_keeps_the_text_and_an_unrevised_measure_has_no_tab(window, tmp_path):
    draft = _open(window, tmp_path)
    editor = window.editor
    unrevised = county_node(draft, "三.二.2")
    editor.show_node(unrevised.id)
    assert not editor.side.isTabVisible(2)
    node = county_node(draft, "三.六.2")
    editor.show_node(node.id)
    assert editor.side.isTabVisible(2)
    QTest.mouseClick(editor.revision.checked, Qt.MouseButton.LeftButton)
    assert window.doc.draft.find(node.id).paragraphs == node.paragraphs
    assert not editor.side.isTabVisible(2)
    assert window.doc.stack.undoText() == "已核对上级修订"


def test_a_removed_clause_offers_no_new_text(window, tmp_path):
    draft = _open(window, tmp_path)
    editor = window.editor
    editor.show_node(county_node(draft, "三.五.3").id)
    assert editor.side.isTabVisible(2)
    assert "已删去" in editor.revision.heading.text()
    assert not editor.revision.take.isEnabled()
