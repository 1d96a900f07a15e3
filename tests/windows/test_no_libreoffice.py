"""Without LibreOffice (most county PCs): a .doc/.wps parent is converted by Word or WPS
where present (COM, simulated here), else the message says to save it as .docx
(issue 27 item 6)."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from app.core.errors import PlanImportError
from app.importer import import_plan
from app.importer.readers import convert, office_com
from tests.helpers import write_docx

LINES = [
    "某县碳达峰实施方案",
    "一、总体要求",
    "（一）指导思想。坚持系统观念。",
    "二、重点任务",
    "（一）能源绿色低碳转型行动",
    "1.大力发展新能源。推进光伏发电。（责任单位：县发改局）",
]


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setattr(convert, "find_soffice", lambda: None)


@pytest.fixture
def no_pywin32(monkeypatch):
    monkeypatch.setitem(sys.modules, "win32com", None)  # import win32com → ImportError
    monkeypatch.setitem(sys.modules, "win32com.client", None)


def old_doc(tmp_path: Path, name: str = "上级方案.wps") -> Path:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 512)  # an OLE file's first bytes
    return path


def test_without_libreoffice_or_office_the_message_says_to_save_as_docx(
    tmp_path, no_soffice, no_pywin32, monkeypatch
):
    monkeypatch.setattr(office_com, "WINDOWS", False)
    with pytest.raises(PlanImportError) as caught:
        import_plan(old_doc(tmp_path))
    message = caught.value.one_line()
    assert "请用 Word 或 WPS 打开它，另存为 .docx" in message and ".wps" in message


def test_wps_converts_through_com_when_word_is_not_installed(tmp_path, no_soffice, monkeypatch):
    """pywin32 present: Word.Application is not registered, WPS (KWPS.Application) is."""
    asked: list[str] = []

    class Document:
        def SaveAs(self, target, file_format):
            assert file_format == 16  # .docx
            write_docx(Path(target), LINES)

        def Close(self, save):
            asked.append(f"close {save}")

    class OpenDocuments:
        def Open(self, source, confirm, read_only):
            assert Path(source).suffix == ".wps" and read_only is True
            return Document()

    class Application:
        Documents = OpenDocuments()

        def Quit(self):
            asked.append("quit")

    def dispatch(progid):
        asked.append(progid)
        if progid != "KWPS.Application":
            raise Exception("Invalid class string")  # com_error: not installed
        return Application()

    client = types.ModuleType("win32com.client")
    client.DispatchEx = dispatch
    package = types.ModuleType("win32com")
    package.client = client
    monkeypatch.setitem(sys.modules, "win32com", package)
    monkeypatch.setitem(sys.modules, "win32com.client", client)
    plan = import_plan(old_doc(tmp_path), plan_id="t").plan
    assert [s.heading for s in plan.sections] == ["一、总体要求", "二、重点任务"]
    assert asked[:2] == ["Word.Application", "KWPS.Application"]
    assert asked[-2:] == ["close False", "quit"]


def test_on_windows_without_pywin32_powershell_drives_word(
    tmp_path, no_soffice, no_pywin32, monkeypatch
):
    monkeypatch.setattr(office_com, "WINDOWS", True)
    scripts: list[str] = []

    def powershell(script: str) -> subprocess.CompletedProcess:
        scripts.append(script)
        target = re.search(r"^\$target = '(.*)'$", script, re.M).group(1).replace("''", "'")
        write_docx(Path(target), LINES)  # what Word's SaveAs makes
        return subprocess.CompletedProcess([], 0, "Word.Application\n", "")

    monkeypatch.setattr(office_com, "run_powershell", powershell)
    plan = import_plan(old_doc(tmp_path, "宁夏方案.doc"), plan_id="t").plan
    assert plan.sections[1].children[0].heading == "（一）能源绿色低碳转型行动"
    script = scripts[0]
    assert "New-Object -ComObject $id" in script and "'KWPS.Application'" in script
    assert "$doc.SaveAs($target, 16)" in script


def test_on_windows_with_neither_word_nor_wps_the_message_says_so(
    tmp_path, no_soffice, no_pywin32, monkeypatch
):
    monkeypatch.setattr(office_com, "WINDOWS", True)
    monkeypatch.setattr(
        office_com, "run_powershell", lambda script: subprocess.CompletedProcess([], 1, "", "")
    )
    with pytest.raises(PlanImportError) as caught:
        import_plan(old_doc(tmp_path, "宁夏方案.doc"))
    assert "另存为 .docx" in caught.value.one_line()


def test_the_powershell_script_keeps_a_quote_in_a_path(tmp_path):
    script = office_com.powershell_script(tmp_path / "O'Brien.doc", tmp_path / "plan.docx")
    assert "O''Brien.doc'" in script
