"""Moving a kvmgui VM to the real daemon (qemu:///system) into a scratch pool: a VM with a
qcow2 disk and a linked clone (flattened) arrive with the same disk content and the VM here
is unchanged; a name in use on the host is refused before anything is copied; cancelling
mid-upload leaves no volume and no domain; the moved test guest boots there."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.model import BootDevice, Disk, DiskFormat, OsPreset
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import MIB
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.clones import create_linked_clone
from kvmgui.runtime.libvirt_accel import host_domain_type
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_move import MoveError, MoveStep, move_vm
from kvmgui.runtime.libvirt_storage import create_volume, volumes
from kvmgui.runtime.state import VmState
from tests.guest.fixtures import wait_for_serial
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_pool import (  # noqa: F401  (the fixtures)
    IMAGES,
    ScratchPool,
    domain_name,
    scratch_pool,
)
from tests.runtime.helpers import guest_spec
from tests.runtime.test_clones import paths, store  # noqa: F401  (the fixtures)

libvirt = pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.usefixtures("libvirtd")]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120,
                          check=False)


def qcow2_vm(into: VmStore, name: str, size: int = 32 * MIB) -> StoredVm:
    vm = into.create(new_spec(name, OsPreset.LINUX,
                               disks=(Disk("disk.qcow2", format=DiskFormat.QCOW2),)))
    image = vm.folder.dir / "disk.qcow2"
    assert run("qemu-img", "create", "-q", "-f", "qcow2", image, str(size)).returncode == 0
    r = run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 1M", "-c", "write -P 0x11 8M 2M",
            image)
    assert r.returncode == 0, r.stderr
    return vm


def fingerprint(vm: StoredVm) -> dict[str, str]:
    """Every file of the VM's folder and its bases, by content."""
    files = sorted(p for p in vm.folder.dir.rglob("*") if p.is_file())
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def disk_sources(uri: str, domain: str) -> list[ET.Element]:
    conn = libvirt.open(uri)
    try:
        root = ET.fromstring(conn.lookupByName(domain).XMLDesc(0))
    finally:
        conn.close()
    return root.findall("devices/disk[@device='disk']")


@pytest.mark.asyncio
@pytest.mark.timeout(300)
async def test_moves_a_qcow2_vm_and_a_linked_clone_flattened(
        scratch_pool: ScratchPool, store: VmStore, paths: AppPaths,  # noqa: F811
        domain_name: Callable[[str], str]) -> None:  # noqa: F811
    base = qcow2_vm(store, domain_name("base"))
    clone_name = domain_name("clone")
    await create_linked_clone(store, base.spec.name, clone_name, paths=paths)
    clone = store.get(clone_name)
    overlay = clone.folder.dir / clone.spec.disks[0].path
    assert run("qemu-io", "-f", "qcow2", "-c", "write -P 0x77 4M 1M", overlay).returncode == 0
    base = store.get(base.spec.name)  # protected by the clone
    before = {**fingerprint(base), **fingerprint(clone)}
    steps: list[MoveStep] = []
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        moved_base = await move_vm(base, conn, pool=scratch_pool.name, paths=paths,
                                   store=store)
        moved = await move_vm(clone, conn, pool=scratch_pool.name, paths=paths,
                              progress=steps.append)
        info = await conn.domain(clone_name)
        assert info.state is VmState.STOPPED
        # KVM or TCG as the host runs guests ("qemu" here: /dev/kvm without VT-x/AMD-V).
        assert info.domain_type == await host_domain_type(conn, clone.spec)
    assert {**fingerprint(store.get(base.spec.name)), **fingerprint(store.get(clone_name))} \
        == before
    assert moved.domain == clone_name and moved.pool == scratch_pool.name
    (volume,) = moved.volumes
    assert volume.path == str(scratch_pool.path / f"{clone_name}.qcow2")
    # The flattened volume stands alone and shows the guest what the clone shows.
    assert "backing file" not in run("qemu-img", "info", "-f", "qcow2", volume.path).stdout
    assert run("qemu-img", "compare", "-f", "qcow2", "-F", "qcow2", overlay,
               volume.path).returncode == 0
    (base_volume,) = moved_base.volumes
    assert run("qemu-img", "compare", "-f", "qcow2", "-F", "qcow2",
               base.folder.dir / "disk.qcow2", base_volume.path).returncode == 0
    # Protected here for its clone, the base's disk is writable on the host, where nothing
    # is built on it.
    assert base.spec.disks[0].throwaway or base.spec.disks[0].readonly
    (base_disk,) = disk_sources(scratch_pool.uri, base.spec.name)
    assert base_disk.find("transient") is None and base_disk.find("readonly") is None
    # The domain's disk is the volume, with no base.
    (disk,) = disk_sources(scratch_pool.uri, clone_name)
    source = disk.find("source")
    assert source is not None and source.get("file") == volume.path
    assert disk.find("backingStore/source") is None
    texts = [str(s.text) for s in steps]
    assert texts[0].startswith("Flattening disk 1 of 1")
    assert any(t.startswith("Uploading disk 1 of 1") and "flattened" in t for t in texts)
    assert texts[-1].startswith("Defining")
    # The temporary flattened image is gone.
    assert sorted(p.name for p in clone.folder.dir.iterdir() if p.name.startswith(".")) == []
    assert "is now the VM" in moved.message


@pytest.mark.asyncio
@pytest.mark.timeout(180)
async def test_a_name_in_use_on_the_host_is_refused_before_copying(
        scratch_pool: ScratchPool, store: VmStore, paths: AppPaths,  # noqa: F811
        domain_name: Callable[[str], str]) -> None:  # noqa: F811
    vm = qcow2_vm(store, domain_name("twice"))
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        await move_vm(vm, conn, pool=scratch_pool.name, paths=paths)
        with pytest.raises(MoveError, match="already has a VM named") as err:
            await move_vm(vm, conn, pool=scratch_pool.name, paths=paths)
        assert err.value.code == "domain-exists"
        other = qcow2_vm(store, domain_name("vol"))
        await create_volume(conn, scratch_pool.name, f"{other.spec.name}.qcow2", MIB,
                            DiskFormat.QCOW2)
        with pytest.raises(MoveError, match="already has a volume named") as err:
            await move_vm(other, conn, pool=scratch_pool.name, paths=paths)
        assert err.value.code == "volume-exists"
        assert sorted(v.name for v in await volumes(conn, scratch_pool.name)) == sorted(
            [f"{vm.spec.name}.qcow2", f"{other.spec.name}.qcow2"])
        assert other.spec.name not in [d.name for d in await conn.domains()]


@pytest.mark.asyncio
@pytest.mark.timeout(300)
async def test_cancelling_mid_upload_leaves_nothing_on_the_host(
        scratch_pool: ScratchPool, store: VmStore, paths: AppPaths,  # noqa: F811
        domain_name: Callable[[str], str]) -> None:  # noqa: F811
    name = domain_name("cancel")
    vm = qcow2_vm(store, name)
    big = vm.folder.dir / "big.img"
    with big.open("wb") as f:  # data all along, so the upload takes a while
        for _ in range(192):
            f.write(hashlib.sha512(f.tell().to_bytes(8, "little")).digest() * (MIB // 64))
    vm = store.save(replace(vm, spec=replace(vm.spec, disks=(
        *vm.spec.disks, Disk("big.img", format=DiskFormat.RAW)))))
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        uploading = asyncio.Event()

        def progress(step: MoveStep) -> None:
            if str(step.text).startswith("Uploading disk 2") and 0 < step.done < step.total:
                uploading.set()

        task = asyncio.create_task(move_vm(vm, conn, pool=scratch_pool.name, paths=paths,
                                           progress=progress))
        await asyncio.wait_for(uploading.wait(), 120)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await volumes(conn, scratch_pool.name) == []
        assert name not in [d.name for d in await conn.domains()]
    assert list(scratch_pool.path.iterdir()) == []


@pytest.fixture
def serial_dir() -> Iterator[Path]:
    # Where libvirt's QEMU (user libvirt-qemu) may write the serial log.
    folder = Path(tempfile.mkdtemp(prefix="lvmove-", dir=IMAGES))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def with_serial_log(xml: str, log: Path) -> str:
    """The domain with its serial port written to `log` (kvmgui's domains have none)."""
    root = ET.fromstring(xml)
    devices = root.find("devices")
    assert devices is not None
    serial = ET.SubElement(devices, "serial", type="file")
    ET.SubElement(serial, "source", path=str(log))
    ET.SubElement(serial, "target", port="0")
    return ET.tostring(root, encoding="unicode")


@pytest.mark.slow
@pytest.mark.asyncio
@pytest.mark.timeout(420)
async def test_the_moved_guest_boots_on_the_host(
        scratch_pool: ScratchPool, store: VmStore, paths: AppPaths,  # noqa: F811
        domain_name: Callable[[str], str], test_iso: Path,  # noqa: F811
        serial_dir: Path) -> None:
    # The guest's hybrid ISO as a qcow2 disk, under a linked clone: the moved disk is the
    # flattened chain.
    base_name, name = domain_name("gbase"), domain_name("guest")
    base = store.create(replace(guest_spec(base_name, test_iso), cdrom=None,
                                disks=(Disk("disk.qcow2", format=DiskFormat.QCOW2),),
                                boot_order=(BootDevice.DISK,)))
    assert run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", test_iso,
               base.folder.dir / "disk.qcow2").returncode == 0
    await create_linked_clone(store, base_name, name, paths=paths)
    vm = store.get(name)
    before = fingerprint(vm)
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        moved = await move_vm(vm, conn, pool=scratch_pool.name, paths=paths)
        log = serial_dir / "serial.log"

        def add_serial(c: Any) -> None:
            c.defineXML(with_serial_log(c.lookupByName(name).XMLDesc(0), log))

        await conn.run(add_serial)
        started = await conn.start(name)
        assert started.ok, (started.message, started.details)
        await asyncio.to_thread(wait_for_serial, log, "KVMGUI-GUEST: ready", 240)
        stopped = await conn.shutdown(name, 60, force=True)
        assert stopped.ok, (stopped.message, stopped.details)
        assert (await conn.domain(name)).state is VmState.STOPPED
    assert moved.volumes[0].disk_format == "qcow2"
    assert fingerprint(store.get(name)) == before
