"""Which block devices of this computer a VM may use: USB sticks, SD cards and optical drives.

Input is what the runtime gathered (kvmgui/runtime/blockdev_probe.py):
  `lsblk --json -b -p -o NAME,RM,TRAN,SIZE,MODEL,TYPE,HOTPLUG,RO,VENDOR,SERIAL,MOUNTPOINTS,PKNAME`
  and /proc/self/mountinfo. Everything here is pure and tested with hand-written samples.

Rules:
- stick   = type "disk" and (transport usb or mmc, or removable, or hotplug): USB sticks, USB
  disks and SD cards.
- optical = type "rom" (/dev/sr*).
- anything else (internal disks, loop, zram, partitions) is kind "disk" and never offered.
- A device is not usable when it (or one of its partitions, LVM volumes, …) holds "/", "/boot"
  or swap, or is mounted read-write: giving it to a VM while the host writes to it corrupts it
  for both. Read-only mounts (an ISO9660 stick or a CD the desktop mounted) are allowed and
  listed, because the VM only reads the same bytes.

lsblk differs between versions: util-linux 2.38 prints JSON booleans and `null`, older
versions print "0"/"1" strings, `mountpoint` (one) instead of `mountpoints` (a list), and sizes
as strings. The parser accepts all of those.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, SENTENCE, KvmguiError, Message, joined
from kvmgui.core.sizes import format_size

# MAJ:MIN lets mounts whose source mountinfo names oddly ("/dev/root") still be matched.
LSBLK_COLUMNS = "NAME,RM,TRAN,SIZE,MODEL,TYPE,HOTPLUG,RO,VENDOR,SERIAL,MOUNTPOINTS,PKNAME,MAJ:MIN"
SYSTEM_MOUNTS = ("/", "/boot", "/boot/efi", "/usr", "/var", "/home")
SWAP_MARK = "[SWAP]"
# "mmc" is an SD/MMC card (lsblk names mmcblk* so); an eMMC the system runs from is excluded by
# the mount rule like any other system disk.
STICK_TRANSPORTS = ("usb", "mmc")


class BlockDevError(KvmguiError, ValueError):
    """lsblk's output could not be read; str() says why."""


class DeviceKind(StrEnum):
    STICK = "stick"
    OPTICAL = "optical"
    DISK = "disk"


def lsblk_argv(lsblk: str = "lsblk") -> list[str]:
    return [lsblk, "--json", "-b", "-p", "-o", LSBLK_COLUMNS]


# ------------------------------------------------------------------------------ lsblk


@dataclass(frozen=True)
class LsblkNode:
    """One line of lsblk, with its children (partitions, LVM volumes, crypt mappings)."""

    name: str
    type: str
    size: int
    removable: bool
    hotplug: bool
    readonly: bool
    transport: str | None
    model: str | None
    vendor: str | None
    serial: str | None
    mountpoints: tuple[str, ...]
    pkname: str | None
    children: tuple[LsblkNode, ...] = ()
    dev: str | None = None  # "major:minor"

    def walk(self) -> Iterator[LsblkNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return False


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _size(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return max(0, value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return 0


def _mounts(obj: dict[str, Any]) -> tuple[str, ...]:
    raw = obj.get("mountpoints")
    if raw is None:
        raw = [obj.get("mountpoint")]
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return ()
    return tuple(m for m in (_text(x) for x in raw) if m)


def _node(obj: Any, depth: int = 0) -> LsblkNode:
    if not isinstance(obj, dict) or depth > 16:
        raise BlockDevError(Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "lsblk printed a device entry in an unknown form."),
        ))
    name = _text(obj.get("name"))
    if name is None:
        raise BlockDevError(Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "lsblk printed a device without a name."),
        ))
    kids = obj.get("children") or []
    if not isinstance(kids, list):
        kids = []
    return LsblkNode(
        name=name,
        type=(_text(obj.get("type")) or "").lower(),
        size=_size(obj.get("size")),
        removable=_bool(obj.get("rm")),
        hotplug=_bool(obj.get("hotplug")),
        readonly=_bool(obj.get("ro")),
        transport=(_text(obj.get("tran")) or "").lower() or None,
        model=_text(obj.get("model")),
        vendor=_text(obj.get("vendor")),
        serial=_text(obj.get("serial")),
        mountpoints=_mounts(obj),
        pkname=_text(obj.get("pkname")),
        children=tuple(_node(k, depth + 1) for k in kids),
        dev=_text(obj.get("maj:min")),
    )


def parse_lsblk(json_text: str | bytes) -> list[LsblkNode]:
    """The top-level devices of `lsblk --json` (each with its children)."""
    try:
        obj = json.loads(json_text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BlockDevError(Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "lsblk printed something that is not JSON."),
        )) from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("blockdevices", []), list):
        raise BlockDevError(Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "lsblk's output has no device list."),
        ))
    return [_node(o) for o in obj.get("blockdevices") or []]


# ------------------------------------------------------------------------------ mountinfo


@dataclass(frozen=True)
class Mount:
    source: str  # "/dev/sdb1", or a pseudo name ("tmpfs")
    mount_point: str
    fstype: str
    read_only: bool
    dev: str  # "major:minor" of the mounted file system


def _unescape(text: str) -> str:
    # mountinfo writes space, tab, newline and backslash as \040, \011, \012, \134.
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 3 < len(text) and text[i + 1 : i + 4].isdigit():
            out.append(chr(int(text[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[Mount]:
    """/proc/self/mountinfo → mounts (unreadable lines are skipped)."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        fields, tail = left.split(), right.split()
        if len(fields) < 6 or len(tail) < 2:
            continue
        options = set(fields[5].split(","))
        super_options = set(tail[2].split(",")) if len(tail) > 2 else set()
        mounts.append(
            Mount(
                source=_unescape(tail[1]),
                mount_point=_unescape(fields[4]),
                fstype=tail[0],
                read_only="ro" in options or "ro" in super_options,
                dev=fields[2],
            )
        )
    return mounts


def parse_swaps(text: str) -> list[str]:
    """The swap devices and files in /proc/swaps."""
    names = []
    for line in text.splitlines()[1:]:
        parts = line.split()
        if parts:
            names.append(_unescape(parts[0]))
    return names


# ------------------------------------------------------------------------------ classify


@dataclass(frozen=True)
class BlockDevice:
    """A whole device a VM could be given, and whether it may be."""

    path: str  # "/dev/sdb"
    size: int  # bytes; 0 when no medium is inserted
    model: str | None
    vendor: str | None
    transport: str | None  # "usb", "sata", "nvme", "mmc", … or None
    removable: bool
    readonly: bool
    kind: DeviceKind
    mounted: list[str] = field(default_factory=list)  # "/media/me/STICK (read-only)"
    usable: bool = True
    why_not: str = ""  # the reason it is not usable, one sentence
    note: str = ""  # something to know even when usable
    serial: str | None = None
    aliases: list[str] = field(default_factory=list)  # "/dev/cdrom"

    @property
    def description(self) -> str:
        """What a person recognises the device by: "SanDisk Ultra (14.3 GiB, USB)"."""
        name = " ".join(p for p in (self.vendor, self.model) if p and not p.startswith("0x"))
        if not name:
            name = {"stick": Message(
                QT_TRANSLATE_NOOP("core.blockdevs", "Removable disk"),
            ), "optical": Message(
                QT_TRANSLATE_NOOP("core.blockdevs", "CD/DVD drive"),
            )}.get(self.kind, Message(QT_TRANSLATE_NOOP("core.blockdevs", "Disk")))
        facts = [format_size(self.size) if self.size else Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "no medium"),
        )]
        if self.transport:
            facts.append(self.transport.upper())
        return f"{name} ({', '.join(facts)})"

    @property
    def label(self) -> str:
        return f"{self.path} — {self.description}"

    @property
    def problem(self) -> str:
        return self.why_not


def _kind(node: LsblkNode) -> DeviceKind:
    if node.type == "rom":
        return DeviceKind.OPTICAL
    if node.type == "disk" and (
        node.transport in STICK_TRANSPORTS or node.removable or node.hotplug
    ):
        return DeviceKind.STICK
    return DeviceKind.DISK


def _mount_index(
    mounts: Iterable[Mount], resolve: Callable[[str], str]
) -> dict[str, list[Mount]]:
    index: dict[str, list[Mount]] = {}
    for m in mounts:
        if m.source.startswith("/"):
            index.setdefault(resolve(m.source), []).append(m)
        if m.dev and not m.dev.startswith("0:"):  # 0:N are anonymous (tmpfs, btrfs, …)
            index.setdefault(f"dev:{m.dev}", []).append(m)
    return index


def classify(
    nodes: Iterable[LsblkNode],
    mounts: Iterable[Mount] = (),
    swaps: Iterable[str] = (),
    *,
    resolve: Callable[[str], str] = lambda p: p,
) -> list[BlockDevice]:
    """Every top-level device with its kind and whether a VM may use it.

    `resolve` maps a device path to its canonical name (the runtime passes os.path.realpath,
    so /dev/mapper/vg-root and /dev/dm-0 match).
    """
    by_source = _mount_index(mounts, resolve)
    swap_set = {resolve(s) for s in swaps}
    return [_classify_one(n, by_source, swap_set, resolve) for n in nodes]


def _classify_one(
    node: LsblkNode,
    by_source: dict[str, list[Mount]],
    swap_set: set[str],
    resolve: Callable[[str], str],
) -> BlockDevice:
    kind = _kind(node)
    shown: list[str] = []
    system: list[str] = []
    writable: list[str] = []
    swap = False
    for part in node.walk():
        found = by_source.get(resolve(part.name), [])
        if part.dev:
            found = found + by_source.get(f"dev:{part.dev}", [])
        points = {m.mount_point: m for m in found}
        for point in part.mountpoints:
            if point == SWAP_MARK:
                swap = True
            elif point not in points:  # lsblk knows it, mountinfo does not say ro/rw
                points[point] = Mount(part.name, point, "", part.readonly, "")
        if resolve(part.name) in swap_set:
            swap = True
        for point, m in sorted(points.items()):
            shown.append(
                Message(QT_TRANSLATE_NOOP("core.blockdevs", "{point} (read-only)"), point=point)
                if m.read_only
                else Message(
                    QT_TRANSLATE_NOOP("core.blockdevs", "{point} (read-write)"), point=point
                )
            )
            if point in SYSTEM_MOUNTS:
                system.append(point)
            elif not m.read_only:
                writable.append(point)
    device = BlockDevice(path=node.name, size=node.size, model=node.model, vendor=node.vendor,
                         transport=node.transport, removable=node.removable,
                         readonly=node.readonly, kind=kind, mounted=shown, serial=node.serial)
    return _verdict(device, node, system, writable, swap)


def _verdict(
    device: BlockDevice, node: LsblkNode, system: list[str], writable: list[str], swap: bool
) -> BlockDevice:
    if system:
        return replace(device, usable=False, why_not=(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.blockdevs",
                    "This computer runs from this disk (it holds {points}); giving it to a VM "
                    "would destroy the running system.",
                ),
                points=', '.join(system),
            )
        ))
    if swap:
        return replace(device, usable=False, why_not=(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.blockdevs",
                    "This computer uses this disk as swap space, so a VM must not have it.",
                ),
            )
        ))
    if device.kind is DeviceKind.DISK:
        reason = Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "It is not a removable USB disk or CD/DVD drive."),
        )
        if node.type not in ("disk", ""):
            reason = Message(
                QT_TRANSLATE_NOOP(
                    "core.blockdevs",
                    "It is a {type} device, not a removable disk or CD/DVD drive.",
                ),
                type=node.type,
            )
        return replace(device, usable=False, why_not=reason)
    if writable:
        return replace(device, usable=False, why_not=(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.blockdevs",
                    "It is mounted with write access at {points}. Eject or unmount it first: "
                    "the computer and the VM writing to it at once would corrupt it.",
                ),
                points=', '.join(writable),
            )
        ))
    notes = []
    if device.mounted:
        notes.append(Message(
            QT_TRANSLATE_NOOP("core.blockdevs", "It is mounted read-only on this computer."),
        ))
    if device.size == 0:
        if device.kind is DeviceKind.STICK:
            return replace(device, usable=False, why_not=(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.blockdevs",
                        "No medium is inserted (an empty card reader?). Insert the card or "
                        "stick.",
                    ),
                )
            ))
        notes.append(Message(QT_TRANSLATE_NOOP("core.blockdevs", "No disc is inserted.")))
    if device.readonly and device.kind is DeviceKind.STICK:
        notes.append(Message(QT_TRANSLATE_NOOP("core.blockdevs", "It is write-protected.")))
    return replace(device, note=joined(notes, SENTENCE) if notes else "")


# ------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class DeviceScan:
    devices: list[BlockDevice]

    @property
    def sticks(self) -> list[BlockDevice]:
        return [d for d in self.devices if d.kind is DeviceKind.STICK]

    @property
    def optical(self) -> list[BlockDevice]:
        return [d for d in self.devices if d.kind is DeviceKind.OPTICAL]

    @property
    def offered(self) -> list[BlockDevice]:
        """What a "choose a device" list shows: sticks and drives, usable or not."""
        return [d for d in self.devices if d.kind is not DeviceKind.DISK]


def with_aliases(devices: list[BlockDevice], links: dict[str, str]) -> list[BlockDevice]:
    """Attach symlink names (e.g. {"/dev/cdrom": "/dev/sr0"}) to the devices they point to."""
    out = []
    for d in devices:
        names = sorted(link for link, real in links.items() if real == d.path)
        out.append(replace(d, aliases=[*d.aliases, *names]) if names else d)
    return out
