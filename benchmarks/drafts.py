"""Synthetic drafts for the benchmarks: a real draft's measures repeated to any size.

    uv run python benchmarks/drafts.py 10000 -o /tmp/big.peakplan

writes a draft of that many measures, taken up from the 宁夏 plan and adapted
(open questions, target mentions and parent sources included), as a
.peakplan file the window can open through 文件›打开. The benchmarks build
the same drafts in process with `synthetic()` and `taken_up()`.
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.core.draft.demo import load_demo  # noqa: E402
from app.core.draft.model import Draft  # noqa: E402
from app.core.draft.tree import renumber_ids  # noqa: E402


def synthetic(measures: int, base: Draft | None = None) -> Draft:
    """The demo (or `base`) with its actions' measures repeated until there are this many."""
    demo = base or load_demo()
    tasks = demo.chapter("tasks")
    source = [m for a in tasks.children for m in a.children]
    next_id = demo.next_id
    actions = []
    per_action = measures // len(tasks.children)
    for index, action in enumerate(tasks.children):
        children = []
        for k in range(per_action):
            node, next_id = renumber_ids(source[(index * per_action + k) % len(source)], next_id)
            children.append(node.model_copy(update={"title": f"{node.title}（{k + 1}）"}))
        shell, next_id = renumber_ids(action.model_copy(update={"children": ()}), next_id)
        actions.append(shell.model_copy(update={"children": tuple(children)}))
    chapters = tuple(
        c.model_copy(update={"children": tuple(actions)}) if c.id == tasks.id else c
        for c in demo.chapters
    )
    return demo.model_copy(update={"chapters": chapters, "next_id": next_id})


@cache
def ningxia_draft() -> Draft:
    """永宁县's draft taking up the whole 宁夏 plan, adapted (its questions asked)."""
    from app.core.operations.new_draft import new_draft
    from app.core.plans.library import find_plan

    draft, _ = new_draft(
        county="永宁县", city="银川市", region="宁夏回族自治区", plan=find_plan("ningxia-region")
    )
    return draft


def taken_up(measures: int) -> Draft:
    """A draft of this many measures taken up from 宁夏 (what `check` is measured on)."""
    return synthetic(measures, ningxia_draft())


def main() -> int:
    from app.core.draft.store.files import save_draft

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("measures", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    draft = taken_up(args.measures)
    saved = save_draft(draft, args.output)
    print(f"{saved}: {sum(1 for _ in draft.measures())} measures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
