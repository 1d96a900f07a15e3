"""意见处理 page: opinions sent back, decided with the mouse and keys, filtered, counted,
conflicts shown side by side, adopted into the text, imported through the menu."""

from __future__ import annotations

import re
import sys
import types

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from app.core.draft.consultation import Opinion
from app.core.errors import PeakPlanError
from app.core.readout.render import labels
from app.gui.commands import push
from app.gui.models.opinions_model import CONFLICT, CONFLICT_TINT, DECISION, PLACE, REASON, UNIT
from tests.gui.helpers import edit_cell


def _plain_words(text: str) -> str:
    """Some words of a paragraph with no target mention or markup in them."""
    runs = re.findall(r"[\u4e00-\u9fff]{8,}", text)
    return max(runs, key=len)[:8]


def _opinions(draft) -> tuple[Opinion, ...]:
    first, second = list(draft.measures())[:2]
    words = _plain_words(first.paragraphs[0])
    return (
        Opinion(
            id="o1",
            unit="县住建局",
            kind="edit",
            node_id=first.id,
            original=words,
            proposed=words[:4] + "全面" + words[4:],
            source="住建局.docx",
        ),
        Opinion(
            id="o2",
            unit="县发改局",
            kind="deletion",
            node_id=first.id,
            original=words[2:6],
            proposed="",
            source="发改局.docx",
        ),
        Opinion(
            id="o3",
            unit="县交通局",
            kind="comment",
            node_id=second.id,
            original="",
            comment="建议补充公交电动化的年度目标",
        ),
        Opinion(id="o4", unit="县水务局", kind="none", node_id="", place="draft"),
    )


def _with_opinions(window) -> tuple[Opinion, ...]:
    opinions = _opinions(window.doc.draft)
    push(window.doc, "导入意见", lambda d: d.model_copy(update={"opinions": opinions}))
    window.pages.setCurrentWidget(window.opinions)
    return opinions


def _cell(page, row: int, column: int) -> str:
    return page.table.model().index(row, column).data()


def _rows(page) -> list[str]:
    model = page.table.model()
    return [model.index(r, UNIT).data() for r in range(model.rowCount())]


def _choose(qtbot, box: QComboBox, text: str) -> None:
    """Open a drop-down with the mouse and click the entry."""
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    row = box.findText(text)
    assert row >= 0, text
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if view.isVisible():  # Qt ignores a release this soon after the popup opened: Enter picks it
        assert view.currentIndex().row() == row
        QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert box.currentText() == text


def test_the_page_shows_every_opinion(window):
    opinions = _with_opinions(window)
    page = window.opinions
    draft = window.doc.draft
    first = draft.find(opinions[0].node_id)
    assert _rows(page) == ["县住建局", "县发改局", "县交通局", "县水务局"]
    assert _cell(page, 0, PLACE) == labels(draft)[first.id] + first.title
    assert _cell(page, 3, PLACE) == "全文"
    assert _cell(page, 0, 3) == opinions[0].original
    words = opinions[0].original  # the change marked where it is
    assert _cell(page, 0, 4) == words[:4] + "【全面】" + words[4:]
    assert _cell(page, 1, 4) == f"删除“{opinions[1].original}”"
    assert _cell(page, 2, 4) == "建议补充公交电动化的年度目标"
    assert _cell(page, 3, 4) == "无意见"
    assert _cell(page, 0, DECISION) == "待处理"


def test_counts_on_the_status_bar(window):
    assert not window.opinions.counts.text()  # no opinions yet: nothing said
    _with_opinions(window)
    assert window.opinions.counts.text() == "意见 4 条：待处理 4"
    assert window.opinions.counts.isVisibleTo(window)


def test_a_conflict_is_marked_and_shown_side_by_side(window, qtbot):
    _with_opinions(window)
    page = window.opinions
    assert _cell(page, 0, CONFLICT) == "与第2条冲突"
    assert _cell(page, 1, CONFLICT) == "与第1条冲突"
    assert not _cell(page, 2, CONFLICT)
    assert page.table.model().index(0, 2).data(Qt.ItemDataRole.BackgroundRole) == CONFLICT_TINT
    rect = page.table.visualRect(page.table.model().index(0, 3))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = page.detail.toPlainText()
    assert "县住建局" in detail and "县发改局" in detail and "同一处文字" in detail


def test_filters_narrow_the_rows(window, qtbot):
    opinions = _with_opinions(window)
    page = window.opinions
    _choose(qtbot, page.units, "县交通局")
    assert _rows(page) == ["县交通局"]
    _choose(qtbot, page.units, "全部单位")
    first = window.doc.draft.find(opinions[0].node_id)
    _choose(qtbot, page.places, labels(window.doc.draft)[first.id] + first.title)
    assert _rows(page) == ["县住建局", "县发改局"]
    _choose(qtbot, page.places, "全文")
    assert _rows(page) == ["县水务局"]
    _choose(qtbot, page.places, "全部位置")
    _choose(qtbot, page.decisions, "采纳")
    assert _rows(page) == []
    _choose(qtbot, page.decisions, "待处理")
    assert len(_rows(page)) == 4


def test_double_click_goes_to_the_measure(window, qtbot):
    opinions = _with_opinions(window)
    page = window.opinions
    rect = page.table.visualRect(page.table.model().index(2, PLACE))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.editor
    assert window.editor.node_id == opinions[2].node_id


def test_a_decision_from_the_list_and_a_reason_then_undo(window, qtbot):
    _with_opinions(window)
    page = window.opinions
    table = page.table
    index = table.model().index(2, DECISION)
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox)
    _choose(qtbot, box, "不采纳")
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert window.doc.draft.opinions[2].decision == "rejected"
    assert _cell(page, 2, DECISION) == "不采纳"
    edit_cell(qtbot, table, 2, REASON, "年度目标由专项方案确定")
    assert window.doc.draft.opinions[2].reason == "年度目标由专项方案确定"
    assert window.opinions.counts.text() == "意见 4 条：待处理 3，不采纳 1"
    window.activateWindow()  # a shortcut answers in the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft.opinions[2].reason == ""
    assert window.doc.draft.opinions[2].decision == "rejected"
    QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft.opinions[2].decision == "pending"
    assert _cell(page, 2, DECISION) == "待处理"
    assert window.opinions.counts.text() == "意见 4 条：待处理 4"


def test_the_unit_is_edited_in_place(window, qtbot):
    _with_opinions(window)
    edit_cell(qtbot, window.opinions.table, 3, UNIT, "县水务局（含水利站）")
    assert window.doc.draft.opinions[3].unit == "县水务局（含水利站）"
    window.edits.undo_action.trigger()
    assert window.doc.draft.opinions[3].unit == "县水务局"


def test_adopting_an_edit_changes_the_text_and_shows_the_measure(window, qtbot):
    opinions = _with_opinions(window)
    page = window.opinions
    before = window.doc.draft
    rect = page.table.visualRect(page.table.model().index(0, 3))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseClick(page.adopt, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    measure = window.doc.draft.find(opinions[0].node_id)
    assert opinions[0].proposed in measure.paragraphs[0]
    assert window.doc.draft.opinions[0].decision == "adopted"
    assert window.pages.currentWidget() is window.editor
    assert window.editor.node_id == measure.id
    window.edits.undo_action.trigger()
    assert window.doc.draft == before


def _stand_in_reader(monkeypatch, read) -> None:
    """app.feedback.reader as a module holding `read` (the page imports it when it reads)."""
    module = types.ModuleType("app.feedback.reader")
    module.read_feedback = read
    monkeypatch.setitem(sys.modules, "app.feedback.reader", module)


def test_import_through_the_menu_one_undo_step_a_file(window, qtbot, monkeypatch, tmp_path):
    """Files from the dialog read in workers (a stand-in reader here), each file's opinions one
    command, unmatched paragraphs and failures told in one message."""
    opinions = _opinions(window.doc.draft)

    def read(path, draft, unit=None):
        if path.name == "坏文件.docx":
            raise PeakPlanError("不是 Word 文件")
        mine = [o for o in opinions if o.source == path.name]
        return types.SimpleNamespace(
            opinions=mine, unmatched=["一段找不到的文字"], notes=[], repeated=[]
        )

    _stand_in_reader(monkeypatch, read)
    files = [tmp_path / "住建局.docx", tmp_path / "发改局.docx", tmp_path / "坏文件.docx"]
    monkeypatch.setattr(window.opinion_actions, "ask_files", lambda: [str(p) for p in files])
    told: list[str] = []
    monkeypatch.setattr(window.opinion_actions, "tell", told.append)
    before = window.doc.draft
    window.opinion_actions.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert {o.unit for o in window.doc.draft.opinions} == {"县住建局", "县发改局"}
    assert window.pages.currentWidget() is window.opinions
    assert len(_rows(window.opinions)) == 2
    assert "住建局.docx：意见 1 条" in told[0]
    assert "一段找不到的文字" in told[0]
    assert "坏文件.docx：无法导入（不是 Word 文件）" in told[0]
    window.edits.undo_action.trigger()
    assert len(window.doc.draft.opinions) == 1
    window.edits.undo_action.trigger()
    assert window.doc.draft == before


def test_files_dropped_on_the_page_are_imported(window, qtbot, monkeypatch, tmp_path):
    opinions = _opinions(window.doc.draft)
    _stand_in_reader(
        monkeypatch,
        lambda path, draft, unit=None: types.SimpleNamespace(
            opinions=[opinions[2]], unmatched=[], notes=[], repeated=[]
        ),
    )
    told: list[str] = []
    monkeypatch.setattr(window.opinion_actions, "tell", told.append)
    window.pages.setCurrentWidget(window.opinions)
    page = window.opinions
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "交通局.docx"))])
    at = QPointF(page.table.geometry().center())
    for event in (
        QDragEnterEvent(
            at.toPoint(),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
        QDropEvent(
            at,
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    ):
        QApplication.sendEvent(page, event)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert [o.unit for o in window.doc.draft.opinions] == ["县交通局"]


def _returned_demo(window, tmp_path):
    """The demo exported to Word, one measure's words edited as a unit would in Word."""
    from docx import Document

    from app.export.word.document import word_bytes

    sent = tmp_path / "征求意见稿.docx"
    sent.write_bytes(word_bytes(window.doc.draft, comments=False))
    measure = next(m for m in window.doc.draft.measures() if m.title == "大力发展新能源")
    words = "进一步整合土地资源"
    document = Document(str(sent))
    paragraph = next(p for p in document.paragraphs if words in p.text)
    for run in paragraph.runs:
        run.text = run.text.replace(words, "依法依规整合土地资源")
    assert "依法依规整合土地资源" in paragraph.text
    returned = tmp_path / "县自然资源局.docx"
    document.save(str(returned))
    return measure, returned


def test_a_returned_demo_file_imported_then_adopted(window, qtbot, monkeypatch, tmp_path):
    measure, returned = _returned_demo(window, tmp_path)
    monkeypatch.setattr(window.opinion_actions, "ask_files", lambda: [str(returned)])
    told: list[str] = []
    monkeypatch.setattr(window.opinion_actions, "tell", told.append)
    window.opinion_actions.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    found = [o for o in window.doc.draft.opinions if o.node_id == measure.id]
    assert found, told
    assert any("依法依规" in o.proposed for o in found)
    page = window.opinions
    page.select_opinion(found[0].id)
    QTest.mouseClick(page.adopt, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert "依法依规整合土地资源" in "".join(window.doc.draft.find(measure.id).paragraphs)
    assert window.editor.node_id == measure.id


def test_the_changes_listed_adopted_at_once(window, qtbot):
    """A unit's own edits (本单位修改) filtered to that unit and adopted as one undo step."""
    opinions = _with_opinions(window)
    before = window.doc.draft
    _choose(qtbot, window.opinions.units, "县住建局")
    window.opinion_actions.actions["adopt_shown"].trigger()
    after = window.doc.draft
    assert [o.decision for o in after.opinions] == ["adopted", "pending", "pending", "pending"]
    assert opinions[0].proposed in after.find(opinions[0].node_id).paragraphs[0]
    window.edits.undo_action.trigger()
    assert window.doc.draft == before


def test_exporting_from_the_window_keeps_the_draft_as_sent(window, qtbot, tmp_path, monkeypatch):
    """The Word draft exported from the window is kept with the draft (one undoable step), so a
    copy returned after further edits is read against what went out."""
    import zipfile

    from app.gui.dialogs import export_dialog

    seen = {}

    def run_dialog(self):
        self.folder.setText(str(tmp_path))
        qtbot.mouseClick(
            self.buttons.button(self.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(
            lambda: self.result is not None or "失败" in self.status.text(), timeout=20000
        )
        seen["dialog"] = self
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", run_dialog)
    assert window.doc.draft.sent == ()
    window.files.export()
    word = seen["dialog"].result.word
    with zipfile.ZipFile(word) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    (kept,) = window.doc.draft.sent
    assert kept.mark in custom
    assert window.doc.stack.undoText() == "记录发出的文稿"


def test_adopting_the_listed_changes_adopts_what_it_can_and_says_why_not(window, qtbot):
    """Issue 28: one change that cannot be made no longer stops the others."""
    good = _opinions(window.doc.draft)[0]
    gone = good.model_copy(update={"id": "o2", "original": "方案中没有的文字", "proposed": "别的"})
    second = list(window.doc.draft.measures())[1]
    words = _plain_words(second.paragraphs[0])
    form_row = Opinion(  # a 反馈意见表 row read into a change
        id="o3",
        unit="县工信局",
        kind="table",
        node_id=second.id,
        original=words,
        proposed=words + "（表）",
        comment="建议修改",
    )
    opinions = (good, gone, form_row)
    push(window.doc, "导入意见", lambda d: d.model_copy(update={"opinions": opinions}))
    window.pages.setCurrentWidget(window.opinions)
    window.opinion_actions.actions["adopt_shown"].trigger()
    after = window.doc.draft
    assert [o.decision for o in after.opinions] == ["adopted", "pending", "adopted"]
    assert good.proposed in after.find(good.node_id).paragraphs[0]
    assert words + "（表）" in after.find(second.id).paragraphs[0]
    said = window.opinions.message.text()
    assert "1 条无法采纳" in said and "已不在方案中" in said


def test_the_export_dialog_warns_of_opinions_still_pending(qtbot, tmp_path):
    from app.core.draft.demo import load_demo
    from app.core.plans.resolver import PlanResolver
    from app.gui.dialogs.export_dialog import ExportDialog

    draft = load_demo()
    draft = draft.model_copy(update={"opinions": _opinions(draft)})
    dialog = ExportDialog(draft, str(tmp_path), PlanResolver.library())
    qtbot.addWidget(dialog)
    dialog.word.setChecked(False)
    dialog.excel.setChecked(False)
    dialog.crosswalk.setChecked(True)
    dialog.run()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert "3 条反馈意见待处理" in dialog.status.text()
