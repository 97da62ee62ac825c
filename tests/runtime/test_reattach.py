"""Finding running VMs again: other managers, kvmgui-cli, lost monitor connections.

(Killing the managing process with SIGKILL is proven on the real guest in
test_controller_guest.py.)
"""

from __future__ import annotations

import asyncio

import pytest

from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime import controller as controller_module, manager as manager_module
from kvmgui.runtime.events import VmListChanged
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import EventLog, RunEnv, create_vm, settings_for_tests, tiny_spec

pytestmark = [pytest.mark.qemu, pytest.mark.asyncio]


def second_manager(env: RunEnv, host_env: tuple[HostFacts, QemuCaps]) -> VmManager:
    host, caps = host_env
    return VmManager(env.paths, settings_for_tests(), store=env.store, host=host, caps=caps,
                     sample_stats=False)


async def test_a_new_manager_reattaches_to_running_vms(
    run_env: RunEnv, manager: VmManager, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    create_vm(run_env, tiny_spec("one"))
    create_vm(run_env, tiny_spec("two"))
    await manager.reload()
    assert (await manager.get("one").start()).ok
    assert (await manager.get("one").pause()).ok
    pid = manager.get("one").pid
    await manager.close()  # the app quits; its VMs keep running

    later = second_manager(run_env, host_env)
    await later.open()
    try:
        one, two = later.get("one"), later.get("two")
        assert one.state is VmState.PAUSED and one.pid == pid
        assert two.state is VmState.STOPPED and two.pid is None
        status = one.status()
        assert status.accel == "tcg" and status.started_at is not None
        assert status.display is not None and status.display.startswith("vnc+unix:///")
        assert one.monitor_socket == run_env.paths.vm_runtime(one.vm_id).qmp_socket
        assert (await one.resume()).ok
        assert (await one.force_off()).ok
    finally:
        await later.close()


async def test_a_second_app_uses_the_cli_monitor_and_moves_back(
    run_env: RunEnv, manager: VmManager, host_env: tuple[HostFacts, QemuCaps],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(controller_module, "UPGRADE_INTERVAL_S", 0.2)
    create_vm(run_env, tiny_spec("shared"))
    await manager.reload()
    first = manager.get("shared")
    assert (await first.start()).ok
    run = run_env.paths.vm_runtime(first.vm_id)

    other = second_manager(run_env, host_env)
    await other.open()
    try:
        vm = other.get("shared")
        assert vm.state is VmState.RUNNING
        assert vm.monitor_socket == run.qmp_cli_socket  # qmp.sock is held by `manager`
        busy = await asyncio.to_thread(run_env.cli, "pause", "shared")
        assert busy.returncode == 1
        assert "cannot reach the monitor of 'shared' right now" in busy.stderr
        await first.close()  # the first app goes away
        for _ in range(100):
            if vm.monitor_socket == run.qmp_socket:
                break
            await asyncio.sleep(0.05)
        assert vm.monitor_socket == run.qmp_socket
        ok = await asyncio.to_thread(run_env.cli, "pause", "shared")
        assert ok.returncode == 0, ok.stderr
        await EventLog().wait_for(lambda: vm.state is VmState.PAUSED, 5)
        assert (await vm.force_off()).ok
    finally:
        await other.close()


async def test_the_app_notices_a_vm_started_by_the_cli(
    run_env: RunEnv, manager: VmManager, events: EventLog, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(manager_module, "RESCAN_INTERVAL_S", 0.2)
    create_vm(run_env, tiny_spec("outside"))
    await manager.reload()
    await manager.close()  # restart the background tasks with the short interval
    await manager.open()
    vm = manager.get("outside")
    assert vm.state is VmState.STOPPED
    started = await asyncio.to_thread(run_env.cli, "start", "outside")
    assert started.returncode == 0, started.stderr
    await events.wait_for(lambda: vm.state is VmState.RUNNING and vm.pid is not None, 10)
    killed = await asyncio.to_thread(run_env.cli, "kill", "outside")
    assert killed.returncode == 0, killed.stderr
    await events.wait_for(lambda: vm.state is VmState.STOPPED, 10)
    assert vm.pid is None


async def test_a_lost_monitor_connection_is_reconnected(
    run_env: RunEnv, manager: VmManager, events: EventLog
) -> None:
    create_vm(run_env, tiny_spec("flaky"))
    await manager.reload()
    vm = manager.get("flaky")
    assert (await vm.start()).ok
    session = vm._session
    assert session is not None and session._client is not None
    writer = session._client._writer
    assert writer is not None
    writer.transport.abort()  # the connection drops; QEMU itself is fine
    for _ in range(100):
        if vm._session is not None and vm._session is not session and vm._session.connected:
            break
        await asyncio.sleep(0.05)
    assert vm._session is not session and vm._session is not None
    assert vm.state is VmState.RUNNING
    assert (await vm.pause()).ok
    await events.wait_for(lambda: vm.state is VmState.PAUSED, 5)


async def test_the_app_notices_vms_made_changed_and_deleted_by_the_cli(
    run_env: RunEnv, manager: VmManager, events: EventLog, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(manager_module, "RESCAN_INTERVAL_S", 0.2)
    await manager.close()  # restart the background tasks with the short interval
    await manager.open()
    made = await asyncio.to_thread(run_env.cli, "create", "from-cli", "--memory", "128",
                                    "--disk-size", "16M")
    assert made.returncode == 0, made.stderr
    await events.wait_for(lambda: manager.find("from-cli") is not None, 5)
    edited = await asyncio.to_thread(run_env.cli, "edit", "from-cli", "--memory", "192")
    assert edited.returncode == 0, edited.stderr
    await events.wait_for(lambda: manager.get("from-cli").spec.memory_mib == 192, 5)
    assert events.of_type(VmListChanged)
    deleted = await asyncio.to_thread(run_env.cli, "delete", "from-cli")
    assert deleted.returncode == 0, deleted.stderr
    await events.wait_for(lambda: manager.find("from-cli") is None, 5)
