"""The consultation round's documents: a demo saved at two versions, opinions built by hand."""

from __future__ import annotations

import pytest

from tests.consultation.helpers import two_versions, with_opinions
from tests.gui.conftest import window  # noqa: F401  (the window fixture for the GUI test)


@pytest.fixture
def revised():
    return two_versions()


@pytest.fixture
def consulted():
    return with_opinions(two_versions()[0])
