"""A physical CD/DVD drive as a VM's CD: at start (host_cdrom in the argv) and inserted while it
runs (blockdev-change-medium naming host_cdrom). There is no optical drive here: a read-only
loop device holding the test ISO stands in for /dev/sr0 where this machine allows one (root),
and a missing /dev/sr0 gives its plain sentences.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.model import Cdrom, CdromSource
from kvmgui.runtime.cd_media import CdMedium, check_medium
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.qmp_session import QmpSession
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec

pytestmark = [pytest.mark.qemu, pytest.mark.asyncio]


@pytest.fixture
def loop_drive(test_iso: Path) -> Iterator[str]:
    if os.geteuid() != 0 or shutil.which("losetup") is None:
        pytest.skip("a loop device standing in for a CD drive needs root and losetup")
    r = subprocess.run(["losetup", "-f", "--show", "-r", str(test_iso)], capture_output=True,
                       text=True, timeout=30, check=False)
    if r.returncode != 0:
        pytest.skip(f"losetup does not work here: {r.stderr.strip()}")
    device = r.stdout.strip()
    yield device
    subprocess.run(["losetup", "-d", device], timeout=30, check=False)


async def nodes(vm: Any) -> list[dict[str, Any]]:
    session = QmpSession(vm.run.qmp_cli_socket, name="test")
    await session.connect()
    try:
        found = await session.execute("query-named-block-nodes")
    finally:
        await session.close()
    assert isinstance(found, list)
    return found


async def test_missing_drive_and_media_checks(test_iso: Path) -> None:
    missing = check_medium(Path("/dev/sr0") if not os.path.exists("/dev/sr0")
                           else Path("/dev/sr9"))
    assert isinstance(missing, Outcome) and missing.code == "no-drive"
    assert "There is no CD/DVD drive at /dev/sr" in missing.message
    assert "kvmgui-cli devices" in missing.message
    iso = check_medium(test_iso)
    assert isinstance(iso, CdMedium) and not iso.host_drive
    nothing = check_medium(Path("/nowhere/x.iso"))
    assert isinstance(nothing, Outcome) and "does not exist" in nothing.message
    host = CdMedium(Path("/dev/sr0"), True, "/dev/cdrom")
    assert host.filename() == 'json:{"file": {"driver": "host_cdrom", "filename": "/dev/sr0"}}'


async def test_start_with_a_missing_host_drive_says_so(run_env: RunEnv,
                                                       manager: VmManager) -> None:
    create_vm(run_env, tiny_spec("nodrive", cdrom=Cdrom(CdromSource.HOST, "/dev/sr0")))
    if os.path.exists("/dev/sr0"):
        pytest.skip("this machine has a /dev/sr0")
    await manager.reload()
    outcome = await manager.get("nodrive").start()
    assert not outcome.ok
    assert outcome.message.startswith("The host CD/DVD drive (/dev/sr0) is not there")


async def test_host_drive_at_start_and_inserted_while_running(
    run_env: RunEnv, manager: VmManager, loop_drive: str, test_iso: Path
) -> None:
    create_vm(run_env, tiny_spec("cdvm", cdrom=Cdrom(CdromSource.HOST, loop_drive)))
    await manager.reload()
    vm = manager.get("cdvm")
    assert (await vm.start()).ok, vm.reason
    drivers = {n["node-name"]: n["drv"] for n in await nodes(vm)}
    assert drivers["cd0-file"] == "host_cdrom" and drivers["cd0"] == "raw"

    assert (await vm.eject()).ok
    iso = await vm.change_cd(test_iso)
    assert iso.ok and iso.message.startswith(f"Inserted {test_iso.name} into the CD/DVD drive")
    host = await vm.change_cd(Path(loop_drive))
    assert host.ok and f"the disc in {loop_drive}" in host.message
    inserted = [n for n in await nodes(vm) if n["file"] == loop_drive]
    assert {n["drv"] for n in inserted} >= {"host_cdrom"}
    assert all(n["ro"] for n in inserted)
    assert (await vm.force_off()).ok
