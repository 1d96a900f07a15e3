"""The draft as HTML for the live preview: the blocks the Word draft prints, in the house style.

The one HTML writer: the window's preview (app/gui/views/preview.py) calls draft_html, for a big
draft with `only` the nodes around the one being edited.

It lays out content.py's blocks as the Word writer does, so a measure title
run in or on its own line shows as it will print, and takes every font, size,
indent and spacing from the house style at its preview scale. Qt's rich text
takes indents and margins only in px and justification only as an attribute:
lengths are written in px at 96 to the inch, alignment as `align`.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from app.core.draft.model import Draft
from app.core.readout.render import rendered_nodes
from app.export.content import Block, Run, body_blocks, cover_blocks, printable
from app.export.style import HouseStyle, TextStyle, usable_style

PX_PER_PT = 96 / 72
_GENERIC = ("serif", "sans-serif", "monospace")
_HIGHLIGHT = ' style="background-color:#fff3c4"'


def _families(style: HouseStyle, text: TextStyle) -> str:
    """The Latin font, then the East-Asian one (as Word picks them), each followed by its stand-ins."""
    names: list[str] = []
    generic = "serif"
    for name in (text.latin or style.latin_font, text.east_asia):
        for family in (name, *style.preview.fonts.get(name, ())):
            if family in _GENERIC:
                generic = family
            elif family not in names:
                names.append(family)
    return ", ".join([*(f"'{name}'" for name in names), generic])


def stylesheet(style: HouseStyle, scale: float) -> str:
    """A rule per text style: p.KEY for the paragraph, span.KEY for a run in another style's paragraph."""
    pitch = style.page.line_pitch_pt

    def px(points: float) -> str:
        return f"{points * scale * PX_PER_PT:.1f}px"

    rules = []
    for key, text in style.text.items():
        font = (
            f"font-family: {_families(style, text)}; font-size: {text.size * scale:g}pt; "
            f"font-weight: {700 if text.bold else 400}"
        )
        rules.append(f"span.{key} {{ {font}; }}")
        rules.append(
            f"p.{key} {{ {font}; text-indent: {px(text.indent_chars * text.size)}; "
            f"margin: {px(text.space_before_lines * pitch)} 0 {px(text.space_after_lines * pitch)} "
            f"{px(text.left_chars * text.size)}; line-height: {px(text.line_height_pt(pitch))}; }}"
        )
    return "\n".join(rules)


def _text(text: str) -> str:
    return escape(printable(text)).replace("\n", "<br/>")


def _run(run: Run, block: Block) -> str:
    if run.style == block.style and run.bold is None:
        return _text(run.text)
    weight = "" if run.bold is None else f' style="font-weight:{700 if run.bold else 400}"'
    return f'<span class="{run.style}"{weight}>{_text(run.text)}</span>'


def _paragraph(block: Block, style: HouseStyle, current: str) -> str:
    align = style.of(block.style).align
    marked = _HIGHLIGHT if current and block.node_id == current else ""
    runs = "".join(_run(run, block) for run in block.runs)
    return f'<p class="{block.style}" align="{align}"{marked}>{runs}</p>'


def _note(text: str) -> str:
    """A line of the viewer's, not of the draft (where a part of the draft is left out)."""
    return f"<p align='center' style='color:#8a6d3b'>{escape(text)}</p>" if text else ""


def draft_html(
    draft: Draft,
    *,
    current: str = "",
    style: HouseStyle | None = None,
    scale: float | None = None,
    only: Collection[str] | None = None,
    front: bool = True,
    above: str = "",
    below: str = "",
) -> str:
    """The cover, a rule for the page break, then the body; the node `current` is marked for the eye.

    `scale` defaults to the house style's preview scale; each node's first
    block carries an anchor named by the node's id. `only`: the blocks of these
    nodes alone (numbered and worded as in the whole draft); without `front`, no
    cover, title or preamble; `above` and `below`: a note before and after.
    """
    style = style or usable_style(draft.layout.style)
    scale = style.preview.scale if scale is None else scale
    parts = [f"<html><head><style>{stylesheet(style, scale)}</style></head><body>"]
    if front:
        parts.extend(_paragraph(block, style, current) for block in cover_blocks(draft))
        parts.append("<hr/>")
    parts.append(_note(above))
    anchored: set[str] = set()
    wanted = None if only is None else set(only)
    for block in body_blocks(draft, style, rendered_nodes(draft, only=wanted)):
        if not front and not block.node_id:
            continue  # the title and preamble
        if block.node_id and block.node_id not in anchored:
            anchored.add(block.node_id)
            parts.append(f'<a name="{escape(block.node_id)}"></a>')
        parts.append(_paragraph(block, style, current))
    parts.append(_note(below))
    parts.append("</body></html>")
    return "".join(parts)
