"""碳达峰方案起草助手 (PeakPlan Drafter)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("peakplan")
except PackageNotFoundError:  # running from a bare source tree or a bundle without metadata
    __version__ = "0.1.0"
