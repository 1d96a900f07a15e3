"""The 检查与对照 dock checks a big draft in the background: typing goes on, stale findings never show.

A user types into a measure of a 2,000-measure draft; the checks start after
the pause, in a worker, on the draft as it was. Here that check is held until
the user has typed more: the second edit reaches the draft while the first
check is still running, the first check's findings (now stale) are dropped,
and the panel ends up showing the findings of what is in the window.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.gui.document import DraftDocument
from app.gui.views import checks_panel
from benchmarks.drafts import synthetic
from tests.gui.helpers import type_text


def _found(window, node_id: str, words: str) -> bool:
    return any(
        f.code == "parent-wording" and f.node_id == node_id and words in f.message
        for f in window.checks.findings
    )


def test_typing_goes_on_while_a_big_draft_is_checked_and_the_panel_follows(
    window, qtbot, monkeypatch
):
    window.set_document(DraftDocument(synthetic(2000), None, window))
    qtbot.waitUntil(lambda: window.checks.checked is window.doc.draft, timeout=60_000)
    measure = list(window.doc.draft.measures())[1000]
    window.outline.select(measure.id)
    window.pages.setCurrentWidget(window.editor)
    assert window.editor.node_id == measure.id
    assert not _found(window, measure.id, "全区")

    gate = threading.Event()
    asked: list = []
    real = checks_panel.run_checks

    def held(draft, plans):
        asked.append(draft)
        gate.wait(60)
        return real(draft, plans)

    monkeypatch.setattr(checks_panel, "run_checks", held)
    shown: list = []
    window.checks.shown.connect(lambda: shown.append(window.checks.checked))
    try:
        text = window.editor.text
        QTest.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        QTest.keyClick(text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        type_text(text, "推动全区")
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)  # the pause came: a check runs
        first = asked[0]
        assert first.find(measure.id).paragraphs[-1].endswith("推动全区")

        # the check of the first edit is still running; the user types on, and it is taken
        type_text(text, "节能")
        qtbot.waitUntil(
            lambda: window.doc.draft.find(measure.id).paragraphs[-1].endswith("全区节能"),
            timeout=10_000,
        )
        assert asked == [first] and window.checks.job is not None
        assert window.checks.checked is not first  # nothing of it shown yet
    finally:
        gate.set()

    qtbot.waitUntil(lambda: window.checks.checked is window.doc.draft, timeout=60_000)
    assert all(draft is not first for draft in shown)  # the stale findings never showed
    assert _found(window, measure.id, "全区")
    listed = [
        window.checks.list.topLevelItem(i) for i in range(window.checks.list.topLevelItemCount())
    ]
    assert any(
        "全区" in item.text(2) and item.data(0, checks_panel.NODE) == measure.id for item in listed
    )
    assert "检查中" not in window.checks.tabText(0)


def test_a_check_asked_for_now_shows_at_once(window):
    """refresh() (as the window's pages use it) checks on the spot and shows the findings."""
    window.checks.refresh()
    assert window.checks.checked is window.doc.draft
    assert window.checks.list.topLevelItemCount() == len(window.checks.findings)
