"""导出 dialog: folder, which files, the layout choices; the export runs in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from app.core.draft.model import Draft
from app.core.files import os_reason
from app.core.plans.resolver import PlanResolver
from app.export.opinions_doc import pending_line
from app.gui.workers import Job, start


class ExportDialog(QDialog):
    def __init__(self, draft: Draft, folder: str, plans: PlanResolver, parent=None) -> None:
        super().__init__(parent)
        self.plans = plans
        self.setWindowTitle(self.tr("导出"))
        self.draft = draft
        self.result = None
        self.crosswalk_file: Path | None = None
        """The 上级方案任务承接对照表 the last export wrote, if asked for."""
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.word = QCheckBox(self.tr("Word 文稿（.docx）"), checked=True)
        self.excel = QCheckBox(self.tr("任务分工表（.xlsx）"), checked=True)
        self.crosswalk = QCheckBox(self.tr("上级方案任务承接对照表（.docx）"), checked=False)
        self.crosswalk.setToolTip(
            self.tr("送审材料：每个上级方案的措施、县方案对应措施和承接方式，未承接的列出理由")
        )
        layout_ = draft.layout
        self.titles = QComboBox()
        for value, text in (
            ("as_written", "按采纳时的写法"),
            ("own_line", "措施标题单独成行（如平罗）"),
            ("run_in", "措施标题接正文（如宁夏、银川）"),
        ):
            self.titles.addItem(self.tr(text), value)
        self.titles.setCurrentIndex(self.titles.findData(layout_.measure_titles))
        self.pages = QComboBox()
        self.pages.addItem(self.tr("“— 1 —” 单页居右、双页居左"), "outside")
        self.pages.addItem(self.tr("“- 1 -” 居中"), "centered")
        self.pages.setCurrentIndex(self.pages.findData(layout_.page_numbers))
        self.committee = QCheckBox(self.tr("包含编制委员会页"), checked=layout_.committee_page)
        self.attachment = QCheckBox(self.tr("附任务分工表（附件）"), checked=layout_.attachment)
        # On by default: a draft goes out with what is still open marked where it stands.
        self.comments = QCheckBox(self.tr("附批注（待定事项）"), checked=True)
        self.comments.setToolTip(
            self.tr("每个待本县确定的事项在 Word 文稿中以批注标在原文上；不勾选则导出无批注的文稿")
        )
        form = QFormLayout()
        form.addRow(self.tr("导出到"), row)
        form.addRow(self.tr("文件"), self.word)
        form.addRow("", self.excel)
        form.addRow("", self.crosswalk)
        form.addRow(self.tr("措施标题"), self.titles)
        form.addRow(self.tr("页码"), self.pages)
        form.addRow("", self.committee)
        form.addRow("", self.attachment)
        form.addRow("", self.comments)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_file = QPushButton(self.tr("打开文稿"))
        self.open_folder = QPushButton(self.tr("打开文件夹"))
        for button in (self.open_file, self.open_folder):
            button.hide()
        self.open_file.clicked.connect(
            lambda: self._open(self.result.word if self.result else None)
        )
        self.open_folder.clicked.connect(lambda: self._open(Path(self.folder.text())))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        done_row = QHBoxLayout()
        done_row.addWidget(self.open_file)
        done_row.addWidget(self.open_folder)
        done_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(done_row)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def chosen_layout(self):
        return self.draft.layout.model_copy(
            update={
                "measure_titles": self.titles.currentData(),
                "page_numbers": self.pages.currentData(),
                "committee_page": self.committee.isChecked(),
                "attachment": self.attachment.isChecked(),
            }
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导出到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def ask_create(self, folder: Path) -> QMessageBox.StandardButton:
        """The folder does not exist yet: make it? (tests replace this)"""
        return QMessageBox.question(
            self, self.tr("导出"), self.tr("文件夹“{}”不存在，要新建吗？").format(folder)
        )

    def run(self) -> None:
        if not (self.word.isChecked() or self.excel.isChecked() or self.crosswalk.isChecked()):
            self.status.setText(self.tr("请至少选择一个文件"))
            return
        from app.export.crosswalk_doc import crosswalk_path, export_crosswalk
        from app.export.files import (  # python-docx/openpyxl load on first export
            export_draft,
            export_paths,
        )

        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip():
            self.status.setText(self.tr("请选择导出到哪个文件夹"))
            return
        if folder.exists() and not folder.is_dir():
            self.status.setText(self.tr("“{}”不是文件夹").format(folder))
            return
        if not folder.exists():
            if self.ask_create(folder) != QMessageBox.StandardButton.Yes:
                return
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                self.status.setText(self.tr("无法建立文件夹 {}：{}").format(folder, os_reason(exc)))
                return
        draft = self.draft.model_copy(update={"layout": self.chosen_layout()})
        word, excel = export_paths(draft, folder)
        wanted = (
            (word, self.word.isChecked()),
            (excel, self.excel.isChecked()),
            (crosswalk_path(draft, folder), self.crosswalk.isChecked()),
        )
        existing = [p.name for p, on in wanted if on and p.exists()]
        if (
            existing
            and QMessageBox.question(
                self,
                self.tr("导出"),
                self.tr("以下文件已存在，要替换吗？\n{}").format("\n".join(existing)),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.buttons.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("正在导出…"))
        # Everything the worker needs is read here, on the GUI thread: it never touches a widget.
        plans, want_word, want_excel = self.plans, self.word.isChecked(), self.excel.isChecked()
        comments, want_crosswalk = self.comments.isChecked(), self.crosswalk.isChecked()

        def export():
            result = export_draft(
                draft, folder, plans=plans, word=want_word, excel=want_excel, comments=comments
            )
            return result, export_crosswalk(draft, folder, plans) if want_crosswalk else None

        job = Job(export)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.job = job
        start(job)

    def _done(self, done) -> None:
        result, self.crosswalk_file = done
        self.result = result
        self.progress.hide()
        self.buttons.setEnabled(True)
        names = [p.name for p in (result.word, result.excel, self.crosswalk_file) if p]
        status = self.tr("已导出：{}").format("、".join(names))
        if result.word is not None:  # the command line's words (app/export/files.py)
            status += "\n" + result.questions_line()
        pending = pending_line(self.draft)  # opinions still 待处理, before the package goes out
        if pending:
            status += "\n" + pending
        self.status.setText(status)
        self.open_file.setVisible(result.word is not None)
        self.open_folder.show()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.status.setText(self.tr("导出失败：{}").format(message))
        QMessageBox.warning(self, self.tr("导出失败"), message)

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
