"""Throwaway VMs for testing a USB stick, in-process on a real QEMU (TCG).

- The app's VmManager notices a throwaway VM started by another manager (kvmgui-cli live),
  lists and controls it, and drops it when it stops.
- Unprotected, the guest's write reaches the image (which proves the protected test in
  tests/cli/test_cli_live.py would notice a write).
- A throwaway definition nobody runs or holds is collected on the next load.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime import throwaway
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.events import VmListChanged
from kvmgui.runtime.live import LiveError, check_source, live_spec, start_live
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    EventLog,
    RunEnv,
    settings_for_tests,
    wait_for_serial_async,
)

pytestmark = [pytest.mark.qemu, pytest.mark.asyncio]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_app_manager_shows_a_throwaway_vm_until_it_stops(
    run_env: RunEnv, manager: VmManager, events: EventLog,
    host_env: tuple[HostFacts, QemuCaps], test_iso_write_boot: Path,
) -> None:
    stick = run_env.root / "stick.img"
    shutil.copyfile(test_iso_write_boot, stick)
    before = sha256(stick)
    source = await check_source(str(stick), writable=True)
    assert (source.device, source.path) == (False, str(stick))

    host, caps = host_env
    cli = VmManager(run_env.paths, settings_for_tests(), store=run_env.store, host=host,
                    caps=caps, role=MonitorRole.CLI, sample_stats=False)
    try:
        live, outcome = await start_live(cli, live_spec(source, memory_mib=256, protected=False))
        assert live is not None, outcome
        live.release()  # like `kvmgui-cli live --no-wait`
    finally:
        await cli.close()

    # The app's rescan notices the new throwaway VM and attaches to it.
    await events.wait_for(lambda: manager.find("live-stick") is not None, 15)
    vm = manager.get("live-stick")
    await events.wait_for(lambda: vm.state is VmState.RUNNING, 15)
    assert throwaway.is_throwaway(vm.stored, run_env.paths)

    log = await wait_for_serial_async(vm.stored.folder.serial_log, "KVMGUI-GUEST: ready",
                                      BOOT_TIMEOUT_S)
    assert "KVMGUI-GUEST: wrote boot device /dev/sd" in log
    listed_before = len(events.of_type(VmListChanged))
    assert (await vm.force_off()).ok
    await events.wait_for(lambda: manager.find("live-stick") is None, 10)
    assert len(events.of_type(VmListChanged)) > listed_before
    assert throwaway.listing(run_env.paths) == frozenset()
    # Unprotected: the guest's write reached the image.
    assert sha256(stick) != before
    assert b"KVMGUI-BOOTWRITE" in stick.read_bytes()[512:576]


async def test_stale_throwaway_is_collected(run_env: RunEnv, tmp_path: Path) -> None:
    stick = tmp_path / "s.img"
    stick.write_bytes(b"\1" * 4096)
    source = await check_source(str(stick))
    stored, owner = throwaway.create_throwaway(live_spec(source), run_env.paths, ["live-s"])
    assert stored.spec.name == "live-s-2"  # a free name
    # Held by its creator: kept although no QEMU runs.
    assert [vm.spec.name for vm in throwaway.load_throwaways(run_env.paths).vms] == ["live-s-2"]
    throwaway.release(owner)
    assert throwaway.load_throwaways(run_env.paths).vms == []
    assert not stored.folder.dir.exists()


async def test_check_source_refuses_disks_that_are_not_sticks(tmp_path: Path) -> None:
    with pytest.raises(LiveError, match="does not exist"):
        await check_source(str(tmp_path / "nope.img"))
    with pytest.raises(LiveError, match="neither a USB stick nor an image file"):
        await check_source("/dev/null")


async def test_check_source_refuses_a_block_device_that_is_not_a_stick(tmp_path: Path) -> None:
    """A loop device is a block device but no removable disk: never offered (root only)."""
    if os.geteuid() != 0 or shutil.which("losetup") is None:
        pytest.skip("loop devices need root and losetup")
    backing = tmp_path / "loop.img"
    backing.write_bytes(b"\0" * (1 << 20))
    r = subprocess.run(["losetup", "-f", "--show", "-r", str(backing)], capture_output=True,
                       text=True, timeout=30, check=False)
    if r.returncode != 0:
        pytest.skip(f"losetup does not work here: {r.stderr.strip()}")
    device = r.stdout.strip()
    try:
        with pytest.raises(LiveError, match="not a removable disk"):
            await check_source(device)
    finally:
        subprocess.run(["losetup", "-d", device], timeout=30, check=False)
