"""One opinion record from the returned file to the draft (issue 22): the importer builds the
core's FoundOpinion, add_opinions keeps every field of it and refuses anything else."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pydantic import ValidationError

from app.core import operations as ops
from app.core.draft.consultation import FoundOpinion
from app.core.draft.demo import load_demo
from app.export.word.document import sent_copy, word_document
from app.feedback.reader import read_feedback


def test_every_field_read_reaches_the_draft(tmp_path):
    draft = load_demo()
    doc = Document(io.BytesIO(word_document(draft).data))
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 60)
    doc.add_comment(paragraph.runs[0], text="建议补充具体指标", author="张三", initials="ZS")
    path = tmp_path / "县住建局.docx"
    doc.save(path)
    (found,) = read_feedback(path, sent_copy(draft)).opinions
    assert isinstance(found, FoundOpinion)
    (kept,) = ops.add_opinions(draft, [found]).opinions
    assert kept.model_dump(exclude={"id"}) == found.model_dump()
    assert (kept.unit, kept.author, kept.source) == ("县住建局", "张三", "县住建局.docx")


def test_an_unknown_field_or_record_is_refused_not_dropped():
    draft = load_demo()
    with pytest.raises(ValidationError):
        FoundOpinion(kind="comment", unit="县住建局", coment="错拼的字段")
    with pytest.raises(TypeError):
        ops.add_opinions(draft, [{"kind": "comment", "unit": "县住建局", "coment": "错拼的字段"}])
