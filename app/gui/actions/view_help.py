"""视图 and 帮助 menus, the tool bar, and the welcome on first start.

视图 brings back what a user closed (the 检查与对照 dock was gone until the next start) and
hides the preview or the tool bar; 帮助 has a short guide (docs/guide.md) and
关于. The welcome says plainly that the 平罗 draft on screen is a sample.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
)

from app import __version__, paths
from app.core.fonts import font_report
from app.core.text.places import division_source
from app.export.style import usable_style

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

APP_NAME = "碳达峰方案起草助手"


class ViewAndHelp(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.toolbar = QToolBar(self.tr("工具栏"), window)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setIconSize(QSize(16, 16))
        self.guide: QDialog | None = None

    def fill_toolbar(self, actions: list[QAction]) -> None:
        """The everyday actions, as words (no icon set of our own): 新建, 打开, 保存 …"""
        for action in actions:
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.window.addToolBar(self.toolbar)

    def fill_view(self, menu: QMenu) -> None:
        dock = self.window.checks_dock.toggleViewAction()
        dock.setText(self.tr("检查与对照(&C)"))
        dock.setToolTip(self.tr("显示或隐藏窗口下方的检查与对照"))
        menu.addAction(dock)
        preview = QAction(
            self.tr("预览(&P)"), self.window, checkable=True, checked=self.window.preview_shown
        )
        preview.setToolTip(self.tr("显示或隐藏按导出版式排的预览（窗口较窄时它是最后一页“预览”）"))
        preview.toggled.connect(self.window.show_preview)
        menu.addAction(preview)
        self.preview_action = preview
        bar = self.toolbar.toggleViewAction()
        bar.setText(self.tr("工具栏(&T)"))
        menu.addAction(bar)

    def fill_help(self, menu: QMenu) -> None:
        guide = menu.addAction(self.tr("使用说明(&G)"), self.show_guide)
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.setToolTip(self.tr("一页说明：新建、逐条确定、检查与导出"))
        menu.addAction(self.tr("欢迎页…"), lambda: show_welcome(self.window))
        menu.addSeparator()
        menu.addAction(self.tr("关于(&A)"), self.show_about)

    def show_guide(self) -> QDialog:
        if self.guide is None:
            dialog = QDialog(self.window)
            dialog.setWindowTitle(self.tr("使用说明"))
            text = QTextBrowser()
            text.setOpenExternalLinks(True)
            guide = paths.guide_path()
            text.setSearchPaths([str(guide.parent)])
            text.setMarkdown(guide.read_text(encoding="utf-8"))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(dialog.close)
            layout = QVBoxLayout(dialog)
            layout.addWidget(text)
            layout.addWidget(buttons)
            dialog.resize(760, 620)
            self.guide = dialog
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def about_text(self) -> str:
        source = division_source()
        return (
            self.tr(
                "<h3>{name}</h3><p>版本 {version}</p>"
                "<p>从上级碳达峰实施方案起草县级实施方案，导出 Word 文稿与任务分工表。离线运行，"
                "不上传任何文件。</p>"
                "<p>行政区划数据：{dataset}（{date}）。</p>"
                "<p>使用的开源软件：Qt for Python (PySide6, LGPL)、python-docx、openpyxl、Jinja2、"
                "pydantic、pypdfium2、rapidfuzz 等，许可见安装目录。</p>"
            ).format(
                name=APP_NAME,
                version=__version__,
                dataset=source.get("dataset", ""),
                date=source.get("as_of", ""),
            )
            + self.fonts_text()
        )

    def fonts_text(self) -> str:
        """The official fonts of the draft's style on this computer, and what stands in for a
        missing one (core/fonts.py)."""
        report = font_report(usable_style(self.window.doc.draft.layout.style).east_asia_fonts())
        items = "".join(f"<li>{html.escape(f.line())}</li>" for f in report)
        note = ""
        if any(not f.installed for f in report):
            note = self.tr(
                "<p>缺少公文字体时，在本机打开的文稿字形和分页会变，页码可能与目录不符；"
                "送审前请在装有这些字体的电脑上核对。</p>"
            )
        return self.tr("<p>本机的公文字体：</p><ul>{}</ul>").format(items) + note

    def show_about(self) -> None:
        QMessageBox.about(self.window, self.tr("关于"), self.about_text())


def show_welcome(window: MainWindow) -> QDialog:
    """What a newcomer sees first: this is a sample; start your own, open one, or look around."""
    dialog = QDialog(window)
    dialog.setObjectName("welcome")
    dialog.setWindowTitle(window.tr("欢迎使用{}").format(APP_NAME))
    text = QLabel(
        window.tr(
            "<h3>欢迎使用{name}</h3>"
            "<p>窗口中现在打开的是<b>示例：平罗县碳达峰实施方案（送审稿）</b>，"
            "仅供熟悉程序，不是你的方案。</p>"
            "<p>起草本县方案：点 <b>新建</b>，填写县名、所属市和省（自治区），选择上级方案"
            "（可从 Word、PDF 或网页导入）。程序会把上级措施改写为本县表述，"
            "不能替县里决定的事项会逐条列出。</p>"
        ).format(name=APP_NAME)
    )
    text.setWordWrap(True)
    new = QPushButton(window.tr("新建方案…"))
    new.setToolTip(window.tr("从上级方案起草本县方案"))
    open_ = QPushButton(window.tr("打开…"))
    open_.setToolTip(window.tr("打开已保存的起草文件（.peakplan）"))
    sample = QPushButton(window.tr("看看示例"))
    sample.setToolTip(window.tr("关闭本页，浏览平罗县示例"))
    buttons = QDialogButtonBox()
    buttons.addButton(new, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(open_, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.addButton(sample, QDialogButtonBox.ButtonRole.RejectRole)
    new.clicked.connect(lambda: (dialog.accept(), window.files.new_draft()))
    open_.clicked.connect(lambda: (dialog.accept(), window.files.open_dialog()))
    sample.clicked.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(520, 260)
    dialog.setModal(True)
    dialog.show()
    window.settings.setValue("welcome/shown", True)
    return dialog
