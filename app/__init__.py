"""碳达峰方案起草助手 (PeakPlan Drafter)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__` read from the installed metadata only when asked (importlib.metadata
    pulls in the email package: ~15 ms of every command's start)."""
    if name != "__version__":
        raise AttributeError(f"module 'app' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("peakplan")
    except PackageNotFoundError:  # running from a bare source tree or a bundle without metadata
        value = "0.1.0"
    globals()["__version__"] = value
    return value
