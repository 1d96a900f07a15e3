"""The built-in demo: the 平罗县 送审稿 as a draft drawn from the 宁夏 region plan.

It is what a newcomer sees first and what `--demo` means on the command line.
resources/demo/pingluo.peakplan is made by tools/build_demo.py from the 平罗
reference plan, the 平罗 unit catalogue and the hand-checked links to the
宁夏 clauses in resources/demo/links.json.
"""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.core.draft.model import Draft
from app.core.draft.store.files import load_draft

DEMO_FILE = "pingluo.peakplan"


def demo_path() -> Path:
    return paths.resource("demo", DEMO_FILE)


def load_demo() -> Draft:
    return load_draft(demo_path())
