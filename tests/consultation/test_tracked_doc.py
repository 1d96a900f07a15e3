"""修订稿: the newer version with what changed since the older one as Word tracked changes."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from lxml import etree

from app.core import operations as ops
from app.core.plans.resolver import PlanResolver
from app.core.readout.render import rendered_nodes
from app.export.content import body_blocks
from app.export.package.package import package_files
from app.export.package.tracked_doc import change_author, change_date, tracked_bytes, tracked_path
from app.export.style import house_style
from tests.consultation.helpers import NEW_MEASURE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _tracked(draft) -> bytes:
    old, new = ops.version_draft(draft, 0), ops.version_draft(draft, 1)
    return tracked_bytes(
        draft,
        old,
        new,
        old_name=draft.versions[0].name,
        new_name=draft.versions[1].name,
        date=draft.versions[1].saved_at,
    )


def _body(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml")).find(_q("body"))


def _marked_paragraphs(body, tag: str):
    return [p for p in body.iter(_q("p")) if p.find(f"w:pPr/w:rPr/w:{tag}", NS) is not None]


def _unwrap(element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def _accept_all(body) -> None:
    """As Word's 接受所有修订: deletions gone, insertions kept, deleted paragraphs joined
    (their text all deleted, so: gone), old formats forgotten."""
    for element in body.xpath(".//w:del[not(parent::w:rPr)] | .//w:pPrChange", namespaces=NS):
        element.getparent().remove(element)
    for paragraph in _marked_paragraphs(body, "del"):
        paragraph.getparent().remove(paragraph)
    for element in body.xpath(".//w:ins[not(parent::w:rPr)]", namespaces=NS):
        _unwrap(element)


def _reject_all(body) -> None:
    """As 拒绝所有修订: insertions gone, deleted text back as plain runs."""
    for element in body.xpath(".//w:ins[not(parent::w:rPr)]", namespaces=NS):
        element.getparent().remove(element)
    for paragraph in _marked_paragraphs(body, "ins"):
        paragraph.getparent().remove(paragraph)
    for element in body.xpath(".//w:del[not(parent::w:rPr)]", namespaces=NS):
        _unwrap(element)
    for element in body.iter(_q("delText")):
        element.tag = _q("t")


def _texts(body) -> list[str]:
    return ["".join(p.itertext()) for p in body.iter(_q("p")) if "".join(p.itertext())]


def _printed(draft) -> list[str]:
    blocks = body_blocks(draft, house_style(draft.layout.style), rendered_nodes(draft))
    return [b.text for b in blocks if b.text]


def test_the_changes_are_tracked_with_author_and_date(revised):
    draft, edits = revised
    data = _tracked(draft)
    document = Document(io.BytesIO(data))
    assert document.paragraphs[0].text == draft.meta.document_title
    body = _body(data)
    author = change_author(draft)
    assert author == draft.meta.drafted_by  # the 编制单位
    insertions = body.xpath(".//w:ins", namespaces=NS)
    deletions = body.xpath(".//w:del", namespaces=NS)
    assert insertions and deletions
    for change in insertions + deletions:
        assert change.get(_q("author")) == author
        assert change.get(_q("date")) == "2023-09-20T10:00:00Z"
    ids = [c.get(_q("id")) for c in body.xpath(".//w:ins | .//w:del", namespaces=NS)]
    assert len(ids) == len(set(ids))
    # the new measure a paragraph inserted, the removed one a paragraph deleted
    inserted = ["".join(p.itertext()) for p in _marked_paragraphs(body, "ins")]
    assert any(NEW_MEASURE in text for text in inserted)
    deleted = [
        "".join(p.xpath(".//w:delText/text()", namespaces=NS))
        for p in _marked_paragraphs(body, "del")
    ]
    assert any(edits.removed_title in text for text in deleted)
    # the edited paragraph: its old words kept, 碳中和 inserted
    assert any("".join(i.itertext()) == "碳中和" for i in insertions)


def test_without_a_drafting_unit_the_author_is_the_county_drafting_group(revised):
    draft, _edits = revised
    meta = draft.meta.model_copy(update={"drafted_by": ""})
    draft = draft.model_copy(update={"meta": meta})
    body = _body(_tracked(draft))
    authors = {c.get(_q("author")) for c in body.xpath(".//w:ins | .//w:del", namespaces=NS)}
    assert authors == {"县发改局起草组"}


def test_accepting_all_gives_the_new_version_and_rejecting_all_the_old(revised):
    draft, _edits = revised
    data = _tracked(draft)
    accepted, rejected = _body(data), _body(data)
    _accept_all(accepted)
    _reject_all(rejected)
    assert _texts(accepted) == _printed(ops.version_draft(draft, 1))
    assert _texts(rejected) == _printed(ops.version_draft(draft, 0))


def test_two_equal_versions_track_nothing(revised):
    draft, _edits = revised
    same = ops.version_draft(draft, 1)
    data = tracked_bytes(draft, same, same, old_name="a", new_name="b")
    body = _body(data)
    assert not body.xpath(".//w:ins | .//w:del", namespaces=NS)
    assert _texts(body) == _printed(same)


def test_a_moved_measure_is_deleted_where_it_stood_and_inserted_where_it_stands(revised):
    draft, _edits = revised
    new = ops.version_draft(draft, 1)
    action = new.chapter("tasks").children[0]
    first = action.children[0]
    moved = ops.reorder(new, first.id, 1)
    data = tracked_bytes(draft, new, moved, old_name="a", new_name="b")
    accepted, rejected = _body(data), _body(data)
    _accept_all(accepted)
    _reject_all(rejected)
    assert _texts(accepted) == _printed(moved)
    assert _texts(rejected) == _printed(new)


def test_the_package_writes_the_tracked_draft_beside_the_revision_table(revised, tmp_path):
    draft, _edits = revised
    files, _notes = package_files(draft, tmp_path, PlanResolver.library())
    paths = [path for path, _data in files]
    assert tracked_path(draft, tmp_path) in paths
    assert tracked_path(draft, tmp_path).name.endswith("修订稿.docx")


def test_the_change_date_is_an_iso_time():
    assert change_date("2023-09-20") == "2023-09-20T00:00:00Z"
    assert change_date("2023-09") == "2023-09-01T00:00:00Z"
    assert change_date("2023-09-20T10:00:00") == "2023-09-20T10:00:00Z"
    assert change_date().endswith("Z")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it(revised, tmp_path):
    draft, _edits = revised
    path = tmp_path / "修订稿.docx"
    path.write_bytes(_tracked(draft))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "修订稿.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
