"""Hostile and odd plan files: each is refused with a Chinese message naming what is wrong,
or imported; none hangs, none eats memory, and the file itself is never changed."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import zipfile
from pathlib import Path

import pytest

from app.core.errors import PlanImportError
from app.core.files import READ_LIMITS
from app.importer import import_plan, import_to_library
from app.importer.readers.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_DOCX_PART_BYTES,
    MAX_PARAGRAPH_CHARS,
    MAX_PLAN_ID_BYTES,
    MAX_TEXT_BYTES,
    MAX_ZIP_MEMBERS,
)

LIMIT_SECONDS = 120
PLAN = [
    "某某县碳达峰实施方案",
    "一、总体要求",
    "（一）指导思想",
    "坚持系统观念，统筹发展和减排。",
    "二、重点任务",
    "（一）能源绿色低碳转型行动",
    "1.大力发展新能源。到2025年，非化石能源消费比重达到20%。（责任单位：县发改局）",
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/image" Target="media/image1.png"/></Relationships>'
)


def _document_xml(lines: list[str]) -> str:
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{paragraphs}</w:body></w:document>'


def _docx(path: Path, document: str | None = None, extra=None) -> Path:
    """A minimal .docx; `extra(archive)` adds hostile members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        if document is not None:
            archive.writestr("word/document.xml", document)
        if extra:
            extra(archive)
    return path


def _zeros(archive: zipfile.ZipFile, name: str, size: int) -> None:
    """A member of `size` zero bytes, written a megabyte at a time (it packs to a thousandth)."""
    chunk = bytes(1024 * 1024)
    with archive.open(name, "w", force_zip64=size > 0x7FFF_FFFF) as handle:
        left = size
        while left > 0:
            handle.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)


def _outcome(path: Path) -> str:
    """ "OK" or the message the user sees (anything else escaping is a bug and raises)."""
    try:
        import_plan(path)
    except PlanImportError as exc:
        return exc.one_line()
    return "OK"


def _guarded(path: Path) -> str:
    """_outcome in a forked child: a hang or runaway memory fails the test, not the suite."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)

    def run() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
        try:
            child.send(_outcome(path))
        except BaseException as exc:  # report, do not hide, what escaped
            child.send(f"ESCAPED {type(exc).__name__}: {exc}")

    process = context.Process(target=run)
    process.start()
    try:
        if not parent.poll(LIMIT_SECONDS):
            pytest.fail(f"importing {path.name} did not finish within {LIMIT_SECONDS} s")
        return parent.recv()
    finally:
        process.kill()
        process.join()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(path: Path, *words: str) -> str:
    before = _sha(path) if path.is_file() else None
    message = _guarded(path)
    assert not message.startswith(("OK", "ESCAPED")), message
    for word in words:
        assert word in message, message
    assert not any(
        "a" <= ch.lower() <= "z"
        for ch in message.replace("Word", "")
        .replace("docx", "")
        .replace("word/document.xml", "")
        .replace("xml", "")
        .replace("XML", "")
        .replace("MB", "")
        .replace("txt", "")
        .replace("zip", "")
        .replace("PDF", "")
    ), message
    if before is not None:
        assert _sha(path) == before
    return message


def _imports(path: Path) -> None:
    before = _sha(path)
    assert _guarded(path) == "OK"
    assert _sha(path) == before


# --- .docx ---------------------------------------------------------------------------


def test_a_minimal_docx_imports(tmp_path):
    _imports(_docx(tmp_path / "plan.docx", _document_xml(PLAN)))


def test_docx_body_over_the_size_limit_is_not_inflated(tmp_path):
    def bomb(archive):
        _zeros(archive, "word/document.xml", MAX_DOCX_PART_BYTES + 1024 * 1024)

    path = _docx(tmp_path / "bomb.docx", None, bomb)
    assert path.stat().st_size < 1024 * 1024
    _refused(path, "正文", "word/document.xml", f"{MAX_DOCX_PART_BYTES // 1024 // 1024} MB")


def test_docx_body_with_a_bomb_ratio_is_not_inflated(tmp_path):
    def bomb(archive):
        _zeros(archive, "word/document.xml", 4 * 1024 * 1024)

    path = _docx(tmp_path / "ratio.docx", None, bomb)
    _refused(path, "正文", "压缩比", f"{MAX_COMPRESSION_RATIO}")


def test_docx_body_whose_directory_understates_its_size(tmp_path):
    def liar(archive):
        _zeros(archive, "word/document.xml", 2 * MAX_DOCX_PART_BYTES)
        archive.getinfo("word/document.xml").file_size = 1000  # the directory lies

    _refused(_docx(tmp_path / "liar.docx", None, liar), "正文", "无法解压", "已损坏")


def test_docx_with_a_huge_picture_imports_without_reading_it(tmp_path):
    def picture(archive):
        _zeros(archive, "word/media/image1.png", 64 * 1024 * 1024)
        # The directory claims 3 GB: inflating it would fail or exhaust the child's 2 GB.
        archive.getinfo("word/media/image1.png").file_size = 3 * 1024**3

    path = _docx(tmp_path / "picture.docx", _document_xml(PLAN), picture)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/media/image1.png").file_size == 3 * 1024**3
    _imports(path)


def test_docx_with_too_many_parts(tmp_path):
    def many(archive):
        for n in range(MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"customXml/item{n}.xml", "")

    _refused(
        _docx(tmp_path / "many.docx", _document_xml(PLAN), many), "部件", f"{MAX_ZIP_MEMBERS:,}"
    )


def test_docx_without_a_body_and_with_a_broken_one(tmp_path):
    _refused(_docx(tmp_path / "hollow.docx"), "缺少正文", "word/document.xml")
    broken = _document_xml(PLAN).replace("</w:body>", "")
    _refused(_docx(tmp_path / "broken.docx", broken), "XML 格式错误", "第 1 行")


def test_docx_that_is_no_zip(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    _refused(path, "已损坏")


# --- special files -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plan.txt", "plan.docx", "plan.pdf"])
def test_fifo_is_refused_without_waiting(tmp_path, name):
    path = tmp_path / name
    os.mkfifo(path)
    _refused(path, "不是普通文件")


@pytest.mark.parametrize("name", ["plan.txt", "plan.docx", "plan.html"])
def test_symlink_to_dev_zero_is_refused(tmp_path, name):
    path = tmp_path / name
    path.symlink_to("/dev/zero")
    _refused(path, "不是普通文件")


def test_folder_and_missing_file(tmp_path):
    folder = tmp_path / "plan.docx"
    folder.mkdir()
    _refused(folder, "文件夹")
    _refused(tmp_path / "nope.txt", "不存在")


def test_files_over_the_size_limits(tmp_path):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:  # sparse: nothing is written or read
        handle.truncate(READ_LIMITS["plan-document"] + 1)
    _refused(huge, "文件过大")
    text = tmp_path / "big.txt"
    with text.open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)
    _refused(text, "文本文件过大", f"{MAX_TEXT_BYTES // 1024 // 1024} MB")


# --- long lines ----------------------------------------------------------------------


def _txt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("blank", [" ", "\t", "\u3000"])
def test_toc_like_line_with_a_long_run_of_blanks(tmp_path, blank):
    line = "见下……" + blank * (MAX_PARAGRAPH_CHARS - 10) + "内容"
    _imports(_txt(tmp_path / "plan.txt", [*PLAN[:4], line, *PLAN[4:]]))


@pytest.mark.parametrize("blank", ["\t", "\u3000", " "])
def test_runs_of_tabs_and_ideographic_spaces_in_a_target(tmp_path, blank):
    line = "2.推进节能。到2025年，" + blank * (MAX_PARAGRAPH_CHARS - 100) + "能耗下降13.5%。"
    _imports(_txt(tmp_path / "plan.txt", [*PLAN, line]))


def test_docx_paragraph_with_a_long_run_of_blanks(tmp_path):
    line = "见下……" + " " * 50_000 + "内容"
    _imports(_docx(tmp_path / "plan.docx", _document_xml([*PLAN[:4], line, *PLAN[4:]])))


def test_paragraph_over_the_limit_is_refused_with_its_place(tmp_path):
    lines = [*PLAN, "很长" * (MAX_PARAGRAPH_CHARS // 2 + 1)]
    _refused(
        _txt(tmp_path / "long.txt", lines),
        f"第 {len(lines)} 行",
        "过长",
        f"{MAX_PARAGRAPH_CHARS:,}",
    )
    docx = _docx(tmp_path / "long.docx", _document_xml(lines))
    _refused(docx, f"第 {len(lines)} 段", "过长")


def test_a_twelve_million_character_paragraph(tmp_path):
    path = tmp_path / "huge-line.txt"
    path.write_bytes("一、总体要求\n".encode() + b"a" * 12_000_000)
    _refused(path, "第 2 行", "过长")


# --- names ---------------------------------------------------------------------------


def test_eighty_character_chinese_file_name(tmp_path):
    name = "某某县人民政府关于印发某某县碳达峰实施方案的通知" * 4
    name = name[:80] + ".txt"
    path = _txt(tmp_path / name, PLAN)
    assert len(path.name.encode()) > 240
    before = _sha(path)
    result, saved = import_to_library(path)
    assert saved.exists()
    assert len(result.plan.id.encode()) <= MAX_PLAN_ID_BYTES
    assert result.plan.provenance.source_file == path.name
    assert _sha(path) == before


def test_eighty_character_docx_name(tmp_path):
    name = ("碳达峰实施方案" * 12)[:80] + ".docx"
    _imports(_docx(tmp_path / name, _document_xml(PLAN)))


def test_zip_in_memory_helper_is_small():
    """The hostile .docx files above are built without holding their inflated size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _zeros(archive, "x", 64 * 1024 * 1024)
    assert len(buffer.getvalue()) < 1024 * 1024
