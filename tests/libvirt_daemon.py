"""A real libvirt daemon for the tests of libvirt connections.

`libvirtd` (session-scoped) makes sure virtlogd and libvirtd run, starting them as daemons
when they are not (test machines without systemd), waits for the daemon's socket and stops
what it started when the session ends; a daemon that was already running is left alone.
Its value is the URI to connect to: qemu:///system. Use it in a test module with

    from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)

and mark the tests `qemu` (and `slow` when they boot a guest).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SOCKET = Path("/run/libvirt/libvirt-sock")
PIDFILES = {"virtlogd": Path("/run/virtlogd.pid"), "libvirtd": Path("/run/libvirtd.pid")}
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 15.0


def _running(program: str) -> bool:
    found = subprocess.run(["pgrep", "-x", program], stdout=subprocess.DEVNULL, check=False)
    return found.returncode == 0


def _start(program: str) -> int:
    """Start `program -d` (it forks into the background); its pid, from its pid file."""
    pidfile = PIDFILES[program]
    pidfile.unlink(missing_ok=True)
    subprocess.run([program, "-d"], check=True, timeout=START_TIMEOUT_S)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            return int(pidfile.read_text().strip())
        except (FileNotFoundError, ValueError):
            time.sleep(0.1)
    raise TimeoutError(f"{program} -d wrote no pid file {pidfile} in {START_TIMEOUT_S:.0f} s")


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def libvirtd() -> Iterator[str]:
    if shutil.which("libvirtd") is None:
        pytest.skip("libvirtd is not installed (scripts/setup.sh test installs it)")
    started: list[int] = []
    try:
        for program in ("virtlogd", "libvirtd"):
            if not _running(program):
                if os.geteuid() != 0:
                    pytest.skip(f"{program} is not running and only root may start it")
                started.append(_start(program))
        deadline = time.monotonic() + START_TIMEOUT_S
        while not SOCKET.is_socket():
            if time.monotonic() > deadline:
                pytest.fail(f"libvirtd made no socket {SOCKET} in {START_TIMEOUT_S:.0f} s",
                            pytrace=False)
            time.sleep(0.1)
        yield "qemu:///system"
    finally:
        for pid in reversed(started):
            _stop(pid)
