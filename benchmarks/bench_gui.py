"""How fast the window comes up with the demo, and how fast the preview follows an edit.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_gui.py

Start-up: from the process start to a shown window with the demo's outline,
a selected measure and the preview filled (Python and Qt start-up included).
Preview: the median time of a preview refresh after an edit (a rename), over
20 ops. Targets: start-up under 1.5 s, refresh under 100 ms.

One edit, every view told: with drafts of 200, 1,000 and 10,000 measures open, the
time from pushing an edit to every view having followed it (the preview and
the checks refresh later, after a pause, and are not counted): a typing
pause in the measure text, a rename (an outline change) and its undo.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

START = time.perf_counter()

from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PEAKPLAN_DATA_DIR"] = tempfile.mkdtemp(prefix="peakplan-bench-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core import operations as ops  # noqa: E402
from app.gui.app import build_window  # noqa: E402
from app.gui.commands import push  # noqa: E402
from app.gui.document import DraftDocument  # noqa: E402
from benchmarks.drafts import synthetic  # noqa: E402


def main() -> int:
    app = QApplication.instance() or QApplication([])
    window = build_window()
    window.resize(1366, 768)
    window.show()
    measure = next(window.doc.draft.measures())
    window.outline.select(measure.id)
    window.select(measure.id)
    app.processEvents()
    startup = time.perf_counter() - START
    times = []
    for i in range(20):
        push(window.doc, "重命名", ops.rename, measure.id, f"{measure.title}{i}")
        start = time.perf_counter()
        window.preview.refresh()
        times.append((time.perf_counter() - start) * 1000)
    print(f"start-up to the demo on screen     {startup:6.2f} s")
    print(
        f"preview refresh after an edit      {statistics.median(times):6.1f} ms median, {max(times):6.1f} ms worst"
    )
    for size in (200, 1000, 10000):
        typing, rename, undo = _edits(window, size)
        print(
            f"{size:5d} measures: typing pause {typing:6.1f} ms, rename {rename:6.1f} ms, "
            f"undo {undo:6.1f} ms (median)"
        )
    window.shutdown()
    window.doc.stack.clear()
    window.deleteLater()
    app.processEvents()
    return 0


def _edits(window, size: int) -> tuple[float, float, float]:
    """Median ms for the views to follow one edit, in a draft of `size` measures."""
    window.set_document(DraftDocument(synthetic(size), None, window))
    measure = list(window.doc.draft.measures())[size // 2]
    window.select_and_show(measure.id)
    QApplication.processEvents()

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        return (time.perf_counter() - start) * 1000

    typing = [
        timed(
            lambda i=i: push(
                window.doc,
                "编辑正文",
                ops.set_shown_text,
                measure.id,
                window.editor.text.toPlainText() + str(i),
                initiator=window.editor.text,
            )
        )
        for i in range(20)
    ]
    renames = [
        timed(lambda i=i: push(window.doc, "重命名", ops.rename, measure.id, f"措施{i}"))
        for i in range(10)
    ]
    undos = [timed(window.edits.undo_action.trigger) for _ in range(10)]
    window.doc.stack.clear()
    return statistics.median(typing), statistics.median(renames), statistics.median(undos)


if __name__ == "__main__":
    sys.exit(main())
