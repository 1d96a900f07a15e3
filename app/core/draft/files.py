"""Draft files (*.peakplan): load, save, autosave recovery.

Loading only reads: a damaged or too-new file is reported (one message per
problem, with the field path) and left exactly as it was. Saving is atomic, so
an interrupted save leaves the old file or the new one, never a mix. Autosave
writes a separate recovery file in the per-user folder, never the user's file.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app import paths
from app.core.draft.model import DRAFT_FORMAT, DRAFT_FORMAT_VERSION, Draft
from app.core.errors import PeakPlanError
from app.core.files import (
    FileReadError,
    FileWriteError,
    read_limited,
    set_aside,
    write_text_atomic,
)
from app.core.validation import describe_validation_error

DRAFT_SUFFIX = ".peakplan"


def with_draft_suffix(path: str | Path) -> Path:
    """The path a draft is saved under: 平罗 → 平罗.peakplan; a .peakplan path is kept."""
    path = Path(path)
    return path if path.suffix.lower() == DRAFT_SUFFIX else path.with_name(path.name + DRAFT_SUFFIX)


def is_draft_path(path: str | Path) -> bool:
    return str(path).lower().endswith(DRAFT_SUFFIX)


RECOVERY_SUFFIX = ".peakplan-recovery"
MAX_NESTING = 64
"""A draft's JSON is a few levels deep (draft, node, children …, clause); far deeper is no draft."""


class DraftFileError(PeakPlanError):
    """A draft file cannot be opened; the message says why, the file is untouched."""


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


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(data: dict) -> dict:
    """An older draft brought up to the current version, step by step."""
    version = data.get("version")
    while isinstance(version, int) and version < DRAFT_FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise DraftFileError(f"无法升级第 {version} 版的起草文件")
        data = step(data)
        version = data.get("version")
    return data


def parse_draft(raw: bytes) -> Draft:
    """A draft from the bytes of a .peakplan file."""
    if not raw.strip():
        raise DraftFileError("文件是空的（0 字节），可能保存时被中断")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except RecursionError as exc:
        raise DraftFileError("内容嵌套层数过多，不是本程序的起草文件") from exc
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3:
            raise DraftFileError(
                "文件不完整（在一个字的中间结束），可能保存时被中断或已损坏"
            ) from exc
        raise DraftFileError("不是 UTF-8 文本，不是本程序的起草文件") from exc
    except json.JSONDecodeError as exc:
        raise DraftFileError(
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列），文件可能不完整或已损坏"
        ) from exc
    except ValueError as exc:  # an integer of thousands of digits (int max str digits)
        raise DraftFileError("文件中有过长的数字，不是本程序的起草文件") from exc
    if isinstance(data, dict | list) and _nesting(data) > MAX_NESTING:
        raise DraftFileError("内容嵌套层数过多，不是本程序的起草文件")
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        raise DraftFileError("不是本程序的起草文件（缺少 format: peakplan-draft）")
    version = data.get("version")
    if isinstance(version, int) and version > DRAFT_FORMAT_VERSION:
        raise DraftFileError(
            f"文件格式版本 {version} 比本程序支持的 {DRAFT_FORMAT_VERSION} 新，请升级程序后再打开"
        )
    data = migrate(data)
    try:
        return Draft.model_validate(data)
    except ValidationError as exc:
        raise DraftFileError("起草文件内容有误", problems=describe_validation_error(exc)) from exc


def _nesting(data: object) -> int:
    """How deep lists and objects nest, counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        children = item.values() if isinstance(item, dict) else item
        # only containers go on the stack: a draft's many strings are passed over
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return deepest


def read_draft_bytes(path: str | Path) -> bytes:
    """The bytes of a draft file; a folder, a pipe or device, or a file too large is refused
    before reading (a FIFO would hang the window, /dev/zero would eat the memory)."""
    try:
        return read_limited(path, "draft")
    except FileReadError as exc:
        raise DraftFileError(exc.problems[0] if exc.problems else exc.message) from exc


def load_draft(path: str | Path) -> Draft:
    """The draft stored at path. Only reads; never changes the file."""
    return parse_draft(read_draft_bytes(path))


def draft_json(draft: Draft) -> str:
    """The stored form: stable key order, readable Chinese, a final newline."""
    return json.dumps(draft.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def save_draft(draft: Draft, path: str | Path) -> Path:
    """Write atomically: the old file stays whole until the new one is complete."""
    return write_text_atomic(path, draft_json(draft))


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ---------------------------------------------------------------- recovery


def recovery_dir() -> Path:
    return paths.user_data_dir() / "recovery"


def recovery_path(draft_path: str | Path | None) -> Path:
    """The recovery file for a draft file, or a new one of its own for an unsaved draft:
    two untitled drafts (a crashed session's kept for later, and today's) never share one."""
    if draft_path is None:
        key, stem = secrets.token_hex(6), "未命名"
    else:
        resolved = str(Path(draft_path).resolve())
        key = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]
        stem = Path(draft_path).stem
    return recovery_dir() / f"{stem}-{key}{RECOVERY_SUFFIX}"


def save_recovery(
    draft: Draft, draft_path: str | Path | None, target: Path | None = None, based_on: str = ""
) -> Path:
    """Autosave: the draft with a note of the file it belongs to, beside none of the user's
    files. target: the document's own recovery file, once it has one; based_on: the hash of
    the draft file as the document last read or wrote it (so a recovered draft knows whether
    someone changed the file since)."""
    data = draft.model_dump(mode="json")
    record = {
        "format": "peakplan-recovery",
        "version": 1,
        "draft_path": str(Path(draft_path).resolve()) if draft_path else "",
        "draft_sha256": based_on,
        "saved_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "draft": data,
    }
    target = target or recovery_path(draft_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(
            "自动保存失败",
            problems=[f"无法建立恢复文件夹 {target.parent}（{_reason(exc)}）"],
        ) from exc
    return write_text_atomic(target, json.dumps(record, ensure_ascii=False) + "\n")


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有写入权限"
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return "同名文件占用了这个位置"
    return f"错误号 {exc.errno}"


@dataclass(frozen=True)
class Recovery:
    path: Path
    draft_path: str
    saved_at: str
    draft: Draft | None
    problem: str = ""
    draft_sha256: str = ""
    """The draft file's hash when the recovered edits began ("" for older records)."""


def find_recoveries() -> list[Recovery]:
    """Recovery files left by a session that did not end normally, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found: list[Recovery] = []
    for path in sorted(folder.glob(f"*{RECOVERY_SUFFIX}"), key=os.path.getmtime, reverse=True):
        try:
            record = json.loads(read_draft_bytes(path).decode("utf-8"))
            if not isinstance(record, dict) or record.get("format") != "peakplan-recovery":
                raise DraftFileError("不是本程序的恢复文件")
            draft = parse_draft(json.dumps(record["draft"], ensure_ascii=False).encode("utf-8"))
            found.append(
                Recovery(
                    path,
                    str(record.get("draft_path", "")),
                    str(record.get("saved_at", "")),
                    draft,
                    draft_sha256=str(record.get("draft_sha256", "")),
                )
            )
        except (ValueError, KeyError, RecursionError, PeakPlanError) as exc:
            problem = exc.one_line() if isinstance(exc, PeakPlanError) else "内容已损坏"
            found.append(Recovery(path, "", "", None, problem=problem))
    return found


def set_aside_recovery(recovery: Recovery) -> Path | None:
    """A recovery file that cannot be read is moved to recovery/damaged/, never deleted: it
    may be of a newer program version, or hold work someone can still save by hand."""
    return set_aside(recovery.path, recovery_dir() / "damaged")


def discard_recovery(recovery_file: Path) -> None:
    """After the draft is saved, or its changes explicitly discarded: no longer needed."""
    recovery_file.unlink(missing_ok=True)
