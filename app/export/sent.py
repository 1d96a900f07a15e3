"""The draft as it was sent: the mark each Word export carries, and the copy the draft keeps.

Each Word draft carries, as custom document properties (docProps/custom.xml, kept by Word,
WPS and LibreOffice through editing and saving), the mark of its printed paragraphs
(content.sent_mark) and the stage it went out as. The draft keeps what is needed to print
those paragraphs again (core SentCopy: the saved version's name when a version prints the
same, else the paragraphs themselves, packed), so a copy returned after the team has gone
on editing is read against what the unit saw (app/importer/feedback.read_feedback).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.core.draft.consultation import SENT_MARK, SENT_VERSION, SentCopy, opinion_key
from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.export.content import (
    SentDraft,
    pack_blocks,
    sent_mark,
    unpack_blocks,
)
from app.export.word.wordml import escape

CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_QUOTE = {'"': "&quot;"}


def custom_properties(properties: dict[str, str]) -> bytes:
    """docProps/custom.xml with each property as text."""
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name, _QUOTE)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{items}</Properties>"
    ).encode()


def with_custom_part(name: str, data: bytes) -> bytes:
    """A package part changed so the custom properties are part of the package: the content
    type listed, the relationship from the package root (other parts unchanged)."""
    text = data.decode("utf-8")
    if name == "[Content_Types].xml" and "/docProps/custom.xml" not in text:
        override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
        text = text.replace("</Types>", override + "</Types>")
    elif name == "_rels/.rels" and _CUSTOM_REL not in text:
        rel = f'<Relationship Id="rIdPeakPlanSent" Type="{_CUSTOM_REL}" Target="{CUSTOM_PART}"/>'
        text = text.replace("</Relationships>", rel + "</Relationships>")
    return text.encode("utf-8")


def sent_properties(draft: Draft, blocks: list[tuple]) -> dict[str, str]:
    return {SENT_MARK: sent_mark(blocks), SENT_VERSION: _stage(draft)}


def _stage(draft: Draft) -> str:
    return f"{draft.meta.stage} {draft.meta.date}".strip()


def sent_record(draft: Draft, blocks: list[tuple], *, saved_at: str = "") -> SentCopy:
    """What the draft keeps of an export: the newest version's name when the draft is that
    version (it prints the same), else the printed paragraphs packed."""
    version = ""
    if draft.versions:
        from app.core.operations.consultation.versions import frozen_data, version_draft

        try:
            same = frozen_data(version_draft(draft, -1)) == frozen_data(draft)
        except (PeakPlanError, ValueError):  # a version that no longer reads: keep the text
            same = False
        version = draft.versions[-1].name if same else ""
    return SentCopy(
        mark=sent_mark(blocks),
        version=version or _stage(draft),
        saved_at=saved_at or datetime.now().isoformat(timespec="seconds"),
        paragraphs="" if version else pack_blocks(blocks),
    )


def earlier_copies(
    draft: Draft, current: Callable[[Draft], SentDraft], here: SentDraft
) -> Callable:
    """mark → the draft as that export printed it (None when the draft keeps no such copy, or
    the version it names no longer prints the same). `here`: the draft as it prints now, whose
    units, author and furniture an earlier copy shares (not laid out again)."""

    def earlier(mark: str) -> SentDraft | None:
        from app.core.operations.consultation.versions import version_draft

        record = next((c for c in reversed(draft.sent) if c.mark == mark), None)
        if record is None:
            return None
        if record.paragraphs:
            blocks = unpack_blocks(record.paragraphs)
            if blocks is None or sent_mark(blocks) != mark:
                return None
            return SentDraft(blocks, here.units, record.version, here.own_author, here.furniture)
        for index in reversed(range(len(draft.versions))):  # names may repeat: each of the name
            if draft.versions[index].name != record.version:
                continue
            try:
                then = current(version_draft(draft, index))
            except (PeakPlanError, ValueError):
                continue
            if then.mark == mark:
                return then
        return None

    return earlier


def known_opinions(draft: Draft) -> frozenset[tuple]:
    return frozenset(opinion_key(o) for o in draft.opinions)
