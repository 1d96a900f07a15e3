"""Saved web pages (.html, .htm GBK, .mhtml) import like the text of the plan they carry."""

from __future__ import annotations

import pytest

from app.core.errors import PlanImportError
from app.core.text.normalise import compact
from app.importer import import_plan
from app.importer.readers.by_type import read_source
from tests.conftest import ROOT

WEB = ROOT / "tests" / "importer" / "fixtures" / "web"
PAGES = [
    ("yinchuan_plan.html", "yinchuan_plan.txt", "html"),
    ("ningxia_plan_gbk.htm", "ningxia_plan_gbk.txt", "html"),
    ("pingluo_plan.mhtml", "pingluo_plan.txt", "mhtml"),
]
PAGE_FURNITURE = [
    "当前位置",
    "首页",
    "分享到",
    "打印本页",
    "相关文章",
    "ICP备",
    "版权所有",
    "浏览次数",
    "_hmt",
    "请输入关键字",
]


def _texts(plan) -> dict[str, str]:
    out = {}
    for top in plan.sections:
        for s in top.walk():
            words = s.heading + "".join(s.paragraphs) + (s.clause.text if s.clause else "")
            out[s.id.split(":", 1)[1]] = compact(words)
    return out


@pytest.mark.parametrize(("page", "text", "kind"), PAGES)
def test_page_imports_the_same_plan_as_its_text(page, text, kind):
    from_page = import_plan(WEB / page, plan_id="web")
    from_text = import_plan(WEB / text, plan_id="web")
    assert _texts(from_page.plan) == _texts(from_text.plan)
    assert from_page.plan.title == from_text.plan.title
    assert from_page.plan.preamble == from_text.plan.preamble
    assert from_page.plan.task_table == from_text.plan.task_table
    assert from_page.plan.provenance.source_format == kind
    assert any("正文取自" in note.message for note in from_page.notes)


@pytest.mark.parametrize(("page", "text", "kind"), PAGES)
def test_navigation_breadcrumbs_share_buttons_footer_and_scripts_are_dropped(page, text, kind):
    joined = "\n".join(block.text for block in read_source(WEB / page).blocks)
    for furniture in PAGE_FURNITURE:
        assert furniture not in joined


def test_outlines_counted_by_hand():
    yinchuan = import_plan(WEB / "yinchuan_plan.html").plan
    levels = [s.level for top in yinchuan.sections for s in top.walk()]
    assert (levels.count(1), levels.count(2), levels.count(3)) == (3, 3, 3)
    assert len(yinchuan.task_table) == 3  # the 任务分工表 read from the page's <table>
    ningxia = import_plan(WEB / "ningxia_plan_gbk.htm").plan
    levels = [s.level for top in ningxia.sections for s in top.walk()]
    assert (levels.count(1), levels.count(2), levels.count(3)) == (3, 3, 3)


def test_gbk_page_says_which_encoding_it_read():
    notes = [note.message for note in import_plan(WEB / "ningxia_plan_gbk.htm").notes]
    assert any("gb2312" in n for n in notes)


def test_undeclared_gbk_is_guessed_and_said(tmp_path):
    page = (WEB / "ningxia_plan_gbk.htm").read_bytes().replace(b"; charset=gb2312", b"")
    path = tmp_path / "plan.html"
    path.write_bytes(page)
    notes = [note.message for note in import_plan(path).notes]
    assert "网页未声明编码，按 GBK（GB18030）读取" in notes


def test_br_breaks_paragraphs_and_layout_tables_are_not_task_tables(tmp_path):
    page = (
        "<html><body><table><tr><td><a href='/'>首页</a></td></tr><tr><td>"
        "某县碳达峰实施方案<br>一、总体要求<br>坚持系统观念。<br>二、主要目标<br>到2025年。"
        "<br>三、重点任务<br>（一）能源行动<br>1.发展新能源。推进光伏。</td></tr></table></body></html>"
    )
    path = tmp_path / "plan.htm"
    path.write_text(page, encoding="utf-8")
    texts = [b.text for b in read_source(path).blocks]
    assert "一、总体要求" in texts and "1.发展新能源。推进光伏。" in texts
    assert all(b.cells is None for b in read_source(path).blocks)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.html", b"", "没有文字"),
        ("binary.htm", b"\x00\x01\x02" * 50, "二进制"),
        (
            "nothing.mhtml",
            b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello",
            "没有网页部分",
        ),
        ("prose.html", "<p>只是一段话。</p>".encode(), "一级标题"),
    ],
)
def test_unreadable_pages_say_why(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PlanImportError) as caught:
        import_plan(path)
    assert reason in caught.value.one_line()


def test_mhtml_with_a_base64_gbk_part(tmp_path):
    import base64

    page = (WEB / "ningxia_plan_gbk.htm").read_bytes()
    body = base64.encodebytes(page).decode("ascii")
    mhtml = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{body}\r\n--B--\r\n"
    )
    path = tmp_path / "plan.mht"
    path.write_bytes(mhtml.encode("ascii"))
    from_page = import_plan(path, plan_id="web").plan
    from_text = import_plan(WEB / "ningxia_plan_gbk.txt", plan_id="web").plan
    assert _texts(from_page) == _texts(from_text)


def test_merged_table_cells_repeat_their_text_as_the_word_reader_does(tmp_path):
    page = (
        "<html><body><div class='content'><p>某县碳达峰实施方案</p><p>一、总体要求</p><p>坚持。</p>"
        "<p>二、主要目标</p><p>到2025年。</p><p>三、重点任务</p><p>（一）能源行动</p>"
        "<p>1.发展新能源。推进光伏。（责任单位：县发改局）</p><p>2.控制煤炭。压减用煤。（责任单位：县发改局）</p>"
        "<p>任务分工表</p><table><tr><th>序号</th><th>重点领域</th><th>行动措施</th><th>牵头单位</th></tr>"
        "<tr><td>1</td><td rowspan='2'>一、能源行动</td><td>发展新能源</td><td>县发改局</td></tr>"
        "<tr><td>2</td><td>控制煤炭</td><td colspan='1'>县发改局</td></tr></table></div></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    rows = [b.cells for b in read_source(path).blocks if b.cells]
    assert rows[2] == ["2", "一、能源行动", "控制煤炭", "县发改局"]
    assert len(import_plan(path).plan.task_table) == 2
