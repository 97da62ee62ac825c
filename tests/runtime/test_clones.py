"""Linked and full clones with the real qemu-img (and a real QEMU holding a base's disk)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.clones import base_refusal, dependents_of
from kvmgui.core.model import Disk, DiskBus, DiskFormat, OsPreset
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import MIB
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.clones import (
    CloneError,
    create_linked_clone,
    dependent_vms,
    full_clone_job,
    refuse_if_base,
    release_base,
)
from kvmgui.runtime.images import ImageCancelled, ImageJob, image_info
from tests.qemu_holding import qemu_holding

QEMU = shutil.which("qemu-system-x86_64")
# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None or shutil.which("qemu-io") is None,
                       reason="qemu-img and qemu-io are needed"),
    pytest.mark.asyncio,
]


# ------------------------------------------------------------------------------ helpers


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60,
                          check=False)


def write_pattern(image: Path, fmt: str, pattern: int, offset: int = 0,
                  length: int = MIB) -> None:
    r = run("qemu-io", "-f", fmt, "-c", f"write -P {pattern} {offset} {length}", image)
    assert r.returncode == 0, r.stderr


def make_image(path: Path, fmt: str = "qcow2", size: int = 32 * MIB,
               pattern: int | None = 0x5A) -> Path:
    r = run("qemu-img", "create", "-q", "-f", fmt, path, str(size))
    assert r.returncode == 0, r.stderr
    if pattern is not None:
        write_pattern(path, fmt, pattern, 4 * MIB)
    return path


def base_vm(store: VmStore, name: str = "base", bus: DiskBus = DiskBus.VIRTIO,
            fmt: DiskFormat = DiskFormat.QCOW2) -> StoredVm:
    ext = "qcow2" if fmt is DiskFormat.QCOW2 else "raw"
    vm = store.create(new_spec(name, disks=(Disk(f"disk.{ext}", format=fmt, bus=bus),)))
    make_image(vm.folder.dir / f"disk.{ext}", fmt.value)
    return vm


@pytest.fixture
def store(tmp_path: Path) -> VmStore:
    return VmStore(tmp_path / "vms")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "app")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ------------------------------------------------------------------------------ linked clones


async def test_linked_clone_of_a_vm(store: VmStore, paths: AppPaths) -> None:
    base = base_vm(store)
    image = base.folder.dir / "disk.qcow2"
    result = await create_linked_clone(store, "base", "clone", paths=paths)

    clone = store.get("clone")
    overlay = clone.folder.dir / "disk.qcow2"
    (disk,) = clone.spec.disks
    assert (disk.path, disk.format, disk.backing_format) == ("disk.qcow2", DiskFormat.QCOW2,
                                                             DiskFormat.QCOW2)
    assert disk.backing_file == str(image)
    # the acceptance line: the overlay's own header records the base's format
    info = await image_info(overlay, fmt="qcow2")
    assert (info.backing_file, info.backing_format) == (str(image), "qcow2")
    r = run("qemu-img", "info", overlay)
    assert "backing file format: qcow2" in r.stdout
    # guest-visible content is the base's
    assert run("qemu-img", "compare", "-f", "qcow2", "-F", "qcow2", overlay,
               image).returncode == 0
    assert [c.filename for c in result.chain] == [str(overlay), str(image)]
    assert clone.spec.machine_version == base.spec.machine_version
    assert clone.spec.id != base.spec.id
    # the base is protected twice: file mode and the definition
    assert mode(image) & 0o222 == 0
    assert store.get("base").spec.disks[0].readonly
    assert result.base_vm is not None and result.base_vm.spec.disks[0].readonly
    assert "read-only" in " ".join(result.notes)
    assert "linked clone of VM 'base'" in result.message
    # writes to the clone never reach the base
    before = image.read_bytes()
    write_pattern(overlay, "qcow2", 0x11, 0)
    assert image.read_bytes() == before


async def test_delete_of_the_base_is_refused_with_the_dependent_names(
        store: VmStore, paths: AppPaths) -> None:
    base_vm(store)
    await create_linked_clone(store, "base", "web", paths=paths)
    await create_linked_clone(store, "base", "db", paths=paths)
    base = store.get("base")
    names = dependents_of(store, base)
    assert names == ["db", "web"]
    assert base_refusal("VM 'base'", names) == (
        "Cannot delete VM 'base': the linked clones 'db' and 'web' are built on its disk "
        "and would stop working. Delete those VMs first.")
    with pytest.raises(CloneError, match="clones 'db' and 'web'"):
        await refuse_if_base(store, base)
    assert dependents_of(store, store.get("web")) == []
    await refuse_if_base(store, store.get("web"))  # a clone is not a base


async def test_sata_base_becomes_throwaway(store: VmStore, paths: AppPaths) -> None:
    base_vm(store, bus=DiskBus.SATA)
    result = await create_linked_clone(store, "base", "clone", paths=paths)
    disk = store.get("base").spec.disks[0]
    assert (disk.readonly, disk.throwaway) == (False, True)
    assert any("throwaway" in n for n in result.notes)


async def test_linked_clone_of_an_image_file(store: VmStore, tmp_path: Path) -> None:
    image = make_image(tmp_path / "golden.raw", "raw")
    result = await create_linked_clone(store, str(image), "fromimg",
                                       os_preset=OsPreset.WINDOWS10,
                                       machine_version="pc-q35-7.2")
    vm = store.get("fromimg")
    (disk,) = vm.spec.disks
    assert (disk.backing_file, disk.backing_format) == (str(image), DiskFormat.RAW)
    assert disk.bus is DiskBus.SATA and vm.spec.os is OsPreset.WINDOWS10
    assert vm.spec.machine_version == "pc-q35-7.2"
    info = await image_info(vm.folder.dir / "golden.qcow2", fmt="qcow2")
    assert info.backing_format == "raw"
    assert mode(image) & 0o222 == 0
    assert result.base_vm is None
    assert await dependent_vms(store, vm) == []


async def test_a_vms_disk_is_cloned_through_its_vm(store: VmStore) -> None:
    base = base_vm(store)
    with pytest.raises(CloneError, match="is a disk of VM 'base'; clone the VM instead"):
        await create_linked_clone(store, str(base.folder.dir / "disk.qcow2"), "c")
    assert store.find("c") is None


async def test_failure_leaves_nothing_behind(store: VmStore, paths: AppPaths) -> None:
    base_vm(store)
    base_vm(store, "taken")
    image = store.get("base").folder.dir / "disk.qcow2"
    with pytest.raises(CloneError, match="taken"):
        await create_linked_clone(store, "base", "taken", paths=paths)
    with pytest.raises(CloneError, match="neither a VM nor an image"):
        await create_linked_clone(store, "nope", "x", paths=paths)
    assert mode(image) & 0o200
    assert not store.get("base").spec.disks[0].readonly
    # a base whose disk is missing: the new VM is removed again
    (store.get("base").folder.dir / "disk.qcow2").unlink()
    with pytest.raises(CloneError, match="does not exist"):
        await create_linked_clone(store, "base", "c2", paths=paths)
    assert store.find("c2") is None and not (store.root / "c2").exists()


async def test_running_base_is_refused(store: VmStore, paths: AppPaths) -> None:
    base = base_vm(store)
    image = base.folder.dir / "disk.qcow2"
    run_dir = paths.vm_runtime(base.spec.id)
    with qemu_holding(image, "qcow2", run_dir.pidfile):
        with pytest.raises(CloneError, match="'base' is running"):
            await create_linked_clone(store, "base", "clone", paths=paths)
        # another session (another runtime folder) sees it running all the same
        with pytest.raises(CloneError, match="'base' is running"):
            await create_linked_clone(store, "base", "clone", paths=AppPaths.under(
                paths.runtime_dir.parent / "other"))
    # a QEMU kvmgui did not start (no pidfile): qemu-img's lock test still catches it
    with qemu_holding(image, "qcow2"), pytest.raises(CloneError, match="in use by a running VM"):
        await create_linked_clone(store, "base", "clone", paths=paths)
    assert store.find("clone") is None and mode(image) & 0o200


async def test_deep_dependents_find_overlays_made_by_hand(store: VmStore) -> None:
    base = base_vm(store)
    image = base.folder.dir / "disk.qcow2"
    hand = store.create(new_spec("hand", disks=(Disk("ov.qcow2"),)))
    r = run("qemu-img", "create", "-q", "-f", "qcow2", "-b", image, "-F", "qcow2",
            hand.folder.dir / "ov.qcow2")
    assert r.returncode == 0, r.stderr
    assert dependents_of(store, base) == []  # its definition does not say
    assert await dependent_vms(store, base) == ["hand"]


async def test_release_base(store: VmStore, paths: AppPaths) -> None:
    base_vm(store)
    await create_linked_clone(store, "base", "clone", paths=paths)
    with pytest.raises(CloneError,
                       match="Cannot make VM 'base' writable: the linked clone 'clone'"):
        await release_base(store, store.get("base"))
    store.delete(store.get("clone"), keep_disks=False)
    saved, changed = await release_base(store, store.get("base"))
    assert changed == ["disk 1 (disk.qcow2) is writable again"]
    assert not saved.spec.disks[0].readonly and not store.get("base").spec.disks[0].readonly
    assert mode(saved.folder.dir / "disk.qcow2") & 0o200


# ------------------------------------------------------------------------------ full clones


async def test_full_clone_is_independent(store: VmStore, paths: AppPaths) -> None:
    base_vm(store)
    await create_linked_clone(store, "base", "linked", paths=paths)
    write_pattern(store.get("linked").folder.dir / "disk.qcow2", "qcow2", 0x33, 0)
    seen: list[float] = []

    async def progress(p: float) -> None:
        seen.append(p)

    result = await full_clone_job(store, "linked", "copy", paths=paths,
                                  progress=progress).run()
    copy = store.get("copy")
    (disk,) = copy.spec.disks
    assert disk.backing_file is None and not disk.readonly
    target = copy.folder.dir / "disk.qcow2"
    info = await image_info(target, fmt="qcow2")
    assert info.backing_file is None  # flattened
    assert run("qemu-img", "compare", "-f", "qcow2", "-F", "qcow2", target,
               store.get("linked").folder.dir / "disk.qcow2").returncode == 0
    assert result.target == copy.folder.dir and "independent copy" in result.message
    assert seen and seen[-1] == 100.0 and seen == sorted(seen)
    # the copy of the base is writable although the base itself is read-only
    await full_clone_job(store, "base", "base-copy", paths=paths).run()
    assert not store.get("base-copy").spec.disks[0].readonly
    assert store.get("base").spec.disks[0].readonly


async def test_cancelled_full_clone_removes_the_new_vm(store: VmStore, paths: AppPaths) -> None:
    base = store.create(new_spec("big", disks=(Disk("disk.raw", format=DiskFormat.RAW),)))
    with (base.folder.dir / "disk.raw").open("wb") as f:  # random data: a slower copy
        for _ in range(48):
            f.write(os.urandom(MIB))
    jobs: list[ImageJob] = []

    async def cancel_at_first_report(p: float) -> None:
        jobs[0].cancel()

    job = full_clone_job(store, "big", "copy", paths=paths, progress=cancel_at_first_report)
    jobs.append(job)
    with pytest.raises(ImageCancelled, match="nothing was changed"):
        await job.run()
    assert store.find("copy") is None and not (store.root / "copy").exists()
