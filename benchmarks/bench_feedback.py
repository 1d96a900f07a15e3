"""Importing 50 returned files of the demo, each with a comment, a tracked insertion and two
edits: `.venv/bin/python benchmarks/bench_feedback.py` (the goal: under 10 s)."""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.export.word import sent_copy, word_document
from app.importer.feedback import read_feedback


def returned_file(data: bytes, k: int, folder: Path) -> Path:
    doc = Document(io.BytesIO(data))
    long = [p for p in doc.paragraphs if len(p.text) > 60]
    for paragraph in (long[k % len(long)], long[(k + 7) % len(long)]):
        run = next(r for r in paragraph.runs if "，" in r.text)
        run.text = run.text.replace("，", "、", 1)
    doc.add_comment(long[(k + 3) % len(long)].runs[0], text=f"意见{k}", author=f"审阅人{k}")
    wrap = etree.SubElement(long[(k + 5) % len(long)]._p, qn("w:ins"))
    wrap.set(qn("w:id"), "900")
    wrap.set(qn("w:author"), f"审阅人{k}")
    etree.SubElement(etree.SubElement(wrap, qn("w:r")), qn("w:t")).text = "并加强监测"
    path = folder / f"单位{k}反馈.docx"
    doc.save(path)
    return path


def main() -> None:
    draft = load_demo()
    data = word_document(draft).data
    with tempfile.TemporaryDirectory() as folder:
        paths = [returned_file(data, k, Path(folder)) for k in range(50)]
        start = time.perf_counter()
        sent = sent_copy(draft)
        opinions = []
        for path in paths:
            opinions.extend(read_feedback(path, sent).opinions)
        draft = ops.add_opinions(draft, opinions)
        took = time.perf_counter() - start
    print(f"50 returned files, {len(draft.opinions)} opinions: {took:.2f} s (goal < 10 s)")


if __name__ == "__main__":
    main()
