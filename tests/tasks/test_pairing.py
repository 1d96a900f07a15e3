"""Every `peakplan` command and its menu entry do the same (issue 22).

A table pairs each command with the window's entry for it. Each pair runs on copies of the
same draft: once through the command line (`main`), once through the window — the menu
entry triggered, its dialog driven by clicks and typing, a file chooser answered at the
QFileDialog call only — and the two must give the same files (same names; the same text in
the .docx, the same cell values in the .xlsx) and the same draft. A command added to the
parser without a pair here fails the first test.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTableWidget,
    QWizard,
)

from app.cli import build_parser, main
from app.core.draft.store.files import load_draft, save_draft
from tests.conftest import SEEDS
from tests.gui.helpers import type_text
from tests.tasks.alike import draft_state, files_alike, menu_action, plan_state, returned_file

# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Pair:
    command: str
    """The command line as typed (its first word is the subcommand)."""
    menu: tuple[tuple[str, str], ...]
    """The window's entries doing the same: (menu title, entry text), in the order used."""
    run: Callable[..., None]


def _cli(capsys, *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().out


def _copies(tmp_path: Path, draft) -> tuple[Path, Path]:
    """The same draft file twice: one for the command, one for the window."""
    cli, gui = tmp_path / "cli", tmp_path / "gui"
    cli.mkdir()
    gui.mkdir()
    save_draft(draft, cli / "d.peakplan")
    shutil.copy(cli / "d.peakplan", gui / "d.peakplan")
    return cli / "d.peakplan", gui / "d.peakplan"


def _open(window, path: Path) -> None:
    assert window.files.open_path(path)
    assert window.doc.path == path


def _wait(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not getattr(window, "running_tasks", []), timeout=60_000)


def _told(window, monkeypatch) -> list[str]:
    """What the task entries tell the user (their message box), in order."""
    told: list[str] = []
    monkeypatch.setattr(window.task_actions, "tell", lambda _title, text: told.append(text))
    return told


def _save_window(window, qtbot) -> None:
    """文件 › 保存 through its shortcut, as a person saves (in the window, the dialogs gone)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keySequence(window, Qt.Modifier.CTRL | Qt.Key.Key_S)
    assert not window.doc.modified


# ---------------------------------------------------------------- the pairs


def run_plans(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    code, out = _cli(capsys, "plans")
    menu_action(window, "文件", "方案库…").trigger()
    table = window.task_actions.library_dialog.findChild(QTableWidget)
    shown = [
        "\t".join(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]
    assert code == 0 and shown == out.splitlines()
    assert any(line.startswith("yinchuan-city\t[内置]") for line in shown)
    window.task_actions.library_dialog.reject()


def run_import_plan(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    source = SEEDS["ningdong-base"]
    libraries = tmp_path / "cli-library", tmp_path / "gui-library"
    monkeypatch.setenv("PEAKPLAN_DATA_DIR", str(libraries[0]))
    code, out = _cli(capsys, "import-plan", source)
    assert code == 0 and "已保存：" in out
    monkeypatch.setenv("PEAKPLAN_DATA_DIR", str(libraries[1]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    menu_action(window, "文件", "导入上级方案(&I)…").trigger()
    qtbot.waitUntil(lambda: not window.imports.jobs, timeout=60_000)
    assert asked, "the window offers the imported plan as a parent"
    cli_plans = sorted(p.relative_to(libraries[0]) for p in libraries[0].rglob("*.json"))
    gui_plans = sorted(p.relative_to(libraries[1]) for p in libraries[1].rglob("*.json"))
    assert cli_plans == gui_plans and len(cli_plans) == 1
    assert plan_state(libraries[1] / gui_plans[0]) == plan_state(libraries[0] / cli_plans[0])


def run_new(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    made = tmp_path / "cli.peakplan"
    code, out = _cli(
        capsys,
        *("new", "--county", "永宁县", "--city", "银川市", "--region", "宁夏回族自治区"),
        *("--from", "yinchuan-city", "--all", "--drafter", "某设计院", "-o", made),
    )
    assert code == 0 and "已创建" in out

    def drive(wizard) -> int:
        wizard.show()
        type_text(wizard.county, "永宁县")
        wizard.city.clear()
        type_text(wizard.city, "银川市")
        wizard.region.clear()
        type_text(wizard.region, "宁夏回族自治区")
        type_text(wizard.drafted, "某设计院")
        for _page in range(2):
            QTest.mouseClick(
                wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton
            )
        wizard.plan.setCurrentIndex(wizard.plan.findData("yinchuan-city"))
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        QTest.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        return wizard.result()

    from app.gui.dialogs.wizard import NewDraftWizard

    monkeypatch.setattr(NewDraftWizard, "exec", drive)
    menu_action(window, "文件", "新建(&N)").trigger()
    saved = tmp_path / "gui.peakplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    _save_window(window, qtbot)
    assert draft_state(saved) == draft_state(made)


def run_new_as_is(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    made = tmp_path / "cli.peakplan"
    argv = ("new", "--from-plan", "yinchuan-city", "--as-is", "-o", made)
    assert _cli(capsys, *argv)[0] == 0

    def drive(dialog: QInputDialog) -> int:
        dialog.show()
        box = dialog.findChild(QComboBox)
        box.setCurrentIndex(next(i for i in range(box.count()) if "银川市" in box.itemText(i)))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(QInputDialog, "exec", drive)
    menu_action(window, "文件", "按原样打开方案…").trigger()
    _wait(qtbot, window)
    saved = tmp_path / "gui.peakplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    _save_window(window, qtbot)
    assert draft_state(saved) == draft_state(made)
    assert load_draft(saved).meta.document_title.startswith("银川市")


def _export_dialog(window, qtbot, monkeypatch, folder: Path, *, clicked: tuple[str, ...]):
    """文件 › 导出…: the folder typed, the boxes named clicked, 导出 clicked."""
    from app.gui.dialogs.export_dialog import ExportDialog

    monkeypatch.setattr(window.files, "ask_preflight", lambda _summary: "continue")

    def drive(dialog: ExportDialog) -> int:
        dialog.show()
        dialog.folder.clear()
        type_text(dialog.folder, str(folder))
        for name in clicked:
            box = getattr(dialog, name)
            was = box.isChecked()
            # on the box itself, at its left: a form row is wider than the box and its words
            QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
            assert box.isChecked() != was, name
        monkeypatch.setattr(dialog, "ask_create", lambda _f: QMessageBox.StandardButton.Yes)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result is not None or "失败" in dialog.status.text())
        assert dialog.result is not None, dialog.status.text()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", drive)
    menu_action(window, "文件", "导出(&E)…").trigger()


def _exported(
    window, qtbot, tmp_path, capsys, monkeypatch, *flags: str, draft=None
) -> tuple[Path, Path]:
    draft_cli, draft_gui = _copies(tmp_path, draft or _consulted())
    out_cli, out_gui = tmp_path / "out-cli", tmp_path / "out-gui"
    code, _out = _cli(capsys, "export", draft_cli, "-o", out_cli, *flags)
    assert code == 0
    _open(window, draft_gui)
    boxes = {"--package": "package", "--clean": "comments", "--word-only": "excel"}
    _export_dialog(window, qtbot, monkeypatch, out_gui, clicked=tuple(boxes[f] for f in flags))
    return out_cli, out_gui


def run_export(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    """Both with their open questions as comments, then both --clean (附批注 unticked)."""
    from tests.export.test_comments import asked_draft

    draft, _questions = asked_draft()
    out_cli, out_gui = _exported(window, qtbot, tmp_path, capsys, monkeypatch, draft=draft)
    names = files_alike(out_cli, out_gui)
    assert len(names) == 2 and Document(str(out_gui / names[0])).comments
    for folder in (tmp_path / "cli", tmp_path / "gui", out_cli, out_gui):
        shutil.rmtree(folder)
    out_cli, out_gui = _exported(
        window, qtbot, tmp_path, capsys, monkeypatch, "--clean", draft=draft
    )
    names = files_alike(out_cli, out_gui)
    assert len(names) == 2 and not Document(str(out_gui / names[0])).comments


def run_export_word_only(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    out_cli, out_gui = _exported(window, qtbot, tmp_path, capsys, monkeypatch, "--word-only")
    assert [name[-5:] for name in files_alike(out_cli, out_gui)] == [".docx"]


def run_export_package(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    out_cli, out_gui = _exported(window, qtbot, tmp_path, capsys, monkeypatch, "--package")
    names = files_alike(out_cli, out_gui)
    for what in ("意见采纳情况表.docx", "意见采纳情况表.xlsx", "修改对照表", "修订稿", "起草说明"):
        assert any(what in name for name in names), (what, names)


def run_package_menu(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    """意见处理 › 导出送审材料… writes the package alone: the package files of --package."""
    draft_cli, draft_gui = _copies(tmp_path, _consulted())
    out_cli, out_gui = tmp_path / "out-cli", tmp_path / "out-gui"
    assert _cli(capsys, "export", draft_cli, "-o", out_cli, "--package")[0] == 0
    _open(window, draft_gui)
    told = _told(window, monkeypatch)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out_gui))
    menu_action(window, "意见处理", "导出送审材料(&S)…").trigger()
    _wait(qtbot, window)
    main_files = {p.name for p in out_cli.iterdir()} - {p.name for p in out_gui.iterdir()}
    title = window.doc.draft.meta.document_title
    assert main_files == {f"{title}.docx", f"{title}任务分工表.xlsx"}
    for name in main_files:
        (out_cli / name).unlink()
    files_alike(out_cli, out_gui)
    assert told and "已导出" in told[0]


def run_check(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    draft_cli, draft_gui = _copies(tmp_path, _consulted())
    code, out = _cli(capsys, "check", draft_cli)
    _open(window, draft_gui)
    told = _told(window, monkeypatch)
    menu_action(window, "编辑", "检查全文(&K)…").trigger()
    _wait(qtbot, window)
    assert told == [out.rstrip("\n")]
    assert "个错误" in told[0] and code in (0, 1)


def run_version(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    draft_cli, draft_gui = _copies(tmp_path, _consulted())
    code, out = _cli(capsys, "version", draft_cli, "--save", "报批稿", "--date", "2023-10-08")
    assert code == 0
    _open(window, draft_gui)
    from app.gui.actions.version_actions import VersionDialog

    def drive(dialog: VersionDialog) -> int:
        dialog.show()
        dialog.stage.lineEdit().selectAll()
        type_text(dialog.stage.lineEdit(), "报批稿")
        dialog.date.setDate(QDate(2023, 10, 8))
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(VersionDialog, "exec", drive)
    menu_action(window, "文件", "保存版本(&V)…").trigger()
    assert window.statusBar().currentMessage() == out.strip()
    _save_window(window, qtbot)
    assert draft_state(draft_gui) == draft_state(draft_cli)


def _versions_dialog(window):
    menu_action(window, "文件", "版本列表…").trigger()
    dialog = window.versions.dialog
    table = dialog.table
    shown = [
        "\t".join(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]
    return dialog, shown


def run_versions(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    draft_cli, draft_gui = _copies(tmp_path, _consulted())
    code, out = _cli(capsys, "versions", draft_cli)
    _open(window, draft_gui)
    dialog, shown = _versions_dialog(window)
    assert code == 0 and shown == out.splitlines()
    assert len(shown) == 2  # two versions
    dialog.reject()


def run_version_drop(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    """`version --drop 1` ↔ 版本列表… › the first row › 删除版本…, asked first, naming it."""
    draft_cli, draft_gui = _copies(tmp_path, _consulted())
    code, out = _cli(capsys, "version", draft_cli, "--drop", "1")
    assert code == 0 and "已删去版本：征求意见稿 2023-08-15" in out
    _open(window, draft_gui)
    before = window.doc.draft
    dialog, _shown = _versions_dialog(window)
    assert not dialog.drop.isEnabled()  # nothing chosen yet
    rect = dialog.table.visualRect(dialog.table.model().index(0, 1))
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    asked = []

    def answer(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    QTest.mouseClick(dialog.drop, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "征求意见稿 2023-08-15" in asked[0]
    assert dialog.table.rowCount() == 1
    assert window.statusBar().currentMessage() == out.strip()
    dialog.reject()
    _save_window(window, qtbot)
    assert draft_state(draft_gui) == draft_state(draft_cli)
    window.edits.undo_action.trigger()  # one undoable step in the window
    assert window.doc.draft.versions == before.versions


def _feedback(window, qtbot, tmp_path, capsys, monkeypatch, *flags: str) -> tuple[Path, Path]:
    draft = _consulted()
    draft_cli, draft_gui = _copies(tmp_path, draft)
    returned = returned_file(draft, tmp_path / "本单位修改.docx")
    code, _out = _cli(capsys, "feedback", draft_cli, returned, *flags)
    assert code == 0
    _open(window, draft_gui)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(returned)], ""))
    told = []
    monkeypatch.setattr(window.opinion_actions, "tell", told.append)
    menu_action(window, "意见处理", "导入反馈(&I)…").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert "本单位修改.docx：意见 1 条" in told[0]
    return draft_cli, draft_gui


def run_feedback(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    draft_cli, draft_gui = _feedback(window, qtbot, tmp_path, capsys, monkeypatch)
    _save_window(window, qtbot)
    assert draft_state(draft_gui) == draft_state(draft_cli)
    assert load_draft(draft_gui).opinions[-1].decision == "pending"


def run_feedback_adopt_all(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    draft_cli, draft_gui = _feedback(window, qtbot, tmp_path, capsys, monkeypatch, "--adopt-all")
    menu_action(window, "意见处理", "采纳列出的全部修改(&A)").trigger()
    _save_window(window, qtbot)
    assert draft_state(draft_gui) == draft_state(draft_cli)
    assert load_draft(draft_gui).opinions[-1].decision == "adopted"


def _stored_pending():
    """A draft holding pending opinions: an edit read from a returned file, a comment giving its
    words, one asking without words, and another unit's."""
    from app.core.draft.consultation import Opinion
    from app.core.draft.demo import load_demo
    from app.tasks.feedback import read_returned_files

    draft = load_demo()
    with tempfile.TemporaryDirectory() as folder:
        returned = returned_file(draft, Path(folder) / "县发改局.docx")
        draft = read_returned_files(draft, [returned]).draft
    measure = next(m for m in draft.measures() if "严控" in m.paragraphs[0])
    made = (
        Opinion(
            id="o8",
            unit="县发改局",
            kind="comment",
            node_id=measure.id,
            original="严控",
            comment="建议改为：严格控制",
        ),
        Opinion(
            id="o9", unit="县发改局", kind="comment", node_id=measure.id, comment="建议补充目标"
        ),
    )
    return draft.model_copy(update={"opinions": (*draft.opinions, *made)})


def run_feedback_adopt_stored(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    """`feedback DRAFT --adopt-all` (no file): the changes already stored, as the menu entry
    adopts them with the table unfiltered."""
    draft_cli, draft_gui = _copies(tmp_path, _stored_pending())
    code, out = _cli(capsys, "feedback", draft_cli, "--adopt-all")
    assert code == 0 and "已采纳 2 条，1 条无法采纳" in out
    _open(window, draft_gui)
    menu_action(window, "意见处理", "采纳列出的全部修改(&A)").trigger()
    assert "1 条无法采纳" in window.opinions.message.text()
    _save_window(window, qtbot)
    assert draft_state(draft_gui) == draft_state(draft_cli)
    saved = load_draft(draft_gui)
    assert [o.decision for o in saved.opinions] == ["adopted", "adopted", "pending"]


def run_rebase(window, qtbot, tmp_path, capsys, monkeypatch) -> None:
    from tests.drafts.test_parent_revised import drafted, revise

    draft_cli, draft_gui = _copies(tmp_path, drafted())
    revise(tmp_path)
    code, out = _cli(capsys, "rebase", draft_cli)
    assert code == 1 and "已采用上级新文字" in out
    _open(window, draft_gui)
    before = window.doc.draft
    told = _told(window, monkeypatch)
    menu_action(window, "编辑", "采用上级修订(&R)…").trigger()
    _wait(qtbot, window)
    cli_lines = out.splitlines()
    assert told[0].splitlines()[:-1] == cli_lines[:-1]  # the last line names the file saved
    # the command names the file saved and how to undo (rebase --undo); the window has 撤销
    assert told[0].splitlines()[-1] == re.sub(r"，已保存：.*(?=。$)", "", cli_lines[-1])
    _save_window(window, qtbot)
    assert draft_state(draft_gui) == draft_state(draft_cli)
    window.edits.undo_action.trigger()  # the whole rebase is one undoable step
    assert window.doc.draft == before


def _consulted():
    """A demo draft with two versions (so the package has 修改对照表 and 修订稿) and opinions."""
    from tests.consultation.helpers import two_versions, with_opinions

    draft, _edits = two_versions()
    return with_opinions(draft)


PAIRS: tuple[Pair, ...] = (
    Pair("plans", (("文件", "方案库…"),), run_plans),
    Pair("import-plan FILE", (("文件", "导入上级方案(&I)…"),), run_import_plan),
    Pair("new", (("文件", "新建(&N)"), ("文件", "另存为(&A)…")), run_new),
    Pair("new --from-plan --as-is", (("文件", "按原样打开方案…"),), run_new_as_is),
    Pair("export --clean", (("文件", "导出(&E)…"),), run_export),
    Pair("export --word-only", (("文件", "导出(&E)…"),), run_export_word_only),
    Pair("export --package", (("文件", "导出(&E)…"),), run_export_package),
    Pair("export --package", (("意见处理", "导出送审材料(&S)…"),), run_package_menu),
    Pair("check", (("编辑", "检查全文(&K)…"),), run_check),
    Pair("version --save", (("文件", "保存版本(&V)…"),), run_version),
    Pair("versions", (("文件", "版本列表…"),), run_versions),
    Pair("version --drop", (("文件", "版本列表…"),), run_version_drop),
    Pair("feedback", (("意见处理", "导入反馈(&I)…"),), run_feedback),
    Pair(
        "feedback --adopt-all",
        (("意见处理", "导入反馈(&I)…"), ("意见处理", "采纳列出的全部修改(&A)")),
        run_feedback_adopt_all,
    ),
    Pair(
        "feedback DRAFT --adopt-all",
        (("意见处理", "采纳列出的全部修改(&A)"),),
        run_feedback_adopt_stored,
    ),
    Pair("rebase", (("编辑", "采用上级修订(&R)…"),), run_rebase),
)


def _subcommands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return set(sub.choices)


def test_every_command_has_its_menu_entry(window):
    """A command added to `peakplan` without a pair in the table fails here; so does an entry
    the table names that the window does not have."""
    paired = {pair.command.split()[0] for pair in PAIRS}
    assert _subcommands() - paired == set()
    assert paired - _subcommands() == set()
    for pair in PAIRS:
        for title, text in pair.menu:
            assert menu_action(window, title, text).isEnabled(), (pair.command, text)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p.command} ↔ {p.menu[0][1]}")
def test_the_command_and_the_menu_do_the_same(pair, window, qtbot, tmp_path, capsys, monkeypatch):
    pair.run(window, qtbot, tmp_path, capsys, monkeypatch)
