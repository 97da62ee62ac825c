"""Suite-wide pytest set-up: Qt offscreen, markers by folder, shared fixtures.

Tests are mirrored to the package tree (tests/core, tests/runtime, tests/cli, tests/ui); GUI
tests are auto-marked `gui` so `-m "not gui"` runs the headless layers alone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: no display in CI, and the app must never need one in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.guest.fixtures", "tests.leakcheck"]

TESTS = Path(__file__).parent


def pytest_addoption(parser: pytest.Parser) -> None:
    # Declared here as well as in tests/core/conftest.py so it works from the repo root.
    parser.addoption(
        "--regenerate-golden", action="store_true", help="rewrite the golden argv files"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if (TESTS / "ui") in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
