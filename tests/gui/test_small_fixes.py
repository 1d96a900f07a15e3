"""The smaller things a user hit in a day at the desk (issue 27): Delete in a target cell,
the folder the Open and 比较版本 dialogs start in, 打印预览 with no PDF viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox


def _entry(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def test_delete_in_a_target_cell_clears_it_and_undo_brings_it_back(window, qtbot):
    draft = window.doc.draft
    target = next(t for t in draft.targets if t.indicator == "新能源发电总装机容量")
    before = target.year(2025)
    assert before.value
    window.pages.setCurrentWidget(window.targets)
    table = window.targets.table
    index = table.model().index(
        window.targets.row_of(target.id), window.targets.model.county_column(2025)
    )
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert window.doc.draft.target(target.id).year(2025).decision == "pending"
    assert index.data() in ("", "待定")
    assert window.doc.stack.count() == 1
    QTest.keyClick(table, Qt.Key.Key_Delete)  # nothing more to clear: no empty step
    assert window.doc.stack.count() == 1
    window.edits.undo_action.trigger()
    assert window.doc.draft.target(target.id).year(2025) == before


def test_open_starts_in_the_drafts_folder(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "县里" / "方案"
    folder.mkdir(parents=True)
    window.doc.save(folder / "阳朔.peakplan")
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1]
    )
    _entry(window, "打开(&O)…").trigger()
    assert Path(asked[0]) == folder


def test_compare_versions_offers_the_drafts_folder(window, qtbot, tmp_path, monkeypatch):
    from app.core import operations as ops
    from app.gui.actions import version_actions
    from app.gui.commands import push

    folder = tmp_path / "方案"
    folder.mkdir()
    window.doc.save(folder / "平罗.peakplan")
    push(window.doc, "保存版本", ops.save_version, "征求意见稿", "2026-12")
    offered = []

    def look(dialog) -> int:
        offered.append(dialog.folder.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(version_actions.CompareDialog, "exec", look)
    _entry(window, "比较版本…").trigger()
    assert Path(offered[0]) == folder


def test_print_preview_says_so_when_no_program_opens_the_pdf(window, qtbot, tmp_path, monkeypatch):
    from app.gui.actions import file_actions

    pdf = tmp_path / "平罗县碳达峰实施方案.pdf"
    monkeypatch.setattr(file_actions, "export_draft", lambda *a, **k: type("R", (), {"word": a[1]}))
    monkeypatch.setattr(file_actions, "to_pdf", lambda *a, **k: pdf)
    monkeypatch.setattr(file_actions, "open_file", lambda path: False)  # no PDF viewer
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    _entry(window, "导出 PDF（打印预览）…").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert str(pdf) in said[0] and "PDF" in said[0]


def test_an_opinion_on_a_whole_paragraph_shows_the_change_in_a_few_lines(window, qtbot):
    from app.core.draft.consultation import Opinion
    from app.gui.commands import push
    from app.gui.models.opinions_model import ORIGINAL, PROPOSED

    measure = next(m for m in window.doc.draft.measures() if m.title == "大力发展新能源")
    paragraph = measure.paragraphs[0]
    cut = len(paragraph) // 2
    proposed = paragraph[:cut] + "严格" + paragraph[cut:]
    opinions = tuple(
        Opinion(
            id=f"o{i}",
            unit=unit,
            kind="edit",
            node_id=measure.id,
            original=paragraph,
            proposed=proposed,
        )
        for i, unit in ((1, "县住建局"), (2, "县科技局"))
    )
    push(window.doc, "导入意见", lambda d: d.model_copy(update={"opinions": opinions}))
    window.pages.setCurrentWidget(window.opinions)
    table = window.opinions.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    shown = table.model().index(0, PROPOSED).data()
    assert "【严格】" in shown and len(shown) < 40
    assert "严格" not in table.model().index(0, ORIGINAL).data()
    assert table.model().index(0, ORIGINAL).data(Qt.ItemDataRole.ToolTipRole) == paragraph
    qtbot.wait(50)  # the rows take their heights once the columns settle
    line = table.fontMetrics().lineSpacing()
    assert table.rowHeight(0) <= 7 * line + 12  # a few lines, not the paragraph
    # the words put in are painted green
    cell = table.viewport().grab(table.visualRect(table.model().index(0, PROPOSED))).toImage()
    colours = {
        cell.pixelColor(x, y).name() for x in range(cell.width()) for y in range(cell.height())
    }
    assert "#c8f0c8" in colours
    # the second opinion is on screen, not below the fold
    assert table.rowViewportPosition(1) + table.rowHeight(1) <= table.viewport().height()
