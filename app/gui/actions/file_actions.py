"""文件 menu: new, open, recent, save, save as, export; autosave; asking before work is lost.

Unsaved work is never dropped without asking, never written over a file
someone else changed without asking, and autosaved to a recovery file (never
over the user's file) every minute and a few seconds after the last edit.

Someone else changing the open file is noticed and the user asks what to do
(disk_changes.py): a save never writes over it unasked.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMenu, QMessageBox

from app import paths
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import with_draft_suffix
from app.core.draft.store.writing import DraftChangedError
from app.core.errors import PeakPlanError
from app.core.readout.preflight import Preflight, preflight
from app.export.choice import ExportChoice
from app.export.files import export_draft
from app.export.pdf import to_pdf
from app.export.style import usable_style
from app.gui.actions.menus import add_action
from app.gui.commands import push
from app.gui.dialogs.export_dialog import ExportDialog
from app.gui.dialogs.wizard import NewDraftWizard
from app.gui.disk_changes import DiskChanges
from app.gui.document import DraftDocument
from app.gui.task_runner import run_task
from app.gui.workers import Job
from app.soffice import find_soffice


def fresh_folder(base: Path) -> Path:
    """A new folder under `base` for one print preview; earlier ones are removed, except
    files still open (Windows refuses to remove those: they stay until the next time)."""
    base.mkdir(parents=True, exist_ok=True)
    for earlier in base.iterdir():
        if earlier.is_dir():
            shutil.rmtree(earlier, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix="preview-", dir=base))


def open_file(path: Path) -> bool:
    """The file in the program the system opens it with (tests replace this); False when
    no program took it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

AUTOSAVE_MS = 60_000
IDLE_AUTOSAVE_MS = 5_000
RECENT_MAX = 8
FILE_FILTER = "起草文件 (*.peakplan)"


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        # and when the user pauses: a few seconds after the last edit
        self.idle = QTimer(self, singleShot=True, interval=IDLE_AUTOSAVE_MS)
        self.idle.timeout.connect(self.autosave)
        self.recent_menu: QMenu | None = None
        self.autosave_problem = QLabel()
        self.autosave_problem.setStyleSheet("color: #b00020;")
        self.autosave_problem.hide()
        window.statusBar().addPermanentWidget(self.autosave_problem)
        self.disk = DiskChanges(self)  # someone else writing the open file: noticed, asked

    @property
    def doc(self) -> DraftDocument:
        return self.window.doc

    def fill(self, menu: QMenu) -> None:
        add = self._add
        self.actions = {
            "new": add(
                menu,
                self.tr("新建(&N)"),
                self.new_draft,
                QKeySequence.StandardKey.New,
                self.tr("从上级方案起草一份新的县级方案"),
            ),
            "open": add(
                menu,
                self.tr("打开(&O)…"),
                self.open_dialog,
                QKeySequence.StandardKey.Open,
                self.tr("打开已保存的起草文件（.peakplan）"),
            ),
        }
        self.recent_menu = menu.addMenu(self.tr("最近打开"))
        add(
            menu,
            self.tr("示例：平罗县送审稿"),
            self.open_demo,
            None,
            self.tr("打开平罗县示例（仅供熟悉程序）"),
        )
        menu.addSeparator()
        self.actions["save"] = add(
            menu,
            self.tr("保存(&S)"),
            self.save,
            QKeySequence.StandardKey.Save,
            self.tr("保存起草文件"),
        )
        add(
            menu,
            self.tr("另存为(&A)…"),
            self.save_as,
            QKeySequence.StandardKey.SaveAs,
            self.tr("以新的文件名保存"),
        )
        self.actions["export"] = add(
            menu,
            self.tr("导出(&E)…"),
            self.export,
            "Ctrl+E",
            self.tr("导出 Word 文稿和任务分工表（Excel）"),
        )
        self.actions["pdf"] = add(
            menu,
            self.tr("导出 PDF（打印预览）…"),
            self.export_pdf,
            "Ctrl+P",
            self.tr(
                "用 LibreOffice 把文稿转为 PDF 并打开，便于预览和打印；"
                "本机没有 LibreOffice 时在 Word/WPS 中打开文稿，用其打印预览"
            ),
        )
        menu.addSeparator()
        add(menu, self.tr("退出(&X)"), self.window.close, QKeySequence.StandardKey.Quit)
        self._fill_recent()

    def _add(self, menu: QMenu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        return add_action(menu, self.window, text, slot, shortcut, tip)

    # ------------------------------------------------------------ leaving a draft

    def ask_to_save(self) -> str:
        """save / discard / cancel, for a draft with unsaved changes (tests replace this)."""
        answer = QMessageBox.question(
            self.window,
            self.tr("未保存的修改"),
            self.tr("“{}”有未保存的修改，要保存吗？").format(self.doc.title),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(answer, "cancel")

    def may_leave(self) -> bool:
        self.doc.flush()
        if not self.doc.modified:
            return True
        answer = self.ask_to_save()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.doc.discard_recovery()  # the user let these changes go: not offered again
            return True
        return False

    # ------------------------------------------------------------ opening

    def open_path(self, path: Path) -> bool:
        if not self.may_leave():
            return False
        try:
            doc = DraftDocument.open(path, self.window)
        except PeakPlanError as exc:
            self.window.show_error(self.tr("无法打开"), f"{path}：{exc.one_line()}")
            return False
        self.window.set_document(doc)
        self._remember(path)
        return True

    def open_dialog(self) -> None:
        # the open draft's folder first: other drafts of the county sit beside it
        here = self.doc.path.parent if self.doc.path else None
        folder = str(here or self.settings.value("folders/open", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开起草文件"), folder, self.tr(FILE_FILTER)
        )
        if path:
            self.settings.setValue("folders/open", str(Path(path).parent))
            self.open_path(Path(path))

    def open_demo(self) -> None:
        if self.may_leave():
            self.window.set_document(DraftDocument(load_demo(), None, self.window))

    def new_draft(self) -> None:
        """文件 › 新建: the wizard, then the new draft as an unsaved document."""
        if not self.may_leave():
            return
        wizard = NewDraftWizard(self.window)
        if not self.run_wizard(wizard):
            return
        try:
            draft = wizard.draft()
        except (PeakPlanError, ValueError) as exc:
            message = exc.one_line() if isinstance(exc, PeakPlanError) else str(exc)
            self.window.show_error(self.tr("新建"), message)
            return
        self.window.set_document(DraftDocument(draft, None, self.window))

    def run_wizard(self, wizard) -> bool:
        """Show the wizard (tests replace this to answer it)."""
        return wizard.exec() == QDialog.DialogCode.Accepted

    # ------------------------------------------------------------ saving

    def save(self, *, overwrite: bool = False) -> bool:
        self.doc.flush()
        if self.doc.path is None:
            return self.save_as()
        try:
            self.doc.save(overwrite=overwrite)
        except DraftChangedError:
            return self.disk.resolve(saving=True)
        except PeakPlanError as exc:
            self.window.show_error(self.tr("保存失败"), exc.one_line())
            return False
        self._remember(self.doc.path)
        return True

    def save_as(self) -> bool:
        self.doc.flush()
        folder = str(self.settings.value("folders/save", str(Path.home())))
        suggested = str(with_draft_suffix(Path(folder) / self.doc.draft.meta.document_title))
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("另存为"), suggested, self.tr(FILE_FILTER)
        )
        if not path:
            return False
        target = with_draft_suffix(path)
        self.settings.setValue("folders/save", str(target.parent))
        try:
            self.doc.save(target)
        except PeakPlanError as exc:
            self.window.show_error(self.tr("保存失败"), exc.one_line())
            return False
        self._remember(target)
        return True

    def autosave(self) -> None:
        """A failure stays on the status bar until an autosave succeeds: work that is not
        being kept safe must not look as if it were."""
        try:
            self.doc.autosave()
        except PeakPlanError as exc:
            self.autosave_problem.setText(self.tr("⚠ 自动保存失败：{}").format(exc.one_line()))
            self.autosave_problem.setToolTip(
                self.tr("未保存的修改没有自动备份，请尽快保存（Ctrl+S）。")
            )
            self.autosave_problem.show()
        else:
            self.autosave_problem.hide()

    # ------------------------------------------------------------ export

    def preflight_box(self, summary: Preflight) -> tuple[QMessageBox, dict]:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning if summary.errors else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("导出前检查"))
        box.setText(
            self.tr("文稿中还有：") + "\n" + "\n".join(f"· {line}" for line in summary.lines())
        )
        buttons = {
            "continue": box.addButton(self.tr("继续导出"), QMessageBox.ButtonRole.AcceptRole),
            "show": box.addButton(self.tr("查看"), QMessageBox.ButtonRole.ActionRole),
            "cancel": box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole),
        }
        box.setDefaultButton(buttons["show"] if summary.errors else buttons["continue"])
        return box, buttons

    def ask_preflight(self, summary: Preflight) -> str:
        """continue / show / cancel, when something is still wrong or open (tests replace this)."""
        box, buttons = self.preflight_box(summary)
        box.exec()
        clicked = box.clickedButton()
        return next((name for name, button in buttons.items() if button is clicked), "cancel")

    def export(self) -> ExportDialog | None:
        self.doc.flush()
        fonts = usable_style(self.doc.draft.layout.style).east_asia_fonts()
        summary = preflight(self.doc.draft, self.window.plans, fonts)
        if not summary.clear:
            answer = self.ask_preflight(summary)
            if answer == "show":
                self.window.checks_dock.show()
                self.window.checks_dock.raise_()
                if summary.first_node:
                    self.window.select_and_show(summary.first_node)
                return None
            if answer != "continue":
                return None
        folder = str(
            self.settings.value(
                "folders/export", str(self.doc.path.parent if self.doc.path else Path.home())
            )
        )
        dialog = ExportDialog(self.doc.draft, folder, self.window.plans, self.window)
        if dialog.exec() == QDialog.DialogCode.Rejected and dialog.result is None:
            return dialog
        self.settings.setValue("folders/export", dialog.folder.text())
        layout = dialog.chosen_layout()
        if layout != self.doc.draft.layout:
            push(self.doc, "导出版式", ops.set_layout, **layout.model_dump())
        if dialog.result is not None and dialog.result.sent is not None:
            # kept so a copy returned after further edits is read against what went out
            push(self.doc, "记录发出的文稿", ops.record_sent, dialog.result.sent)
        return dialog

    def export_pdf(self) -> Job:
        """打印预览: the Word draft as LibreOffice prints it, opened in the PDF viewer; without
        LibreOffice (most county PCs) the .docx itself, opened in Word/WPS, whose own print
        preview shows the pages as they will print — with this computer's fonts, the 目录
        updated — which a picture of our preview pane could not. Written to the per-user
        cache, never beside the user's files; each preview in a folder of its own, so one
        still open in Word does not stop the next."""
        self.doc.flush()
        draft, plans = self.doc.draft, self.window.plans
        base = paths.user_cache_dir() / "print-preview"

        def work() -> Path:
            folder = fresh_folder(base)
            result = export_draft(draft, folder, plans=plans, choice=ExportChoice(excel=False))
            if find_soffice() is None:
                return result.word
            return to_pdf(result.word, folder, comments=True)

        self.pdf_job = run_task(
            self.window,
            self.tr("生成 PDF"),
            work,
            self._pdf_ready,
            lambda message: self.window.show_error(self.tr("导出 PDF"), message),
        )
        return self.pdf_job

    def _pdf_ready(self, pdf: Path) -> None:
        if pdf.suffix.lower() == ".docx":
            self._preview_in_word(pdf)
            return
        self.window.statusBar().showMessage(self.tr("PDF 已生成：{}").format(pdf), 15_000)
        self.last_pdf = pdf
        if not open_file(pdf):
            self.window.show_error(
                self.tr("打印预览"),
                self.tr(
                    "PDF 已生成，但本机没有程序能打开 PDF：\n{}\n\n"
                    "可安装 PDF 阅读器，或用浏览器打开这个文件。"
                ).format(pdf),
            )

    def _preview_in_word(self, word: Path) -> None:
        """No LibreOffice: the draft opened in Word/WPS, to preview and print there."""
        self.last_pdf = None
        if open_file(word):
            self.window.statusBar().showMessage(
                self.tr(
                    "本机没有 LibreOffice：文稿已在 Word/WPS 中打开，请用其“打印预览”（文件 › 打印）查看和打印"
                ),
                30_000,
            )
            return
        self.window.show_error(
            self.tr("打印预览"),
            self.tr(
                "本机没有 LibreOffice，也没有能打开 .docx 的程序（Word 或 WPS）。\n"
                "文稿已导出到：\n{}\n\n请安装 WPS 或 Word 后打开它预览和打印。"
            ).format(word),
        )

    # ------------------------------------------------------------ recent files

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [
            p for p in self.settings.value("recent", [], list) or [] if p != str(path)
        ]
        self.settings.setValue("recent", recent[:RECENT_MAX])
        self._fill_recent()

    def _fill_recent(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for path in self.settings.value("recent", [], list) or []:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())
