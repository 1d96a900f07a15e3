"""The documents of the 送审 package, written beside the draft's exports in one go.

上级方案任务承接对照表 (crosswalk_doc.py), 意见采纳情况表 (.docx and .xlsx), 修改对照表 and
修订稿 (tracked_doc.py) between the last two versions (only when there are two) and 起草说明:
every file named `<title><what it is>.docx`, all written atomically together under the folder's export lock
(pair.py): all new, or the folder as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.draft.model import Draft
from app.core.operations.versions import version_draft
from app.core.plans.resolver import PlanResolver
from app.export.crosswalk_doc import crosswalk_bytes, crosswalk_path
from app.export.drafting_note import note_bytes, note_path
from app.export.opinions_doc import opinions_bytes, opinions_path
from app.export.opinions_sheet import opinions_xlsx
from app.export.pair import write_files
from app.export.revision_doc import revisions_bytes, revisions_path
from app.export.style import usable_style
from app.export.tracked_doc import tracked_bytes, tracked_path

NO_REVISIONS = "未写修改对照表和修订稿：起草文件保存的版本不足两个（用 peakplan version DRAFT --save 稿本 保存版本）"


@dataclass
class PackageResult:
    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What was left out, and why (one line each)."""


def package_files(
    draft: Draft, folder: str | Path, plans: PlanResolver
) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """Each file's path and bytes, and what was left out."""
    folder = Path(folder)
    style = usable_style(draft.layout.style)
    files = [
        (crosswalk_path(draft, folder), crosswalk_bytes(draft, plans, style)),
        (opinions_path(draft, folder), opinions_bytes(draft, style)),
        (opinions_path(draft, folder, ".xlsx"), opinions_xlsx(draft, style)),
    ]
    notes = []
    if len(draft.versions) >= 2:
        old, new = draft.versions[-2], draft.versions[-1]
        before, after = version_draft(draft, -2), version_draft(draft, -1)
        data = revisions_bytes(
            draft,
            before,
            after,
            old_name=old.name,
            new_name=new.name,
            style=style,
        )
        files.append((revisions_path(draft, folder), data))
        tracked = tracked_bytes(
            draft,
            before,
            after,
            old_name=old.name,
            new_name=new.name,
            date=new.saved_at or new.date,
            style=style,
        )
        files.append((tracked_path(draft, folder), tracked))
    else:
        notes.append(NO_REVISIONS)
    files.append((note_path(draft, folder), note_bytes(draft, plans, style)))
    return files, notes


def export_package(draft: Draft, folder: str | Path, plans: PlanResolver) -> PackageResult:
    """Write the package's documents into `folder` (atomically, all or none)."""
    files, notes = package_files(draft, folder, plans)
    write_files(files)
    return PackageResult([path for path, _data in files], notes)
