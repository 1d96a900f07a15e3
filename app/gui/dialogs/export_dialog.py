"""导出 dialog: folder, which files, the layout choices; the export is the task
app/tasks/export.py:export_selected (as `peakplan export`), run in a worker."""

from __future__ import annotations

from dataclasses import replace
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
from app.core.fonts import font_report, missing_line
from app.core.plans.resolver import PlanResolver
from app.export.style import usable_style
from app.gui.task_runner import run_task
from app.tasks.export import (
    ExportChoice,
    ExportDone,
    ExportInUseError,
    export_selected,
    planned_paths,
)


class ExportDialog(QDialog):
    def __init__(self, draft: Draft, folder: str, plans: PlanResolver, parent=None) -> None:
        super().__init__(parent)
        self.plans = plans
        self.setWindowTitle(self.tr("导出"))
        self.draft = draft
        self.result = None
        self.written: list[Path] = []
        """Every file the last export wrote."""
        self.in_use: QMessageBox | None = None
        """The question shown when a file of the export is open in Word/WPS."""
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self._file_boxes()
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
        form.addRow("", self.package)
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
        # The official fonts this computer lacks: Word shows others, the pages may move.
        fonts = missing_line(font_report(usable_style(draft.layout.style).east_asia_fonts()))
        self.fonts_note = QLabel(f"⚠ {fonts}" if fonts else "")
        self.fonts_note.setWordWrap(True)
        self.fonts_note.setVisible(bool(fonts))
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
        layout.addWidget(self.fonts_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(done_row)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _file_boxes(self) -> None:
        """Which files: the draft, the 任务分工表, the 承接对照表, the whole 送审 package."""
        self.word = QCheckBox(self.tr("Word 文稿（.docx）"), checked=True)
        self.excel = QCheckBox(self.tr("任务分工表（.xlsx）"), checked=True)
        self.crosswalk = QCheckBox(self.tr("上级方案任务承接对照表（.docx）"), checked=False)
        self.crosswalk.setToolTip(
            self.tr("送审材料：每个上级方案的措施、县方案对应措施和承接方式，未承接的列出理由")
        )
        self.package = QCheckBox(
            self.tr("送审材料（承接对照表、意见采纳情况表、修改对照表、修订稿、起草说明）"),
            checked=False,
        )
        self.package.setToolTip(
            self.tr(
                "与 peakplan export --package 相同：另写意见采纳情况表（.docx、.xlsx）、"
                "修改对照表和修订稿（最近两个版本之间）、起草说明和上级方案任务承接对照表"
            )
        )

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

    def choice(self) -> ExportChoice:
        """The boxes ticked, as the task takes them (`peakplan export`'s options)."""
        layout = self.chosen_layout()
        return ExportChoice(
            word=self.word.isChecked(),
            excel=self.excel.isChecked(),
            comments=self.comments.isChecked(),
            crosswalk=self.crosswalk.isChecked(),
            package=self.package.isChecked(),
            layout={
                key: getattr(layout, key)
                for key in ("measure_titles", "page_numbers", "committee_page", "attachment")
            },
        )

    def run(self) -> None:
        choice = self.choice()
        if not choice.anything():
            self.status.setText(self.tr("请至少选择一个文件"))
            return
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
        existing = [p.name for p in planned_paths(self.draft, folder, choice) if p.exists()]
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
        self._start(folder, choice)

    def _start(self, folder: Path, choice: ExportChoice) -> None:
        self.buttons.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("正在导出…"))
        # Everything the worker needs is read here, on the GUI thread: it never touches a widget.
        draft, plans = self.draft, self.plans

        def work() -> ExportDone | ExportInUseError:
            try:
                return export_selected(draft, folder, plans, choice)
            except ExportInUseError as exc:  # not a failure to show: a choice to offer
                return exc

        self.job = run_task(
            self, self.tr("导出"), work, lambda r: self._done(r, folder, choice), self._failed
        )

    def _done(
        self, result: ExportDone | ExportInUseError, folder: Path, choice: ExportChoice
    ) -> None:
        if isinstance(result, ExportInUseError):
            self._offer_other_name(result, folder, choice)
            return
        self.result = result
        self.written = list(result.written)
        self.progress.hide()
        self.buttons.setEnabled(True)
        status = self.tr("已导出：{}").format("、".join(p.name for p in result.written))
        for line in result.lines:  # the command line's words (app/tasks/export.py)
            status += "\n" + line
        self.status.setText(status)
        self.open_file.setVisible(result.word is not None)
        self.open_folder.show()

    def _offer_other_name(self, exc: ExportInUseError, folder: Path, choice: ExportChoice) -> None:
        """A file of the export is open in Word/WPS: nothing was written. 另存为 (another
        folder), 改名保存 (…（2）.docx beside it), 重试 (once it is closed) or 取消."""
        self.progress.hide()
        self.buttons.setEnabled(True)
        renamed = replace(choice, other_name=exc.other_name)
        other = planned_paths(self.draft, folder, renamed)[0].name
        program = "Excel/WPS" if exc.path.suffix.lower() == ".xlsx" else "Word/WPS"
        self.status.setText(self.tr("未导出：“{}”正被 {} 打开").format(exc.path.name, program))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("文件正被打开"), "", parent=self)
        box.setText(
            self.tr(
                "文件正被 {0} 打开：“{1}”，无法替换。\n本次导出的文件都未写入，已有的文件保持原样。\n\n"
                "在 {0} 中关闭它后点“重试”；或点“改名保存”存为“{2}”等；或“另存为…”选另一个文件夹。"
            ).format(program, exc.path.name, other)
        )
        save_as = box.addButton(self.tr("另存为…"), QMessageBox.ButtonRole.ActionRole)
        rename = box.addButton(self.tr("改名保存"), QMessageBox.ButtonRole.AcceptRole)
        retry = box.addButton(self.tr("重试"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(rename)

        def chosen(button) -> None:
            if button is rename:
                self._start(folder, renamed)
            elif button is retry:
                self._start(folder, choice)
            elif button is save_as:
                self._save_elsewhere(folder)

        box.buttonClicked.connect(chosen)
        self.in_use = box
        box.open()

    def _save_elsewhere(self, folder: Path) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("另存为：选择另一个文件夹"), str(folder)
        )
        if chosen:
            self.folder.setText(chosen)
            self.run()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.status.setText(self.tr("导出失败：{}").format(message))
        QMessageBox.warning(self, self.tr("导出失败"), message)

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
