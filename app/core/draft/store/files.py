"""Draft files (*.peakplan): load, save, autosave recovery.

Loading only reads: a damaged or too-new file is reported (one message per
problem, with the field path) and left exactly as it was. Saving is atomic, so
an interrupted save leaves the old file or the new one, never a mix. Autosave
writes a separate recovery file in the per-user folder, never the user's file.

One writer at a time, nothing overwritten unseen: every save holds the draft's lock
(app/core/file_lock.py) and, given the hash of the file as it was read, refuses when the
file changed since (compare-and-swap); a command changes a draft as one locked step
(app/core/draft/store/writing.py). A file the program could not read back (too large, nested
too deep, a version that does not expand) is never written.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app import paths
from app.core.draft.model import DRAFT_FORMAT, DRAFT_FORMAT_VERSION, Draft
from app.core.draft.store import version_parts as version_store
from app.core.draft.store.migrations import migrate
from app.core.errors import PeakPlanError
from app.core.file_lock import WAIT_SECONDS, file_lock
from app.core.files import (
    MB,
    READ_LIMITS,
    FileReadError,
    FileWriteError,
    read_limited,
    set_aside,
    write_atomic,
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
    try:
        data = migrate(data)
    except PeakPlanError as exc:
        raise DraftFileError(exc.message) from exc
    try:
        draft = Draft.model_validate(data)
    except ValidationError as exc:
        raise DraftFileError("起草文件内容有误", problems=describe_validation_error(exc)) from exc
    try:
        version_store.check((v.data for v in draft.versions), draft.version_parts)
    except PeakPlanError as exc:
        raise DraftFileError(exc.message, problems=exc.problems) from exc
    return draft


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


@dataclass(frozen=True)
class LoadedDraft:
    """A draft and the hash of the bytes it was read from (to save it back only over those)."""

    draft: Draft
    sha256: str


def read_draft(path: str | Path) -> LoadedDraft:
    """The draft at path and its file's hash, from one reading of the file."""
    raw = read_draft_bytes(path)
    return LoadedDraft(parse_draft(raw), hashlib.sha256(raw).hexdigest())


def draft_json(draft: Draft) -> str:
    """The stored form: stable key order, readable Chinese, a final newline."""
    return _json_text(draft.model_dump(mode="json"))


def _json_text(data: dict) -> str:
    """Indented, except the versions' shared parts: one compact line each (thousands of
    them; the indenting encoder is pure Python and would take seconds)."""
    parts = data.get("version_parts")
    if not parts:
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    placeholder = f'"{secrets.token_hex(16)}"'  # where the parts go, in no one's text
    head = json.dumps({**data, "version_parts": placeholder[1:-1]}, ensure_ascii=False, indent=1)
    lines = ",\n".join(
        f"  {json.dumps(key)}: {_COMPACT.encode(value)}" for key, value in parts.items()
    )
    return head.replace(placeholder, "{\n" + lines + "\n }", 1) + "\n"


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


class DraftTooLargeError(FileWriteError):
    """The draft would be written as a file the program could not read back."""


class DraftChangedError(PeakPlanError):
    """The file changed on disk since it was read: saving would overwrite that change."""


def draft_bytes(draft: Draft) -> bytes:
    """The bytes a draft is saved as, once checked that the program can read them back:
    within the read limit and nesting depth, every version readable."""
    data = draft.model_dump(mode="json")
    if _nesting(data) > MAX_NESTING:
        raise DraftTooLargeError(
            "未保存：内容嵌套层数过多，保存后将无法打开",
            problems=[f"层级最多 {MAX_NESTING} 层；请减少章节的层级后再保存（原文件保持不变）"],
        )
    raw = _json_text(data).encode("utf-8")
    limit = READ_LIMITS["draft"]
    if len(raw) > limit:
        raise DraftTooLargeError(
            f"未保存：起草文件将有 {len(raw) / MB:.1f} MB，超过本程序能打开的 {limit / MB:.0f} MB",
            problems=[
                "原文件保持不变。请删去不再需要的版本（peakplan version 文件 --drop 序号）"
                "或过长的内容（如粘贴进来的整篇文件）后再保存，或把部分章节另存为一份新的起草文件"
            ],
        )
    try:
        version_store.check((v.data for v in draft.versions), draft.version_parts)
    except PeakPlanError as exc:
        raise DraftTooLargeError(f"未保存：{exc.message}", problems=exc.problems) from exc
    return raw


def save_draft(
    draft: Draft,
    path: str | Path,
    *,
    expected_sha256: str | None = None,
    wait: float = WAIT_SECONDS,
) -> Path:
    """Write atomically under the draft's lock: the old file stays whole until the new one
    is complete. expected_sha256: the hash of the file as it was read ("" for none): a
    file changed since is not overwritten (DraftChangedError)."""
    return write_draft(draft, path, expected_sha256=expected_sha256, wait=wait)[0]


def write_draft(
    draft: Draft,
    path: str | Path,
    *,
    expected_sha256: str | None = None,
    wait: float = WAIT_SECONDS,
) -> tuple[Path, str]:
    """save_draft, and the hash of the file as written (what the next save expects)."""
    raw = draft_bytes(draft)  # before taking the lock: the slow part, others need not wait
    with file_lock(path, wait):
        if expected_sha256 is not None:
            current = current_sha256(path)
            if current and current != expected_sha256:
                raise DraftChangedError(
                    "未保存：起草文件在读取后已被其他程序修改",
                    problems=[
                        f"{Path(path).name} 已被另一个命令或窗口改写，覆盖会丢失那些修改；"
                        "请重新打开后再修改，或另存为新文件"
                    ],
                )
        saved = write_atomic(path, raw)
    return saved, hashlib.sha256(raw).hexdigest()


def current_sha256(path: str | Path) -> str:
    """The hash of the file at path now; "" when there is none."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise DraftFileError(f"无法读取 {Path(path).name}：{exc.strerror or exc.errno}") from exc


def changed_since(path: str | Path, sha256: str) -> bool:
    """Has someone written the file since it was read or written with this hash? A file
    that is gone has nothing to lose; one that cannot be read counts as changed."""
    try:
        current = current_sha256(path)
    except DraftFileError:
        return True
    return bool(current) and current != sha256


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
    text = json.dumps(record, ensure_ascii=False) + "\n"
    if len(text.encode("utf-8")) > READ_LIMITS["draft"]:  # it could not be read back
        raise FileWriteError(
            "自动保存失败",
            problems=[f"起草文件过大（超过 {READ_LIMITS['draft'] // MB} MB），恢复文件无法读回"],
        )
    return write_text_atomic(target, text)


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
