"""Suite-wide pytest set-up: Qt offscreen, markers by folder, shared fixtures, the fast lane.

Tests are mirrored to the package tree (tests/core, tests/runtime, tests/cli, tests/ui); GUI
tests are auto-marked `gui` so `-m "not gui"` runs the headless layers alone.

The fast lane (`scripts/run-tests --fast`) is `-m "not qemu and not slow" --no-qemu`: every
test that starts qemu-img, qemu-io, qemu-system-* or boots a guest is marked `qemu` (and `slow`
when it boots one or runs for tens of seconds). `--no-qemu` puts stand-ins for those programs
first on PATH: a test that still starts one fails (the stand-in exits 127), and the session
fails too, naming it, even when the test took the failure as "QEMU is not installed".
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import hypothesis
import pytest

from tests.examples import HYPOTHESIS_DEFAULT, SCALE, examples

# Before any Qt import: no display in CI, and the app must never need one in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.guest.fixtures", "tests.leakcheck"]

TESTS = Path(__file__).parent


def pytest_addoption(parser: pytest.Parser) -> None:
    # Declared here as well as in tests/core/conftest.py so it works from the repo root.
    parser.addoption(
        "--regenerate-golden", action="store_true", help="rewrite the golden argv files"
    )
    parser.addoption(
        "--no-qemu",
        action="store_true",
        help="fail any test that starts QEMU or its tools (the fast lane's guard)",
    )


# What the fast lane must never start. Stand-ins, not an emptied PATH: a test skipped because
# "qemu-img is not installed" would hide that it needs the `qemu` marker.
QEMU_PROGRAMS = (
    "qemu-system-x86_64",
    "qemu-system-i386",
    "qemu-img",
    "qemu-io",
    "qemu-nbd",
    "qemu-storage-daemon",
    "swtpm",
    "libvirtd",
    "virsh",
)
STAND_IN = """#!/bin/sh
echo "${PYTEST_CURRENT_TEST:-a test}: $(basename "$0")" >> "$(dirname "$0")/started.log"
echo "$(basename "$0") is not available with --no-qemu: mark the test qemu" >&2
exit 127
"""
_no_qemu_dir: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _no_qemu_dir
    if SCALE < 1:
        # Property tests that set no max_examples of their own are scaled down too.
        hypothesis.settings.register_profile(
            "kvmgui-fast", max_examples=examples(HYPOTHESIS_DEFAULT)
        )
        hypothesis.settings.load_profile("kvmgui-fast")
    if not config.getoption("--no-qemu"):
        return
    _no_qemu_dir = Path(tempfile.mkdtemp(prefix="kvmgui-no-qemu-"))
    for name in QEMU_PROGRAMS:
        stand_in = _no_qemu_dir / name
        stand_in.write_text(STAND_IN)
        stand_in.chmod(0o755)
    os.environ["PATH"] = f"{_no_qemu_dir}{os.pathsep}{os.environ.get('PATH', os.defpath)}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _no_qemu_dir is None:
        return
    log = _no_qemu_dir / "started.log"
    started = sorted(set(log.read_text().splitlines())) if log.exists() else []
    shutil.rmtree(_no_qemu_dir, ignore_errors=True)
    if started:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("Tests that started QEMU or its tools without the qemu marker:")
            for line in started:
                reporter.write_line(f"  {line}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if (TESTS / "ui") in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
