"""Versions kept inside the draft file: save one (`peakplan version --save`, 文件 › 保存版本…)
and list them (`peakplan versions`, 文件 › 版本列表…)."""

from __future__ import annotations

from app.core.draft.model import Draft
from app.core.errors import PeakPlanError
from app.tasks.result import TaskError, TaskResult


def save_version(draft: Draft, stage: str, date: str = "") -> TaskResult:
    """The draft frozen as the version `stage` `date`; the cover's stage follows for
    征求意见稿 and 送审稿."""
    from app.core.operations.versions import COVER_STAGES
    from app.core.operations.versions import save_version as freeze

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
