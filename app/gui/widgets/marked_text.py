"""A table cell whose 【marked】 words are shown highlighted (the 意见处理 table's 原文 and
修改意见: what an opinion takes out, red; what it puts in, green)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.gui.models.opinions_model import ORIGINAL, PROPOSED

_MARKED = re.compile(r"【([^【】]*)】")
PADDING = 3


def marked_html(text: str, colour: str) -> str:
    """The text as HTML, each 【…】 a highlighted span (the brackets kept: they read in print
    and for a screen reader)."""
    out, at = [], 0
    for match in _MARKED.finditer(text):
        out.append(html.escape(text[at : match.start()]))
        out.append(f'<span style="background:{colour}">{html.escape(match.group(0))}</span>')
        at = match.end()
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


class MarkedTextDelegate(QStyledItemDelegate):
    """Paints the cell's text with its 【marked】 words in `colour`; editing is the table's."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(PADDING)
        document.setHtml(marked_html(str(index.data() or ""), self.colour))
        document.setTextWidth(max(option.rect.width(), 20))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        text = options.text
        options.text = ""  # the background, selection and focus as the style draws them
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget
            )
        options.text = text
        document = self._document(options, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        if options.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                context.palette.ColorRole.Text, options.palette.highlightedText().color()
            )
        painter.save()
        painter.translate(options.rect.topLeft())
        painter.setClipRect(options.rect.translated(-options.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        view = options.widget
        if view is not None and hasattr(view, "columnWidth"):
            options.rect.setWidth(view.columnWidth(index.column()))
        document = self._document(options, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


def mark_changes(table: QTableView) -> None:
    """The 意见处理 table's 原文 (words taken out, red) and 修改意见 (put in, green)."""
    for column, colour in ((ORIGINAL, "#ffd0d0"), (PROPOSED, "#c8f0c8")):
        table.setItemDelegateForColumn(column, MarkedTextDelegate(colour, table))
