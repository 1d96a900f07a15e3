"""Versions cost what changed: the frozen drafts of a file share their unchanged parts.

A version's data (the draft as it stood, app/core/operations/consultation/versions.py) is stored with
every sizeable object — a chapter, a measure, the catalogue, the target table — replaced
by a reference {"$ref": "<hash>"} to one entry of the draft's pool (`Draft.version_parts`),
keyed by the hash of its own stored form. An object that did not change between two
versions has the same hash, so it is stored once however many versions hold it: a
version costs its changed objects and the path from them up to the root.

Reading a version back expands the references again (each pool entry expanded once and
shared), and gives exactly the data that was frozen. A damaged pool — a reference to
nothing, a loop of references, an expansion past the read limit — is an error with a
message, never a hang or a wrong version.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from app.core.errors import PeakPlanError

REF = "$ref"
SHARE_FROM = 160
"""Objects whose stored form is at least this many characters go to the pool; smaller ones
cost less inline than a reference does."""
HASH_CHARS = 24
MAX_EXPANDED = 200 * 1024 * 1024
"""A version expands to no more than a draft file may hold (READ_LIMITS["draft"])."""


class VersionDataError(PeakPlanError):
    """A version's stored data cannot be read back."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_text = _ENCODER.encode  # one encoder for the many small objects (json.dumps makes one each)


def encode(data: Any, pool: dict[str, Any]) -> Any:
    """The data with each sizeable object replaced by a reference; the objects go to pool
    (an entry already there is the same object: it is left as it is)."""
    if isinstance(data, dict):
        stored: Any = {key: encode(value, pool) for key, value in data.items()}
    elif isinstance(data, list | tuple):
        stored = [encode(value, pool) for value in data]
    else:
        return data
    text = _text(stored)
    if len(text) < SHARE_FROM:
        return stored
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]
    pool.setdefault(key, stored)
    return {REF: key}


def _ref(value: Any) -> str | None:
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get(REF), str):
        return value[REF]
    return None


def decode(stored: Any, pool: Mapping[str, Any], done: dict[str, Any] | None = None) -> Any:
    """The data a version froze, its references expanded (each pool entry once)."""
    done = {} if done is None else done
    _check_size(stored, pool)
    return _decode(stored, pool, done, set())


def _decode(stored: Any, pool: Mapping[str, Any], done: dict[str, Any], open_: set[str]) -> Any:
    key = _ref(stored)
    if key is not None:
        if key in done:
            return done[key]
        if key not in pool:
            raise VersionDataError("版本数据不完整：缺少共享部分", problems=[f"引用 {key}"])
        if key in open_:
            raise VersionDataError("版本数据已损坏：共享部分互相引用")
        open_.add(key)
        value = _decode(pool[key], pool, done, open_)
        open_.discard(key)
        done[key] = value
        return value
    if isinstance(stored, dict):
        return {k: _decode(v, pool, done, open_) for k, v in stored.items()}
    if isinstance(stored, list):
        return [_decode(v, pool, done, open_) for v in stored]
    return stored


def check(roots: Iterable[Any], pool: Mapping[str, Any]) -> None:
    """Every version readable: no reference to nothing, no loop, none too large. Checked
    when a file is read and before one is written, so a damaged file says so at once."""
    sizes: dict[str, int] = {}
    for root in roots:
        _check_size(root, pool, sizes)


def _check_size(stored: Any, pool: Mapping[str, Any], sizes: dict[str, int] | None = None) -> None:
    """Refuse a version that would expand past the read limit (entries referring to
    each other many times over grow exponentially), before expanding anything."""
    sizes = {} if sizes is None else sizes

    def size(value: Any, depth: int = 0) -> int:
        if depth > 200:
            raise VersionDataError("版本数据已损坏：共享部分互相引用")
        key = _ref(value)
        if key is not None:
            if key not in sizes:
                if key not in pool:
                    raise VersionDataError("版本数据不完整：缺少共享部分", problems=[f"引用 {key}"])
                sizes[key] = -1
                sizes[key] = size(pool[key], depth + 1)
            elif sizes[key] < 0:
                raise VersionDataError("版本数据已损坏：共享部分互相引用")
            return sizes[key]
        if isinstance(value, dict):
            total = sum(size(v, depth + 1) for v in value.values()) + 8 * len(value)
        elif isinstance(value, list):
            total = sum(size(v, depth + 1) for v in value) + len(value)
        else:
            total = len(value) if isinstance(value, str) else 8
        if total > MAX_EXPANDED:
            raise VersionDataError(
                f"版本数据过大（展开后超过 {MAX_EXPANDED // (1024 * 1024)} MB），文件可能已损坏"
            )
        return total

    size(stored)


def reachable(roots: Iterable[Any], pool: Mapping[str, Any]) -> dict[str, Any]:
    """The pool entries the roots refer to, directly or through each other: what a file
    keeps (entries no version needs any more are left out)."""
    kept: dict[str, Any] = {}
    stack = list(roots)
    while stack:
        value = stack.pop()
        key = _ref(value)
        if key is not None:
            if key in kept or key not in pool:
                continue
            kept[key] = pool[key]
            stack.append(pool[key])
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return kept
