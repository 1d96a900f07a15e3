"""Returned copies read against the draft as it was sent (issue 28 item 1): the team edits after
the export, the unit's copy comes back, and only what the unit wrote is found; carried onto
the current text, adopting it keeps the team's edits; the same file twice adds nothing."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from app.cli import main
from app.core import operations as ops
from app.core.draft.demo import load_demo
from app.core.draft.store.files import load_draft, save_draft
from app.export.word.document import sent_copy, word_document

TEAM = "起草组新增的措施文字"


def _plain_nodes(draft, sent, count: int) -> list:
    """Nodes printed as a paragraph of their own (pp_<id>_p0), long, without targets."""
    names = {name for name, _node, _parts in sent.blocks}
    nodes = [
        n
        for n in draft.walk()
        if f"pp_{n.id}_p0" in names
        and n.paragraphs
        and len(n.paragraphs[0]) > 60
        and "⟦" not in n.paragraphs[0]
        and n.paragraphs[0].count("，") >= 2
    ]
    assert len(nodes) >= count
    return nodes[:count]


def _paragraph(doc, name: str):
    for bookmark in doc.element.body.iter(qn("w:bookmarkStart")):
        if bookmark.get(qn("w:name")) == name:
            return next(p for p in doc.paragraphs if p._p is bookmark.getparent())
    raise AssertionError(name)


def _replace(paragraph, old: str, new: str) -> None:
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new, 1)
            return
    raise AssertionError(old)


def _last_comma(paragraph) -> str:
    """The words around the paragraph's last comma: the unit's edit, far from the team's."""
    text = paragraph.text
    at = text.rindex("，")
    return text[at - 3 : at + 1]


@pytest.mark.parametrize("as_version", [False, True], ids=["unsaved", "saved-version"])
def test_the_teams_edits_after_export_are_not_read_as_the_units(tmp_path, capsys, as_version):
    draft = load_demo()
    if as_version:
        draft = ops.save_version(draft, "征求意见稿", "2023-08-15")
    path = save_draft(draft, tmp_path / "d.peakplan")
    assert main(["export", str(path), "-o", str(tmp_path / "out"), "--word-only"]) == 0
    exported = next((tmp_path / "out").glob("*.docx"))
    sent = sent_copy(draft)
    a, b, c = _plain_nodes(draft, sent, 3)

    # the team goes on: words added to a, a paragraph put in before b's, c untouched
    team = load_draft(path)
    team = ops.set_paragraphs(team, a.id, (a.paragraphs[0] + TEAM, *a.paragraphs[1:]))
    team = ops.set_paragraphs(team, b.id, ("起草组补充的一段。", *b.paragraphs))
    save_draft(team, path)

    # the unit edits a and b (other words than the team's) and comments on c
    doc = Document(exported)
    unit_a = _paragraph(doc, f"pp_{a.id}_p0")
    words_a = _last_comma(unit_a)
    _replace(unit_a, words_a, words_a[:-1] + "；")
    unit_b = _paragraph(doc, f"pp_{b.id}_p0")
    words_b = _last_comma(unit_b)
    _replace(unit_b, words_b, words_b[:-1] + "；")
    doc.add_comment(_paragraph(doc, f"pp_{c.id}_p0").runs[0], text="请核实", author="王五")
    returned = tmp_path / "县住建局反馈.docx"
    doc.save(returned)

    assert main(["feedback", str(path), str(returned), "--unit", "县住建局"]) == 0
    saved = load_draft(path)
    found = saved.opinions
    assert sorted((o.kind, o.node_id) for o in found) == sorted(
        [("edit", a.id), ("edit", b.id), ("comment", c.id)]
    )
    assert not any(TEAM in o.original or TEAM in o.proposed for o in found)
    assert not any("起草组补充" in o.original + o.proposed for o in found)
    on_b = next(o for o in found if o.node_id == b.id)
    assert on_b.index == 1  # carried past the team's new paragraph

    adopted = ops.adopt_all(saved)
    node_a, node_b = adopted.find(a.id), adopted.find(b.id)
    assert TEAM in node_a.paragraphs[0] and words_a[:-1] + "；" in node_a.paragraphs[0]
    assert node_b.paragraphs[0] == "起草组补充的一段。"
    assert words_b[:-1] + "；" in node_b.paragraphs[1]

    # the same file again: recognised, nothing added
    capsys.readouterr()
    assert main(["feedback", str(path), str(returned), "--unit", "县住建局"]) == 0
    assert len(load_draft(path).opinions) == 3
    assert "未重复添加" in capsys.readouterr().out


def test_the_export_names_the_draft_as_sent_and_the_draft_keeps_it(tmp_path):
    draft = load_demo()
    path = save_draft(draft, tmp_path / "d.peakplan")
    assert main(["export", str(path), "-o", str(tmp_path / "out"), "--word-only"]) == 0
    exported = next((tmp_path / "out").glob("*.docx"))
    with zipfile.ZipFile(exported) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    kept = load_draft(path).sent
    assert len(kept) == 1 and kept[0].mark in custom and kept[0].paragraphs
    # exporting the same text again keeps no second copy
    assert main(["export", str(path), "-o", str(tmp_path / "out2"), "--word-only"]) == 0
    assert load_draft(path).sent == kept


def test_a_copy_whose_sent_text_is_not_kept_is_read_against_the_draft_with_a_note(tmp_path):
    draft = load_demo()
    data = word_document(draft).data  # exported, never recorded in the draft
    changed = ops.set_meta(draft, title=draft.meta.document_title + "（修改）")
    doc = Document(io.BytesIO(data))
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 60)
    doc.add_comment(paragraph.runs[0], text="请核实", author="王五")
    path = tmp_path / "县住建局.docx"
    doc.save(path)
    from app.feedback.reader import read_feedback

    feedback = read_feedback(path, sent_copy(changed), "县住建局")
    assert any("没有记录" in note for note in feedback.notes)


def test_a_change_of_words_the_team_has_since_rewritten_is_flagged(tmp_path):
    from app.feedback.reader import read_feedback

    draft = load_demo()
    document = word_document(draft)
    draft = ops.record_sent(draft, document.sent)
    (a,) = _plain_nodes(draft, sent_copy(draft), 1)
    doc = Document(io.BytesIO(document.data))
    unit_a = _paragraph(doc, f"pp_{a.id}_p0")
    words = _last_comma(unit_a)
    _replace(unit_a, words, words[:-1] + "；")
    path = tmp_path / "县住建局.docx"
    doc.save(path)
    # the team rewrites the same words
    team = ops.set_paragraphs(draft, a.id, (a.paragraphs[0].replace(words, "（起草组改写）"),))
    feedback = read_feedback(path, sent_copy(team), "县住建局")
    assert [(o.kind, o.node_id) for o in feedback.opinions] == [("edit", a.id)]
    assert any("起草组此后已修改" in note for note in feedback.notes)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_keeps_the_mark_of_the_draft_as_sent(tmp_path):
    from app.feedback.reader import read_feedback

    draft = load_demo()
    document = word_document(draft)
    draft = ops.record_sent(draft, document.sent)
    source = tmp_path / "in.docx"
    source.write_bytes(document.data)
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with zipfile.ZipFile(out / "in.docx") as archive:
        assert document.sent.mark in archive.read("docProps/custom.xml").decode("utf-8")
    (a,) = _plain_nodes(draft, sent_copy(draft), 1)
    team = ops.set_paragraphs(draft, a.id, (a.paragraphs[0] + TEAM,))
    doc = Document(out / "in.docx")
    doc.add_comment(_paragraph(doc, f"pp_{a.id}_p0").runs[0], text="请核实", author="王五")
    doc.save(out / "县住建局.docx")
    feedback = read_feedback(out / "县住建局.docx", sent_copy(team), "县住建局")
    assert [(o.kind, o.node_id) for o in feedback.opinions] == [("comment", a.id)]
    assert not any("没有记录" in note for note in feedback.notes)


def test_a_mark_that_its_text_contradicts_is_not_believed(tmp_path):
    """A copy of today's text carrying the mark of an earlier export (copied from another file)
    is read against today's text: the team's edits since that export are no opinions."""
    from app.feedback.reader import read_feedback

    draft = load_demo()
    early = word_document(draft)
    (a,) = _plain_nodes(draft, sent_copy(draft), 1)
    team = ops.record_sent(draft, early.sent)
    team = ops.set_paragraphs(team, a.id, (a.paragraphs[0] + TEAM, *a.paragraphs[1:]))
    today = word_document(team).data
    doc = Document(io.BytesIO(today))
    doc.add_comment(_paragraph(doc, f"pp_{a.id}_p0").runs[0], text="请核实", author="王五")
    buffer = io.BytesIO()
    doc.save(buffer)
    forged = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(forged, "w") as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/custom.xml":
                data = data.replace(team_mark(team).encode(), early.sent.mark.encode())
            target.writestr(info.filename, data)
    path = tmp_path / "县住建局.docx"
    path.write_bytes(forged.getvalue())
    feedback = read_feedback(path, sent_copy(team), "县住建局")
    assert [(o.kind, o.node_id) for o in feedback.opinions] == [("comment", a.id)]
    assert any("不符" in note for note in feedback.notes)


def team_mark(draft) -> str:
    return sent_copy(draft).mark


def test_a_draft_saved_without_sent_copies_loads_and_keeps_none(tmp_path):
    """Drafts saved before the sent copies (no 'sent' in the file) still open."""
    import json

    from app.core.draft.store.files import parse_draft

    data = load_demo().model_dump(mode="json")
    data.pop("sent")
    draft = parse_draft(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert draft.sent == ()
