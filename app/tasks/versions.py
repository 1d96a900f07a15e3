"""Versions kept inside the draft file: save one (`peakplan version --save`, 文件 › 保存版本…)
and list them (`peakplan versions`, 文件 › 版本列表…)."""

from __future__ import annotations

from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.tasks.result import TaskError, TaskResult


def save_version(draft: Draft, stage: str, date: str = "", *, force: bool = False) -> TaskResult:
    """The draft frozen as the version `stage` `date`; the cover's stage follows for
    征求意见稿 and 送审稿. The same stage and date twice is refused unless `force` (the window
    asks first)."""
    from app.core.operations.consultation.versions import COVER_STAGES
    from app.core.operations.consultation.versions import save_version as freeze

    name = f"{stage.strip()} {date.strip()}".strip()
    same = [v for v in draft.versions if v.name == name]
    if same and not force:
        raise TaskError(
            "",
            f"已有版本“{name}”（保存于 {same[-1].saved_at or '未记录'}），未再保存："
            "要再保存一个同名版本请加 --force",
        )
    try:
        saved = freeze(draft, stage, date)
    except PeakPlanError as exc:
        raise TaskError("", exc.one_line()) from exc
    version = saved.versions[-1]
    cover = (
        f"，封面稿本：{saved.meta.stage}"
        if version.stage in COVER_STAGES
        else f"（封面稿本仍为{saved.meta.stage}）"
    )
    return TaskResult(
        lines=[f"已保存第 {len(saved.versions)} 个版本：{version.name}{cover}"], draft=saved
    )


def drop_version(draft: Draft, which: str) -> TaskResult:
    """A version removed (its number as `versions` lists it, or its name), with the parts only
    it held: what the too-large message points to."""
    from app.core.operations.consultation.versions import drop_version as drop
    from app.core.operations.consultation.versions import find_version

    try:
        name = find_version(draft, which).name
        left = drop(draft, which)
    except PeakPlanError as exc:
        raise TaskError("", exc.one_line()) from exc
    return TaskResult(lines=[f"已删去版本：{name}（还有 {len(left.versions)} 个版本）"], draft=left)


def list_versions(draft: Draft) -> TaskResult:
    """The versions, oldest first, numbered from 1."""
    if not draft.versions:
        return TaskResult(
            lines=["此起草文件还没有保存过版本（peakplan version DRAFT --save 稿本）。"],
            data=[],
        )
    lines, data = [], []
    for number, version in enumerate(draft.versions, 1):
        saved = version.saved_at.replace("T", " ")
        lines.append(f"{number}\t{version.stage}\t{version.date or '—'}\t保存于 {saved}")
        data.append(
            {"number": number, "stage": version.stage, "date": version.date, "saved_at": saved}
        )
    return TaskResult(lines=lines, data=data)
