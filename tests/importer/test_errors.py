"""Files that are not plans get a clear reason, as PlanImportError and nothing else."""

from __future__ import annotations

import zipfile

import pytest

from app.core.errors import PlanImportError
from app.importer import import_plan


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "没有文字"),
        ("blank.txt", b"\n \n\t\n", "没有文字"),
        ("binary.txt", b"\x00\x01\x02PK\x00" * 100, "二进制"),
        ("prose.txt", "这是一封普通的信。\n没有任何标题。\n".encode(), "一级标题"),
        # a news item refused says which lines it read, from where
        (
            "news.txt",
            "浙江出台指导意见\n近日，有关部门发布意见。\n".encode(),
            "第 1—2 行（从“浙江出台",
        ),
        ("broken.docx", b"this is not a zip file", "已损坏"),
        ("scan.pdf", b"%PDF-1.4\n", "PDF 文件已损坏"),
        ("plan.xlsx", b"PK", "不支持 .xlsx"),
        ("noext", b"text", "不支持"),
    ],
)
def test_unreadable_inputs_say_why(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PlanImportError) as caught:
        import_plan(path)
    assert reason in caught.value.one_line()
    assert "\n" not in caught.value.one_line()


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PlanImportError, match="不存在"):
        import_plan(tmp_path / "nope.txt")
    with pytest.raises(PlanImportError, match="文件夹"):
        import_plan(tmp_path)


def test_docx_missing_its_main_part(tmp_path):
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(PlanImportError):
        import_plan(path)


def test_doc_without_libreoffice_says_to_save_as_docx(tmp_path, monkeypatch):
    monkeypatch.setenv("PEAKPLAN_SOFFICE", str(tmp_path / "no-such-soffice"))
    path = tmp_path / "old.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 512)
    with pytest.raises(PlanImportError) as caught:
        import_plan(path)
    assert "另存为 .docx" in caught.value.one_line()


def test_damaged_doc_with_libreoffice(tmp_path):
    import shutil

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "damaged.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0garbage" * 10)
    with pytest.raises(PlanImportError):
        import_plan(path)
