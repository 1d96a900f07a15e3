"""Issue 23, failure 8: a web page nested past every parser's depth, an MHTML archive of
thousands of nested parts — read, or refused with a Chinese message, never an internal error."""

from __future__ import annotations

import pytest

from app.cli import main
from app.core.errors import PlanImportError
from app.importer import import_plan

PLAN = (
    "<p>某县碳达峰实施方案</p><p>一、总体要求</p><p>坚持绿色低碳发展。</p>"
    "<p>二、主要目标</p><p>到2025年，单位地区生产总值能耗下降。</p><p>三、重点任务</p>"
    "<p>（一）能源绿色低碳转型行动</p>"
    "<p>1.推进清洁能源开发。大力发展光伏发电。（责任单位：县发改局）</p>"
)


def _mhtml(levels: int) -> bytes:
    out = [b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n']
    for i in range(levels):
        out.append(
            f'--b{i}\r\nContent-Type: multipart/related; boundary="b{i + 1}"\r\n\r\n'.encode()
        )
    out.append(f"--b{levels}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".encode())
    out.append(f"<html><body>{PLAN}</body></html>\r\n".encode())
    out.extend(f"--b{i}--\r\n".encode() for i in range(levels, -1, -1))
    return b"".join(out)


@pytest.mark.parametrize("depth", [300, 1900])
def test_a_plan_inside_deeply_nested_divs_is_read(tmp_path, depth):
    page = tmp_path / "deep.html"
    page.write_text(
        f"<html><body>{'<div>' * depth}{PLAN}{'</div>' * depth}</body></html>", encoding="utf-8"
    )
    plan = import_plan(page).plan
    assert [s.title for s in plan.sections][:3] == ["总体要求", "主要目标", "重点任务"]
    assert "光伏发电" in "".join(p for s in plan.walk() for p in s.paragraphs)


def test_a_page_nested_past_the_parsers_bound_is_refused_with_a_message(tmp_path):
    page = tmp_path / "deeper.html"
    page.write_text(f"<html><body>{'<div>' * 3000}{PLAN}{'</div>' * 3000}</body></html>")
    with pytest.raises(PlanImportError, match="嵌套过深"):
        import_plan(page)


def test_thousands_of_nested_mhtml_parts_are_refused_in_chinese(tmp_path, capsys):
    archive = tmp_path / "nested.mhtml"
    archive.write_bytes(_mhtml(5000))
    assert main(["import-plan", str(archive), "-o", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert "内部错误" not in err and "MHTML" in err and "分段" in err


@pytest.mark.parametrize("levels", [30, 900])
def test_nesting_under_the_part_limit_is_refused_or_read_never_an_internal_error(tmp_path, levels):
    archive = tmp_path / "nested.mhtml"
    archive.write_bytes(_mhtml(levels))
    with pytest.raises(PlanImportError, match="嵌套过深"):
        import_plan(archive)


def test_a_browsers_two_levels_are_read(tmp_path):
    archive = tmp_path / "saved.mhtml"
    archive.write_bytes(_mhtml(1))
    assert import_plan(archive).plan.task_areas()
