"""The new-VM wizard's draft: plain data the pages fill, turned into a VmSpec in one place.

Like virt-manager's `_GuestData`: the pages only set fields here, and `to_spec` is the single
pure function that decides what the VM becomes (via core.presets.new_spec plus overrides), so
it is tested without any widget. No Qt import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum

from kvmgui.core.boot import with_install_phase
from kvmgui.core.model import (
    Accel,
    BootDevice,
    CacheMode,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    Display,
    DisplayKind,
    MachineType,
    NicModel,
    OsPreset,
    Passthrough,
    VideoModel,
    VmSpec,
)
from kvmgui.core.presets import PRESETS, disk_bus_for, new_spec, nic_for
from kvmgui.core.sizes import GIB
from kvmgui.core.validation import free_name

NEW_DISK_FILE = "disk.qcow2"


class SourceKind(StrEnum):
    """Where the guest's system comes from (the wizard's first page)."""

    ISO = "iso"  # an install or live image file
    CDROM = "cdrom"  # a physical CD/DVD drive of this computer
    USB = "usb"  # a USB stick (test-booted, protected by default)
    IMAGE = "image"  # an existing disk image with a system already on it
    NONE = "none"  # nothing now: an empty CD drive to fill later


class DiskChoice(StrEnum):
    NEW = "new"
    EXISTING = "existing"
    NONE = "none"


@dataclass
class Draft:
    source: SourceKind = SourceKind.ISO
    iso_path: str = ""
    cdrom_device: str = ""
    usb_device: str = ""
    usb_protected: bool = True
    image_path: str = ""  # SourceKind.IMAGE
    image_format: DiskFormat = DiskFormat.QCOW2
    # SourceKind.IMAGE: convert it into a new qcow2 disk in the VM's folder first (the
    # original is kept as it is) instead of using the file where it is.
    image_convert: bool = False

    os: OsPreset = OsPreset.LINUX
    memory_mib: int = PRESETS[OsPreset.LINUX].memory_mib
    cpus: int = PRESETS[OsPreset.LINUX].cpus

    disk: DiskChoice = DiskChoice.NEW
    disk_gib: int = PRESETS[OsPreset.LINUX].disk_gib
    disk_path: str = ""  # DiskChoice.EXISTING
    disk_format: DiskFormat = DiskFormat.QCOW2

    sound: bool = PRESETS[OsPreset.LINUX].sound
    usb_tablet: bool = PRESETS[OsPreset.LINUX].usb_tablet
    virtio_disk: bool = True
    virtio_net: bool = True
    display: DisplayKind = DisplayKind.VNC
    cache: CacheMode = CacheMode.WRITEBACK
    machine: MachineType = MachineType.Q35
    accel: Accel = Accel.AUTO

    name: str = ""
    start_now: bool = True

    # Where the VM is made: "" on this computer, else a libvirt connection's URI; then the
    # storage pool of its new disk, and the ISO (iso_path) is a volume path on that host or
    # upload_iso, a file of this computer uploaded into the pool.
    target: str = ""
    pool: str = ""
    upload_iso: str = ""

    def apply_preset(self, os: OsPreset) -> None:
        """Take the OS type's defaults for everything the OS decides."""
        p = PRESETS[os]
        self.os = os
        self.memory_mib = p.memory_mib
        self.cpus = p.cpus
        self.disk_gib = p.disk_gib
        self.sound = p.sound
        self.usb_tablet = p.usb_tablet
        self.virtio_disk = p.disk_bus is DiskBus.VIRTIO
        self.virtio_net = p.nic is NicModel.VIRTIO
        self.machine = p.machine

    @property
    def boots_from_media(self) -> bool:
        """Live or install media that can run without any hard disk."""
        return self.source in (SourceKind.ISO, SourceKind.CDROM, SourceKind.USB)


def _abs(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path.strip())) if path.strip() else ""


def iso_path(d: Draft) -> str:
    """The ISO file the VM's CD drive will hold, as an absolute path ("" when none)."""
    return _abs(d.iso_path) if d.source is SourceKind.ISO else ""


def draft_disks(d: Draft) -> tuple[Disk, ...]:
    bus = disk_bus_for(d.os, d.machine, d.virtio_disk)
    if d.source is SourceKind.IMAGE:
        if d.image_convert:
            return (Disk(path=NEW_DISK_FILE, format=DiskFormat.QCOW2, bus=bus, cache=d.cache),)
        return (Disk(path=_abs(d.image_path), format=d.image_format, bus=bus, cache=d.cache),)
    if d.disk is DiskChoice.NEW:
        return (
            Disk(
                path=NEW_DISK_FILE,
                format=DiskFormat.QCOW2,
                bus=bus,
                cache=d.cache,
                size_bytes=max(0, d.disk_gib) * GIB,
            ),
        )
    if d.disk is DiskChoice.EXISTING:
        return (Disk(path=_abs(d.disk_path), format=d.disk_format, bus=bus, cache=d.cache),)
    return ()


def to_spec(d: Draft, vm_id: str | None = None) -> VmSpec:
    """The VM the draft describes. Pure: same draft (and id), same spec."""
    disks = draft_disks(d)
    cdrom: Cdrom | None
    stick: Passthrough | None = None
    boot: tuple[BootDevice, ...]
    if d.source is SourceKind.ISO:
        cdrom = Cdrom(CdromSource.ISO, _abs(d.iso_path))
        # The order once the system is installed; with a new disk the VM begins in its
        # install phase and boots the ISO first until then (core.boot).
        boot = (BootDevice.DISK, BootDevice.CDROM)
    elif d.source is SourceKind.CDROM:
        cdrom = Cdrom(CdromSource.HOST, d.cdrom_device.strip())
        boot = (BootDevice.DISK, BootDevice.CDROM)
    elif d.source is SourceKind.USB:
        cdrom = None
        stick = Passthrough(_abs(d.usb_device), protected=d.usb_protected)
        # The stick is what the user wants to see booting, before any disk.
        boot = (BootDevice.USB, BootDevice.DISK)
    elif d.source is SourceKind.IMAGE:
        cdrom = Cdrom(CdromSource.EMPTY)
        boot = (BootDevice.DISK, BootDevice.CDROM)
    else:
        cdrom = Cdrom(CdromSource.EMPTY)
        boot = (BootDevice.DISK, BootDevice.CDROM)
    video = VideoModel.QXL if d.display is DisplayKind.SPICE else PRESETS[d.os].video
    spec = new_spec(
        d.name,
        d.os,
        memory_mib=d.memory_mib,
        cpus=d.cpus,
        accel=d.accel,
        machine=d.machine,
        disks=disks,
        cdrom=cdrom,
        usb_stick=stick,
        boot_order=boot,
        sound=d.sound,
        usb=d.usb_tablet,
        display=Display(kind=d.display, video=video),
    )
    spec = replace(spec, network=replace(spec.network, nic=nic_for(d.os, d.virtio_net)))
    spec = with_install_phase(spec)
    if vm_id is not None:
        spec = replace(spec, id=vm_id)
    return spec


# Fields of the spec whose problems belong to each wizard page (by VmSpec attribute path
# prefix), so a page shows only its own messages.
PAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("target", "cdrom", "usb_stick", "boot_order"),
    "os": ("firmware", "tpm"),
    "resources": ("memory_mib", "cpus"),
    "disk": ("disks", "pool"),
    "options": ("accel", "machine", "machine_version", "display", "network"),
    "summary": ("name", "id", "extra_args"),
}


def page_of(field: str) -> str:
    for page, prefixes in PAGE_FIELDS.items():
        if any(
            field == p or field.startswith(p + ".") or field.startswith(p + "[") for p in prefixes
        ):
            return page
    return "summary"


def suggest_name(d: Draft, taken: list[str]) -> str:
    """A free, readable default name from the OS type or the ISO's file name."""
    base = ""
    if d.source is SourceKind.ISO and d.iso_path.strip():
        stem = os.path.basename(d.iso_path.strip())
        for suffix in (".iso", ".ISO", ".img", ".IMG"):
            stem = stem.removesuffix(suffix)
        # "debian-12.5.0-amd64-netinst" -> "debian-12.5.0"
        parts = [p for p in stem.replace("_", "-").split("-") if p]
        keep = [
            p
            for p in parts
            if p.lower()
            not in {
                "amd64",
                "x86",
                "x64",
                "x86-64",
                "netinst",
                "live",
                "dvd",
                "cd",
                "desktop",
                "server",
                "i386",
                "install",
                "x86_64",
            }
        ]
        base = "-".join(keep[:2]) or stem
    elif d.source is SourceKind.USB:
        base = "usb-test"
    if not base:
        base = {
            OsPreset.LINUX: "linux",
            OsPreset.WINDOWS11: "windows-11",
            OsPreset.WINDOWS10: "windows-10",
            OsPreset.WINDOWS_OLD: "windows",
            OsPreset.BSD: "bsd",
            OsPreset.OTHER: "vm",
        }[d.os]
    return free_name(base.replace("/", "-").lstrip(".")[:48] or "vm", taken)


_OS_HINTS: tuple[tuple[tuple[str, ...], OsPreset], ...] = (
    (("win11", "windows11", "windows_11", "windows-11", "win-11"), OsPreset.WINDOWS11),
    (("win10", "windows10", "windows_10", "windows-10", "win-10"), OsPreset.WINDOWS10),
    (
        ("winxp", "windowsxp", "_xp_", "-xp-", "win7", "windows7", "windows_7", "vista"),
        OsPreset.WINDOWS_OLD,
    ),
    (
        ("freebsd", "openbsd", "netbsd", "dragonfly", "ghostbsd", "pfsense", "opnsense"),
        OsPreset.BSD,
    ),
    (
        (
            "debian",
            "ubuntu",
            "fedora",
            "mint",
            "arch",
            "manjaro",
            "opensuse",
            "suse",
            "centos",
            "rocky",
            "alma",
            "kali",
            "elementary",
            "pop-os",
            "popos",
            "zorin",
            "mx-",
            "alpine",
            "clonezilla",
            "gparted",
            "tails",
            "knoppix",
            "linux",
            "kubuntu",
            "xubuntu",
            "lubuntu",
        ),
        OsPreset.LINUX,
    ),
)


def guess_os(path: str) -> OsPreset | None:
    """The OS type an image's file name suggests ("debian-12.iso" -> Linux), or None."""
    name = os.path.basename(path.strip()).lower()
    if not name:
        return None
    for needles, preset in _OS_HINTS:
        if any(n in name for n in needles):
            return preset
    if name.startswith("win") or "windows" in name:
        return OsPreset.WINDOWS10
    return None
