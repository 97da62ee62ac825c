"""The issue's acceptance scenario on the real test guest (a tiny Linux live ISO), under TCG.

The two tests share one VM (a module-scoped home), because the second is the guest's second
boot: what the first boot wrote to its disk must still be there. Each test also works alone
(the second then boots a fresh disk and checks the first marker is written and reported).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.process import is_alive
from kvmgui.runtime.state import VmState
from tests.guest.fixtures import wait_for_serial
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    REPO,
    SHUTDOWN_TIMEOUT_S,
    EventLog,
    RunEnv,
    blank_raw_disk,
    guest_spec,
    marker_on,
    qemu_pids_using,
    settings_for_tests,
    sockets_under,
    wait_for_serial_async,
)

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

NAME = "live"


@pytest.fixture(scope="module")
def guest_home() -> Iterator[RunEnv]:
    env = RunEnv.create()
    yield env
    leftovers = env.cleanup()
    assert not leftovers, f"QEMU pid(s) {leftovers} were left running"


def _disk(env: RunEnv) -> Path:
    return env.root / "marker.raw"


def _serial(env: RunEnv) -> Path:
    return env.store.folder_for(NAME).serial_log


def _status(env: RunEnv) -> dict[str, object]:
    return env.cli_json("status", NAME)


def test_lifecycle_via_cli(guest_home: RunEnv, test_iso: Path) -> None:
    """create from the live ISO → start → serial shows the boot → running → pause → paused →
    resume → running → ACPI shutdown → stopped within 60 s; `status --json` shows each."""
    env = guest_home
    disk = blank_raw_disk(_disk(env))
    env.cli("create", NAME, "--iso", str(test_iso), "--disk", str(disk), "--memory", "256",
            "--cpus", "1", "--accel", "tcg", "--no-sound", "--boot", "cdrom", check=True)
    assert _status(env)["state"] == "stopped"

    started = env.cli("start", NAME, check=True)
    assert f"Started '{NAME}'." in started.stdout
    wait_for_serial(_serial(env), "KVMGUI-GUEST: booted", BOOT_TIMEOUT_S)
    status = _status(env)
    assert status["state"] == "running"
    assert status["accelerator"] == "tcg"
    assert str(status["display"]).startswith("vnc+unix:///")
    assert isinstance(status["pid"], int) and is_alive(status["pid"])
    assert isinstance(status["memory_bytes"], int) and status["memory_bytes"] > 0

    env.cli("pause", NAME, check=True)
    assert _status(env)["state"] == "paused"
    env.cli("resume", NAME, check=True)
    assert _status(env)["state"] == "running"

    # The power button only works once the guest's acpid runs ("ready").
    log = wait_for_serial(_serial(env), "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
    assert "KVMGUI-GUEST: no marker" in log and "KVMGUI-GUEST: marker written 1" in log
    before = time.monotonic()
    result = env.cli("shutdown", NAME, "--timeout", str(SHUTDOWN_TIMEOUT_S),
                     timeout=SHUTDOWN_TIMEOUT_S + 30)
    took = time.monotonic() - before
    assert result.returncode == 0, result.stderr
    assert took < SHUTDOWN_TIMEOUT_S
    status = _status(env)
    assert status["state"] == "stopped"
    assert status["reason"] == "The guest shut down."
    assert "KVMGUI-GUEST: powering off" in _serial(env).read_text()
    assert marker_on(disk) == b"KVMGUI-MARK 1\n"
    assert not qemu_pids_using(env.root)
    assert not sockets_under(env.root)


def _read_line(pipe: object, timeout: float) -> str:
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(pipe.readline()))  # type: ignore[attr-defined]
    reader.daemon = True
    reader.start()
    reader.join(timeout)
    return result[0] if result else ""


@pytest.mark.asyncio
async def test_reattach_after_the_manager_is_killed_and_the_marker_persists(
    guest_home: RunEnv, test_iso: Path, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    """kill -9 of the managing process → the guest keeps running; a new process reattaches and
    shuts it down. It is the guest's second boot: the first boot's marker is still there."""
    env = guest_home
    disk = _disk(env)
    if env.store.find(NAME) is None:  # run alone: a fresh VM, whose first boot this is
        env.store.create(guest_spec(NAME, test_iso, blank_raw_disk(disk)))
    previous = marker_on(disk)
    count = int(previous.split()[1]) if previous.startswith(b"KVMGUI-MARK") else 0

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.runtime.manager_child", NAME],
        env=env.full_environ(), stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        cwd=str(REPO),
    )
    try:
        line = _read_line(child.stdout, 60)
        assert line.startswith("STARTED "), line
        qemu_pid = int(line.split()[1])
        run = env.paths.vm_runtime(env.store.get(NAME).spec.id)
        assert line.split()[2] == str(run.qmp_socket)
        log = await wait_for_serial_async(_serial(env), "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
        if count:
            assert f"KVMGUI-GUEST: marker found {count}" in log
        else:
            assert "KVMGUI-GUEST: no marker" in log
        assert f"KVMGUI-GUEST: marker written {count + 1}" in log
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        assert child.stdout is not None
        child.stdout.close()

    assert is_alive(qemu_pid), "QEMU died with its managing process"
    assert qemu_pids_using(env.root) == [qemu_pid]

    host, caps = host_env
    manager = VmManager(env.paths, settings_for_tests(), store=env.store, host=host, caps=caps)
    events = EventLog()
    manager.subscribe(events)
    await manager.open()
    try:
        vm = manager.get(NAME)
        assert vm.state is VmState.RUNNING
        assert vm.pid == qemu_pid
        # The dead manager's monitor connection is gone, so the new one gets qmp.sock.
        assert vm.monitor_socket == run.qmp_socket
        assert vm.status().accel == "tcg"
        result = await vm.shutdown(SHUTDOWN_TIMEOUT_S)
        assert result.ok, result
        assert vm.status().state is VmState.STOPPED and vm.reason == "The guest shut down."
        assert events.states(vm.vm_id)[-2:] == [VmState.SHUTTING_DOWN, VmState.STOPPED]
    finally:
        await manager.close()
    assert marker_on(disk) == f"KVMGUI-MARK {count + 1}\n".encode()
    deadline = time.monotonic() + 5
    while is_alive(qemu_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not is_alive(qemu_pid)
    assert not sockets_under(env.root)
    assert not os.path.exists(run.pidfile)


@pytest.mark.asyncio
async def test_guest_panic_is_a_crash(
    guest_home: RunEnv, test_iso_panic: Path, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    """The guest's kernel panics (pvpanic): crashed, kept paused for reading, then off."""
    env = guest_home
    env.store.create(guest_spec("panic", test_iso_panic))
    host, caps = host_env
    manager = VmManager(env.paths, settings_for_tests(), store=env.store, host=host, caps=caps,
                        sample_stats=False)
    events = EventLog()
    manager.subscribe(events)
    await manager.open()
    try:
        vm = manager.get("panic")
        assert (await vm.start()).ok
        await events.wait_for(lambda: vm.state is VmState.CRASHED, BOOT_TIMEOUT_S)
        assert vm.reason.startswith("The guest operating system crashed")
        assert "kept paused" in vm.reason
        assert vm.pid is not None and is_alive(vm.pid)  # QEMU keeps it for inspection
        assert "KVMGUI-GUEST: panicking on request" in env.store.folder_for(
            "panic").serial_log.read_text(errors="replace")
        assert (await vm.force_off()).ok
        assert vm.status().state is VmState.STOPPED
    finally:
        await manager.close()
