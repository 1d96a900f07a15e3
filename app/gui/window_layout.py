"""The window's panes on a small screen: pages that scroll, a preview that stacks or hides.

On a 1024×600 screen (older office laptops, projectors) the three panes side
by side left the preview about four characters wide, the outline's titles two,
and tab labels clipped; the window was taller than the screen (issue 27).
Here each page scrolls rather than forcing the window's size, tab labels are
never elided (a tab bar asks for the room its labels need), and below
WIDE_WINDOW the preview leaves the side and becomes the last page, 预览.
视图 › 预览 hides it in either arrangement; the choice is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

WIDE_WINDOW = 1280
"""From this width on the preview sits beside the pages; below it, it is a page."""
SHORT_WINDOW = 700
"""Below this height the 检查与对照 dock starts low: the page above needs the room."""
OUTLINE_CHARS = 13
"""The outline pane is at least this many characters wide: its titles stay readable."""
PREVIEW_CHARS = 22
"""The preview beside the pages is at least this many characters wide."""


def fit_tab_labels(tabs: QTabWidget) -> QTabWidget:
    """Every label whole: no “…”, no scroll arrows hiding tabs; the bar asks for the room."""
    tabs.setElideMode(Qt.TextElideMode.ElideNone)
    tabs.setUsesScrollButtons(False)
    return tabs


def chars_wide(widget: QWidget, count: int) -> int:
    """The width of `count` Chinese characters in the widget's font."""
    return widget.fontMetrics().horizontalAdvance("中" * count)


class _PageArea(QScrollArea):
    """A page as big as the room there is, never smaller than its minimum: then it scrolls.

    (QScrollArea's own resizing gives a page with a word-wrapped label the height its
    text would like, half again the window's: the 本县文本 box went below the fold.)
    """

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)

    def _fit(self) -> None:
        page = self.widget()
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.viewport().size()
        page.resize(max(room.width(), least.width()), max(room.height(), least.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()


class PageTabs(QTabWidget):
    """The pages (措施编辑, 封面 …), each in a scroll area: a page taller or wider than the
    window scrolls instead of making the window bigger than the screen.

    Callers keep naming the pages themselves: currentWidget, setCurrentWidget,
    indexOf and widget see through the scroll area.
    """

    def __init__(self) -> None:
        super().__init__()
        fit_tab_labels(self)

    def add_page(self, page: QWidget, label: str, scroll: bool = True) -> int:
        if not scroll:
            return self.addTab(page, label)
        return self.addTab(_PageArea(page), label)

    @staticmethod
    def _page(holder: QWidget | None) -> QWidget | None:
        if isinstance(holder, _PageArea):
            return holder.widget()
        return holder

    def _holder(self, page: QWidget) -> QWidget:
        for index in range(self.count()):
            holder = super().widget(index)
            if holder is page or self._page(holder) is page:
                return holder
        return page

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        return self._page(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self._page(super().currentWidget())

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        super().setCurrentWidget(self._holder(page))

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        return super().indexOf(self._holder(page))
