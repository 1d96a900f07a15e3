"""Issue 23, failure 8: a chapter number printed twice (a long PDF's running head, a page
read twice) gave a message naming an internal id (节点编号 p:一 重复); it is read, and said."""

from __future__ import annotations

from app.cli import main
from app.importer import import_plan

TEXT = (
    "某县碳达峰实施方案\n一、总体要求\n坚持绿色低碳发展。\n二、主要目标\n到2025年，能耗下降。\n"
    "三、重点任务\n（一）能源绿色低碳转型行动\n1.推进光伏发电。（责任单位：县发改局）\n"
    "一、总体要求\n这一页又印了一次。\n"
)


def test_a_repeated_chapter_number_is_read_and_said(tmp_path, capsys):
    path = tmp_path / "p.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = import_plan(path)
    # the number going back is read as text where it stands (nothing lost), and said
    texts = "".join(p for s in result.plan.walk() for p in s.paragraphs)
    assert "这一页又印了一次" in texts
    assert any("总体要求" in note.message and "编号" in note.message for note in result.notes)
    assert main(["import-plan", str(path), "-o", str(tmp_path / "p.json")]) == 0
    assert "节点编号" not in capsys.readouterr().err
