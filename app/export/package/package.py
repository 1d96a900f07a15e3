"""The documents of the 送审 package, written beside the draft's exports in one go.

上级方案任务承接对照表 (crosswalk_doc.py), 意见采纳情况表 (.docx and .xlsx), 修改对照表 and
修订稿 (tracked_doc.py) between the last two versions (only when there are two) and 起草说明:
every file named `<title><what it is>.docx`, written with the draft and its task table as one
set under the folder's export lock (pair.py): all new, or the folder as it was. Documents an
earlier package of the same title wrote and this one does not (a 修改对照表 when the versions
are gone) are removed in the same step, unless someone changed them since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.draft.model import Draft
from app.core.operations.consultation.versions import version_draft
from app.core.plans.resolver import PlanResolver
from app.export.choice import THE_PAIR, ExportChoice
from app.export.files import ExportResult, file_stem, pair_files
from app.export.package.crosswalk_doc import crosswalk_bytes, crosswalk_path
from app.export.package.drafting_note import note_bytes, note_path
from app.export.package.opinions_doc import opinions_bytes, opinions_path, pending_line
from app.export.package.opinions_sheet import opinions_xlsx
from app.export.package.revision_doc import revisions_bytes, revisions_path
from app.export.package.tracked_doc import tracked_bytes, tracked_path
from app.export.style import usable_style
from app.export.written_set import write_set

NO_REVISIONS = (
    "未写修改对照表和修订稿：起草文件保存的版本不足两个"
    "（在窗口中用 文件 › 保存版本…，或 peakplan version DRAFT --save 稿本 保存版本）"
)


@dataclass
class PackageResult:
    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What was left out, and why (one line each)."""
    pair: ExportResult = field(default_factory=lambda: ExportResult(None, None))
    """The draft and its task table, written in the same set."""


def package_files(
    draft: Draft, folder: str | Path, plans: PlanResolver
) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """Each file's path (package_paths: one list of what the package holds) and bytes, and
    what was left out."""
    style = usable_style(draft.layout.style)
    documents = [
        crosswalk_bytes(draft, plans, style),
        opinions_bytes(draft, style),
        opinions_xlsx(draft, style),
    ]
    notes = []
    if len(draft.versions) >= 2:
        old, new = draft.versions[-2], draft.versions[-1]
        before, after = version_draft(draft, -2), version_draft(draft, -1)
        names = {"old_name": old.name, "new_name": new.name, "style": style}
        documents.append(revisions_bytes(draft, before, after, **names))
        documents.append(
            tracked_bytes(draft, before, after, date=new.saved_at or new.date, **names)
        )
    else:
        notes.append(NO_REVISIONS)
    documents.append(note_bytes(draft, plans, style))
    pending = pending_line(draft)
    if pending:
        notes.insert(0, pending)
    return list(zip(package_paths(draft, folder), documents, strict=True)), notes


def export_package(
    draft: Draft, folder: str | Path, plans: PlanResolver, choice: ExportChoice = THE_PAIR
) -> PackageResult:
    """Write the draft (the pair `choice` names: both files with comments by default) and the
    package's documents into `folder` as one set: all new, or the folder as it was."""
    drafts, result = pair_files(draft, folder, plans, choice)
    files, notes = package_files(draft, folder, plans)
    kept = write_set([*drafts, *files], key=file_stem(draft))
    notes += [f"未删除上次导出的 {name}：导出后已被修改，请自行核对或删除" for name in kept]
    return PackageResult([path for path, _data in files], notes, result)


def package_paths(draft: Draft, folder: str | Path) -> list[Path]:
    """The files export_package writes, in its order, without building them."""
    folder = Path(folder)
    paths = [
        crosswalk_path(draft, folder),
        opinions_path(draft, folder),
        opinions_path(draft, folder, ".xlsx"),
    ]
    if len(draft.versions) >= 2:
        paths += [revisions_path(draft, folder), tracked_path(draft, folder)]
    return [*paths, note_path(draft, folder)]
