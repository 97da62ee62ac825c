"""When a VM's install phase ends (runtime.launch.settle_install_phase), with real qemu-img
images and the real store; no guest runs (the guest boots are in test_install_phase_guest.py).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from kvmgui.core.boot import with_install_phase
from kvmgui.core.model import BootDevice, Cdrom, CdromSource, Disk, DiskFormat
from kvmgui.core.presets import new_spec
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.runtime.context import MonitorRole, RuntimeContext
from kvmgui.runtime.launch import settle_install_phase
from tests.runtime.helpers import RunEnv, settings_for_tests

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu


@pytest.fixture
def env() -> Iterator[RunEnv]:
    run_env = RunEnv.create()
    yield run_env
    run_env.cleanup()


def _ctx(env: RunEnv, save: Any) -> RuntimeContext:
    async def no_environment() -> Any:
        raise AssertionError("not used")

    return RuntimeContext(env.paths, settings_for_tests(), MonitorRole.APP, no_environment,
                          lambda _event: None, lambda _vm_id: None, save)


def _installing(env: RunEnv, fmt: DiskFormat = DiskFormat.QCOW2) -> StoredVm:
    iso = env.root / "install.iso"
    iso.write_bytes(bytes(65536))
    spec = with_install_phase(new_spec(
        "inst", disks=(Disk(f"disk.{fmt.value}", format=fmt, size_bytes=64 << 20),),
        cdrom=Cdrom(CdromSource.ISO, str(iso)), boot_order=(BootDevice.DISK, BootDevice.CDROM),
    ))
    assert spec.install_phase
    stored = env.store.create(spec)
    disk = stored.folder.resolve(spec.disks[0].path)
    subprocess.run(["qemu-img", "create", "-q", "-f", fmt.value, str(disk), "64M"], check=True)
    return stored


def _write_first_sector(env: RunEnv, stored: StoredVm, sector: bytes) -> None:
    """Put `sector` at the start of the VM's disk, through qemu-io (any image format)."""
    disk = stored.spec.disks[0]
    raw = env.root / "sector.raw"
    raw.write_bytes(sector)
    subprocess.run(["qemu-io", "-f", disk.format.value, "-c",
                    f"write -s {raw} 0 512", str(stored.folder.resolve(disk.path))],
                   check=True, capture_output=True)


@pytest.mark.asyncio
@pytest.mark.parametrize("fmt", [DiskFormat.QCOW2, DiskFormat.RAW])
async def test_phase_ends_and_is_saved_once_the_disk_holds_a_boot_record(
    env: RunEnv, fmt: DiskFormat
) -> None:
    stored = _installing(env, fmt)
    ctx = _ctx(env, env.store.save)
    run = env.paths.vm_runtime(stored.spec.id)
    run.dir.mkdir(parents=True)

    # Empty disk, then data without a boot record (an installer's first writes): still on.
    assert await settle_install_phase(stored, run, ctx) is stored
    _write_first_sector(env, stored, b"KVMGUI-MARK 1\n".ljust(512, b"\0"))
    assert await settle_install_phase(stored, run, ctx) is stored
    assert env.store.get("inst").spec.install_phase

    _write_first_sector(env, stored, bytes(446) + bytes(64) + b"\x55\xaa")
    ended = await settle_install_phase(stored, run, ctx)
    assert not ended.spec.install_phase and ended.spec.boot_order == stored.spec.boot_order
    assert not env.store.get("inst").spec.install_phase  # saved
    assert b"install_phase" not in stored.folder.definition.read_bytes()
    assert list(run.dir.iterdir()) == []  # the sector's temporary copy is gone


@pytest.mark.asyncio
async def test_missing_disk_keeps_the_phase_and_a_failed_save_still_boots_the_disk(
    env: RunEnv
) -> None:
    stored = _installing(env)
    run = env.paths.vm_runtime(stored.spec.id)
    run.dir.mkdir(parents=True)
    disk = stored.folder.resolve(stored.spec.disks[0].path)
    disk.unlink()  # created at the first start, after this check
    assert await settle_install_phase(stored, run, _ctx(env, env.store.save)) is stored

    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(disk), "64M"], check=True)
    _write_first_sector(env, stored, bytes(510) + b"\x55\xaa")

    def refuse(_stored: StoredVm) -> StoredVm:
        raise StoreError("read-only")

    ended = await settle_install_phase(stored, run, _ctx(env, refuse))
    assert not ended.spec.install_phase  # this start boots the disk anyway
    assert env.store.get("inst").spec.install_phase  # and the next start checks again
