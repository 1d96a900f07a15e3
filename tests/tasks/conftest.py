"""The window fixture of tests/gui, for the CLI ↔ window pairs."""

from tests.gui.conftest import window  # noqa: F401
