"""Where the app's data files and the user's folders are.

Data at the top level of the project (reference_plans/, resources/, templates/)
(and the user guide in docs/)
must be found from a source checkout, an installed wheel (packed under
app/_data) and a PyInstaller bundle (sys._MEIPASS). This is the one module
that knows; nothing else builds paths to them.

Per-user folders come from platformdirs and can each be moved by an
environment variable, so tests and portable installs point them elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "PeakPlanDrafter"
APP_AUTHOR = "PeakPlan"


def data_root() -> Path:
    """The folder holding reference_plans/, resources/ and templates/."""
    override = os.environ.get("PEAKPLAN_RESOURCE_ROOT")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    packed = package / "_data"
    if (packed / "resources").is_dir():
        return packed
    return package.parent


def reference_plans_dir() -> Path:
    return data_root() / "reference_plans"


def resources_dir() -> Path:
    return data_root() / "resources"


def templates_dir() -> Path:
    return data_root() / "templates"


def guide_path() -> Path:
    """The user guide (帮助 › 使用说明, F1): docs/guide.md, its pictures beside it."""
    return data_root() / "docs" / "guide.md"


def resource(*parts: str) -> Path:
    """A file under resources/, e.g. resource("units", "naming.json")."""
    return resources_dir().joinpath(*parts)


def _user_dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_data_dir() -> Path:
    """Per-user data: imported plans, own templates and catalogues, recovery files."""
    return _user_dir("PEAKPLAN_DATA_DIR", "data")


def user_plans_dir() -> Path:
    """Plans the user imported; listed by `peakplan plans` beside the built-in ones."""
    return user_data_dir() / "plans"


def user_cache_dir() -> Path:
    return _user_dir("PEAKPLAN_CACHE_DIR", "cache")
