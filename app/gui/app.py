"""Starting the desktop app: the last draft, a recovered one, or the demo on first start."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import paths
from app.core.draft.demo import load_demo
from app.core.draft.store.files import (
    Recovery,
    discard_recovery,
    find_recoveries,
    recovery_dir,
    set_aside_recovery,
)
from app.core.errors import PeakPlanError
from app.gui.actions.view_help import show_welcome
from app.gui.document import DraftDocument
from app.gui.main_window import MainWindow


def settings() -> QSettings:
    """Window state and recent files, in the per-user folder (PEAKPLAN_DATA_DIR moves it)."""
    return QSettings(str(paths.user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def ask_recover(window: MainWindow, saved_at: str, title: str, where: str) -> str:
    """Offer a draft left by a session that did not end normally (tests replace this):
    "recover", "later" (kept and offered at the next start) or "discard"."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(window.tr("恢复未保存的修改"))
    box.setText(
        window.tr("上次程序没有正常关闭，留下了未保存的修改：\n\n{}\n{}\n自动保存于 {}").format(
            title, where, saved_at
        )
    )
    recover = box.addButton(window.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(window.tr("以后再说"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(window.tr("丢弃这些修改"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is discard:
        sure = QMessageBox.warning(
            window,
            window.tr("丢弃修改"),
            window.tr("丢弃后无法找回。确定丢弃“{}”的这些修改吗？").format(title),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return "discard" if sure == QMessageBox.StandardButton.Discard else "later"
    return "recover" if clicked is recover else "later"


def first_document(window_parent=None) -> DraftDocument:
    """The demo, as an unsaved copy: what a newcomer sees."""
    return DraftDocument(load_demo(), None, window_parent)


def install_translations(app: QApplication) -> None:
    """Qt's own strings (Close, Cancel, file dialogs) in Simplified Chinese."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)


def build_window(path: Path | None = None) -> MainWindow:
    """The window at start-up: every recovery file is offered before anything is opened, so
    nothing opened first can take its place; then the file asked for, or the last one."""
    store = settings()
    window = MainWindow(first_document(), store)
    if not _offer_recoveries(window):
        if path is not None:
            window.files.open_path(path)
        else:
            recent = store.value("recent", [], list) or []
            if recent and Path(recent[0]).is_file():
                _open_last(window, Path(recent[0]))
    first = next(window.doc.draft.measures(), None)
    if first is not None:
        window.select_and_show(first.id)
    return window


def _offer_recoveries(window: MainWindow) -> bool:
    """Offer each recovery file, newest first; True when one was taken up. Those put off are
    kept for the next start; unreadable ones are moved aside and named."""
    set_aside, recovered, kept = [], False, 0
    for recovery in find_recoveries():
        if recovery.draft is None:
            moved = set_aside_recovery(recovery)
            set_aside.append(
                f"{recovery.path.name}：{recovery.problem}" + ("" if moved else "（未能移动）")
            )
            continue
        if recovered:
            kept += 1
            continue
        where = recovery.draft_path or window.tr("（未保存过的新文件）")
        answer = ask_recover(window, recovery.saved_at, recovery.draft.meta.document_title, where)
        answer = {True: "recover", False: "later"}.get(answer, answer)  # type: ignore[arg-type]
        if answer == "recover":
            window.set_document(_recovered(recovery, window))
            recovered = True
        elif answer == "discard":
            discard_recovery(recovery.path)
        else:
            kept += 1
    if set_aside:
        tell_set_aside(window, set_aside)
    if kept:
        window.statusBar().showMessage(
            window.tr("还有 {} 个恢复文件留待下次启动时处理").format(kept), 30_000
        )
    return recovered


def _recovered(recovery: Recovery, window: MainWindow) -> DraftDocument:
    """The recovered draft as unsaved work that keeps writing the same recovery file (a second
    crash loses nothing) and knows the file's state when the edits began (no false warning
    that someone else changed it)."""
    draft_path = Path(recovery.draft_path) if recovery.draft_path else None
    doc = DraftDocument(recovery.draft, draft_path, window)
    doc.recovery_file = recovery.path
    if recovery.draft_sha256:
        doc.sha = recovery.draft_sha256
    doc.stack.resetClean()
    _mark_modified(doc)
    return doc


def _open_last(window: MainWindow, path: Path) -> None:
    """The draft the user worked on last. Start-up never depends on it: a damaged file, or
    one this version cannot open, leaves the demo on screen and says why."""
    try:
        window.set_document(DraftDocument.open(path, window))
    except PeakPlanError as exc:
        window.statusBar().showMessage(f"上次的文件 {path.name} 打不开：{exc.one_line()}", 30_000)
    except Exception as exc:  # a bug must not stop the app at every start: report it, go on
        logging.getLogger(__name__).exception("opening %s at start-up", path)
        window.statusBar().showMessage(
            f"上次的文件 {path.name} 打不开（程序内部错误：{type(exc).__name__}），已打开示例",
            30_000,
        )


def tell_set_aside(window: MainWindow, names: list[str]) -> None:
    """Recovery files that could not be read were moved to the recovery folder's damaged/."""
    QMessageBox.warning(
        window,
        "恢复文件无法读取",
        "以下自动保存的恢复文件无法读取，已移到恢复文件夹的 damaged 子文件夹（未删除）：\n"
        + "\n".join(names)
        + f"\n\n恢复文件夹：{recovery_dir()}",
    )


def _mark_modified(doc: DraftDocument) -> None:
    """A recovered draft is unsaved work: one step on the stack makes it so."""
    from app.gui.commands import DraftCommand

    doc.stack.push(DraftCommand(doc, "恢复未保存的修改", doc.draft))


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("碳达峰方案起草助手")
    app.setOrganizationName("PeakPlan")
    install_translations(app)
    app.setWindowIcon(QIcon(str(paths.resource("icons", "app.png"))))
    path = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("-") else None
    window = build_window(path)
    window.resize(1366, 768) if not window.settings.value("window/geometry") else None
    window.show()
    if path is None and window.doc.path is None and not window.settings.value("welcome/shown"):
        show_welcome(window)  # first start: the 平罗 draft on screen is a sample
    if os.environ.get("PEAKPLAN_QUIT_AFTER_MS"):
        # smoke tests and benchmarks: say what is on screen, then quit
        from PySide6.QtCore import QTimer

        def report_and_quit() -> None:
            measures = sum(1 for _ in window.doc.draft.measures())
            print(
                f"窗口：{window.windowTitle().replace('[*]', '')}；措施 {measures} 条；编辑中：{window.editor.title.text()}",
                file=sys.stderr,
            )
            app.quit()

        QTimer.singleShot(int(os.environ["PEAKPLAN_QUIT_AFTER_MS"]), report_and_quit)
    code = app.exec()
    window.shutdown()
    return code
