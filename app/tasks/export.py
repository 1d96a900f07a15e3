"""Export with its choices (`peakplan export`, 文件 › 导出…) and the 送审 package
(`export --package`, the dialog's 送审材料 box, 意见处理 › 导出送审材料…)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.core.draft.model import Draft
from app.core.files import os_reason
from app.core.plans.resolver import PlanResolver
from app.export.choice import ExportChoice
from app.tasks.result import TaskError, TaskResult

ONLY_PACKAGE = ExportChoice(word=False, excel=False, package=True)
"""意见处理 › 导出送审材料…: the package alone."""


@dataclass
class ExportDone(TaskResult):
    word: Path | None = None
    excel: Path | None = None
    questions: str = ""
    """What the Word draft leaves open, one line (empty without a Word draft)."""
    sent: object = None
    """The Word draft as it went out (export.files.ExportResult.sent): kept with the draft
    (ops.record_sent) so a copy returned later is read against it."""


class ExportInUseError(TaskError):
    """A file of the export is open in Word/WPS (Windows locks it); nothing was written.
    `path` is that file; `other_name` a suffix under which no file of the export exists yet."""

    def __init__(self, where: str, message: str, *, path: Path, other_name: str) -> None:
        super().__init__(where, message)
        self.path = path
        self.other_name = other_name


def laid_out(draft: Draft, choice: ExportChoice) -> Draft:
    """The draft as this export prints it."""
    if not choice.layout:
        return draft
    return draft.model_copy(update={"layout": draft.layout.model_copy(update=dict(choice.layout))})


def planned_paths(draft: Draft, folder: str | Path, choice: ExportChoice) -> list[Path]:
    """Every file the export would write (the window asks before replacing one)."""
    from app.export.files import export_paths, other_name
    from app.export.package.crosswalk_doc import crosswalk_path
    from app.export.package.package import package_paths

    draft, folder = laid_out(draft, choice), Path(folder)
    with other_name(choice.other_name):
        word, excel = export_paths(draft, folder)
        paths = [p for p, on in ((word, choice.word), (excel, choice.excel)) if on]
        if choice.package:
            paths += package_paths(draft, folder)
        elif choice.crosswalk:
            paths.append(crosswalk_path(draft, folder))
    return paths


def free_other_name(draft: Draft, folder: str | Path, choice: ExportChoice) -> str:
    """The usual names while none of the export's files exists yet, else the first of （2）,
    （3）… under which none does."""
    from app.export.files import other_suffix

    suffix, n = "", 1
    while any(p.exists() for p in planned_paths(draft, folder, replace(choice, other_name=suffix))):
        n += 1
        suffix = other_suffix(n)
    return suffix


def make_folder(folder: str | Path) -> Path:
    """The export folder, made if missing (ARCHITECTURE.md: DIR made if missing)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = "不是文件夹" if folder.exists() else os_reason(exc)
        raise TaskError(str(folder), f"无法导出：{reason}") from exc
    return folder


def export_selected(
    draft: Draft, folder: str | Path, plans: PlanResolver, choice: ExportChoice
) -> ExportDone:
    """Write the chosen files into an existing folder; each group all or nothing."""
    from app.export.files import other_name
    from app.export.write_errors import FileInUseError

    try:
        with other_name(choice.other_name):
            return _export(draft, folder, plans, choice)
    except FileInUseError as exc:
        suffix = free_other_name(draft, folder, choice)
        raise ExportInUseError(
            str(folder), exc.one_line(), path=exc.path, other_name=suffix
        ) from exc


def _export(
    draft: Draft, folder: str | Path, plans: PlanResolver, choice: ExportChoice
) -> ExportDone:
    from app.core.errors import PeakPlanError
    from app.export.files import export_draft
    from app.export.write_errors import FileInUseError

    draft, folder = laid_out(draft, choice), Path(folder)
    done = ExportDone()
    try:
        result = None
        if choice.package:  # the pair and the package written as one set
            from app.export.package.package import export_package  # Jinja2: only here

            package = export_package(draft, folder, plans, choice)
            result = package.pair
            done.lines += package.notes
        elif choice.word or choice.excel:
            result = export_draft(draft, folder, plans=plans, choice=choice)
        if result is not None:
            done.word, done.excel, done.sent = result.word, result.excel, result.sent
            done.written += [p for p in (result.word, result.excel) if p is not None]
            done.questions = result.questions_line() if result.word is not None else ""
        if choice.package:
            done.written += package.paths
        elif choice.crosswalk:
            from app.export.package.crosswalk_doc import export_crosswalk

            done.written.append(export_crosswalk(draft, folder, plans))
    except FileInUseError:
        raise
    except PeakPlanError as exc:
        raise TaskError(str(folder), exc.one_line()) from exc
    if done.questions:
        done.lines.append(done.questions)
    if not choice.package and draft.opinions:  # the package says it among its notes
        from app.export.package.opinions_doc import pending_line

        pending = pending_line(draft)  # opinions still 待处理
        if pending:
            done.lines.append(pending)
    return done


def export_package_only(draft: Draft, folder: str | Path, plans: PlanResolver) -> ExportDone:
    """The 送审 package alone, into `folder` (made if missing)."""
    return export_selected(draft, make_folder(folder), plans, ONLY_PACKAGE)


def keep_sent(draft: Draft, sent) -> TaskResult:
    """The Word draft as it went out kept with the draft (ops.record_sent), so a copy returned
    later is read against it; the window pushes the same operation as one undo step."""
    from app.core.operations import record_sent

    return TaskResult(draft=record_sent(draft, sent))
