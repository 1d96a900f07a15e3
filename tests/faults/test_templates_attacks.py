"""A user's own template cannot hang the app, fill the disk, read other files or crash it.

Issue 15: nested range() loops ran to 6.9 GB, 'x'*10**9 wrote a 1 GB draft, a
template linked to /etc/passwd was read, and {{ 1/0 }}, a file not in UTF-8 or
a template including itself escaped as internal errors. Every case is now a
TemplateError (a PeakPlanError: the window and the command line print it) that
names the template and, where there is one, the line.
"""

from __future__ import annotations

import os
import time

import pytest

from app.core.draft import template_sandbox as sandbox
from app.core.draft.boilerplate import (
    PREAMBLE,
    TemplateError,
    context_for,
    render_template,
    user_templates_dir,
)
from app.core.text.county import CountyContext

COUNTY = CountyContext("永宁县", "银川市", "宁夏回族自治区")


@pytest.fixture
def own():
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    return folder


def _refused(source: str | bytes, own) -> str:
    path = own / PREAMBLE
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8")
    began = time.monotonic()
    with pytest.raises(TemplateError) as raised:
        render_template(PREAMBLE, context_for(COUNTY, []))
    assert time.monotonic() - began < 3
    message = raised.value.one_line()
    assert "用户模板 preamble.txt.j2" in message
    return message


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("第一行\n{{ 1/0 }}", "第 2 行出错：除数为零"),
        ("{{ 1 // 0 }}", "除数为零"),
        ("{{ [1][5] }}", "第 1 行"),
        ("\n\n{{ nothing.at.all }}", "第 3 行用到了不存在的数据：“nothing”"),
        ("a\n{% if %}", "第 2 行有语法错误"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "不允许"),
    ],
)
def test_errors_in_a_template_name_it_and_the_line(own, source, words):
    assert words in _refused(source, own)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "range() 给出的数超过 10000 个",
        ),
        (
            "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
            "循环总次数超过 100000 次",
        ),
        ("{{ 'x' * 10**9 }}", "超过 1000000 个字符"),
        ("{{ 'x' * 1000 * 1000 * 1000 }}", "超过 1000000 个字符"),
        ("{% for i in range(2000) %}{{ 'x' * 999 }}{% endfor %}", "超过 1000000 个字符"),
        ("{{ 'x'.center(10**9) }}", "超过 1000000 个字符"),
        ("{{ 'x' | center(10**9) }}", "超过 1000000 个字符"),
        ("{{ '%1000000000s' | format('x') }}", "格式宽度"),
        ("{{ '%1000000000s' % 'x' }}", "格式宽度"),
        ("{{ '{:>1000000000}'.format('x') }}", "格式宽度"),
        ("{{ 10 ** 10000 }}", "指数过大"),
        ("{{ 10 ** 1000 ** 1000 ** 1000 }}", "指数过大"),
        (
            "{% set ns = namespace(n=10**1000) %}{% for i in range(40) %}"
            "{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n }}",
            "数值过大",
        ),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
            "超过 1000000 个字符",
        ),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "调用嵌套超过 100 层"),
        ("{% include 'preamble.txt.j2' %}", "递归过深"),
    ],
)
def test_a_template_cannot_run_away(own, source, words):
    assert words in _refused(source, own)


def test_a_template_running_too_long_is_stopped(own, monkeypatch):
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.2)
    source = (
        "{% for i in range(3000) %}{% for j in range(3000) %}"
        "{{ 'x' | replace('x', 'y') | length }}{% endfor %}{% endfor %}"
    )
    monkeypatch.setattr(sandbox, "MAX_ITERATIONS", 10**9)
    assert "运行超过 0.2 秒" in _refused(source, own)


def test_a_template_not_in_utf8_says_so(own):
    message = _refused("前言\n第二行".encode("gbk"), own)
    assert "不是 UTF-8 编码" in message and "第 1 行" in message


def test_a_template_with_a_byte_order_mark_is_read(own):
    (own / PREAMBLE).write_bytes("\ufeff为推进{{ county }}工作。".encode())
    assert render_template(PREAMBLE, context_for(COUNTY, [])).paragraphs == ["为推进永宁县工作。"]


def test_a_template_linked_out_of_the_folder_is_refused(own, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0", encoding="utf-8")
    (own / PREAMBLE).symlink_to(secret)
    with pytest.raises(TemplateError) as raised:
        render_template(PREAMBLE, context_for(COUNTY, []))
    message = raised.value.one_line()
    assert "模板文件夹以外" in message and "0:0" not in message


def test_a_link_inside_the_folder_is_followed(own):
    (own / "mine.j2").write_text("为推进{{ county }}工作。", encoding="utf-8")
    (own / PREAMBLE).symlink_to(own / "mine.j2")
    assert render_template(PREAMBLE, context_for(COUNTY, [])).paragraphs == ["为推进永宁县工作。"]


def test_an_include_cannot_leave_the_folder(own):
    (own.parent / "outside.j2").write_text("外面", encoding="utf-8")
    (own / PREAMBLE).write_text("{% include '../outside.j2' %}", encoding="utf-8")
    with pytest.raises(TemplateError) as raised:
        render_template(PREAMBLE, context_for(COUNTY, []))
    assert "用户模板 ../outside.j2：模板名不能指向模板文件夹以外" in raised.value.one_line()


def test_a_folder_a_fifo_or_a_huge_file_is_no_template(own):
    (own / PREAMBLE).mkdir()
    with pytest.raises(TemplateError, match="文件夹"):
        render_template(PREAMBLE, context_for(COUNTY, []))
    (own / PREAMBLE).rmdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(own / PREAMBLE)
        with pytest.raises(TemplateError, match="不是普通文件"):
            render_template(PREAMBLE, context_for(COUNTY, []))
        (own / PREAMBLE).unlink()
    (own / PREAMBLE).write_bytes(b"x" * (sandbox.TEMPLATE_BYTES + 1))
    with pytest.raises(TemplateError, match="过大"):
        render_template(PREAMBLE, context_for(COUNTY, []))


def test_an_ordinary_template_with_loops_and_macros_still_renders(own):
    (own / PREAMBLE).write_text(
        "{% macro item(n) %}第{{ n }}条{% endmacro %}"
        "{% for i in range(1, 4) %}{{ item(i) }}{% endfor %}，{{ county }}。",
        encoding="utf-8",
    )
    assert render_template(PREAMBLE, context_for(COUNTY, [])).paragraphs == [
        "第1条第2条第3条，永宁县。"
    ]
