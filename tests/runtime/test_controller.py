"""VmController on real QEMUs without an operating system (SeaBIOS only, -m 64, TCG).

Cheap to start (well under a second), so each test gets its own VM. What needs a real guest
(ACPI shutdown, the marker disk, reattach after the manager dies) is in test_controller_guest.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskFormat, NetMode, Network, PortForward
from kvmgui.runtime import process
from kvmgui.runtime.controller import MonitorRole, RuntimeContext, VmController
from kvmgui.runtime.events import (
    ConsoleAvailable,
    DiskError,
    GuestReset,
    RuntimeEvent,
    StateChanged,
    TrayMoved,
)
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import (
    EventLog,
    RunEnv,
    create_vm,
    qemu_pids_using,
    settings_for_tests,
    sockets_under,
    tiny_spec,
)


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_start_pause_resume_reset_force_off(
    run_env: RunEnv, manager: VmManager, events: EventLog, tmp_path: Path
) -> None:
    stored = create_vm(run_env, tiny_spec("tiny"))
    await manager.reload()
    vm = manager.get("tiny")

    started = await vm.start()
    assert started.ok, started
    assert vm.state is VmState.RUNNING
    assert events.states(vm.vm_id) == [VmState.STARTING, VmState.RUNNING]
    assert qemu_pids_using(run_env.root) == [vm.pid]
    run = run_env.paths.vm_runtime(vm.vm_id)
    assert oct(os.stat(run.dir).st_mode & 0o777) == "0o700"
    assert process.read_pidfile(run.pidfile) == vm.pid
    assert run.qmp_socket.is_socket() and run.qmp_cli_socket.is_socket()
    assert vm.monitor_socket == run.qmp_socket
    log = stored.folder.qemu_log.read_text()
    assert "=== kvmgui" in log and " -S" in log
    # Its own session: Ctrl-C in our terminal or our death does not reach it.
    assert vm.pid is not None and os.getsid(vm.pid) == vm.pid
    assert [e.uri for e in events.of_type(ConsoleAvailable)] == [
        f"vnc+unix://{run.vnc_socket}"]

    assert (await vm.pause()).ok
    await events.wait_for(lambda: vm.state is VmState.PAUSED, 5)
    again = await vm.pause()
    assert not again.ok and again.code == "already-paused"
    assert (await vm.resume()).ok
    assert vm.state is VmState.RUNNING

    assert (await vm.reset()).ok
    await events.wait_for(lambda: bool(events.of_type(GuestReset)), 5)
    assert events.of_type(GuestReset)[0].by_guest is False

    address = await vm.display_address()
    assert address.ok and address.value == f"vnc+unix://{run.vnc_socket}"
    shot = await vm.screenshot(tmp_path / "screen.png")
    assert shot.ok, shot
    assert (tmp_path / "screen.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(run.dir.glob("screendump-*")), "the temporary file was moved, not copied"
    assert (await vm.send_keys(["ctrl-alt-delete", "a"])).ok
    bad = await vm.send_keys(["ctrl-alt-foo"])
    assert not bad.ok and "'foo' is not a key name" in bad.message

    off = await vm.force_off()
    assert off.ok, off
    assert vm.status().state is VmState.STOPPED and vm.reason == "It was forced off."
    assert vm.pid is None
    assert not qemu_pids_using(run_env.root)
    assert not sockets_under(run.dir)
    assert not run.pidfile.exists()
    assert (await vm.pause()).code == "not-running"


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_start_of_a_running_vm_says_so(run_env: RunEnv, manager: VmManager) -> None:
    create_vm(run_env, tiny_spec("twice"))
    await manager.reload()
    vm = manager.get("twice")
    assert (await vm.start()).ok
    pid = vm.pid
    again = await vm.start()
    assert not again.ok and again.code == "already-running"
    assert again.message.startswith("'twice' is already running (QEMU process ")
    assert vm.pid == pid and qemu_pids_using(run_env.root) == [pid]


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_concurrent_starts_in_process_launch_one_qemu(
    run_env: RunEnv, manager: VmManager
) -> None:
    create_vm(run_env, tiny_spec("race"))
    await manager.reload()
    vm = manager.get("race")
    results = await asyncio.gather(vm.start(), vm.start(), vm.start())
    assert sorted(r.ok for r in results) == [False, False, True]
    assert {r.code for r in results if not r.ok} == {"already-running"}
    assert len(qemu_pids_using(run_env.root)) == 1


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_concurrent_starts_cli_and_app_launch_one_qemu(
    run_env: RunEnv, manager: VmManager
) -> None:
    """The app and kvmgui-cli start the same VM at the same moment: one QEMU, one refusal."""
    create_vm(run_env, tiny_spec("crossrace"))
    await manager.reload()
    vm = manager.get("crossrace")
    cli = asyncio.create_task(asyncio.to_thread(run_env.cli, "start", "crossrace"))
    await asyncio.sleep(0.15)  # the CLI process needs ~0.2 s to import; overlap the launches
    app = await vm.start()
    result = await cli
    assert len(qemu_pids_using(run_env.root)) == 1
    oks = [app.ok, result.returncode == 0]
    assert sorted(oks) == [False, True], (app, result.stdout, result.stderr)
    refusal = app.message if not app.ok else result.stderr
    assert "is already running" in refusal
    await asyncio.sleep(0.3)  # let an adopting controller settle on a monitor
    assert vm.state is VmState.RUNNING and vm.pid is not None


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_missing_iso_is_a_plain_sentence(run_env: RunEnv, manager: VmManager) -> None:
    missing = run_env.root / "gone" / "install.iso"
    create_vm(run_env, tiny_spec("noiso", cdrom=Cdrom(CdromSource.ISO, str(missing))))
    await manager.reload()
    vm = manager.get("noiso")
    result = await vm.start()
    assert not result.ok
    assert result.code == "file-missing"
    assert result.message.startswith(
        f"The ISO image in the CD/DVD drive ({missing}) does not exist")
    assert "Could not open" in result.details  # QEMU's own words, for "Details"
    assert vm.state is VmState.STOPPED and vm.reason == result.message
    assert not qemu_pids_using(run_env.root)
    assert not sockets_under(run_env.root)


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_disk_locked_by_another_qemu_is_a_plain_sentence(
    run_env: RunEnv, manager: VmManager
) -> None:
    disk = run_env.root / "shared.qcow2"
    spec_disk = Disk(str(disk), format=DiskFormat.QCOW2, size_bytes=16 * 1024 * 1024)
    create_vm(run_env, tiny_spec("first", disks=(spec_disk,)))
    create_vm(run_env, tiny_spec("second", disks=(spec_disk,)))
    await manager.reload()
    first = await manager.get("first").start()
    assert first.ok, first  # this also created the missing disk with qemu-img
    second = await manager.get("second").start()
    assert not second.ok
    assert second.code == "disk-locked"
    assert second.message.startswith("This disk is already used by a running VM")
    assert str(disk) in second.message
    assert 'Failed to get "write" lock' in second.details
    assert len(qemu_pids_using(run_env.root)) == 1


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_port_forward_in_use_is_a_plain_sentence(
    run_env: RunEnv, manager: VmManager
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        net = Network(mode=NetMode.USER, forwards=(PortForward(port, 22),))
        create_vm(run_env, tiny_spec("fwd", network=net))
        await manager.reload()
        result = await manager.get("fwd").start()
    assert not result.ok and result.code == "port-in-use"
    assert f"The host port {port} is already in use" in result.message


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_kill_9_of_qemu_is_a_crash_with_the_reason(
    run_env: RunEnv, manager: VmManager, events: EventLog
) -> None:
    create_vm(run_env, tiny_spec("victim"))
    await manager.reload()
    vm = manager.get("victim")
    assert (await vm.start()).ok
    pid = vm.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    await events.wait_for(lambda: vm.state is VmState.CRASHED, 10)
    assert vm.reason.startswith("QEMU was killed by signal 9 (SIGKILL)")
    assert vm.pid is None
    # No zombie: we were its parent and reaped it.
    assert process.proc_state(pid) is None
    run = run_env.paths.vm_runtime(vm.vm_id)
    assert not sockets_under(run.dir) and not run.pidfile.exists()
    # Another process asking later still learns how it ended.
    status = run_env.cli_json("status", "victim")
    assert status["state"] == "crashed"
    assert "killed by signal 9" in status["reason"]
    # And it starts again.
    assert (await vm.start()).ok
    assert vm.state is VmState.RUNNING


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_stale_pidfile_and_sockets_are_cleaned(
    run_env: RunEnv, manager: VmManager
) -> None:
    create_vm(run_env, tiny_spec("stale"))
    await manager.reload()
    vm = manager.get("stale")
    run = run_env.paths.vm_runtime(vm.vm_id)
    process.ensure_private_dir(run.dir)
    # A crash leftover whose pid now belongs to another program (this very test process).
    run.pidfile.write_text(f"{os.getpid()}\n")
    for sock_path in (run.qmp_socket, run.qmp_cli_socket, run.vnc_socket):
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(sock_path))
    status = await vm.attach()
    assert status.state is VmState.CRASHED
    assert "ended unexpectedly" in status.reason
    assert process.find_vm_pid(run) is None
    result = await vm.start()
    assert result.ok, result
    assert process.read_pidfile(run.pidfile) == vm.pid != os.getpid()


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_shutdown_of_a_guest_that_ignores_acpi(
    run_env: RunEnv, manager: VmManager, events: EventLog
) -> None:
    """SeaBIOS without an OS never answers the power button: timeout, then force."""
    create_vm(run_env, tiny_spec("deaf"))
    await manager.reload()
    vm = manager.get("deaf")
    assert (await vm.start()).ok
    result = await vm.shutdown(1.0)
    assert not result.ok and result.code == "timeout"
    assert vm.state is VmState.RUNNING and "did not react" in vm.reason
    assert VmState.SHUTTING_DOWN in events.states(vm.vm_id)
    result = await vm.shutdown(1.0, force=True)
    assert result.ok and result.code == "forced"
    assert vm.status().state is VmState.STOPPED and vm.pid is None


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_cd_tray_eject_and_insert(
    run_env: RunEnv, manager: VmManager, events: EventLog, test_iso: Path
) -> None:
    create_vm(run_env, tiny_spec("cd", cdrom=Cdrom(CdromSource.ISO, str(test_iso))))
    await manager.reload()
    vm = manager.get("cd")
    assert (await vm.start()).ok
    ejected = await vm.eject()
    assert ejected.ok, ejected
    await events.wait_for(lambda: any(e.open for e in events.of_type(TrayMoved)), 5)
    missing = await vm.change_cd(run_env.root / "nope.iso")
    assert not missing.ok and missing.code == "file-missing"
    inserted = await vm.change_cd(test_iso)
    assert inserted.ok, inserted
    await events.wait_for(lambda: not events.of_type(TrayMoved)[-1].open, 5)
    assert all(e.device_id == "cdrom0" for e in events.of_type(TrayMoved))


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_no_cd_drive_is_said_plainly(run_env: RunEnv, manager: VmManager) -> None:
    create_vm(run_env, tiny_spec("nocd", cdrom=None))
    await manager.reload()
    vm = manager.get("nocd")
    assert (await vm.start()).ok
    result = await vm.eject()
    assert not result.ok and result.code == "no-cd-drive"
    assert result.message == "'nocd' has no CD/DVD drive; add one in its settings (it appears " \
                             "at the next start)."


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_actions_on_a_stopped_vm(run_env: RunEnv, manager: VmManager,
                                       tmp_path: Path) -> None:
    create_vm(run_env, tiny_spec("idle"))
    await manager.reload()
    vm = manager.get("idle")
    for outcome in (await vm.pause(), await vm.resume(), await vm.reset(),
                    await vm.shutdown(1), await vm.force_off(), await vm.eject(),
                    await vm.screenshot(tmp_path / "x.png"), await vm.send_keys(["a"]),
                    await vm.display_address()):
        assert not outcome.ok and outcome.code == "not-running", outcome
        assert outcome.message == "'idle' is not running."


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_state_changes_come_from_qmp_events(
    run_env: RunEnv, manager: VmManager, events: EventLog
) -> None:
    """A pause by another client (kvmgui-cli over the second monitor) reaches the app."""
    create_vm(run_env, tiny_spec("observed"))
    await manager.reload()
    vm = manager.get("observed")
    assert (await vm.start()).ok
    result = await asyncio.to_thread(run_env.cli, "pause", "observed")
    assert result.returncode == 0, result.stderr
    await events.wait_for(lambda: vm.state is VmState.PAUSED, 5)
    result = await asyncio.to_thread(run_env.cli, "resume", "observed")
    assert result.returncode == 0, result.stderr
    await events.wait_for(lambda: vm.state is VmState.RUNNING, 5)
    changes = [e for e in events.of_type(StateChanged) if e.vm_id == vm.vm_id]
    assert [e.state for e in changes][-2:] == [VmState.PAUSED, VmState.RUNNING]


# --------------------------------------------------------------- the state machine alone


def unit_controller(**settings: Any) -> tuple[VmController, list[RuntimeEvent]]:
    """A controller with no QEMU behind it, fed QMP events by hand."""
    env = RunEnv.create()
    stored = create_vm(env, tiny_spec("unit"))
    published: list[RuntimeEvent] = []

    async def no_environment() -> Any:
        raise AssertionError("not used")

    ctx = RuntimeContext(env.paths, settings_for_tests(**settings), MonitorRole.APP,
                         no_environment, published.append, lambda _vm_id: None)
    vm = VmController(stored, ctx)
    vm._begin_run(999999999, process.ProcessWatch(999999999))
    vm._set_state(VmState.RUNNING)
    return vm, published


@pytest.mark.asyncio
async def test_events_drive_the_state() -> None:
    # The power-button timer's interval comes from the settings: a fifth of a second keeps the
    # waits below short.
    vm, published = unit_controller(shutdown_timeout_s=0.2)

    def state() -> VmState:  # a call, so mypy does not narrow it between events
        return vm.state

    vm._on_event("BLOCK_IO_ERROR", {"device": "", "node-name": "hd0", "operation": "write",
                                    "action": "stop", "reason": "No space left on device",
                                    "nospace": True})
    vm._on_event("STOP", {})
    assert state() is VmState.PAUSED
    assert vm.reason.startswith("The disk on the host is full")
    disk_errors = [e for e in published if isinstance(e, DiskError)]
    assert disk_errors == [DiskError(vm.vm_id, "hd0", vm.reason, True)]
    vm._on_event("RESUME", {})
    assert (state(), vm.reason) == (VmState.RUNNING, "")

    vm._on_event("GUEST_PANICKED", {"action": "pause", "info": {}})
    vm._on_event("STOP", {})
    assert state() is VmState.CRASHED and "kept paused" in vm.reason
    vm._on_event("RESUME", {})
    assert state() is VmState.RUNNING

    vm._on_event("DEVICE_TRAY_MOVED", {"device": "cd0", "id": "cdrom0", "tray-open": True})
    vm._on_event("RESET", {"guest": True, "reason": "guest-reset"})
    assert published[-2:] == [TrayMoved(vm.vm_id, "cdrom0", True), GuestReset(vm.vm_id, True)]

    # Someone else pressed the power button and the guest ignores it: back to running.
    vm._on_event("POWERDOWN", {})
    assert state() is VmState.SHUTTING_DOWN
    vm._on_event("RESUME", {})  # a resume does not end a shutdown in progress
    assert state() is VmState.SHUTTING_DOWN
    deadline = asyncio.get_running_loop().time() + 5
    while state() is not VmState.RUNNING and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
    assert state() is VmState.RUNNING and "did not react" in vm.reason
    assert "within 0.2 s" in vm.reason

    vm._on_event("POWERDOWN", {})
    vm._on_event("SHUTDOWN", {"guest": True, "reason": "guest-shutdown"})
    await asyncio.sleep(0.5)  # past the interval: the timer was cancelled by SHUTDOWN
    assert state() is VmState.SHUTTING_DOWN
    assert vm._exit_verdict(process.ExitStatus(code=0), "") == (
        VmState.STOPPED, "The guest shut down.", "")
    await vm.close()


def test_exit_verdicts() -> None:
    vm, _ = unit_controller()
    log = ("qemu-system-x86_64: terminating on signal 15 from pid 1\n")
    assert vm._exit_verdict(process.ExitStatus(signal=9), "")[:2] == (
        VmState.CRASHED, "QEMU was killed by signal 9 (SIGKILL).")
    state, reason, details = vm._exit_verdict(
        process.ExitStatus(code=1),
        "qemu-system-x86_64: ../block/io.c:1234: assertion failed\n")
    assert state is VmState.CRASHED
    assert reason == "QEMU exited with code 1: qemu-system-x86_64: ../block/io.c:1234: " \
                     "assertion failed."
    assert "assertion failed" in details
    assert vm._exit_verdict(process.ExitStatus(), "")[:2] == (
        VmState.CRASHED, "QEMU ended unexpectedly.")
    vm._on_event("SHUTDOWN", {"guest": False, "reason": "host-signal"})
    assert vm._exit_verdict(process.ExitStatus(code=0), log)[0] is VmState.STOPPED
    vm._on_event("SHUTDOWN", {"guest": True, "reason": "guest-panic"})
    assert vm._exit_verdict(process.ExitStatus(code=0), "")[:2] == (
        VmState.CRASHED, "The guest operating system crashed (kernel panic or blue screen).")
    vm._forced = True
    assert vm._exit_verdict(process.ExitStatus(signal=15), log)[:2] == (
        VmState.STOPPED, "It was forced off.")


def test_locked_tray_is_said_plainly() -> None:
    from kvmgui.runtime.actions import cd_error
    from kvmgui.runtime.qmp_session import QmpCommandError

    locked = QmpCommandError("eject", "GenericError", "Device 'cdrom0' is locked and force "
                             "was not specified, wait for tray to open and try again")
    outcome = cd_error("vm", locked)
    assert outcome.code == "tray-locked" and "force it" in outcome.message
    assert outcome.details == locked.description


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_too_long_runtime_folder_is_said_plainly(
    host_env: tuple[Any, Any]
) -> None:
    env = RunEnv.create()
    deep = env.root / ("x" * 90)
    env.environ["XDG_RUNTIME_DIR"] = str(deep)
    create_vm(env, tiny_spec("deep"))
    host, caps = host_env
    manager = VmManager(env.paths, settings_for_tests(), store=env.store, host=host, caps=caps,
                        sample_stats=False)
    await manager.open()
    try:
        result = await manager.get("deep").start()
        assert not result.ok and result.code == "runtime-dir"
        assert "set XDG_RUNTIME_DIR to a shorter folder" in result.message
    finally:
        await manager.close()
    assert not qemu_pids_using(env.root)
