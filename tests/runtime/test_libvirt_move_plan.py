"""The pure parts of moving a VM to a libvirt host: the volumes' names and the definition as
it runs there (disks at their volumes, no base, what stays on this computer said)."""

from __future__ import annotations

from dataclasses import replace

from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskFormat, Passthrough
from kvmgui.core.presets import new_spec
from kvmgui.runtime.libvirt_move import moved_spec, volume_names


def test_volume_names_follow_virt_manager() -> None:
    assert volume_names("web", [DiskFormat.QCOW2, DiskFormat.RAW, DiskFormat.VMDK]) == [
        "web.qcow2", "web-2.img", "web-3.vmdk"]
    assert volume_names("web", []) == []


def test_moved_spec_points_at_the_volumes_without_bases() -> None:
    spec = replace(new_spec("web"), disks=(
        Disk("disk.qcow2", format=DiskFormat.QCOW2, backing_file="/vms/base/disk.qcow2",
             backing_format=DiskFormat.QCOW2, size_bytes=1 << 30),
        Disk("/data/raw.img", format=DiskFormat.RAW, readonly=True),
    ), cdrom=Cdrom(CdromSource.EMPTY))
    moved, notes = moved_spec(spec, [("/pool/web.qcow2", DiskFormat.QCOW2),
                                     ("/pool/web-2.img", DiskFormat.RAW)])
    first, second = moved.disks
    assert (first.path, first.format, first.backing_file, first.backing_format,
            first.size_bytes) == ("/pool/web.qcow2", DiskFormat.QCOW2, None, None, None)
    assert (second.path, second.readonly) == ("/pool/web-2.img", True)
    assert notes == [] and moved.cdrom == Cdrom(CdromSource.EMPTY)
    assert (moved.name, moved.id, moved.memory_mib) == (spec.name, spec.id, spec.memory_mib)


def test_moved_spec_leaves_local_media_behind_and_says_so() -> None:
    spec = replace(new_spec("web"), disks=(),
                   cdrom=Cdrom(CdromSource.ISO, "/isos/debian.iso"),
                   usb_stick=Passthrough("/dev/sdz"))
    moved, notes = moved_spec(spec, [])
    assert moved.cdrom == Cdrom(CdromSource.EMPTY) and moved.usb_stick is None
    assert [str(n) for n in notes] == [
        "The CD/DVD medium /isos/debian.iso stays on this computer: the moved VM's drive is "
        "empty; insert an ISO image from the libvirt host.",
        "The USB stick /dev/sdz stays on this computer and is not attached to the moved VM."]


def test_a_protected_base_disk_is_writable_on_the_host() -> None:
    spec = replace(new_spec("base"), disks=(
        Disk("a.qcow2", throwaway=True), Disk("b.qcow2", readonly=True),
        Disk("c.qcow2", readonly=True)))
    moved, _ = moved_spec(spec, [(f"/pool/{n}", DiskFormat.QCOW2) for n in "abc"],
                          protected={0, 1})
    assert [(d.readonly, d.throwaway) for d in moved.disks] == [
        (False, False), (False, False), (True, False)]
