"""The boilerplate sections from Jinja2 templates: preamble, 总体要求, 主要目标, 保障措施.

A template turns the county's data (names, parents, targets) into text; the
text is stored in the draft (the user edits it there) together with the name
of the template it came from, so the user can go back to it. A template of the
same name in the per-user templates folder is used instead of the built-in
one, and is rendered in Jinja2's sandbox: it is the user's file, not ours.

Template output: paragraphs separated by blank lines; a line "## 标题" starts
a sub-section (（一）指导思想 …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from app import paths
from app.core.draft.model import Node
from app.core.errors import PeakPlanError
from app.core.text.county import CountyContext

PREAMBLE = "preamble.txt.j2"
GENERAL = "general.txt.j2"
GOALS = "goals.txt.j2"
SAFEGUARDS = "safeguards.txt.j2"


class TemplateError(PeakPlanError):
    """A template is missing or cannot be rendered; the message names it and the line."""


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


def _environment(name: str) -> tuple[jinja2.Environment, str]:
    own = user_templates_dir()
    if (own / name).is_file():
        env: jinja2.Environment = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader(str(own)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
        )
        return env, "用户模板"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    return env, "内置模板"


def context_for(county: CountyContext, parents: list[str], **extra: object) -> dict[str, object]:
    return {**county.placeholders(), "parents": parents, **extra}


def render_text(name: str, context: dict[str, object]) -> str:
    env, origin = _environment(name)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {name}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{origin} {name} 第 {exc.lineno} 行有语法错误：{exc.message}") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{origin} {name} 用到了不存在的数据：{exc.message}") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"{origin} {name} 试图执行不允许的操作：{exc}") from exc


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
