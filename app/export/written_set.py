"""Writing a set of files (the 送审 package with its draft) that replaces the earlier set.

The set is written like the pair (pair.py: temporary names, a journal, renames under
the folder's lock — all new, or the folder as it was), with a record
(``.~pp.exported.json``) of what each set wrote — names and SHA-256, by the title
the files are named from — so that the next set of the same title removes, in the
same renames, the documents of the earlier set it does not write again (a 修改对照表
when the versions are gone): only those the app wrote and nobody changed since. An
edited one stays and is named; a file the app did not write is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from app.export.pair import LOCK_NAME, folder_lock, is_ours, recover, write_unlocked

RECORD_NAME = ".~pp.exported.json"
"""What each set of files (by the title they are named from) last wrote into the folder."""


def write_set(files: Sequence[tuple[Path, bytes]], key: str) -> list[str]:
    """Write the files like write_files, and remove the earlier set's documents (those
    recorded under `key`) that this set does not write again, in the same renames.

    Returns the names of earlier documents kept because they changed since the app
    wrote them (someone edited them: they are the user's now).
    """
    if not files:
        return []
    folder = files[0][0].parent
    with folder_lock(folder) as exclusive:
        recover(folder, all_leftovers=exclusive)
        record = _read_record(folder)
        earlier = record.get(key, {})
        names = {path.name for path, _data in files}
        stale, kept = [], []
        for name, digest in sorted(earlier.items()):
            path = folder / name
            if name in names or not _is_file(path):
                continue
            (stale if _sha256(path) == digest else kept).append(name)
        record[key] = {path.name: hashlib.sha256(data).hexdigest() for path, data in files}
        text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
        write_unlocked(folder, [*files, (folder / RECORD_NAME, text.encode("utf-8"))], stale)
    return kept


def _read_record(folder: Path) -> dict[str, dict[str, str]]:
    """The record of earlier sets; a damaged one counts as none (nothing is then removed)."""
    try:
        data = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: {n: d for n, d in files.items() if _plain_name(n) and isinstance(d, str)}
        for key, files in data.items()
        if isinstance(key, str) and isinstance(files, dict)
    }


def _plain_name(name: object) -> bool:
    """A name in this folder that is not one of ours."""
    return (
        isinstance(name, str)
        and bool(name)
        and os.path.basename(name) == name
        and name not in (".", "..", LOCK_NAME, RECORD_NAME)
        and not is_ours(name)
    )


def _is_file(path: Path) -> bool:
    try:
        return path.is_file() and not path.is_symlink()
    except OSError:
        return False


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
