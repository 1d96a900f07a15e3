"""Widgets and views beside the measure editor: the parent clause with adaptation's changes
marked, and the 牵头单位 box."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

from app.core.adapt.diff import NodeDiff
from app.core.text.diff import Mark


class UnitBox(QComboBox):
    """The 牵头单位 field: ↑/↓ open the list instead of stepping to the catalogue's next unit
    (↓ then Enter made the first unit of the catalogue lead, in two undo steps)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.showPopup()
            return
        super().keyPressEvent(event)


def parent_clause_html(diff: NodeDiff) -> str:
    """The parent clause with each word adaptation changed struck through, the new word after it."""
    parts = []
    for source in diff.sources:
        if not source.found:
            named = (
                f"《{source.plan_title}》{source.heading}" if source.plan_title else source.heading
            )
            parts.append(f"<p>{escape(named)}：{'上级方案中已找不到此条'}</p>")
            continue
        parts.append(f"<p><b>{escape(source.plan_title)} {escape(source.heading)}</b></p>")
        for pieces in source.paragraphs:
            html = []
            for piece in pieces:
                text = escape(piece.text)
                if piece.mark is Mark.DELETED:
                    html.append(
                        f'<span style="background:#ffe0e0;text-decoration:line-through">{text}</span>'
                    )
                elif piece.mark is Mark.INSERTED:
                    html.append(f'<span style="background:#d8f5d0">{text}</span>')
                else:
                    html.append(text)
            parts.append(f"<p>{''.join(html)}</p>")
        if source.clause:
            parts.append(f"<p>{escape(source.clause)}</p>")
    return "".join(parts)
