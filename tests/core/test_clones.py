"""Linked-clone planning and dependents (pure: no processes, a real VmStore in tmp_path)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core import clones as cl
from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskBus, DiskFormat, OsPreset
from kvmgui.core.paths import VmFolder
from kvmgui.core.presets import new_spec
from kvmgui.core.qemu_img import ImageInfo
from kvmgui.core.store import StoredVm, VmStore


def base_spec(*disks: Disk) -> tuple[StoredVm, VmFolder]:
    spec = new_spec("base", OsPreset.LINUX, machine_version="pc-q35-7.2",
                    disks=disks or (Disk("disk.qcow2"),),
                    cdrom=Cdrom(CdromSource.ISO, "install.iso"))
    folder = VmFolder(Path("/vms/base"))
    return StoredVm(spec, folder), folder


NEW = VmFolder(Path("/vms/clone"))


def test_backing_reference_is_absolute_unless_in_the_same_folder() -> None:
    overlay = Path("/vms/clone/disk.qcow2")
    assert cl.backing_reference(Path("/vms/base/disk.qcow2"), overlay) == "/vms/base/disk.qcow2"
    assert cl.backing_reference(Path("/vms/clone/base.qcow2"), overlay) == "base.qcow2"
    assert cl.backing_reference(Path("/vms/clone/b/base.qcow2"), overlay) == "b/base.qcow2"
    with pytest.raises(ValueError):
        cl.backing_reference(Path("base.qcow2"), overlay)


def test_plan_linked_clone_records_base_and_format_and_protects_base() -> None:
    vm, folder = base_spec(
        Disk("disk.qcow2", bus=DiskBus.VIRTIO),
        Disk("/data/other.raw", format=DiskFormat.RAW, bus=DiskBus.SATA),
    )
    target = new_spec("clone", OsPreset.OTHER)
    plan = cl.plan_linked_clone(vm.spec, folder, target, NEW, sizes=[10, 20])
    spec = plan.spec
    assert (spec.name, spec.id) == ("clone", target.id)
    assert spec.machine_version == "pc-q35-7.2" and spec.os is OsPreset.LINUX  # from the base
    assert [d.path for d in spec.disks] == ["disk.qcow2", "other.qcow2"]
    assert [d.format for d in spec.disks] == [DiskFormat.QCOW2, DiskFormat.QCOW2]
    assert [d.backing_file for d in spec.disks] == ["/vms/base/disk.qcow2", "/data/other.raw"]
    assert [d.backing_format for d in spec.disks] == [DiskFormat.QCOW2, DiskFormat.RAW]
    assert [d.bus for d in spec.disks] == [DiskBus.VIRTIO, DiskBus.SATA]
    assert not any(d.readonly or d.throwaway for d in spec.disks)
    assert spec.cdrom is not None and spec.cdrom.path == "/vms/base/install.iso"
    assert [o.overlay for o in plan.overlays] == [Path("/vms/clone/disk.qcow2"),
                                                 Path("/vms/clone/other.qcow2")]
    assert [o.size_bytes for o in plan.overlays] == [10, 20]
    # virtio can be read-only; SATA cannot, so it becomes throwaway
    assert plan.base_spec is not None
    assert [(d.readonly, d.throwaway) for d in plan.base_spec.disks] == [(True, False),
                                                                         (False, True)]
    assert "disk 1 now opens read-only" in plan.protected_disks[0]
    assert "throwaway" in plan.protected_disks[1]
    assert plan.base_spec.disks[0].path == "disk.qcow2"  # the base keeps its own paths


def test_overlay_names_do_not_clash() -> None:
    vm, folder = base_spec(Disk("a/disk.qcow2"), Disk("b/disk.qcow2"), Disk("vm.qcow2"))
    plan = cl.plan_linked_clone(vm.spec, folder, new_spec("c"), NEW)
    assert [d.path for d in plan.spec.disks] == ["disk.qcow2", "disk-2.qcow2", "vm.qcow2"]


def test_already_protected_base_is_left_alone() -> None:
    vm, folder = base_spec(Disk("disk.qcow2", readonly=True))
    plan = cl.plan_linked_clone(vm.spec, folder, new_spec("c"), NEW)
    assert plan.base_spec == vm.spec and plan.protected_disks == ()


def test_plan_refuses_no_disk_and_host_devices() -> None:
    vm, folder = base_spec()
    with pytest.raises(cl.CloneError, match="no disk"):
        cl.plan_linked_clone(replace(vm.spec, disks=()), folder, new_spec("c"), NEW)
    dev = replace(vm.spec, disks=(Disk("/dev/sdb", format=DiskFormat.RAW),))
    with pytest.raises(cl.CloneError, match="host device /dev/sdb"):
        cl.plan_linked_clone(dev, folder, new_spec("c"), NEW,
                             is_block=lambda p: str(p).startswith("/dev/"))


def test_plan_image_clone() -> None:
    target = new_spec("fromimg", OsPreset.WINDOWS10)
    plan = cl.plan_image_clone(Path("/images/debian.raw"), DiskFormat.RAW, target, NEW,
                               bus=DiskBus.SATA, size_bytes=123)
    (disk,) = plan.spec.disks
    assert disk == Disk("debian.qcow2", format=DiskFormat.QCOW2, bus=DiskBus.SATA,
                        backing_file="/images/debian.raw", backing_format=DiskFormat.RAW)
    assert plan.base_spec is None and plan.spec.os is OsPreset.WINDOWS10
    assert plan.overlays[0].overlay == Path("/vms/clone/debian.qcow2")
    with pytest.raises(ValueError):
        cl.plan_image_clone(Path("debian.raw"), DiskFormat.RAW, target, NEW)


def test_plan_full_clone_flattens_and_unprotects_bases() -> None:
    vm, folder = base_spec(
        Disk("disk.qcow2", readonly=True, backing_file="/b.qcow2",
             backing_format=DiskFormat.QCOW2),
        Disk("data.raw", format=DiskFormat.RAW, readonly=True),
        Disk("old.vmdk", format=DiskFormat.VMDK),
    )
    plan = cl.plan_full_clone(vm.spec, folder, new_spec("copy"), NEW, protected={0})
    disks = plan.spec.disks
    assert [d.path for d in disks] == ["disk.qcow2", "data.raw", "old.qcow2"]
    assert [d.format for d in disks] == [DiskFormat.QCOW2, DiskFormat.RAW, DiskFormat.QCOW2]
    assert all(d.backing_file is None and d.backing_format is None for d in disks)
    assert [d.readonly for d in disks] == [False, True, False]  # only disk 1 was a base
    assert [o.base for o in plan.overlays] == [Path("/vms/base/disk.qcow2"),
                                              Path("/vms/base/data.raw"),
                                              Path("/vms/base/old.vmdk")]


def stored(name: str, *disks: Disk, root: Path = Path("/vms")) -> StoredVm:
    return StoredVm(new_spec(name, disks=disks), VmFolder(root / name))


def test_dependents_from_definitions() -> None:
    base = stored("base", Disk("disk.qcow2"))
    clone = stored("clone", Disk("disk.qcow2", backing_file="/vms/base/disk.qcow2",
                                 backing_format=DiskFormat.QCOW2))
    # a relative base is relative to the overlay's folder, as qemu-img resolves it
    rel = stored("rel", Disk("sub/ov.qcow2", backing_file="../../base/disk.qcow2",
                             backing_format=DiskFormat.QCOW2))
    other = stored("other", Disk("disk.qcow2", backing_file="/elsewhere.qcow2",
                                 backing_format=DiskFormat.QCOW2))
    vms = [base, clone, rel, other]
    found = cl.find_dependents(vms, base)
    assert sorted(d.vm for d in found) == ["clone", "rel"]
    assert {d.base for d in found} == {Path("/vms/base/disk.qcow2")}  # as resolved
    assert cl.names_of(found) == ["clone", "rel"]
    assert cl.find_dependents(vms, clone) == []


def test_dependents_of_reads_the_store(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    base = store.create(new_spec("Base", disks=(Disk("disk.qcow2"),)))
    image = base.folder.dir / "disk.qcow2"
    for name in ("zeta", "alpha"):
        store.create(new_spec(name, disks=(Disk("disk.qcow2", backing_file=str(image),
                                                backing_format=DiskFormat.QCOW2),)))
    store.create(new_spec("plain", disks=(Disk("disk.qcow2"),)))
    assert cl.dependents_of(store, base) == ["alpha", "zeta"]
    assert cl.image_dependents(store, image) == ["alpha", "zeta"]
    assert cl.dependents_of(store, store.get("plain")) == []
    # a symlink to the base counts as the base
    link = tmp_path / "link.qcow2"
    os.symlink(image, link)
    assert cl.image_dependents(store, link) == ["alpha", "zeta"]


def test_base_refusal_names_the_vms() -> None:
    one = cl.base_refusal("VM 'base'", ["c1"])
    assert one.startswith("Cannot delete VM 'base': the linked clone 'c1' is built on")
    assert "Delete that VM first." in one
    many = cl.base_refusal("VM 'base'", ["c1", "c2", "c3"], "rename")
    assert "Cannot rename VM 'base'" in many
    assert "the linked clones 'c1', 'c2' and 'c3' are built on its disk" in many
    assert "Delete those VMs first." in many


def test_chain_lines() -> None:
    chain = [
        ImageInfo("/vms/c/disk.qcow2", "qcow2", 1 << 30, 1 << 20, "/vms/b/disk.qcow2",
                  "qcow2"),
        ImageInfo("/vms/b/disk.qcow2", "qcow2", 1 << 30, 2 << 20, "/img/old.raw", None),
        ImageInfo("/img/old.raw", "raw", 1 << 30, None),
    ]
    lines = cl.chain_lines(chain, {"/vms/b/disk.qcow2": ["b"]})
    assert lines[0] == "/vms/c/disk.qcow2 (qcow2, 1 GiB, 1 MiB on disk)"
    assert lines[1] == "└─ /vms/b/disk.qcow2 (qcow2, 1 GiB, 2 MiB on disk) — disk of 'b'"
    assert "not recorded" in lines[2]
    assert lines[3] == "   └─ /img/old.raw (raw, 1 GiB)"
