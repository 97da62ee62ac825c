"""A real libvirt daemon for the tests of libvirt connections.

`libvirtd` (session-scoped) makes sure virtlogd and libvirtd run, starting them as daemons
when they are not (test machines without systemd), waits for the daemon's socket and stops
what it started when the session ends; a daemon that was already running is left alone.
Its value is the URI to connect to: qemu:///system. Use it in a test module with

    from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)

and mark the tests `qemu` (and `slow` when they boot a guest).
"""

from __future__ import annotations

import contextlib
import grp
import os
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.runtime.host_probe import root_is_mount

SOCKET = Path("/run/libvirt/libvirt-sock")
KVM = Path("/dev/kvm")
PIDFILES = {"virtlogd": Path("/run/virtlogd.pid"), "libvirtd": Path("/run/libvirtd.pid")}
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 15.0


def _state(pid: int) -> str:
    """The process's state letter ("" when there is no such process)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rpartition(")")[2].split()[0]


def _alive(pid: int) -> bool:
    # A daemon that exited stays a zombie where nothing reaps orphans (a container whose
    # first process is not an init): exited all the same.
    return _state(pid) not in ("", "Z", "X")


def _running(program: str) -> bool:
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat_file.read_text()
        except OSError:
            continue
        comm = text[text.find("(") + 1:text.rfind(")")]
        if comm == program and _alive(int(stat_file.parent.name)):
            return True
    return False


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
        if not _alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _kvm_device_as_udev_leaves_it() -> None:
    """Give /dev/kvm the owner and mode a desktop's udev gives it (root:kvm, 0660) where it is
    root's alone (containers, test machines without udev).

    libvirt probes QEMU as its own user (libvirt-qemu, in the kvm group) and checks at every
    later use whether that user can still open /dev/kvm; when the probe saw KVM and the check
    cannot, the cached capabilities are thrown away and QEMU is probed again on every define
    and start (15–30 s each here instead of a few milliseconds). Root may do this; a device
    already usable by the kvm group is left alone.
    """
    try:
        info = KVM.stat()
        kvm_gid = grp.getgrnam("kvm").gr_gid
    except (FileNotFoundError, KeyError):
        return
    if os.geteuid() != 0 or (info.st_gid == kvm_gid and info.st_mode & stat.S_IRWXG):
        return
    os.chown(KVM, 0, kvm_gid)
    os.chmod(KVM, 0o660)


def _warm_up(uri: str) -> None:
    """Have the daemon probe QEMU now: a freshly started libvirtd probes each QEMU binary's
    capabilities on first use (tens of seconds under load), which belongs to the session's
    set-up, not to the first test that defines a domain."""
    libvirt = pytest.importorskip("libvirt")
    conn = libvirt.open(uri)
    try:
        conn.getDomainCapabilities(None, "x86_64", None, "qemu", 0)
    finally:
        conn.close()


@pytest.fixture(scope="session")
def libvirtd() -> Iterator[str]:
    if shutil.which("libvirtd") is None:
        pytest.skip("libvirtd is not installed (scripts/setup.sh test installs it)")
    if not root_is_mount(Path("/proc/self/mountinfo").read_text()):
        pytest.skip("/ is not a mount point here (a chroot): libvirt's QEMU runs in a mount "
                    "namespace, which cannot be made")
    _kvm_device_as_udev_leaves_it()
    started: list[int] = []
    try:
        for program in ("virtlogd", "libvirtd"):
            if not _running(program):
                if os.geteuid() != 0:
                    pytest.skip(f"{program} is not running and only root may start it")
                started.append(_start(program))
        deadline = time.monotonic() + START_TIMEOUT_S
        while not SOCKET.is_socket():
            if started and not _alive(started[-1]):
                pytest.fail("libvirtd -d exited at once; run it in the foreground (libvirtd) to "
                            "see why", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"libvirtd made no socket {SOCKET} in {START_TIMEOUT_S:.0f} s",
                            pytrace=False)
            time.sleep(0.1)
        _warm_up("qemu:///system")
        yield "qemu:///system"
    finally:
        for pid in reversed(started):
            _stop(pid)
