"""How long the window takes to open a big draft through 文件›打开.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_open.py [--measures 10000 …]

For each size, a draft of that many measures taken up from 宁夏
(benchmarks/drafts.py) is saved to a .peakplan file; the window (built as
at start-up, offscreen) opens it with the same call as 文件›打开
(FileActions.open_path), and events are processed until the views are filled:
the outline lists the draft, the first measure is in the editor and the
preview, and the 检查与对照 dock shows the draft's findings. Printed: the time
until the views are filled, until the checks are shown, and how long the GUI
thread was busy at most between two turns of the event loop meanwhile (what
a user would feel as a frozen window). Target at 10,000 measures: under 5 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PEAKPLAN_DATA_DIR"] = tempfile.mkdtemp(prefix="peakplan-bench-")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.draft.store.files import save_draft  # noqa: E402
from app.gui.app import build_window  # noqa: E402
from benchmarks.drafts import taken_up  # noqa: E402


def filled(window, first_id: str) -> bool:
    """The outline lists the draft, the first measure is in the editor and the preview."""
    return (
        window.outline.model().rowCount() == len(window.doc.draft.chapters)
        and window.editor.node_id == first_id
        and window.preview.toPlainText() != ""
    )


def checked(window) -> bool:
    """The checks dock shows the findings of the open draft."""
    checks = window.checks
    if not hasattr(checks, "checked"):  # checks run on the GUI thread when the timer fires
        return not checks.timer.isActive() and checks.list.topLevelItemCount() > 0
    return checks.checked is window.doc.draft and checks.list.topLevelItemCount() > 0


def open_draft(window, path: Path, first_id: str) -> tuple[float, float, float]:
    """Seconds until the views are filled, until the checks are shown; the longest GUI stall."""
    app = QApplication.instance()
    stalls: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0])
        last[0] = now

    heart = QTimer(interval=10)
    heart.timeout.connect(beat)
    start = time.perf_counter()
    heart.start()
    assert window.files.open_path(path)
    window.select_and_show(first_id)  # what opening a file leaves to the user: a first click
    views = None
    while True:
        app.processEvents()
        now = time.perf_counter()
        if views is None and filled(window, first_id):
            views = now - start
        if views is not None and checked(window):
            break
        if now - start > 600:
            raise SystemExit("the window did not fill in 10 minutes")
        time.sleep(0.002)
    done = time.perf_counter() - start
    heart.stop()
    return views, done, max(stalls, default=done)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = build_window()
    window.resize(1366, 768)
    window.show()
    window.files.ask_to_save = lambda: "discard"
    app.processEvents()
    with tempfile.TemporaryDirectory() as folder:
        for measures in args.measures:
            draft = taken_up(measures)
            path = save_draft(draft, Path(folder) / f"big{measures}.peakplan")
            first = next(draft.measures()).id
            views, done, stall = open_draft(window, path, first)
            print(
                f"open {measures:6d} measures ({path.stat().st_size / 1e6:5.1f} MB): "
                f"views filled {views:6.2f} s, checks shown {done:6.2f} s, "
                f"longest GUI stall {stall:6.2f} s"
            )
    window.shutdown()
    window.doc.stack.clear()
    window.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
