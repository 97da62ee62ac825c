"""The storage part of the QEMU command line: disks, the CD drive, a passed-through stick, UEFI.

Every image is opened as two explicit `-blockdev` nodes: a protocol node (`file` for image
files, `host_device` / `host_cdrom` for devices) and a format node (`raw`, `qcow2`, …) on top.
QEMU never guesses a format, and a filename is never parsed for a protocol prefix such as
"json:" or "nbd:" (which `-drive file=` would do). Devices point at the format node; format
nodes are named (`hd0`, `cd0`, `usb0`, `fw-vars`) so QMP snapshot and media commands can name
them.

A disk or stick whose writes must vanish at power-off needs QEMU's `snapshot=on`, which only
`-drive` offers. Those use `-drive if=none` with the same explicit split (`format=`,
`file.driver=`, `file.filename=`), so the same guarantees hold.

Slots: q35 has a six-port AHCI controller built in (buses ide.0 … ide.5, one device each); the
old `pc` has two IDE buses with two units each, and gets an extra AHCI controller for SATA
disks. The CD drive always sits at QEMU's own `-cdrom` position (index 2: ide.2 on q35, the
secondary master on pc), so adding a disk never moves it and the guest keeps its drive letters.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kvmgui.core.argv_opts import OptValue, opts
from kvmgui.core.boot import effective_boot_order
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message, capitalised
from kvmgui.core.model import (
    BootDevice,
    CacheMode,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    MachineType,
    VmSpec,
)
from kvmgui.core.paths import VmFolder
from kvmgui.core.qemu_caps import QemuCaps

# QEMU's index of the `-cdrom` drive; kept for the CD on both machine types.
CD_INDEX = 2
Q35_AHCI_PORTS = 6
PC_IDE_SLOTS = 4
PC_SATA_ID = "sata"
CDROM_DEVICE_ID = "cdrom0"
USB_STICK_DEVICE_ID = "usbstick0"


class StorageError(KvmguiError, ValueError):
    """A storage set-up that cannot be expressed; the message is one plain sentence."""


@dataclass(frozen=True)
class CachePolicy:
    direct: bool  # O_DIRECT: bypass the host page cache
    no_flush: bool  # ignore the guest's flush requests (fast, loses data on host crash)
    write_cache: bool  # the guest sees a volatile write cache and must flush


# The -drive cache= modes spelled as -blockdev options (QEMU's documented table).
CACHE_POLICIES: dict[CacheMode, CachePolicy] = {
    CacheMode.WRITEBACK: CachePolicy(direct=False, no_flush=False, write_cache=True),
    CacheMode.NONE: CachePolicy(direct=True, no_flush=False, write_cache=True),
    CacheMode.WRITETHROUGH: CachePolicy(direct=False, no_flush=False, write_cache=False),
    CacheMode.DIRECTSYNC: CachePolicy(direct=True, no_flush=False, write_cache=False),
    CacheMode.UNSAFE: CachePolicy(direct=False, no_flush=True, write_cache=True),
}


def protocol_driver(path: str) -> str:
    """`host_device` for a device node, `file` for an image file.

    Decided from the path alone so the builder stays pure: QEMU's `file` driver refuses
    non-regular files (since 6.0) and `host_device` refuses regular ones, so a wrong guess
    fails loudly at start instead of doing something else.
    """
    return "host_device" if path.startswith("/dev/") else "file"


@dataclass(frozen=True)
class Slot:
    """Where a disk or the CD is plugged in: a `-device` driver and its placement options."""

    driver: str
    placement: tuple[tuple[str, OptValue], ...] = ()


@dataclass
class _SlotPlanner:
    machine: MachineType
    usb_bus: str | None
    used_ide: set[int] = field(default_factory=set)
    next_sata: int = 0
    sata_controller_needed: bool = False

    def _ide_index(self, what: str, limit: int) -> int:
        for index in range(limit):
            if index != CD_INDEX and index not in self.used_ide:
                self.used_ide.add(index)
                return index
        if self.machine is MachineType.Q35:
            raise StorageError(
                Message(QT_TRANSLATE_NOOP("core.argv_storage", "There is no free SATA port left "
                    "for {what}: a Q35 machine has five for disks; move a disk to the virtio bus."),
                    what=what)
            )
        raise StorageError(
            Message(QT_TRANSLATE_NOOP("core.argv_storage", "There is no free IDE slot left for "
                "{what}: a classic PC has three for disks (the fourth is the CD drive); move a "
                "disk to the SATA or virtio bus."), what=what)
        )

    def ahci_port(self, what: str) -> Slot:
        """A port on q35's built-in AHCI controller (id "ide")."""
        index = self._ide_index(what, Q35_AHCI_PORTS)
        return Slot("ide-hd", (("bus", f"ide.{index}"),))

    def pc_ide(self, what: str) -> Slot:
        index = self._ide_index(what, PC_IDE_SLOTS)
        return Slot("ide-hd", (("bus", f"ide.{index // 2}"), ("unit", index % 2)))

    def pc_sata(self, what: str) -> Slot:
        if self.next_sata >= Q35_AHCI_PORTS:
            raise StorageError(
                Message(QT_TRANSLATE_NOOP("core.argv_storage", "There is no free SATA port left "
                    "for {what}; move a disk to the virtio bus."), what=what)
            )
        self.sata_controller_needed = True
        slot = Slot("ide-hd", (("bus", f"{PC_SATA_ID}.{self.next_sata}"),))
        self.next_sata += 1
        return slot

    def disk(self, disk: Disk, what: str) -> Slot:
        if disk.bus is DiskBus.VIRTIO:
            return Slot("virtio-blk-pci")
        if disk.bus is DiskBus.USB:
            assert self.usb_bus is not None  # build_argv adds a controller for USB disks
            return Slot("usb-storage", (("bus", self.usb_bus),))
        if disk.readonly:
            raise StorageError(
                Message(QT_TRANSLATE_NOOP("core.argv_storage", "{what} is read-only, which IDE "
                    "and SATA disks cannot be; use the virtio or USB bus, or make it a throwaway "
                    "disk instead."), what=_opening(what))
            )
        if self.machine is MachineType.Q35:
            # q35 has no parallel IDE: both buses mean a port on the built-in AHCI controller.
            return self.ahci_port(what)
        if disk.bus is DiskBus.SATA:
            return self.pc_sata(what)
        return self.pc_ide(what)

    def cdrom(self) -> Slot:
        if self.machine is MachineType.Q35:
            return Slot("ide-cd", (("bus", f"ide.{CD_INDEX}"),))
        return Slot("ide-cd", (("bus", f"ide.{CD_INDEX // 2}"), ("unit", CD_INDEX % 2)))


def boot_indexes(spec: VmSpec, order: tuple[BootDevice, ...] | None = None) -> dict[str, int]:
    """bootindex per device key ("disk0", "disk1", "cdrom", "usb") from `order` (default: the
    order the VM starts with, core.boot.effective_boot_order: the CD/DVD first while it is
    being installed).

    Every disk gets an index when DISK is listed (the firmware then tries them in order);
    devices not listed get none and are tried after the listed ones.
    """
    indexes: dict[str, int] = {}
    next_index = 1
    for device in effective_boot_order(spec) if order is None else order:
        if device is BootDevice.DISK:
            keys = [f"disk{i}" for i in range(len(spec.disks))]
        elif device is BootDevice.CDROM:
            keys = ["cdrom"] if spec.cdrom is not None else []
        else:
            keys = ["usb"] if spec.usb_stick is not None else []
        for key in keys:
            if key not in indexes:
                indexes[key] = next_index
                next_index += 1
    return indexes


def boot_device_ids(spec: VmSpec) -> dict[str, str]:
    """The QEMU device id (QOM path /machine/peripheral/<id>) of each boot_indexes key."""
    ids = {f"disk{i}": f"disk{i}" for i in range(len(spec.disks))}
    if spec.cdrom is not None:
        ids["cdrom"] = CDROM_DEVICE_ID
    if spec.usb_stick is not None:
        ids["usb"] = USB_STICK_DEVICE_ID
    return ids


# Out of the way of every real index while the devices change places (see final_boot_steps).
_PARKED_BOOTINDEX = 1000


def final_boot_steps(spec: VmSpec) -> list[tuple[str, int]]:
    """(device id, bootindex) to set in this order over QMP (qom-set) on a QEMU launched in
    the install phase, so its next reset boots in the final order (core.boot explains why).

    QEMU refuses a bootindex another device holds, so every indexed device is parked on a
    free high index first; a device the final order does not list gets -1 (no index).
    Empty when nothing changes.
    """
    now = boot_indexes(spec)
    final = boot_indexes(spec, spec.boot_order)
    if now == final:
        return []
    ids = boot_device_ids(spec)
    steps = [(ids[key], _PARKED_BOOTINDEX + n) for n, key in enumerate(sorted(now))]
    steps += [(ids[key], index) for key, index in sorted(final.items(), key=lambda kv: kv[1])]
    steps += [(ids[key], -1) for key in sorted(now) if key not in final]
    return steps


def _opening(what: str) -> str:
    """`what` ("disk 1 (a.qcow2)") opening a sentence: its first letter upper-cased."""
    if isinstance(what, Message):
        return capitalised(what)
    return what[:1].upper() + what[1:]


def _require(caps: QemuCaps, device: str, purpose: str) -> None:
    if not caps.has_device(device):
        raise StorageError(
            Message(QT_TRANSLATE_NOOP("core.argv_storage", "This QEMU has no {device} device, "
                "which {purpose} needs; choose another bus or install a complete QEMU (sudo apt "
                "install qemu-system-x86)."), device=device, purpose=purpose)
        )


def _blockdev_pair(
    name: str,
    path: str,
    fmt: str,
    *,
    protocol: str,
    read_only: bool,
    cache: CachePolicy | None = None,
    discard: bool = False,
    backing: str | None = None,
) -> list[str]:
    """A protocol node `<name>-file` under a format node `<name>`, as two -blockdev args.

    `backing` names the node of the image's backing file, declared before with its own
    explicit format, so QEMU never reads a backing format from the image header.
    """
    common: list[tuple[str, OptValue]] = [("read-only", read_only or None)]
    if cache is not None:
        common += [("cache.direct", cache.direct), ("cache.no-flush", cache.no_flush)]
    if discard:
        common.append(("discard", "unmap"))
    file_node = opts(
        None,
        ("driver", protocol),
        ("filename", path),
        ("node-name", f"{name}-file"),
        *common,
    )
    format_node = opts(
        None,
        ("driver", fmt),
        ("file", f"{name}-file"),
        ("node-name", name),
        ("backing", backing),
        *common,
    )
    return ["-blockdev", file_node, "-blockdev", format_node]


def _throwaway_drive(
    name: str,
    path: str,
    fmt: str,
    *,
    protocol: str,
    cache: CacheMode | None,
    discard: bool,
    backing: str | None = None,
) -> list[str]:
    """`-drive if=none … snapshot=on`: guest writes go to a temporary overlay.

    QEMU opens the image itself read-only and puts a qcow2 overlay in $TMPDIR (default
    /var/tmp) on top; the overlay is deleted when QEMU exits.
    """
    return [
        "-drive",
        opts(
            None,
            ("if", "none"),
            ("id", f"{name}-drive"),
            ("node-name", name),
            ("format", fmt),
            ("file.driver", protocol),
            ("file.filename", path),
            ("file.node-name", f"{name}-file"),
            ("backing", backing),
            ("cache", None if cache is None else cache.value),
            ("discard", "unmap" if discard else None),
            ("snapshot", True),
        ),
    ]


def _device(slot: Slot, *pairs: tuple[str, OptValue]) -> list[str]:
    return ["-device", opts(slot.driver, *slot.placement, *pairs)]


def _backing_nodes(disk: Disk, path: str, name: str, what: str) -> list[str]:
    """The read-only base image of a linked clone, as explicit nodes named `<name>-base`.

    A relative backing path is relative to the disk image's own folder, as qemu-img writes it.
    """
    if disk.backing_file is None:
        return []
    if disk.format is not DiskFormat.QCOW2:
        raise StorageError(
            Message(QT_TRANSLATE_NOOP("core.argv_storage", "{what} has a backing file, which only "
                "qcow2 disks can have; convert it to qcow2 or remove the backing file."),
                what=_opening(what))
        )
    if disk.backing_format is None:
        raise StorageError(
            Message(QT_TRANSLATE_NOOP("core.argv_storage", "{what} has a backing file of unknown "
                "format; QEMU must not guess it, so set the backing format (qcow2 or raw) in the "
                "VM's definition."), what=_opening(what))
        )
    base = os.path.join(os.path.dirname(path), disk.backing_file)
    return _blockdev_pair(
        f"{name}-base",
        base,
        disk.backing_format.value,
        protocol=protocol_driver(base),
        read_only=True,
    )


@dataclass
class _Parts:
    """Block nodes come first, then controllers and devices, so every reference points back."""

    nodes: list[str] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)


def disk_args(
    spec: VmSpec,
    *,
    caps: QemuCaps,
    folder: VmFolder,
    usb_bus: str | None,
    boot: dict[str, int],
) -> list[str]:
    """Block nodes and devices for the disks, the CD drive and the passed-through stick."""
    planner = _SlotPlanner(spec.machine, usb_bus)
    parts = _Parts()
    disk_devices: list[str] = []
    for i, disk in enumerate(spec.disks):
        what = Message(QT_TRANSLATE_NOOP("core.argv_storage", "disk {i} ({file})"), i=i + 1,
            file=os.path.basename(disk.path) or disk.path)
        slot = planner.disk(disk, what)
        _require(caps, slot.driver, Message(QT_TRANSLATE_NOOP("core.argv_storage",
            "{what} on the {value} bus"), what=what, value=disk.bus.value))
        name = f"hd{i}"
        path = str(folder.resolve(disk.path))
        protocol = protocol_driver(path)
        policy = CACHE_POLICIES[disk.cache]
        backing = _backing_nodes(disk, path, name, what)
        parts.nodes += backing
        backing_node = f"{name}-base" if backing else None
        if disk.throwaway and not disk.readonly:
            parts.nodes += _throwaway_drive(name, path, disk.format.value, protocol=protocol,
                                            cache=disk.cache, discard=True, backing=backing_node)
            drive = f"{name}-drive"
        else:
            parts.nodes += _blockdev_pair(name, path, disk.format.value, protocol=protocol,
                                          read_only=disk.readonly, cache=policy,
                                          discard=not disk.readonly, backing=backing_node)
            drive = name
        disk_devices += _device(
            slot,
            ("drive", drive),
            ("id", f"disk{i}"),
            ("write-cache", policy.write_cache),
            ("bootindex", boot.get(f"disk{i}")),
        )
    if planner.sata_controller_needed:
        _require(caps, "ich9-ahci", Message(QT_TRANSLATE_NOOP("core.argv_storage",
            "a SATA disk on a classic PC")))
        parts.devices += ["-device", opts("ich9-ahci", ("id", PC_SATA_ID))]
    parts.devices += disk_devices
    _add_cdrom(parts, spec, caps=caps, folder=folder, planner=planner, boot=boot)
    _add_usb_stick(parts, spec, caps=caps, folder=folder, usb_bus=usb_bus, boot=boot)
    return parts.nodes + parts.devices


def _add_cdrom(
    parts: _Parts,
    spec: VmSpec,
    *,
    caps: QemuCaps,
    folder: VmFolder,
    planner: _SlotPlanner,
    boot: dict[str, int],
) -> None:
    cdrom = spec.cdrom
    if cdrom is None:
        return
    slot = planner.cdrom()
    _require(caps, slot.driver, Message(QT_TRANSLATE_NOOP("core.argv_storage", "the CD/DVD drive")))
    drive: str | None = None
    if cdrom.source is not CdromSource.EMPTY:
        if not cdrom.path:
            raise StorageError(Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_storage",
                    "The CD/DVD drive has no ISO file chosen; pick one or choose an empty drive.",
                ),
            ) if cdrom.source is CdromSource.ISO else Message(QT_TRANSLATE_NOOP("core.argv_storage",
                "The CD/DVD drive has no host drive chosen; pick one or choose an empty drive.")))
        path = str(folder.resolve(cdrom.path))
        # host_cdrom (not host_device) lets the guest's eject reach a real drive's tray.
        protocol = "host_cdrom" if cdrom.source is CdromSource.HOST else "file"
        parts.nodes += _blockdev_pair("cd0", path, "raw", protocol=protocol, read_only=True)
        drive = "cd0"
    # Without drive= the ide-cd device starts with an empty tray; QMP can insert media later
    # by the device id (blockdev-change-medium id=cdrom0), which works for both forms.
    parts.devices += _device(
        slot, ("drive", drive), ("id", CDROM_DEVICE_ID), ("bootindex", boot.get("cdrom"))
    )


def _add_usb_stick(
    parts: _Parts,
    spec: VmSpec,
    *,
    caps: QemuCaps,
    folder: VmFolder,
    usb_bus: str | None,
    boot: dict[str, int],
) -> None:
    stick = spec.usb_stick
    if stick is None:
        return
    assert usb_bus is not None  # build_argv adds a controller when a stick is passed through
    _require(caps, "usb-storage", Message(QT_TRANSLATE_NOOP("core.argv_storage",
        "the passed-through USB stick")))
    path = str(folder.resolve(stick.path))
    protocol = protocol_driver(path)
    if stick.protected:
        # Protected means writable-but-throwaway rather than read-only: live systems and
        # installers often refuse or misbehave on write-protected boot media, while with
        # snapshot=on QEMU opens the stick read-only and keeps the guest's writes in a
        # temporary overlay. Either way nothing the guest does reaches the stick.
        parts.nodes += _throwaway_drive(
            "usb0", path, "raw", protocol=protocol, cache=None, discard=False
        )
        drive = "usb0-drive"
    else:
        parts.nodes += _blockdev_pair("usb0", path, "raw", protocol=protocol, read_only=False)
        drive = "usb0"
    parts.devices += [
        "-device",
        opts(
            "usb-storage",
            ("bus", usb_bus),
            ("drive", drive),
            ("id", USB_STICK_DEVICE_ID),
            ("removable", True),
            ("bootindex", boot.get("usb")),
        ),
    ]


def needs_usb_controller_for_storage(spec: VmSpec) -> bool:
    return spec.usb_stick is not None or any(d.bus is DiskBus.USB for d in spec.disks)


# Names of secure-boot OVMF builds across distributions: Debian/Ubuntu OVMF_CODE_4M.secboot.fd
# (and the .ms/.snakeoil links to it), Fedora OVMF_CODE.secboot.fd, Arch OVMF_CODE.secboot.4m.fd.
_SECURE_BOOT_MARKERS = ("secboot", ".ms.", "snakeoil", "secure")


def ovmf_requires_smm(code_path: str) -> bool:
    """Secure Boot builds of OVMF need SMM and a secure flash (their firmware descriptor says
    "requires-smm"); plain builds run without."""
    name = os.path.basename(code_path).lower()
    return any(marker in name for marker in _SECURE_BOOT_MARKERS)


def firmware_args(code: str, nvram: str) -> list[str]:
    """The UEFI code (read-only, shared) and this VM's own variable store as block nodes.

    They are attached with `-machine pflash0=…,pflash1=…` (see build_argv), the -blockdev
    spelling of `-drive if=pflash`.
    """
    return _blockdev_pair("fw-code", code, "raw", protocol="file", read_only=True) + (
        _blockdev_pair("fw-vars", nvram, "raw", protocol="file", read_only=False)
    )
