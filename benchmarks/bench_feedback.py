"""Importing 50 returned files of the demo, each with a comment, a tracked insertion and two
edits: `.venv/bin/python benchmarks/bench_feedback.py` (the goal: under 10 s).

Then hostile files at the bounds (app/importer/readers/limits.py): the most comments, tracked changes
and paragraphs a file may have, each read in full (goal: a few seconds each), and 50,000
comments — refused at once (goal: under 2 s, the draft untouched)."""

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
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import read_feedback
from app.importer.readers.limits import (
    MAX_RETURNED_CHANGES,
    MAX_RETURNED_COMMENTS,
    MAX_RETURNED_PARAGRAPHS,
)


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
    at_the_bounds()


def _with_parts(data: bytes, document: bytes, comments: bytes | None) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                body = document
            elif info.filename == "word/comments.xml" and comments is not None:
                body = comments
            target.writestr(info.filename, body)
    return out.getvalue()


def hostile(data: bytes, comments: int = 0, changes: int = 0, paragraphs: int = 0) -> bytes:
    """The export with that many comments and tracked changes spread over its body paragraphs,
    and that many paragraphs typed in."""
    import zipfile

    doc = Document(io.BytesIO(data))
    doc.add_comment(doc.paragraphs[0].runs[0], text="一", author="县住建局")
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/comments.xml"))
    body = [b.getparent() for b in document.iter(qn("w:bookmarkStart"))]
    for k in range(comments - 1):
        key = str(50_000 + k)
        run = etree.SubElement(body[k % len(body)], qn("w:r"))
        etree.SubElement(run, qn("w:commentReference")).set(qn("w:id"), key)
        comment = etree.SubElement(notes, qn("w:comment"))
        comment.set(qn("w:id"), key)
        comment.set(qn("w:author"), "县住建局")
        p = etree.SubElement(etree.SubElement(comment, qn("w:p")), qn("w:r"))
        etree.SubElement(p, qn("w:t")).text = f"意见{k}"
    for k in range(changes):
        ins = etree.SubElement(body[k % len(body)], qn("w:ins"))
        ins.set(qn("w:id"), str(60_000 + k))
        ins.set(qn("w:author"), "县住建局")
        etree.SubElement(etree.SubElement(ins, qn("w:r")), qn("w:t")).text = f"字{k}"
    where = document.find(qn("w:body"))
    for k in range(paragraphs - len(where)):
        paragraph = etree.SubElement(where, qn("w:p"))
        etree.SubElement(
            etree.SubElement(paragraph, qn("w:r")), qn("w:t")
        ).text = f"新增的第{k}段文字"
    return _with_parts(data, etree.tostring(document), etree.tostring(notes))


def at_the_bounds() -> None:
    from app.feedback.reader import FeedbackError

    draft = load_demo()
    data = word_document(draft).data
    sent = sent_copy(draft)
    cases = [
        (f"{MAX_RETURNED_COMMENTS:,} comments", {"comments": MAX_RETURNED_COMMENTS}),
        (f"{MAX_RETURNED_CHANGES:,} tracked changes", {"changes": MAX_RETURNED_CHANGES}),
        (f"{MAX_RETURNED_PARAGRAPHS:,} paragraphs", {"paragraphs": MAX_RETURNED_PARAGRAPHS}),
        ("50,000 comments (refused)", {"comments": 50_000}),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for label, sizes in cases:
            path = Path(folder) / "县住建局.docx"
            path.write_bytes(hostile(data, **sizes))
            start = time.perf_counter()
            try:
                count = f"{len(read_feedback(path, sent).opinions):,} opinions"
            except FeedbackError:
                count = "refused"
            took = time.perf_counter() - start
            print(f"{label:32s} {count:>18s}: {took:6.2f} s")


if __name__ == "__main__":
    main()
