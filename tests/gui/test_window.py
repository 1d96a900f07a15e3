"""The drafting window's workflows, offscreen, through the widgets a user touches."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.draft.store.files import save_draft
from app.core.readout.render import rendered_nodes
from app.core.readout.task_rows import task_rows


def _measure(win, title):
    return next(m for m in win.doc.draft.measures() if m.title == title)


def _select(win, node_id):
    win.outline.select(node_id)
    win.select(node_id)


def test_first_start_shows_the_demo(window):
    assert window.doc.path is None
    assert [c.title for c in window.doc.draft.chapters] == [
        "总体要求",
        "主要目标",
        "重点任务",
        "保障措施",
    ]
    assert window.outline.model_.rowCount() == 4
    assert "平罗县碳达峰实施方案" in window.windowTitle()
    assert "平罗县碳达峰实施方案" in window.preview.toPlainText()
    assert window.parents.count() == 1  # the 宁夏 plan


def test_checking_a_parent_measure_takes_it_up_and_undo_removes_it(window, qtbot):
    tree = window.parents.tree("ningxia-region")
    item = tree.item_for("ningxia-region:三.一.4")  # 合理调控油气消费: not taken up by 平罗
    assert item.checkState(0) == Qt.CheckState.Unchecked
    before = len(list(window.doc.draft.walk()))
    item.setCheckState(0, Qt.CheckState.Checked)
    node = next(
        n
        for n in window.doc.draft.walk()
        if any(s.node == "ningxia-region:三.一.4" for s in n.sources)
    )
    assert len(list(window.doc.draft.walk())) == before + 1
    assert "全县" in "".join(node.paragraphs) or "全区" not in "".join(node.paragraphs)
    energy = next(
        a for a in window.doc.draft.chapter("tasks").children if a.title == "能源绿色低碳转型行动"
    )
    assert node.id in [c.id for c in energy.children]
    window.edits.undo_action.trigger()
    assert len(list(window.doc.draft.walk())) == before
    assert tree.item_for("ningxia-region:三.一.4").checkState(0) == Qt.CheckState.Unchecked


def test_editing_text_then_undo_restores_it(window, qtbot):
    measure = _measure(window, "大力发展新能源")
    _select(window, measure.id)
    original = window.doc.draft
    window.editor.text.setPlainText(
        window.editor.text.toPlainText() + "\n新增一段：建设县级光伏示范项目。"
    )
    qtbot.waitUntil(lambda: window.doc.draft is not original, timeout=3000)
    assert window.doc.draft.find(measure.id).paragraphs[-1] == "新增一段：建设县级光伏示范项目。"
    # the target mention survived the edit: the value still comes from the table
    assert (
        window.doc.draft.find(measure.id).paragraphs[0] == original.find(measure.id).paragraphs[0]
    )
    assert window.isWindowModified()
    window.edits.undo_action.trigger()
    assert window.doc.draft == original
    assert not window.isWindowModified()


def test_changing_the_lead_unit_changes_the_task_row_and_the_preview(window, qtbot):
    measure = _measure(window, "大力发展新能源")
    _select(window, measure.id)
    window.editor.lead.setCurrentText("县科技局")
    window.editor._lead_done()
    node = window.doc.draft.find(measure.id)
    assert node.responsibility.lead == "县科技局"
    row = next(r for r in task_rows(window.doc.draft) if r.node_id == measure.id)
    assert row.works[0].lead == "县科技局"
    window.preview.refresh()
    clause = next(r.clause for r in rendered_nodes(window.doc.draft) if r.node.id == measure.id)
    assert clause.startswith("（责任单位：县科技局") and clause in window.preview.toPlainText()


def test_export_through_the_dialog_writes_both_files(window, qtbot, tmp_path, monkeypatch):
    from app.gui.dialogs import export_dialog

    seen = {}

    def run_dialog(self):
        self.folder.setText(str(tmp_path))
        self.run()
        qtbot.waitUntil(
            lambda: self.result is not None or "失败" in self.status.text(), timeout=20000
        )
        seen["dialog"] = self
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", run_dialog)
    window.files.export()
    result = seen["dialog"].result
    assert result is not None
    Document(str(result.word))
    assert load_workbook(io.BytesIO(Path(result.excel).read_bytes()))["任务分工"][
        "A1"
    ].value.endswith("任务分工表")


def test_after_a_crash_the_next_start_offers_the_edits(window, qtbot, monkeypatch):
    from app.gui import app as gui_app

    measure = _measure(window, "大力发展新能源")
    from app.core import operations as ops
    from app.gui.commands import push

    push(window.doc, "重命名", ops.rename, measure.id, "大力发展可再生能源")
    window.files.autosave()  # the timer's work; then the process dies without closing
    offered = []
    monkeypatch.setattr(
        gui_app, "ask_recover", lambda _w, saved_at, title, where: offered.append(title) or True
    )
    again = gui_app.build_window()
    qtbot.addWidget(again)
    monkeypatch.setattr(again.files, "ask_to_save", lambda: "discard")
    try:
        assert offered == ["平罗县碳达峰实施方案"]
        assert again.doc.draft.find(measure.id).title == "大力发展可再生能源"
        assert again.doc.modified
    finally:
        again.shutdown()


def test_closing_with_unsaved_changes_asks(window, qtbot, monkeypatch):
    from app.core import operations as ops
    from app.gui.commands import push

    chapter = window.doc.draft.chapters[0]
    push(window.doc, "重命名", ops.rename, chapter.id, "总体思路")
    asked = []
    monkeypatch.setattr(window.files, "ask_to_save", lambda: asked.append(1) or "cancel")
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(window.files, "ask_to_save", lambda: "discard")
    assert window.close()


def test_opening_a_damaged_draft_shows_a_message_and_changes_nothing(window, tmp_path, monkeypatch):
    good = tmp_path / "好.peakplan"
    save_draft(window.doc.draft, good)
    damaged = tmp_path / "坏.peakplan"
    damaged.write_bytes(good.read_bytes()[:500])
    before = damaged.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    draft = window.doc.draft
    assert not window.files.open_path(damaged)
    assert shown and "坏.peakplan" in shown[0]
    assert damaged.read_bytes() == before
    assert window.doc.draft is draft


def test_peakplan_without_arguments_opens_the_window_and_stays_up(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PEAKPLAN_QUIT_AFTER_MS="2500",
        PEAKPLAN_DATA_DIR=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-m", "app"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr


def test_first_start_shows_a_measure_in_the_editor_and_preview(window):
    first = next(window.doc.draft.measures())
    assert window.editor.isEnabled() and window.editor.title.text() == first.title
    assert window.preview.current == first.id


def test_a_parent_measure_dropped_on_the_outline_is_taken_up_there(window):
    tasks = window.doc.draft.chapter("tasks")
    industry = next(a for a in tasks.children if a.title == "工业领域碳达峰行动")
    window.outline.parent_dropped.emit(
        "ningxia-region:三.三.4", industry.id, 0
    )  # 有色金属: dropped first
    action = window.doc.draft.find(industry.id)
    first = action.children[0]
    assert first.sources[0].node == "ningxia-region:三.三.4"
    assert (
        window.parents.tree("ningxia-region").item_for("ningxia-region:三.三.4").checkState(0)
        == Qt.CheckState.Checked
    )
    window.edits.undo_action.trigger()
    assert window.doc.draft.find(industry.id) == industry


def test_unsaved_work_is_autosaved_when_the_user_pauses(window, qtbot):
    from app.core import operations as ops
    from app.core.draft.store.files import find_recoveries
    from app.gui.commands import push

    window.files.idle.setInterval(50)
    push(window.doc, "重命名", ops.rename, window.doc.draft.chapters[0].id, "总体思路")
    qtbot.waitUntil(lambda: bool(find_recoveries()), timeout=3000)
    assert find_recoveries()[0].draft.chapters[0].title == "总体思路"


def test_new_draft_wizard_gives_what_peakplan_new_gives(window, monkeypatch, tmp_path):
    from app.cli import main
    from app.core.draft.store.files import load_draft

    def answer(wizard):
        wizard.county.setText("永宁县")
        wizard.city.setText("银川市")
        wizard.region.setText("宁夏回族自治区")
        wizard.plan.setCurrentIndex(wizard.plan.findData("yinchuan-city"))
        wizard._fill_actions()
        return True

    monkeypatch.setattr(window.files, "run_wizard", answer)
    window.files.new_draft()
    made = tmp_path / "永宁县.peakplan"
    assert (
        main(
            [
                "new",
                "--county",
                "永宁县",
                "--city",
                "银川市",
                "--region",
                "宁夏回族自治区",
                "--from",
                "yinchuan-city",
                "--all",
                "-o",
                str(made),
            ]
        )
        == 0
    )
    assert window.doc.draft == load_draft(made)
    assert window.parents.tree("yinchuan-city") is not None
