"""The preview after typing: the deferred refresh at the pause, and the immediate one.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_preview.py

With drafts of 200, 1,000 and 10,000 measures open and a measure in the middle
selected: the median time of
- the deferred refresh that follows a typing pause in the measure text (the
  preview rebuilds that measure's blocks only: the change record names it);
- the same refresh rebuilding the whole preview (what it did before);
- the immediate refresh when another measure is selected (always whole).
Target: the deferred refresh ≤ 50 ms at 1,000 measures.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

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

ROUNDS = 10


def _ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(window, size: int) -> tuple[float, float, float]:
    window.set_document(DraftDocument(synthetic(size), None, window))
    measures = list(window.doc.draft.measures())
    middle = measures[size // 2]
    window.select_and_show(middle.id)
    QApplication.processEvents()
    preview = window.preview
    deferred, whole, immediate = [], [], []
    for i in range(ROUNDS):
        text = window.editor.text.toPlainText() + str(i)
        push(
            window.doc,
            "编辑正文",
            ops.set_shown_text,
            middle.id,
            text,
            initiator=window.editor.text,
        )
        deferred.append(_ms(preview.refresh))
        push(
            window.doc,
            "编辑正文",
            ops.set_shown_text,
            middle.id,
            text + "。",
            initiator=window.editor.text,
        )
        preview.stale = None  # as before: the whole preview rebuilt
        whole.append(_ms(preview.refresh))
        other = measures[size // 2 + 1 + i % 2]
        immediate.append(_ms(lambda other=other: preview.show_node(other.id)))
        preview.show_node(middle.id)
    window.doc.stack.clear()
    return statistics.median(deferred), statistics.median(whole), statistics.median(immediate)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    window = build_window()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    print("measures  deferred (changed blocks)  deferred (whole, before)  immediate (select)")
    for size in (200, 1000, 10000):
        deferred, whole, immediate = measure(window, size)
        print(f"{size:8d}  {deferred:22.1f} ms  {whole:21.1f} ms  {immediate:15.1f} ms")
    window.shutdown()
    window.doc.stack.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
