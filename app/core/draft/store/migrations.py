"""Older draft files brought up to the current format, one step a version.

Each step takes the data of a draft of version N (as stored, a dict) and returns it as
version N + 1 stores it. Format history: app/core/draft/model.py (DRAFT_FORMAT_VERSION).
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.draft.model import DRAFT_FORMAT_VERSION
from app.core.draft.store import version_parts as version_store
from app.core.errors import PeakPlanError


class MigrationError(PeakPlanError):
    """A draft of a version no step leads up from."""


def _v1_to_v2(data: dict) -> dict:
    """Version 2 adds `changes` and `questions` to nodes; a version-1 node has none to add."""
    return {**data, "version": 2}


def _v2_to_v3(data: dict) -> dict:
    """Version 3 adds the reasons for parent measures not taken up; a version-2 draft gave none."""
    return {**data, "version": 3, "not_taken_up": []}


# version → function turning a draft of that version into one of version + 1.
def _v3_to_v4(data: dict) -> dict:
    """Version 4 adds named versions and opinions; a version-3 draft had none."""
    return {**data, "version": 4, "versions": [], "opinions": []}


def _v4_to_v5(data: dict) -> dict:
    """Version 5 shares the versions' unchanged parts (version_store.py); a version-4
    version held a full copy of the draft, which is now stored that way."""
    pool: dict = {}
    versions = data.get("versions")
    if isinstance(versions, list):
        versions = [
            {
                **{k: x for k, x in v.items() if k != "draft"},
                "data": version_store.encode(v["draft"], pool),
            }
            if isinstance(v, dict) and isinstance(v.get("draft"), dict)
            else v
            for v in versions
        ]
    return {**data, "version": 5, "versions": versions, "version_parts": pool}


_GROUNDS = "\n理由："
"""How format 5 wrote a 反馈意见表 row's 理由 into its words (app/feedback/forms.py)."""


def _v5_to_v6(data: dict) -> dict:
    """Version 6 keeps a form row's 理由 as the opinion's `grounds`: a version-5 row held it
    at the end of its words, after "\n理由："."""
    opinions = data.get("opinions")
    if isinstance(opinions, list):
        opinions = [_grounds_apart(o) for o in opinions]
    return {**data, "version": 6, "opinions": opinions}


def _grounds_apart(opinion: object) -> object:
    if not isinstance(opinion, dict) or opinion.get("kind") != "table":
        return opinion
    comment = opinion.get("comment")
    if not isinstance(comment, str) or _GROUNDS not in comment:
        return opinion
    said, grounds = comment.rsplit(_GROUNDS, 1)
    return {**opinion, "comment": said, "grounds": grounds}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}


def migrate(data: dict) -> dict:
    """An older draft brought up to the current version, step by step."""
    version = data.get("version")
    while isinstance(version, int) and version < DRAFT_FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"无法升级第 {version} 版的起草文件")
        data = step(data)
        version = data.get("version")
    return data
