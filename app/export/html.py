"""The draft as HTML, for the live preview: headings, numbering, clauses, targets filled in.

The same rendering as the Word export (app.core.readout.render), in the fonts the
house style names, so what the preview shows is what will print.
"""

from __future__ import annotations

from html import escape

from app.core.draft.model import Draft
from app.core.readout.render import rendered_nodes
from app.core.text.numbering import chinese_month

_CSS = """
body { font-family: '仿宋_GB2312', 'FangSong', 'AR PL UMing CN', serif; font-size: 12pt; line-height: 150%; }
h1 { font-family: '方正小标宋简体', 'Noto Serif CJK SC', serif; font-size: 17pt; text-align: center; font-weight: normal; }
p.cover { text-align: center; font-size: 12pt; }
p.h1 { font-family: '黑体', 'Noto Sans CJK SC', sans-serif; font-size: 12pt; text-indent: 2em; margin: 0; }
p.h2 { font-family: '楷体_GB2312', 'KaiTi', 'AR PL UKai CN', serif; font-size: 12pt; text-indent: 2em; margin: 0; }
p.h3 { font-weight: bold; font-size: 12pt; text-indent: 2em; margin: 0; }
p.body { font-size: 12pt; text-indent: 2em; margin: 0; text-align: justify; }
span.clause { color: #444; }
"""


def draft_html(draft: Draft, *, current: str = "") -> str:
    """The whole draft as one HTML page; the node `current` is marked for the eye."""
    meta = draft.meta
    parts = [f"<html><head><style>{_CSS}</style></head><body>"]
    parts.append(f"<h1>{escape(meta.document_title)}</h1>")
    date = chinese_month(int(meta.date[:4]), int(meta.date[5:7])) if meta.date else ""
    parts.append(f'<p class="cover">（{escape(meta.stage)}）{escape(date)}</p>')
    for paragraph in meta.preamble:
        parts.append(f'<p class="body">{escape(paragraph)}</p>')
    for item in rendered_nodes(draft):
        node = item.node
        marker = ' style="background:#fff3c4"' if node.id == current else ""
        parts.append(f'<a name="{node.id}"></a>')
        heading = escape(f"{item.label}{node.title}")
        paragraphs = [escape(p) for p in item.paragraphs]
        clause = f'<span class="clause">{escape(item.clause)}</span>' if item.clause else ""
        run_in = node.level >= 3 and (node.title_style == "run_in" or not node.numbered)
        level = min(node.level, 3)
        if run_in:
            first = paragraphs.pop(0) if paragraphs else ""
            lead = heading if heading.endswith("。") else heading + "。"
            text = f"<b>{lead}</b>{first}" + (clause if not paragraphs else "")
            parts.append(f'<p class="body"{marker}>{text}</p>')
        else:
            parts.append(f'<p class="h{level}"{marker}>{heading}</p>')
        for i, paragraph in enumerate(paragraphs):
            tail = clause if i == len(paragraphs) - 1 else ""
            parts.append(f'<p class="body"{marker}>{paragraph}{tail}</p>')
        if clause and not paragraphs and not run_in:
            parts.append(f'<p class="body"{marker}>{clause}</p>')
    parts.append("</body></html>")
    return "".join(parts)
