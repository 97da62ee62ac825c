"""QEMU crashing at start, during boot and while paused (issue 8, faults).

Each case must end in a clear state (stopped for a start that failed, crashed for a QEMU that
died) with a sentence saying why, no zombie process and no stale socket or pidfile; a crash
is also what `kvmgui-cli status` reports afterwards, from another process.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from kvmgui.core.argv import extra_args_problems
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.paths import VmRuntimePaths
from kvmgui.core.problems import Severity
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.validation import validate_spec
from kvmgui.runtime import launch
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.qmp_session import QmpUnavailable
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end
from tests.runtime.helpers import (
    EventLog,
    RunEnv,
    blank_raw_disk,
    create_vm,
    guest_spec,
    qemu_pids_using,
    short_tmp,
    tiny_spec,
)
from tests.security.listening import assert_nothing_exposed

pytestmark = [pytest.mark.qemu]

CRASH_WAIT_S = 15.0


def assert_sentence(text: str) -> None:
    assert text and text[0].isupper() and text.rstrip().endswith("."), text
    assert "Traceback" not in text


@pytest.mark.asyncio
async def test_start_with_a_device_qemu_refuses(
    run_env: RunEnv, manager: VmManager, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    """An expert extra argument the checks let through, which QEMU refuses at start."""
    extra = ("-device", "virtio-rng-pci,bus=kvmgui-no-such-bus")
    assert extra_args_problems(extra) == []
    stored = create_vm(run_env, tiny_spec("baddev", extra_args=extra))
    problems = validate_spec(stored.spec, host_env[0], folder=stored.folder)
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    await manager.reload()
    vm = manager.get("baddev")
    outcome = await vm.start()
    assert not outcome.ok
    assert_sentence(outcome.message)
    assert "kvmgui-no-such-bus" in outcome.message + outcome.details
    assert vm.state is VmState.STOPPED and vm.reason == outcome.message
    assert vm.pid is None and qemu_pids_using(run_env.root) == []
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))


@pytest.mark.asyncio
async def test_start_after_the_disk_vanished(
    run_env: RunEnv, manager: VmManager, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    """The disk was there when the VM was checked and is gone when it starts."""
    disk = blank_raw_disk(run_env.root / "vanishing.raw")
    stored = create_vm(run_env, tiny_spec("nodisk", disks=(Disk(str(disk),
                                                                 format=DiskFormat.RAW),)))
    problems = validate_spec(stored.spec, host_env[0], folder=stored.folder, check_files=True)
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    await manager.reload()
    vm = manager.get("nodisk")
    disk.unlink()
    outcome = await vm.start()
    assert not outcome.ok
    assert_sentence(outcome.message)
    assert str(disk) in outcome.message and "does not exist" in outcome.message
    assert vm.state is VmState.STOPPED and vm.reason == outcome.message
    assert qemu_pids_using(run_env.root) == []
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))


async def _crashed(events: EventLog, vm_id: str) -> None:
    await events.wait_for(lambda: VmState.CRASHED in events.states(vm_id), CRASH_WAIT_S)


@pytest.mark.asyncio
async def test_segfault_during_boot(
    run_env: RunEnv, manager: VmManager, events: EventLog, test_iso: Path
) -> None:
    create_vm(run_env, guest_spec("booting", test_iso))
    await manager.reload()
    vm = manager.get("booting")
    assert (await vm.start()).ok
    pid = vm.pid
    assert pid is not None
    await asyncio.sleep(1.0)  # SeaBIOS / the boot loader / the kernel: somewhere in the boot
    assert_nothing_exposed([pid])
    os.kill(pid, signal.SIGSEGV)
    await _crashed(events, vm.vm_id)
    assert vm.state is VmState.CRASHED
    assert "signal 11 (SIGSEGV)" in vm.reason
    assert_sentence(vm.reason)
    assert vm.pid is None
    run = run_env.paths.vm_runtime(vm.vm_id)
    await assert_clean_end(run)
    # Another program (kvmgui-cli) sees the same end, with the same reason.
    status = run_env.cli_json("status", "booting")
    assert status["state"] == "crashed" and "SIGSEGV" in str(status["reason"])
    # And it starts again.
    assert (await vm.start()).ok
    assert (await vm.force_off()).ok
    await assert_clean_end(run)


@pytest.mark.asyncio
async def test_segfault_while_paused(
    run_env: RunEnv, manager: VmManager, events: EventLog
) -> None:
    create_vm(run_env, tiny_spec("paused"))
    await manager.reload()
    vm = manager.get("paused")
    assert (await vm.start()).ok
    assert (await vm.pause()).ok
    await events.wait_for(lambda: vm.state is VmState.PAUSED, 5)
    assert vm.pid is not None
    os.kill(vm.pid, signal.SIGSEGV)
    await _crashed(events, vm.vm_id)
    assert "SIGSEGV" in vm.reason
    assert_sentence(vm.reason)
    after = await vm.resume()
    assert not after.ok and after.code == "not-running"
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))


class _RefusedWhenCancelled:
    """Stands in for QmpSession in one unit test: its connection attempt fails when cancelled.

    That is what a real attempt does when the cancellation lands just as QEMU (dying during
    start-up, its qmp.sock left behind) refuses the connection: asyncio.wait_for in Python
    3.11 then returns the attempt's failure instead of the cancellation.
    """

    give_up = False

    def __init__(self, *_args: object, **_kwargs: object) -> None:
        pass

    async def connect(self, timeout: float) -> dict[str, object]:
        if self.give_up:
            raise RuntimeError("the test gave up")
        try:
            await asyncio.sleep(timeout)
        except asyncio.CancelledError:
            raise QmpUnavailable("refused") from None
        raise QmpUnavailable("refused")

    async def close(self) -> None:
        pass


@pytest.mark.asyncio
async def test_giving_up_on_a_dead_qemus_monitor_never_hangs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A start whose QEMU died must be able to stop waiting for its monitor (it holds the
    VM's start lock meanwhile): a swallowed cancellation once made it wait forever."""
    run = VmRuntimePaths(short_tmp() / "run")
    run.dir.mkdir()
    run.qmp_socket.touch()  # what a QEMU that died during start-up leaves behind
    monkeypatch.setattr(launch, "QmpSession", _RefusedWhenCancelled)
    task = asyncio.ensure_future(launch.connect_new_monitor(
        run, name="dead", on_event=lambda *_: None, on_lost=lambda: None))
    await asyncio.sleep(0.1)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=2)
    if not done:
        _RefusedWhenCancelled.give_up = True  # end the loop, then fail
        await asyncio.wait({task}, timeout=2)
    assert task in done and task.cancelled()
