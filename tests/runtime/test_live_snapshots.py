"""Snapshots of a running test guest through QMP (and of the stopped VM through qemu-img):
take → change data on the guest's disk → revert → the data is back.

The data is changed and read back inside the running QEMU with HMP `qemu-io` on the disk's
device; qemu-io prints its results into QEMU's log (stdout), which the test reads.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.sizes import MIB
from kvmgui.runtime import snapshots as sn
from kvmgui.runtime.controller import VmController
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.qmp_session import QmpSession
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    EventLog,
    RunEnv,
    create_vm,
    guest_spec,
    wait_for_serial_async,
)

pytestmark = [pytest.mark.qemu, pytest.mark.asyncio]

DISK_DEVICE = "/machine/peripheral/disk0/virtio-backend"


async def qemu_io(vm: VmController, command: str) -> str:
    """Run qemu-io on the VM's first disk; returns what it printed to QEMU's log."""
    log = vm.stored.folder.qemu_log
    start = log.stat().st_size
    session = QmpSession(vm.run.qmp_cli_socket, name="test")
    await session.connect()
    try:
        await session.hmp(f'qemu-io -d {DISK_DEVICE} "{command}"')
    finally:
        await session.close()
    deadline = time.monotonic() + 5
    while True:
        text = log.read_bytes()[start:].decode(errors="replace")
        if "bytes at offset" in text or "failed" in text or time.monotonic() > deadline:
            return text
        await asyncio.sleep(0.05)


async def test_live_snapshot_take_change_revert(
    run_env: RunEnv, manager: VmManager, events: EventLog, test_iso: Path
) -> None:
    disk = Disk(str(run_env.root / "disk.qcow2"), format=DiskFormat.QCOW2, size_bytes=16 * MIB)
    stored = create_vm(run_env, replace(guest_spec("snappy", test_iso), disks=(disk,)))
    await manager.reload()
    vm = manager.get("snappy")
    assert (await vm.start()).ok
    await wait_for_serial_async(stored.folder.serial_log, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)

    taken = await sn.take_snapshot(vm, "before")
    assert taken.ok, taken
    assert taken.value.includes_memory and taken.value.vm_state_size > 0
    assert vm.state is VmState.RUNNING
    again = await sn.take_snapshot(vm, "before")
    assert not again.ok and "already exists" in again.message

    assert "wrote 4096/4096 bytes at offset 1048576" in await qemu_io(vm, "write -P 0x55 1M 4k")
    read = await qemu_io(vm, "read -P 0x55 1M 4k")
    assert "read 4096/4096" in read and "Pattern verification failed" not in read

    reverted = await sn.revert_snapshot(vm, "before")
    assert reverted.ok, reverted
    assert vm.state is VmState.RUNNING
    assert "Pattern verification failed" in await qemu_io(vm, "read -P 0x55 1M 4k")
    back = await qemu_io(vm, "read -P 0 1M 4k")
    assert "read 4096/4096" in back and "Pattern verification failed" not in back

    missing = await sn.revert_snapshot(vm, "nope")
    assert not missing.ok and "no snapshot named 'nope'" in missing.message
    assert vm.state is VmState.RUNNING

    listed = await sn.list_snapshots(vm)
    assert [(s.name, s.includes_memory) for s in listed.value] == [("before", True)]
    assert (await sn.delete_snapshot(vm, "before")).ok
    assert (await sn.list_snapshots(vm)).value == []

    # Stopped: the same calls work on the disks with qemu-img (disk only, no memory).
    assert (await vm.force_off()).ok
    offline = await sn.take_snapshot(vm, "cold")
    assert offline.ok and not offline.value.includes_memory
    assert (await sn.revert_snapshot(vm, "cold")).ok
    assert [s.name for s in (await sn.list_snapshots(vm)).value] == ["cold"]
    assert (await sn.delete_snapshot(vm, "cold")).ok


async def test_raw_disk_cannot_have_snapshots(run_env: RunEnv, manager: VmManager,
                                              test_iso: Path) -> None:
    raw = run_env.root / "disk.raw"
    raw.write_bytes(b"\0" * MIB)
    create_vm(run_env, guest_spec("rawvm", test_iso, disk=raw))
    await manager.reload()
    outcome = await sn.take_snapshot(manager.get("rawvm"), "s")
    assert not outcome.ok and "Snapshots need qcow2 disks" in outcome.message
