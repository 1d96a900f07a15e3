"""The open draft's file changed on disk: noticed, and the user chooses what happens.

Someone else writing the open file (a `peakplan feedback` or `version` command, another
window) is noticed as it happens (a file watcher; a window in the background asks when
the user comes back to it) and at the latest when saving: the save compares the file with
the hash this window read, under the draft's lock (core: app/core/draft/store/files.py). The
user chooses 重新载入, 另存为 or 覆盖 — the file is never overwritten unasked.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from app.core.errors import PeakPlanError
from app.gui.document import DraftDocument

if TYPE_CHECKING:
    from app.gui.actions.file_actions import FileActions

CHECK_MS = 300
"""After the file changed on disk: a writer replacing it has finished by then."""


class DiskChanges(QObject):
    def __init__(self, files: FileActions) -> None:
        super().__init__(files)
        self.files = files
        self.window = files.window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_MS)
        self.check_timer.timeout.connect(self.check)
        self.asking = False
        self.pending = False
        self.watched: DraftDocument | None = None
        self.window.installEventFilter(self)

    @property
    def doc(self) -> DraftDocument:
        return self.window.doc

    def watch(self, doc: DraftDocument) -> None:
        """Follow the open draft's file (called when the window gets a document)."""
        if self.watched is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.watched.path_changed.disconnect(self._rewatch)
        self.watched = doc
        doc.path_changed.connect(self._rewatch)
        self._rewatch()

    def _rewatch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        path = self.doc.path
        if path is not None and path.exists():
            self.watcher.addPath(str(path))

    def _file_changed(self, _path: str) -> None:
        self.check_timer.start()  # the file may be replaced in steps: look once it is done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.pending:
            self.check_timer.start()  # the user is back: now ask about the change
        return False

    def check(self) -> None:
        """The file on disk no longer what this window read or wrote: the user chooses —
        when the window is the one in use (a window in the background asks on return)."""
        self._rewatch()  # a file replaced by rename is no longer watched: watch the new one
        if self.asking or not self.doc.changed_on_disk():
            self.pending = False
            return
        if not self.window.isActiveWindow():
            self.pending = True
            return
        self.pending = False
        self.resolve(saving=False)

    def ask(self, modified: bool) -> str:
        """reload / save_as / overwrite / cancel for a file someone else changed (tests
        replace this)."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("文件已被修改"))
        name = self.doc.path.name if self.doc.path else self.doc.title
        text = self.tr("“{}”已被其他程序（如 peakplan 命令或另一个窗口）修改。").format(name)
        if modified:
            text += "\n\n" + self.tr(
                "本窗口中有未保存的修改：\n"
                "· 重新载入：打开文件的新内容，放弃本窗口未保存的修改；\n"
                "· 另存为：把本窗口的内容存为另一个文件，原文件保留他人的修改；\n"
                "· 覆盖：用本窗口的内容替换文件，他人的修改将丢失。"
            )
        else:
            text += "\n\n" + self.tr("本窗口没有未保存的修改，重新载入即可看到新内容。")
        box.setText(text)
        buttons = {
            "reload": box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.AcceptRole),
            "save_as": box.addButton(self.tr("另存为…"), QMessageBox.ButtonRole.ActionRole),
            "overwrite": box.addButton(self.tr("覆盖"), QMessageBox.ButtonRole.DestructiveRole),
            "cancel": box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole),
        }
        box.setDefaultButton(buttons["save_as" if modified else "reload"])
        box.exec()
        clicked = box.clickedButton()
        return next((name for name, button in buttons.items() if button is clicked), "cancel")

    def resolve(self, saving: bool) -> bool:
        """Ask, and do what the user chose; True when the window's content was saved."""
        self.asking = True
        try:
            answer = self.ask(self.doc.modified)
        finally:
            self.asking = False
        if answer == "reload":
            self.reload()
            return False  # the window's content was let go, not saved
        if answer == "save_as":
            return self.files.save_as()
        if answer == "overwrite":
            return self.files.save(overwrite=True)
        if saving:
            self.window.statusBar().showMessage(self.tr("未保存：文件已被其他程序修改"), 15_000)
        return False

    def reload(self) -> bool:
        """The file's new content in the window; the user let this window's changes go."""
        path = self.doc.path
        assert path is not None
        try:
            doc = DraftDocument.open(path, self.window)
        except PeakPlanError as exc:
            self.window.show_error(self.tr("无法重新载入"), f"{path}：{exc.one_line()}")
            return False
        self.doc.discard_recovery()
        self.window.set_document(doc)
        self.window.statusBar().showMessage(self.tr("已重新载入：{}").format(path.name), 15_000)
        return True
