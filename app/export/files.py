"""Writing the exports to a folder: both files or neither, never a half-written one.

Both files are built in memory first, then written together (pair.py: temporary
files in the same folder, renamed once both are complete, the previous pair put
back if a rename fails), so a failure — a folder that is not writable, a file
Word or WPS holds open, a folder in the way, a full disk — leaves the old files
untouched and no partial file behind, and says why in the user's terms.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from app.core.draft.consultation import SentCopy
from app.core.draft.model import Draft
from app.core.files import FileWriteError
from app.core.plans.resolver import PlanResolver
from app.export.choice import THE_PAIR, ExportChoice
from app.export.excel import excel_bytes
from app.export.pair import write_files
from app.export.word.document import word_document

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')
_INVISIBLE = {"Cf", "Zl", "Zp", "Co", "Cs"}
"""Removed from file names: format (bidi, zero-width), separators, private and surrogates;
control characters become _ (_UNSAFE) as before."""
EXCEL_SUFFIX = "任务分工表.xlsx"
NAME_BYTES = 255
"""The longest file name (UTF-8 bytes on Linux and macOS; Windows counts 255 characters)."""
ENDING_BYTES = 40
"""Room kept for what a document of the set adds to the title: the longest,
上级方案任务承接对照表.docx, is 38 bytes (tests/faults/test_export_package.py checks all fit)."""


def safe_file_name(title: str, reserve: int = 0) -> str:
    """A file name Windows accepts, from the document title; a title too long for a
    file name is cut (on a character boundary) where every document's name still fits,
    so that all the files of one export share the same beginning."""

    # bidi overrides (U+202E shows 'exe.txt' as 'txt.exe'), zero-width and other invisible
    # format characters never reach a file name
    title = "".join(c for c in title if unicodedata.category(c) not in _INVISIBLE)
    name = _UNSAFE.sub("_", title).strip(" .")
    budget = NAME_BYTES - ENDING_BYTES - reserve
    if len(name.encode("utf-8")) > budget:
        name = name.encode("utf-8")[:budget].decode("utf-8", "ignore").rstrip(" .")
    return name or "碳达峰实施方案"


_OTHER_NAME: ContextVar[str] = ContextVar("export_other_name", default="")


@contextlib.contextmanager
def other_name(suffix: str) -> Iterator[None]:
    """Every file of the export named with `suffix` after the title (改名保存, `--new-name`:
    平罗县碳达峰实施方案（2）.docx) while the earlier files stay, one of them open in Word."""
    token = _OTHER_NAME.set(suffix)
    try:
        yield
    finally:
        _OTHER_NAME.reset(token)


def other_suffix(n: int) -> str:
    return f"（{n}）"


def file_stem(draft: Draft) -> str:
    """The beginning the names of all files of one export share: the title as a file name,
    with the other name's （2） when one was chosen (other_name)."""
    suffix = _OTHER_NAME.get()
    return safe_file_name(draft.meta.document_title, len(suffix.encode("utf-8"))) + suffix


@dataclass(frozen=True)
class ExportResult:
    word: Path | None
    excel: Path | None
    comments: int = 0
    """Open questions printed as comments in the Word draft."""
    open_questions: int = 0
    """Open questions standing in the Word draft's words (printed as comments or not)."""
    sent: SentCopy | None = None
    """The Word draft as sent, for the draft to keep (ops.record_sent): a returned copy is
    read against it."""
    notes: int = 0
    """The Word comments holding them: fewer where questions of one clause share one."""

    def questions_line(self) -> str:
        """One line for the user on what the Word draft leaves open (empty without one)."""
        if self.word is None:
            return ""
        if not self.open_questions:
            return "没有待定事项。"
        if self.comments and self.notes and self.notes != self.comments:
            # kept units of one clause share a comment, so the two counts differ and both show
            return f"已将 {self.comments} 个待定事项作为 {self.notes} 条批注标在 Word 文稿中。"
        if self.comments:
            return f"已将 {self.comments} 个待定事项作为批注标在 Word 文稿中。"
        return f"未附批注：Word 文稿中仍有 {self.open_questions} 个待定事项。"


def export_paths(draft: Draft, folder: Path) -> tuple[Path, Path]:
    title = file_stem(draft)
    return folder / f"{title}.docx", folder / f"{title}{EXCEL_SUFFIX}"


def export_draft(
    draft: Draft,
    folder: str | Path,
    *,
    plans: PlanResolver,
    choice: ExportChoice = THE_PAIR,
) -> ExportResult:
    """Write DIR/<title>.docx and DIR/<title>任务分工表.xlsx (those `choice` names); `plans` are
    the parents the 对照表 names.

    With `choice.comments` (the default) each open question prints as a comment on its words;
    without (`peakplan export --clean`) the Word draft is clean.
    """
    files, result = pair_files(draft, folder, plans, choice)
    write_files(files)  # both or neither
    return result


def pair_files(
    draft: Draft, folder: str | Path, plans: PlanResolver, choice: ExportChoice
) -> tuple[list[tuple[Path, bytes]], ExportResult]:
    """The pair's paths and bytes, built before anything is written (an error in building
    writes nothing), and what the export will have done once they are written."""
    word, excel, comments = choice.word, choice.excel, choice.comments
    folder = Path(folder)
    if not folder.exists():
        raise FileWriteError("无法导出", problems=[f"文件夹不存在：{folder}"])
    if not folder.is_dir():
        raise FileWriteError("无法导出", problems=[f"不是文件夹：{folder}"])
    word_path, excel_path = export_paths(draft, folder)
    document = word_document(draft, comments=comments) if word else None
    excel_data = excel_bytes(draft, plans=plans, comments=comments) if excel else None
    files = [(word_path, document.data)] if document is not None else []
    if excel_data is not None:
        files.append((excel_path, excel_data))
    return files, ExportResult(
        word_path if word else None,
        excel_path if excel else None,
        document.comments if document else 0,
        document.open_questions if document else 0,
        document.sent if document else None,
        document.notes if document else 0,
    )
