"""The sandbox a template runs in, and how a template file is read: the limits of boilerplate.py.

A user's own template is the user's file, not ours: it is read only if it is an
ordinary file inside the templates folder, in UTF-8, and runs in Jinja2's
sandbox with a budget — text, loop turns, range sizes, call depth, numbers,
format widths and time — so that no template can hang the app, fill its memory
or write a draft too large to open.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

from app.core.errors import PeakPlanError

TEMPLATE_BYTES = 256 * 1024
"""The largest template file read (bytes)."""
MAX_OUTPUT = 1_000_000
"""The most text one template may give (characters), and the longest string or list it may make."""
MAX_RANGE = 10_000
"""The most numbers one range() may give."""
MAX_ITERATIONS = 100_000
"""The most loop turns ({% for %}) in one rendering, all loops together."""
MAX_DEPTH = 100
"""The deepest nesting of calls (macros calling macros)."""
TIME_LIMIT = 5.0
"""The longest one rendering may take (seconds)."""


class TemplateError(PeakPlanError):
    """A template is missing or cannot be rendered; the message names it and the line."""


class Limit(jinja2.TemplateRuntimeError):
    """A template went over one of the limits; the message says which."""


# ---------------------------------------------------------------- reading


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder: ordinary files inside it, UTF-8, of sensible size."""

    def __init__(self, folder: Path, origin: str) -> None:
        self.folder = folder
        self.origin = origin

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = template_path(self.folder, template, self.origin)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        try:
            with path.open("rb") as handle:
                data = handle.read(TEMPLATE_BYTES + 1)
        except OSError as exc:
            raise TemplateError(f"{self.origin} {template} 无法读取（错误号 {exc.errno}）") from exc
        if len(data) > TEMPLATE_BYTES:
            raise TemplateError(
                f"{self.origin} {template} 过大（模板文件最大 {TEMPLATE_BYTES // 1024} KB）"
            )
        try:
            source = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise TemplateError(
                f"{self.origin} {template} 第 {line} 行不是 UTF-8 编码，请以 UTF-8 保存模板文件"
            ) from exc
        mtime = path.stat().st_mtime
        return source, str(path), lambda: _mtime(path) == mtime


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def template_path(folder: Path, name: str, origin: str) -> Path | None:
    """The file a template name stands for in folder; None if there is none there.

    A name that leaves the folder, a link that points out of it, a folder or a
    special file of that name is refused with a TemplateError."""
    pieces = name.replace("\\", "/").split("/")
    if any(piece in ("", ".", "..") for piece in pieces) or os.path.isabs(name):
        raise TemplateError(f"{origin} {name}：模板名不能指向模板文件夹以外")
    path = folder.joinpath(*pieces)
    if not os.path.lexists(path):
        return None
    try:
        real = path.resolve(strict=True)
        home = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a broken link or a loop of links
        raise TemplateError(f"{origin} {name} 是无效的链接") from exc
    if not real.is_relative_to(home):
        raise TemplateError(f"{origin} {name} 是指向模板文件夹以外的链接（{real}），不予读取")
    info = real.stat()
    if stat.S_ISDIR(info.st_mode):
        raise TemplateError(f"{origin} {name} 是一个文件夹，不是模板文件")
    if not stat.S_ISREG(info.st_mode):
        raise TemplateError(f"{origin} {name} 不是普通文件（管道、设备等不能作模板）")
    return real


# ---------------------------------------------------------------- the sandbox


def _size(value: object) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict | set) else 0


class LimitedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox with a budget: loop turns, range sizes, string sizes, call depth, time."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, loader: jinja2.BaseLoader, **options: Any) -> None:
        super().__init__(
            loader=loader, undefined=jinja2.StrictUndefined, autoescape=False, **options
        )
        self.globals["range"] = self._range
        self.globals["namespace"] = _LimitedNamespace
        self.filters = {name: self._limited(f) for name, f in self.filters.items()}
        self.filters["_pp_counted"] = self._counted
        self.iterations = 0
        self.depth = 0
        self.deadline = time.monotonic() + TIME_LIMIT

    # Every {% for %} counts its turns: its iterable goes through _pp_counted.
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(
                loop.iter, "_pp_counted", [], [], None, None, lineno=loop.lineno
            )
        return tree

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise Limit(f"运行超过 {TIME_LIMIT:g} 秒")

    def _counted(self, iterable: Any) -> Iterator[Any]:
        if isinstance(iterable, jinja2.Undefined):
            iterable._fail_with_undefined_error()
        for item in iterable:
            self.iterations += 1
            if self.iterations > MAX_ITERATIONS:
                raise Limit(f"循环总次数超过 {MAX_ITERATIONS} 次")
            self.tick()
            yield item

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise Limit(f"range() 给出的数超过 {MAX_RANGE} 个")
        return numbers

    def _limited(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def limited(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            _check_sizes(args, kwargs)
            for value in args:  # "%999999999s"|format(x), x|center(999999999)
                if isinstance(value, str):
                    _check_format(value)
                elif _number(value) and value > MAX_OUTPUT:
                    raise Limit(f"生成的文字或列表超过 {MAX_OUTPUT} 个字符")
            return _checked(function(*args, **kwargs))

        return limited

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.tick()
        _check_sizes(args, kwargs)
        # "x".center(10**9), "{:>999999999}".format(x) (the sandbox wraps str.format)
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str):
            _check_format(owner)
            if any(_number(a) and a > MAX_OUTPUT for a in (*args, *kwargs.values())):
                raise Limit(f"生成的文字或列表超过 {MAX_OUTPUT} 个字符")
        if __self.depth >= MAX_DEPTH:
            raise Limit(f"调用嵌套超过 {MAX_DEPTH} 层（宏是否在无止境地调用自己？）")
        __self.depth += 1
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            __self.depth -= 1
        return _checked(result)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "*":
            for text, times in ((left, right), (right, left)):
                if _size(text) and isinstance(times, int) and _size(text) * times > MAX_OUTPUT:
                    raise Limit(f"生成的文字或列表超过 {MAX_OUTPUT} 个字符")
            if _bits(left) + _bits(right) > MAX_BITS:
                raise Limit("数值过大")
        elif operator == "**":
            if _number(right) and (
                (abs(right) > 1000 and _number(left) and abs(left) > 1)
                or (isinstance(right, int) and right > 0 and _bits(left) * right > MAX_BITS)
            ):
                raise Limit("乘方的指数过大")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        elif operator == "+" and _size(left) + _size(right) > MAX_OUTPUT:
            raise Limit(f"生成的文字或列表超过 {MAX_OUTPUT} 个字符")
        return super().call_binop(context, operator, left, right)


class _LimitedNamespace(Namespace):
    """namespace() whose values cannot grow past the limit ({% set ns.s = ns.s ~ ns.s %})."""

    def __setitem__(self, name: str, value: Any) -> None:
        _checked(value)
        super().__setitem__(name, value)


def _checked(value: Any) -> Any:
    if _bits(value) > MAX_BITS:
        raise Limit("数值过大")
    if _size(value) > MAX_OUTPUT:
        raise Limit(f"生成的文字或列表超过 {MAX_OUTPUT} 个字符")
    return value


_WIDTH = re.compile(r"[%:{][^%{}]{0,20}?\d{7,}")


def _check_format(text: str) -> None:
    """A format string may not ask for a field a million characters wide."""
    if _WIDTH.search(text):
        raise Limit(f"格式宽度超过 {MAX_OUTPUT} 个字符")


MAX_BITS = 100_000
"""The largest whole number a template may make (bits; about 30,000 digits)."""


def _bits(value: object) -> int:
    return value.bit_length() if isinstance(value, int) else 0


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_sizes(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        _checked(value)


def collect(env: LimitedSandbox, chunks: Iterator[str]) -> str:
    """The template's text, stopped as soon as it passes MAX_OUTPUT."""
    out: list[str] = []
    length = 0
    for chunk in chunks:
        length += len(chunk)
        if length > MAX_OUTPUT:
            raise Limit(f"生成的文字超过 {MAX_OUTPUT} 个字符")
        env.tick()
        out.append(chunk)
    return "".join(out)
