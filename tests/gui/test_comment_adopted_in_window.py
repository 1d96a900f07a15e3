"""意见处理 in the window: a comment giving its words is adopted with 采纳修改 (the text changed,
one undo step, the measure shown); one asking without words, marked 采纳 in the 处理 column,
leaves the measure an open question the editor lists."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from app.core.draft.consultation import Opinion
from app.gui.commands import push
from app.gui.models.opinions_model import DECISION, PLACE
from tests.gui.test_opinions_page import _choose


def _comments(window) -> tuple[Opinion, ...]:
    draft = window.doc.draft
    opinions = (
        Opinion(
            id="o1",
            unit="县发改局",
            kind="comment",
            node_id="n9",
            original="严控煤炭消费增量",
            comment="建议改为：严格控制煤炭消费增量",
        ),
        Opinion(
            id="o2",
            unit="县交通局",
            kind="comment",
            node_id="n19",
            original="逐步建立用能预算管理体系",
            comment="建议补充具体的时间安排",
        ),
    )
    push(window.doc, "导入意见", lambda d: d.model_copy(update={"opinions": opinions}))
    window.pages.setCurrentWidget(window.opinions)
    assert draft.find("n9").paragraphs[0].startswith("严控煤炭消费增量")
    return opinions


def _click_row(page, row: int) -> None:
    rect = page.table.visualRect(page.table.model().index(row, PLACE))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_adopting_a_comment_that_gives_its_words_changes_the_text(window, qtbot):
    _comments(window)
    page = window.opinions
    before = window.doc.draft
    _click_row(page, 0)
    assert page.adopt.isEnabled()
    QTest.mouseClick(page.adopt, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.doc.draft.find("n9").paragraphs[0].startswith("严格控制煤炭消费增量，")
    assert window.doc.draft.opinions[0].decision == "adopted"
    assert window.pages.currentWidget() is window.editor and window.editor.node_id == "n9"
    window.edits.undo_action.trigger()
    assert window.doc.draft == before


def test_a_comment_without_words_marked_adopted_leaves_an_open_question(window, qtbot):
    _comments(window)
    page = window.opinions
    table = page.table
    rect = table.visualRect(table.model().index(1, DECISION))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox)
    _choose(qtbot, box, "采纳")
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert window.doc.draft.opinions[1].decision == "adopted"
    _click_row(page, 1)
    QTest.mouseClick(page.go, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.editor.node_id == "n19"
    shown = window.editor.questions.list
    items = [shown.item(i).text() for i in range(shown.count())]
    assert any("已采纳意见，待按意见修改" in item for item in items), items
