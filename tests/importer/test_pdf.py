"""PDF plans import like their text copies: outlines counted by hand, paragraphs re-joined."""

from __future__ import annotations

import pytest

from app.core.errors import PlanImportError
from app.core.text.normalise import compact
from app.importer import import_plan
from app.importer.readers.by_type import read_source
from tests.conftest import ROOT, SOURCES

PDFS = ROOT / "tests" / "importer" / "fixtures" / "pdf"

# (file, chapters 一、, items （一）, measures 1.): counted by hand in `pdftotext FILE.pdf`.
OUTLINES = [
    ("chengdu_energy_structure_action_plan", 4, 8, 16),
    ("ningxia_urban_rural_green_opinions", 5, 20, 0),
    ("shangrao_green_circular_economy_plan", 8, 23, 0),
    ("wuzhou_green_circular_economy_plan", 8, 28, 0),
    ("ningdong_excerpt", 6, 21, 24),
]
TEXT_COPIES = {
    "chengdu_energy_structure_action_plan": SOURCES / "chengdu_energy_structure_2022.txt",
    "ningxia_urban_rural_green_opinions": PDFS / "ningxia_urban_rural_green_opinions.pdftotext.txt",
    "shangrao_green_circular_economy_plan": PDFS
    / "shangrao_green_circular_economy_plan.pdftotext.txt",
    "wuzhou_green_circular_economy_plan": PDFS / "wuzhou_green_circular_economy_plan.pdftotext.txt",
    "ningdong_excerpt": PDFS / "ningdong_excerpt.txt",
}


def _counts(plan) -> tuple[int, int, int]:
    levels = [s.level for top in plan.sections for s in top.walk()]
    return levels.count(1), levels.count(2), levels.count(3)


def _texts(plan) -> dict[str, str]:
    """Each node's heading and words, clause or not: what both copies must agree on."""
    out = {}
    for top in plan.sections:
        for s in top.walk():
            words = s.heading + "".join(s.paragraphs) + (s.clause.text if s.clause else "")
            out[s.id.split(":", 1)[1]] = compact(words)
    return out


@pytest.mark.parametrize(("name", "chapters", "items", "measures"), OUTLINES)
def test_pdf_outline_counted_by_hand(name, chapters, items, measures):
    result = import_plan(PDFS / f"{name}.pdf", plan_id="pdf")
    assert _counts(result.plan) == (chapters, items, measures)
    assert result.plan.provenance.source_format == "pdf"


@pytest.mark.parametrize("name", sorted(TEXT_COPIES))
def test_pdf_imports_the_same_plan_as_its_text_copy(name):
    from_pdf = import_plan(PDFS / f"{name}.pdf", plan_id="same").plan
    from_text = import_plan(TEXT_COPIES[name], plan_id="same").plan
    assert _texts(from_pdf) == _texts(from_text)
    assert from_pdf.footnotes == from_text.footnotes


def test_typeset_pdf_drops_page_numbers_and_running_heads():
    source = read_source(PDFS / "ningdong_excerpt.pdf")
    texts = [block.text for block in source.blocks]
    assert not any(t.strip("—- ").isdigit() for t in texts)
    assert not any("党工委管委会文件" in t for t in texts)
    notes = [note.message for note in source.notes]
    assert "PDF：删去了页码 23 处" in notes
    assert any(n.startswith("PDF：删去了每页重复的页眉页脚 23 行") for n in notes)
    assert any("被分页断开的段落已接上" in n for n in notes)
    # the spaced-out title line "实 施 方 案" closed up and joined to the line above it
    assert "宁东能源化工基地碳达峰实施方案" in texts
    plan = import_plan(PDFS / "ningdong_excerpt.pdf", plan_id="nd").plan
    assert plan.title == "宁东能源化工基地碳达峰实施方案"
    # the footnote marker stays on its word, the note is set apart
    assert plan.footnotes == ["¹本文所称碳排放，指二氧化碳排放。"]
    assert "二氧化碳排放¹累计下降18%" in compact("".join(plan.sections[1].paragraphs))


def test_paragraph_and_clause_cut_by_a_page_break_are_one():
    texts = [
        compact(b.text)
        for b in read_source(PDFS / "chengdu_energy_structure_action_plan.pdf").blocks
    ]
    # page 1 ends "［责任单位：市发改委、", page 2 goes on "市经信局、…"
    assert any("比例超过30%。［责任单位：市发改委、市经信局、市生态环境局" in t for t in texts)
    # OCR put "二、工作目标" at the end of the line before it: it is a heading of its own
    assert "二、工作目标" in texts
    shangrao = [
        compact(b.text)
        for b in read_source(PDFS / "shangrao_green_circular_economy_plan.pdf").blocks
    ]
    # the clause on a line of its own after "……有序做好重点水域退捕禁捕工作。"
    assert any(
        t.endswith(
            "退捕禁捕工作。（市农业农村局、市林业局、市市场监管局、市文广新旅局、市科技局、市发改委、市水利局等按职责分工负责）"
        )
        for t in shangrao
    )


def test_wrapped_lines_join_into_paragraphs():
    blocks = read_source(PDFS / "wuzhou_green_circular_economy_plan.pdf").blocks
    assert len(blocks) < 50  # 333 lines of pdftotext output
    assert blocks[0].text.endswith(
        "循环发展经济体系实施方案的通知"
    )  # the banner title in large type, wrapped


def test_scanned_pdf_without_text_layer(tmp_path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    document.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    document.save(path)
    document.close()
    with pytest.raises(PlanImportError) as caught:
        import_plan(path)
    message = caught.value.one_line()
    assert "没有文字层" in message and "OCR" in message and "Word" in message
    assert "共 2 页" in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "不是 PDF"),
        (b"%PDF-1.4\n", "已损坏"),
        (b"GIF89a not a pdf at all", "不是 PDF"),
    ],
)
def test_damaged_pdf_says_so_in_one_line(tmp_path, content, reason):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(PlanImportError) as caught:
        import_plan(path)
    assert reason in caught.value.one_line()
    assert "\n" not in caught.value.one_line()


def encrypted_pdf() -> bytes:
    """A one-page PDF locked with a password (standard security handler, RC4)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        b"ab" * 16,
        b"ab" * 16,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_encrypted_pdf_asks_for_the_password_to_be_removed(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(PlanImportError) as caught:
        import_plan(path)
    assert "已加密" in caught.value.one_line()


def test_pdf_with_no_pages(tmp_path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    path = tmp_path / "empty.pdf"
    document.save(path)
    document.close()
    with pytest.raises(PlanImportError, match="没有页面"):
        import_plan(path)


def test_command_line_names_the_file_and_the_problem(tmp_path, capsys):
    from app.cli import main

    path = tmp_path / "损坏的方案.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert main(["import-plan", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(path) in err and "PDF 文件已损坏" in err and "\n" not in err


def test_command_line_prints_what_the_pdf_reader_mended(tmp_path, capsys):
    from app.cli import main

    assert main(["import-plan", str(PDFS / "ningdong_excerpt.pdf"), "-o", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "提示：PDF：删去了页码 23 处" in err


def test_pdfs_imported_in_several_threads_at_once_read_as_one_by_one():
    """The window imports dropped files in workers; PDFium itself is not thread-safe."""
    from concurrent.futures import ThreadPoolExecutor

    paths = sorted(PDFS.glob("*.pdf")) * 2
    alone = [[b.text for b in read_source(p).blocks] for p in paths]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda p: [b.text for b in read_source(p).blocks], paths))
    assert together == alone
