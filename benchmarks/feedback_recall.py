"""Recall and precision of reading returned files made by LibreOffice itself (record changes,
comments, split and merge, accept-all, .docx and .doc, 反馈意见表 in Writer and Calc).

    uv run python benchmarks/feedback_recall.py

Needs soffice and the system python3 with python3-uno (tests/feedback/office).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.draft.demo import load_demo
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import read_feedback
from tests.feedback.office import office_missing, run_office
from tests.feedback.office.returned_set import EXPECTED, jobs, score


def main() -> int:
    missing = office_missing()
    if missing:
        print(missing)
        return 1
    draft = load_demo()
    sent = sent_copy(draft)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "平罗县碳达峰实施方案（征求意见稿）.docx"
        source.write_bytes(word_document(draft).data)
        run_office(jobs(source, folder))
        found = {}
        for name in EXPECTED:
            feedback = read_feedback(folder / name, sent)
            found[name] = [(o.kind, o.node_id, o.place) for o in feedback.opinions]
            print(name, found[name], feedback.notes)
    expected, total, right = score(found)
    print(f"files {len(EXPECTED)}  expected {expected}  found {total}  right {right}")
    print(f"recall {right / expected:.2%}  precision {right / max(1, total):.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
