"""The boilerplate sections from Jinja2 templates: preamble, 总体要求, 主要目标, 保障措施.

A template turns the county's data (names, parents, targets) into text; the
text is stored in the draft (the user edits it there) together with the name
of the template it came from, so the user can go back to it. A template of the
same name in the per-user templates folder is used instead of the built-in
one: it is the user's file, not ours, so it is read and run with care
(template_sandbox.py) —

- it must be an ordinary file inside that folder (a link is followed only to a
  file in the folder), of at most TEMPLATE_BYTES, in UTF-8;
- it runs in Jinja2's sandbox with limits: at most MAX_OUTPUT characters of
  text, MAX_RANGE numbers from one range(), MAX_ITERATIONS loop turns in all,
  MAX_DEPTH nested calls, TIME_LIMIT seconds; no string or list longer than
  MAX_OUTPUT is made;
- whatever goes wrong in it is a TemplateError naming the file and the line.

Built-in templates render in the same sandbox with the same limits.

Template output: paragraphs separated by blank lines; a line "## 标题" starts
a sub-section (（一）指导思想 …).
"""

from __future__ import annotations

import os
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from app import paths
from app.core.draft.model import Catalogue, Node
from app.core.draft.named_units import named_units
from app.core.draft.template_sandbox import (
    FolderLoader,
    Limit,
    LimitedSandbox,
    TemplateError,
    collect,
)
from app.core.text.county import CountyContext

PREAMBLE = "preamble.txt.j2"
GENERAL = "general.txt.j2"
GOALS = "goals.txt.j2"
SAFEGUARDS = "safeguards.txt.j2"


@dataclass
class RenderedSection:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class RenderedTemplate:
    """Paragraphs before the first sub-section, then the sub-sections."""

    paragraphs: list[str] = field(default_factory=list)
    sections: list[RenderedSection] = field(default_factory=list)


def user_templates_dir() -> Path:
    return paths.user_data_dir() / "templates"


# ---------------------------------------------------------------- rendering


def _source(name: str) -> tuple[jinja2.BaseLoader, str, bool]:
    """The user's template of that name if there is one, else ours; the words for whose it is."""
    own = user_templates_dir()
    if os.path.lexists(own / name):
        return FolderLoader(own, "用户模板"), "用户模板", False
    return FolderLoader(paths.templates_dir(), "内置模板"), "内置模板", True


def context_for(
    county: CountyContext,
    parents: list[str],
    catalogue: Catalogue | None = None,
    **extra: object,
) -> dict[str, object]:
    """The data templates use: the county's names, its parents' titles, and its units by
    id (units.fgw), named as the draft's catalogue names them."""
    units = named_units(county, catalogue)
    return {**county.placeholders(), "parents": parents, "units": units, **extra}


_RUNTIME_ERRORS: dict[type[BaseException], str] = {
    ZeroDivisionError: "除数为零",
    OverflowError: "数值过大",
    RecursionError: "嵌套或递归过深（模板是否在包含或调用自己？）",
    MemoryError: "内存不足（生成的文字过多）",
    TypeError: "数据类型不符",
    ValueError: "数值无效",
    LookupError: "找不到所取的项",
    AttributeError: "找不到所取的属性",
    ArithmeticError: "计算出错",
}
"""What goes wrong in a template's own expressions, in the user's words."""


def render_text(name: str, context: dict[str, object]) -> str:
    loader, origin, ours = _source(name)
    env = LimitedSandbox(loader, keep_trailing_newline=ours)
    try:
        template = env.get_template(name)
        return collect(env, template.generate(**context))
    except TemplateError:
        raise
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {exc.name}") from exc
    except jinja2.TemplateSyntaxError as exc:
        where = _where(exc, name, exc.name or name, exc.lineno)
        raise TemplateError(f"{origin} {where}有语法错误：{exc.message}") from exc
    except jinja2.UndefinedError as exc:
        missing = _UNDEFINED.sub(r"“\1”", exc.message or "")
        raise TemplateError(f"{origin} {_where(exc, name)}用到了不存在的数据：{missing}") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"{origin} {_where(exc, name)}试图执行不允许的操作：{exc}") from exc
    except Limit as exc:
        raise TemplateError(f"{origin} {_where(exc, name)}超出限制：{exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{origin} {_where(exc, name)}出错：{exc.message}") from exc
    except tuple(_RUNTIME_ERRORS) as exc:
        reason = next(text for kind, text in _RUNTIME_ERRORS.items() if isinstance(exc, kind))
        raise TemplateError(f"{origin} {_where(exc, name)}出错：{reason}") from exc


_UNDEFINED = re.compile(r"^'(.*)' is undefined$")


def _where(exc: BaseException, name: str, file: str | None = None, line: int | None = None) -> str:
    """ "preamble.txt.j2 第 3 行" from the traceback Jinja2 rewrites to the template's lines."""
    if line is None:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2") or frame.filename.endswith(f"/{name}"):
                file, line = Path(frame.filename).name, frame.lineno
                break
    file = file or name
    return f"{file} 第 {line} 行" if line else f"{file} "


def render_template(name: str, context: dict[str, object]) -> RenderedTemplate:
    """A template's output as paragraphs and "## " sub-sections."""
    out = RenderedTemplate()
    current: RenderedSection | None = None
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            (current.paragraphs if current is not None else out.paragraphs).append("".join(buffer))
            buffer.clear()

    for raw in render_text(name, context).split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            current = RenderedSection(line[3:].strip())
            out.sections.append(current)
        else:
            buffer.append(line)
    flush()
    return out


def template_nodes(
    rendered: RenderedTemplate, level: int, next_id: int
) -> tuple[tuple[Node, ...], int]:
    """A template's "## " sub-sections as draft nodes one level down, numbered from next_id."""
    children = tuple(
        Node(
            id=f"n{next_id + i}",
            level=level + 1,
            title=section.title,
            paragraphs=tuple(section.paragraphs),
        )
        for i, section in enumerate(rendered.sections)
    )
    return children, next_id + len(children)
