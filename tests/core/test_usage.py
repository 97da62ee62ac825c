"""core.usage: which VMs use an image (disks and backing chains), and its recorded format."""

from __future__ import annotations

import os
from pathlib import Path

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.paths import VmFolder
from kvmgui.core.presets import new_spec
from kvmgui.core.store import StoredVm
from kvmgui.core.usage import names, owners, recorded_format, vms_using


def stored(name: str, *disks: Disk) -> StoredVm:
    return StoredVm(new_spec(name, disks=disks), VmFolder(Path("/vms") / name))


def overlay(on: str) -> Disk:
    return Disk("disk.qcow2", backing_file=on, backing_format=DiskFormat.QCOW2)


BASE = stored("base", Disk("disk.raw", format=DiskFormat.RAW))
CLONE = stored("clone", overlay("/vms/base/disk.raw"))
CLONE_OF_CLONE = stored("grandchild", overlay("../clone/disk.qcow2"))
OTHER = stored("other", Disk("/images/shared.qcow2"))
VMS = [BASE, CLONE, CLONE_OF_CLONE, OTHER]


def test_the_disk_itself_and_every_disk_built_on_it() -> None:
    uses = vms_using(VMS, "/vms/base/disk.raw", resolve=os.path.normpath)
    assert [(u.vm.spec.name, u.direct) for u in uses] == [
        ("base", True),
        ("clone", False),
        ("grandchild", False),
    ]  # recorded chains followed
    assert names(uses) == ["base", "clone", "grandchild"]


def test_chains_read_from_the_headers_count_too() -> None:
    hidden = stored("hand-made", Disk("/images/mine.qcow2"))
    uses = vms_using(
        [*VMS, hidden],
        "/images/base.qcow2",
        resolve=os.path.normpath,
        chains={"/images/mine.qcow2": ["/images/base.qcow2"]},
    )
    assert [(u.vm.spec.name, u.base) for u in uses] == [("hand-made", Path("/images/base.qcow2"))]


def test_a_loop_in_recorded_bases_ends() -> None:
    a = stored("a", overlay("/vms/b/disk.qcow2"))
    b = stored("b", overlay("/vms/a/disk.qcow2"))
    assert names(vms_using([a, b], "/nowhere.qcow2", resolve=os.path.normpath)) == []


def test_owners_and_the_recorded_format() -> None:
    assert owners(VMS, "/vms/base/disk.raw", resolve=os.path.normpath) == [BASE]
    # A VM's disk is read with the format its definition records, never a probed one.
    assert recorded_format(VMS, "/vms/base/disk.raw", resolve=os.path.normpath) == "raw"
    assert recorded_format(VMS, "/images/unknown.img", resolve=os.path.normpath) is None
