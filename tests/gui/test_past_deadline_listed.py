"""A deadline gone by, as of the draft's 成稿年月, is listed among the measure's 待定事项 with
why it is asked; answering is the county's own rewording (no buttons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core import operations as ops
from app.gui.commands import push

PAST = "到2022年，完成全部燃煤锅炉改造，到2030年，清洁取暖率达到95%。"


def test_the_editor_lists_a_past_deadline_with_its_reason(window, qtbot):
    draft = window.doc.draft
    measure = next(n for n in draft.walk() if n.level == 3 and n.paragraphs)
    push(window.doc, "改写", ops.set_paragraphs, measure.id, (PAST, *measure.paragraphs[1:]))
    window.editor.show_node(measure.id)
    shown = window.editor.questions.list
    items = [shown.item(i).text() for i in range(shown.count())]
    assert "【时限已过】到2022年" in items, items
    row = items.index("【时限已过】到2022年")
    rect = shown.visualItemRect(shown.item(row))
    QTest.mouseClick(shown.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.currentRow() == row
    assert "已是过去的时间" in window.editor.questions.message.text()
