"""An export killed (SIGKILL) at any moment leaves the old pair or the new pair, never a mix.

A child process exports two drafts (甲, 乙) into one folder over and over, each
pair built once and written by the real export path; it is killed at a random
moment. Each file is then one of the two exports' bytes; after recovery (what
the next export does first) the two files are one export's pair; after the
next export no temporary file of ours is left.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from app.core.draft.demo import load_demo
from app.core.plans.resolver import PlanResolver
from app.export import pair
from app.export.files import export_draft
from tests.faults.killing import kill_once_ready

PLANS = PlanResolver.library()
CHILD = r"""
import sys
from pathlib import Path
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.plans.resolver import PlanResolver
from app.export import files

folder, hashes = Path(sys.argv[1]), Path(sys.argv[2])
plans = PlanResolver.library()
built = {}
for tag in ("甲", "乙"):
    draft = ops.set_meta(load_demo(), preamble=(f"{tag}稿前言。",))
    measure = next(n for n in draft.walk() if n.level == 3 and n.work_rows)
    row = measure.work_rows[0].model_copy(update={"work": f"{tag}稿的主要工作"})
    draft = ops.set_work_rows(draft, measure.id, (row,))  # in the task table too
    built[tag] = (files.word_document(draft), files.excel_bytes(draft, plans=plans))
which = {}
files.word_document = lambda draft, comments=True: built[which["tag"]][0]
files.excel_bytes = lambda draft, plans, comments=True: built[which["tag"]][1]
import hashlib
hashes.write_text(
    "\n".join(
        f"{tag} {hashlib.sha256(w.data).hexdigest()} {hashlib.sha256(x).hexdigest()}"
        for tag, (w, x) in built.items()
    ),
    encoding="utf-8",
)
draft = load_demo()
which["tag"] = "甲"
files.export_draft(draft, folder, plans=plans)
print("ready", flush=True)
while True:
    for tag in ("乙", "甲"):
        which["tag"] = tag
        files.export_draft(draft, folder, plans=plans)
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_an_export_killed_at_random_moments_leaves_a_whole_pair(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    word = folder / "平罗县碳达峰实施方案.docx"
    excel = folder / "平罗县碳达峰实施方案任务分工表.xlsx"
    rng = random.Random(15)
    seen: set[str] = set()
    for round_ in range(20):
        hashes = tmp_path / f"hashes{round_}"
        kill_once_ready(CHILD, [str(folder), str(hashes)], rng, 0.15)
        pairs = {}
        for line in hashes.read_text(encoding="utf-8").splitlines():
            tag, w, x = line.split()
            pairs[tag] = (w, x)
        assert len({w for w, _x in pairs.values()} | {x for _w, x in pairs.values()}) == 4
        # Right after the kill each file is whole: one export's or the other's.
        assert _sha(word) in {w for w, _x in pairs.values()}
        assert _sha(excel) in {x for _w, x in pairs.values()}
        pair.recover(folder)  # what the next export does first
        found = (_sha(word), _sha(excel))
        assert found in pairs.values(), f"round {round_}: a mixed pair"
        seen.add(next(tag for tag, p in pairs.items() if p == found))
        # The next export removes what the killed one left (its lock file too).
        export_draft(load_demo(), folder, plans=PLANS)
        leftovers = sorted(p.name for p in folder.iterdir() if p not in (word, excel))
        assert leftovers == [], f"round {round_}: {leftovers}"
    assert seen == {"甲", "乙"}  # killed in both exports' turns
