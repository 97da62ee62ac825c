"""pytest fixtures for the test guest (loaded via `pytest_plugins` in tests/conftest.py).

    def test_something(test_iso: Path, tmp_path: Path) -> None:
        ...start a VM booting test_iso with its serial port logged to tmp_path / "serial.log"...
        wait_for_serial(tmp_path / "serial.log", "KVMGUI-GUEST: ready", 120)

The ISOs are built once per machine (cached, see tests/guest/build.py); the first run of a session
that needs one may take a few seconds more.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.guest.build import ensure_test_iso
from tests.guest.debs import GuestBuildError


def _iso(variant: str) -> Path:
    try:
        return ensure_test_iso(variant=variant)
    except GuestBuildError as error:
        pytest.fail(f"Could not build the test guest ISO: {error}", pytrace=False)


@pytest.fixture(scope="session")
def test_iso() -> Path:
    """The test guest ISO (boots at once; see tests/guest/init.sh for what it prints)."""
    return _iso("default")


@pytest.fixture(scope="session")
def test_iso_busy() -> Path:
    """Same guest booting with kvmgui.busy=1: one vCPU stays 100 % busy once ready."""
    return _iso("busy")


@pytest.fixture(scope="session")
def test_iso_write_boot() -> Path:
    """Same guest booting with kvmgui.write_boot=1: it writes to its own boot medium."""
    return _iso("write_boot")


@pytest.fixture(scope="session")
def test_iso_panic() -> Path:
    """Same guest booting with kvmgui.panic=1: the kernel panics right after `ready`."""
    return _iso("panic")


def wait_for_serial(
    path: Path,
    text: str,
    timeout: float,
    *,
    process: subprocess.Popen[bytes] | None = None,
) -> str:
    """Wait until a line of the serial log at `path` contains `text`; return the whole log.

    The log's CR LF line ends come back as LF. Raises TimeoutError (with the log's tail) after
    `timeout` seconds, or at once if `process` (the QEMU writing the log) has exited.
    """
    deadline = time.monotonic() + timeout
    content = ""
    while True:
        # Checked before reading, so a line written just before QEMU exited is still seen.
        exited = process is not None and process.poll() is not None
        try:
            content = path.read_bytes().decode(errors="replace").replace("\r\n", "\n")
        except FileNotFoundError:
            content = ""
        if any(text in line for line in content.splitlines()):
            return content
        if exited and process is not None:
            raise TimeoutError(
                f"QEMU exited (code {process.returncode}) before the serial log showed "
                f"{text!r}. Log tail:\n{content[-2000:]}"
            )
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"The serial log {path} did not show {text!r} within {timeout:.0f} s. "
                f"Log tail:\n{content[-2000:]}"
            )
        time.sleep(0.1)
