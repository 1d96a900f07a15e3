"""Named versions of a draft: the draft frozen at a stage (征求意见稿 2023-08-15, 送审稿 …).

`save_version` keeps the draft's data as it stands (without its versions and opinions,
app/core/draft/consultation.py) inside the draft itself, its unchanged parts shared with
the earlier versions (app/core/draft/store/version_parts.py): a version costs what changed; the cover's stage follows when
the stage is one the cover prints (征求意见稿, 送审稿). Another stage (印发稿, 第二次征求
意见稿 …) is the version's name only: the cover keeps its own. `version_draft` reads one
back as a draft, for the 修改对照表 (app/core/readout/revision_table.py) or to look at.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import get_args

from pydantic import ValidationError

from app.core.draft.consultation import DraftVersion
from app.core.draft.model import Draft, Stage
from app.core.draft.store.migrations import migrate
from app.core.draft.store.version_parts import decode, encode, reachable
from app.core.draft.tree import EditError
from app.core.validation import describe_validation_error

COVER_STAGES: tuple[str, ...] = get_args(Stage)
"""The stages the cover prints: 征求意见稿, 送审稿."""
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
MAX_STAGE = 40


def frozen_data(draft: Draft) -> dict:
    """The draft's data as stored, without its versions and opinions."""
    return draft.model_dump(mode="json", exclude={"versions", "opinions", "version_parts", "sent"})


def save_version(draft: Draft, stage: str, date: str = "", *, saved_at: str = "") -> Draft:
    """The draft with its current state kept as the version `stage` `date` (the newest).

    The cover's stage follows first, so the version says what it was sent out as.
    `saved_at`: when (ISO time; default now). Versions of the same name are kept side by
    side: `version_draft` reads the newest of a name.
    """
    stage = stage.strip()
    date = date.strip()
    if not stage:
        raise EditError("请写明版本的稿本名称（如 征求意见稿、送审稿）")
    if len(stage) > MAX_STAGE or "\n" in stage:
        raise EditError(f"稿本名称过长（最多 {MAX_STAGE} 字）")
    if date and not (_DATE.fullmatch(date) and _real_day(date)):
        raise EditError(f"“{date}”不是有效日期（应为 YYYY-MM-DD，如 2023-08-15）")
    if stage in COVER_STAGES and draft.meta.stage != stage:
        draft = draft.model_copy(update={"meta": draft.meta.model_copy(update={"stage": stage})})
    parts = dict(draft.version_parts)  # the draft's own stays as it is (undo keeps it)
    version = DraftVersion(
        stage=stage,
        date=date,
        saved_at=saved_at or datetime.now().isoformat(timespec="seconds"),
        data=encode(frozen_data(draft), parts),
    )
    return draft.model_copy(update={"versions": (*draft.versions, version), "version_parts": parts})


def _real_day(text: str) -> bool:
    """A day of the calendar (2026-02-30 is none), or a month 01–12 for YYYY-MM."""
    try:
        datetime.strptime(text, "%Y-%m-%d" if len(text) == 10 else "%Y-%m")
    except ValueError:
        return False
    return True


def find_version(draft: Draft, name_or_index: str | int) -> DraftVersion:
    """A version by its place (0 the oldest, -1 the newest; "1" on the command line is the
    oldest), its name (送审稿 2023-09-20) or its stage alone (the newest of that stage)."""
    versions = draft.versions
    if not versions:
        raise EditError("此起草文件还没有保存过版本")
    if isinstance(name_or_index, int):
        if -len(versions) <= name_or_index < len(versions):
            return versions[name_or_index]
        raise EditError(f"没有第 {name_or_index + 1} 个版本（共 {len(versions)} 个）")
    wanted = name_or_index.strip()
    if wanted.isdigit():
        return find_version(draft, int(wanted) - 1)
    for match in (lambda v: v.name == wanted, lambda v: v.stage == wanted):
        found = [v for v in versions if match(v)]
        if found:
            return found[-1]
    names = "、".join(v.name for v in versions)
    raise EditError(f"没有名为“{wanted}”的版本（已有：{names}）")


def drop_version(draft: Draft, name_or_index: str | int) -> Draft:
    """The draft without one version (as find_version finds it); the parts only it held go
    too, so the file shrinks by what that version cost."""
    version = find_version(draft, name_or_index)
    kept = tuple(v for v in draft.versions if v is not version)
    parts = reachable((v.data for v in kept), draft.version_parts)
    return draft.model_copy(update={"versions": kept, "version_parts": parts})


def version_draft(draft: Draft, name_or_index: str | int) -> Draft:
    """One version read back as a draft (without versions and opinions of its own)."""
    version = find_version(draft, name_or_index)
    frozen = decode(version.data, draft.version_parts)
    if not isinstance(frozen, dict):
        raise EditError(f"版本“{version.name}”的数据已损坏，无法读出")
    data = migrate({**frozen, "versions": [], "opinions": []})
    try:
        return Draft.model_validate({**data, "versions": [], "opinions": [], "version_parts": {}})
    except ValidationError as exc:
        raise EditError(
            f"版本“{version.name}”的数据有误，无法读出", problems=describe_validation_error(exc)
        ) from exc
