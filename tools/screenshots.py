"""Screenshots of the desktop app for the README, at 1366×768, offscreen.

    QT_QPA_PLATFORM=offscreen uv run python tools/screenshots.py [--out docs/screenshots]

Uses a throw-away per-user folder, opens the demo, selects a measure taken
up from the 宁夏 plan, and grabs the main window, the measure editor and the
export dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PEAKPLAN_DATA_DIR"] = tempfile.mkdtemp(prefix="peakplan-shots-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui.app import build_window, install_translations  # noqa: E402
from app.gui.export_dialog import ExportDialog  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translations(app)
    window = build_window()
    window.resize(1366, 768)
    window.show()
    # a 宁夏 measure 平罗 did not take up, taken up now: its adapted words show
    tree = window.parents.tree("ningxia-region")
    tree.take("ningxia-region:三.二.4")
    measure = next(
        n
        for n in window.doc.draft.walk()
        if any(s.node == "ningxia-region:三.二.4" for s in n.sources)
    )
    window.outline.select(measure.id)
    window._select(measure.id)
    settle(app)
    window.preview.refresh()
    settle(app)
    window.grab().save(str(args.out / "main-window.png"))
    window.editor.grab().save(str(args.out / "measure-editor.png"))
    dialog = ExportDialog(window.doc.draft, str(Path.home()), window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(args.out / "export-dialog.png"))
    for name in ("main-window.png", "measure-editor.png", "export-dialog.png"):
        print(args.out / name)
    window.shutdown()
    window.doc.stack.clear()
    window.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
