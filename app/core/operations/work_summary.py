"""The 主要工作 a new work row starts with, from a measure's text."""

from __future__ import annotations

import re

from app.core.draft.mentions import has_mentions


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？；]*[。！？；]?", text) if s.strip()]


def summary_work(paragraphs: tuple[str, ...], title: str = "") -> str:
    """主要工作 by default: the lead sentence plus the sentences stating targets."""
    sentences = [s for p in paragraphs for s in _sentences(p)]
    if not sentences:
        return title
    chosen = [sentences[0]] + [s for s in sentences[1:] if has_mentions(s)]
    text = "".join(chosen).rstrip("；;")
    if not text.endswith(("。", "！", "？")):
        text += "。"
    if title and not text.startswith(title):
        text = f"{title}。{text}"
    return text
