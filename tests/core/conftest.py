"""Options and fixtures for the core tests.

`pytest tests/core --regenerate-golden` rewrites the argv golden files (tests/core/golden)
instead of comparing against them; review the diff before committing. When pytest is started
from the repository root without a path, this file is loaded too late to add a command-line
option, so KVMGUI_REGENERATE_GOLDEN=1 does the same.
"""

from __future__ import annotations

import contextlib
import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    # ValueError: already added by a conftest higher up.
    with contextlib.suppress(ValueError):
        parser.addoption(
            "--regenerate-golden",
            action="store_true",
            default=False,
            help="rewrite tests/core/golden/*.argv from the current argv builder",
        )


@pytest.fixture
def regenerate_golden(request: pytest.FixtureRequest) -> bool:
    try:
        flag = bool(request.config.getoption("--regenerate-golden"))
    except ValueError:
        flag = False
    return flag or os.environ.get("KVMGUI_REGENERATE_GOLDEN") == "1"
