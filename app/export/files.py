"""Writing the exports to a folder: both files or neither, never a half-written one.

Each file is built in memory first, then written atomically (temporary file in
the same folder, then rename), so a failure — a folder that is not writable, a
file Word or WPS holds open, a full disk — leaves the old file untouched and
no partial file behind, and says why in the user's terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.core.draft.model import Draft
from app.core.files import FileWriteError, write_atomic
from app.core.plans.resolver import PlanResolver
from app.export.excel import excel_bytes
from app.export.word import word_bytes

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(title: str) -> str:
    """A file name Windows accepts, from the document title."""
    name = _UNSAFE.sub("_", title).strip(" .")
    return name or "碳达峰实施方案"


@dataclass(frozen=True)
class ExportResult:
    word: Path | None
    excel: Path | None


def export_paths(draft: Draft, folder: Path) -> tuple[Path, Path]:
    title = safe_file_name(draft.meta.document_title)
    return folder / f"{title}.docx", folder / f"{title}任务分工表.xlsx"


def export_draft(
    draft: Draft,
    folder: str | Path,
    *,
    plans: PlanResolver,
    word: bool = True,
    excel: bool = True,
) -> ExportResult:
    """Write DIR/<title>.docx and DIR/<title>任务分工表.xlsx; `plans` are the parents the 对照表 names."""
    folder = Path(folder)
    if not folder.exists():
        raise FileWriteError("无法导出", problems=[f"文件夹不存在：{folder}"])
    if not folder.is_dir():
        raise FileWriteError("无法导出", problems=[f"不是文件夹：{folder}"])
    word_path, excel_path = export_paths(draft, folder)
    # Both built before anything is written: an error in building writes nothing.
    word_data = word_bytes(draft) if word else None
    excel_data = excel_bytes(draft, plans=plans) if excel else None
    if word_data is not None:
        write_atomic(word_path, word_data)
    if excel_data is not None:
        write_atomic(excel_path, excel_data)
    return ExportResult(word_path if word else None, excel_path if excel else None)
