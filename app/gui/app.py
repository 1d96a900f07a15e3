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
from app.core.draft.files import (
    discard_recovery,
    find_recoveries,
    recovery_dir,
    set_aside_recovery,
)
from app.core.errors import PeakPlanError
from app.gui.document import DraftDocument
from app.gui.main_window import MainWindow


def settings() -> QSettings:
    """Window state and recent files, in the per-user folder (PEAKPLAN_DATA_DIR moves it)."""
    return QSettings(str(paths.user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def ask_recover(window: MainWindow, saved_at: str, title: str) -> bool:
    """Offer a draft left by a session that did not end normally (tests replace this)."""
    return (
        QMessageBox.question(
            window,
            window.tr("恢复未保存的修改"),
            window.tr("上次关闭前有未保存的修改（{}，{}）。要恢复吗？").format(title, saved_at),
        )
        == QMessageBox.StandardButton.Yes
    )


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
    store = settings()
    window = MainWindow(first_document(), store)
    if path is not None:
        window.files.open_path(path)
    else:
        recent = store.value("recent", [], list) or []
        if recent and Path(recent[0]).is_file():
            _open_last(window, Path(recent[0]))
    set_aside = []
    for recovery in find_recoveries():
        if recovery.draft is None:
            moved = set_aside_recovery(recovery)
            set_aside.append(
                f"{recovery.path.name}：{recovery.problem}" + ("" if moved else "（未能移动）")
            )
            continue
        if ask_recover(window, recovery.saved_at, recovery.draft.meta.document_title):
            draft_path = Path(recovery.draft_path) if recovery.draft_path else None
            doc = DraftDocument(recovery.draft, draft_path, window)
            doc.stack.resetClean()
            window.set_document(doc)
            doc.sha = ""
            _mark_modified(doc)
        else:
            discard_recovery(Path(recovery.draft_path) if recovery.draft_path else None)
        break
    if set_aside:
        tell_set_aside(window, set_aside)
    first = next(window.doc.draft.measures(), None)
    if first is not None:
        window.select_and_show(first.id)
    return window


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
