"""The window on a 1024×600 screen (issue 27): it fits, nothing is cut to a few characters,
no tab label is clipped, and the preview is a page that 视图 › 预览 hides for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabBar, QToolButton

# a 600-pixel screen less a task bar and the window's title bar
SCREEN = (1024, 530)


def _small(window, qtbot):
    window.resize(*SCREEN)
    qtbot.waitUntil(lambda: window.width() == SCREEN[0])
    return window


def _chars(widget, count: int) -> int:
    return widget.fontMetrics().horizontalAdvance("中" * count)


def test_the_window_fits_a_small_screen(window, qtbot):
    _small(window, qtbot)
    assert window.minimumSizeHint().width() <= SCREEN[0]
    assert window.minimumSizeHint().height() <= SCREEN[1]
    assert window.height() == SCREEN[1]


def test_outline_titles_and_preview_stay_readable(window, qtbot):
    _small(window, qtbot)
    outline = window.outline
    assert outline.viewport().width() >= _chars(outline, 16)
    # the preview is a page of its own, as wide as the pages
    pages = window.pages
    labels = [pages.tabText(i) for i in range(pages.count())]
    assert "预览" in labels
    pages.setCurrentIndex(labels.index("预览"))
    qtbot.waitUntil(window.preview.isVisible)
    assert window.preview.width() >= _chars(window.preview, 30)


def test_no_tab_label_is_clipped(window, qtbot):
    _small(window, qtbot)
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible()]
    assert len(bars) >= 3  # the pages, the outline's and the editor's side
    for bar in bars:
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        assert not arrows, [bar.tabText(i) for i in range(bar.count())]
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue  # 上级已修订 shows only while a source is revised
            rect = bar.tabRect(index)
            text = bar.tabText(index).replace("&", "")
            assert bar.rect().contains(rect), text
            assert rect.width() >= bar.fontMetrics().horizontalAdvance(text), text


def test_hiding_the_preview_is_remembered(window, qtbot):
    from app.gui.app import build_window

    _small(window, qtbot)
    entry = next(a for a in window.findChildren(QAction) if a.text() == "预览(&P)")
    assert entry.isChecked()
    entry.trigger()
    labels = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert "预览" not in labels
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    assert not window.preview.isVisible()
    again = build_window()
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    assert not again.preview.isVisible()
    assert not next(a for a in again.findChildren(QAction) if a.text() == "预览(&P)").isChecked()
    again.shutdown()
    again.doc.stack.clear()
    again.close()


def test_the_county_target_cells_are_on_screen_beside_the_parents_values(window, qtbot):
    """At 1366×768 the county's cell of every year a target is set for is in view without
    scrolling, each just left of the parent's value for that year (they were to the right of
    all the parent's years, behind a scroll bar)."""
    window.pages.setCurrentWidget(window.targets)
    table, model = window.targets.table, window.targets.model
    qtbot.waitUntil(table.isVisible)
    years = sorted({y.year for t in window.doc.draft.targets for y in t.years})
    assert list(model.years) == years  # no column for a year no target has
    for year in years:
        county, parent = model.county_column(year), model.parent_column(year)
        assert model.headerData(county, Qt.Orientation.Horizontal) == f"本县{year}年"
        assert model.headerData(parent, Qt.Orientation.Horizontal) == f"上级{year}年"
        assert parent == county + 1
        right = table.columnViewportPosition(county) + table.columnWidth(county)
        assert table.columnViewportPosition(county) >= 0 and right <= table.viewport().width()
