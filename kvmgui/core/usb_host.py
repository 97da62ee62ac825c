"""USB devices of this computer given to a guest (QEMU's usb-host): the decisions, no I/O.

The runtime reads sysfs (/sys/bus/usb/devices) into `SysfsUsbDevice` records and asks this
module which devices to offer, what stops one from being given (this user may not open its
node in /dev/bus/usb; a USB stick still mounted here) and what the command line holds.

- Offered: every device except hubs (class 09) and the keyboard and mouse in use, known by
  their HID boot interfaces (class 03, subclass 01, protocol 1 keyboard or 2 mouse): giving
  those to a guest would take them away from the person at the computer.
- A VM keeps its devices by vendor:product (`model.UsbDeviceId`), not by bus and address, so
  the choice follows the device to another port and across re-plugging; QEMU's usb-host
  attaches a device that appears later by itself.
- Permission: QEMU opens /dev/bus/usb/BBB/DDD as the user. The fix offered is a udev rule for
  that one vendor:product with `TAG+="uaccess"` (the logged-in user gets an ACL on that device
  only), never a chmod or chown of the node, which opens it to everyone or is gone at the next
  plug-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kvmgui.core.argv_opts import opts
from kvmgui.core.blockdevs import Mount
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import UsbDeviceId, VmSpec

HUB_CLASS = "09"
HID_CLASS = "03"
BOOT_SUBCLASS = "01"
BOOT_KEYBOARD, BOOT_MOUSE = "01", "02"
MASS_STORAGE_CLASS = "08"
DEV_ROOT = "/dev/bus/usb"

_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_ID_TEXT = re.compile(r"([0-9a-fA-F]{4}):([0-9a-fA-F]{4})")


class UsbIdError(KvmguiError, ValueError):
    """A vendor:product text that is not two groups of four hex digits."""


def valid_hex4(text: str) -> bool:
    return bool(_HEX4.fullmatch(text))


def parse_usb_id(text: str) -> UsbDeviceId:
    """ "0781:5567" (as lsusb and `kvmgui-cli usb list` show it) → UsbDeviceId, lowercased."""
    m = _ID_TEXT.fullmatch(text.strip())
    if m is None:
        raise UsbIdError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.usb_host",
                    "'{text}' is not a USB device id: give its vendor and product as four hex "
                    "digits each, such as 0781:5567 (see kvmgui-cli usb list).",
                ),
                text=text[:40],
            )
        )
    return UsbDeviceId(m[1].lower(), m[2].lower())


def device_qom_id(device: UsbDeviceId) -> str:
    """The QEMU id of the usb-host device for `device` (one per vendor:product)."""
    return f"usbhost-{device.vendor.lower()}-{device.product.lower()}"


# ------------------------------------------------------------------------------ sysfs facts


@dataclass(frozen=True)
class SysfsInterface:
    cls: str  # bInterfaceClass, two hex digits ("08")
    subclass: str
    protocol: str


@dataclass(frozen=True)
class SysfsBlock:
    name: str  # "sdb", "sdb1"
    dev: str  # "8:16" (major:minor, from its `dev` file)


@dataclass(frozen=True)
class SysfsUsbDevice:
    """What sysfs says about one device (/sys/bus/usb/devices/1-2): its files' text, stripped,
    missing files as empty text."""

    name: str  # the sysfs name, which is the port path: "1-2", "3-1.4"
    attrs: dict[str, str]
    interfaces: tuple[SysfsInterface, ...] = ()
    block: tuple[SysfsBlock, ...] = ()  # block devices under its interfaces (a stick's)


ATTRS = (
    "idVendor",
    "idProduct",
    "manufacturer",
    "product",
    "busnum",
    "devnum",
    "devpath",
    "bDeviceClass",
    "speed",
    "serial",
)


@dataclass(frozen=True)
class UsbHostDevice:
    id: UsbDeviceId
    manufacturer: str
    product: str
    bus: int
    address: int
    port: str  # "1-2": the port path, the same while it stays in that socket
    mass_storage: bool
    block: tuple[SysfsBlock, ...] = ()
    serial: str = ""

    @property
    def name(self) -> str:
        """What a person recognises it by: "SanDisk Cruzer Blade", else its ids."""
        words = " ".join(p for p in (self.manufacturer, self.product) if p)
        return words or str(self.id)

    @property
    def node(self) -> str:
        """Its device node, which QEMU opens: /dev/bus/usb/001/004."""
        return f"{DEV_ROOT}/{self.bus:03d}/{self.address:03d}"

    def node_in(self, dev_root: str) -> str:
        return f"{dev_root.rstrip('/')}/{self.bus:03d}/{self.address:03d}"


def _hex2(text: str) -> str:
    return text.strip().lower().zfill(2)[-2:] if text.strip() else ""


def _is_input_in_use(device: SysfsUsbDevice) -> bool:
    return any(
        _hex2(i.cls) == HID_CLASS
        and _hex2(i.subclass) == BOOT_SUBCLASS
        and _hex2(i.protocol) in (BOOT_KEYBOARD, BOOT_MOUSE)
        for i in device.interfaces
    )


def _int(text: str) -> int | None:
    try:
        return int(text.strip(), 10)
    except ValueError:
        return None


def host_devices(raw: Iterable[SysfsUsbDevice]) -> list[UsbHostDevice]:
    """The devices a VM may be given, by bus and port; hubs, the keyboard and mouse and
    entries sysfs describes badly (no 4-digit ids, no bus or address) are left out."""
    found: list[UsbHostDevice] = []
    for d in raw:
        a = d.attrs
        vendor, product = a.get("idVendor", ""), a.get("idProduct", "")
        bus, address = _int(a.get("busnum", "")), _int(a.get("devnum", ""))
        if not (valid_hex4(vendor) and valid_hex4(product)) or bus is None or address is None:
            continue
        if _hex2(a.get("bDeviceClass", "")) == HUB_CLASS or any(
            _hex2(i.cls) == HUB_CLASS for i in d.interfaces
        ):
            continue
        if _is_input_in_use(d):
            continue
        found.append(
            UsbHostDevice(
                id=UsbDeviceId(vendor.lower(), product.lower()),
                manufacturer=_clean(a.get("manufacturer", "")),
                product=_clean(a.get("product", "")),
                bus=bus,
                address=address,
                port=d.name,
                mass_storage=_hex2(a.get("bDeviceClass", "")) == MASS_STORAGE_CLASS
                or any(_hex2(i.cls) == MASS_STORAGE_CLASS for i in d.interfaces),
                block=d.block,
                serial=_clean(a.get("serial", "")),
            )
        )
    return sorted(found, key=lambda x: (x.bus, x.port))


def _clean(text: str) -> str:
    # A device names itself: keep it printable and short.
    return "".join(ch for ch in text if ch.isprintable())[:80].strip()


# ------------------------------------------------------------------------------ refusals


def udev_rule(device: UsbDeviceId) -> tuple[str, str]:
    """(file, line) of the udev rule that lets the logged-in user open this device."""
    path = f"/etc/udev/rules.d/70-kvmgui-usb-{device.vendor}-{device.product}.rules"
    line = (
        f'SUBSYSTEM=="usb", ATTR{{idVendor}}=="{device.vendor}", '
        f'ATTR{{idProduct}}=="{device.product}", TAG+="uaccess"'
    )
    return path, line


def udev_commands(device: UsbDeviceId) -> str:
    """The commands that install the rule and apply it to the plugged-in device: one line to
    copy into a terminal as it is (a line break would not survive a one-line error)."""
    path, line = udev_rule(device)
    return (
        f"echo '{line}' | sudo tee {path} >/dev/null && "
        "sudo udevadm control --reload && sudo udevadm trigger"
    )


def _what(device: UsbHostDevice) -> str:
    """ "SanDisk Cruzer Blade, 0781:5567", or the ids alone for a device without names."""
    ids = str(device.id)
    return ids if device.name == ids else f"{device.name}, {ids}"


def permission_problem(
    device: UsbHostDevice, node: str, *, readable: bool, writable: bool
) -> Message | None:
    """Why QEMU, running as this user, could not open the device; None when it can."""
    if readable and writable:
        return None
    path, _line = udev_rule(device.id)
    return Message(
        QT_TRANSLATE_NOOP(
            "core.usb_host",
            "You may not open {node} ({what}), so the VM cannot use it. Let your login use "
            "this one device with a udev rule in {path}, then reload the rules: {commands}",
        ),
        node=node,
        what=_what(device),
        path=path,
        commands=udev_commands(device.id),
    )


def mounted_parts(
    device: UsbHostDevice, mounts: Iterable[Mount], swaps: Iterable[str] = ()
) -> list[str]:
    """ "/dev/sdb1 on /media/me/STICK" for each of the device's block devices that is mounted
    or used as swap here (matched by device number, and by name)."""
    by_dev = {b.dev: b.name for b in device.block if b.dev}
    names = {f"/dev/{b.name}": b.name for b in device.block}
    found: list[str] = []
    for m in mounts:
        name = by_dev.get(m.dev) or names.get(m.source)
        if name is not None:
            found.append(f"/dev/{name} on {m.mount_point}")
    for s in swaps:
        if s in names:
            found.append(f"{s} (swap)")
    return found


def mounted_problem(device: UsbHostDevice, parts: Sequence[str]) -> Message | None:
    if not parts:
        return None
    return Message(
        QT_TRANSLATE_NOOP(
            "core.usb_host",
            "The USB device {what} is mounted on this computer ({parts}), and a guest writing to "
            "it at the same time destroys its files: eject it here first.",
        ),
        what=_what(device),
        parts=", ".join(parts),
    )


def usb_off_problem(spec: VmSpec) -> Message | None:
    """The one sentence for USB devices chosen while the VM has no USB controller."""
    if spec.usb or not spec.usb_devices:
        return None
    return Message(
        QT_TRANSLATE_NOOP(
            "core.usb_host",
            "'{name}' has USB turned off, so it has no USB controller for devices of this "
            "computer: turn USB on in its settings (kvmgui-cli edit {name} --usb) or remove the "
            "devices.",
        ),
        name=spec.name,
    )


# ------------------------------------------------------------------------------ command line


def usb_host_device_args(device: UsbDeviceId, bus: str) -> dict[str, object]:
    """The properties of QMP's device_add (the same as on the command line)."""
    return {
        "driver": "usb-host",
        "vendorid": int(device.vendor, 16),
        "productid": int(device.product, 16),
        "id": device_qom_id(device),
        "bus": bus,
    }


def usb_host_args(spec: VmSpec, bus: str) -> list[str]:
    """One -device usb-host per chosen device, matched by ids (QEMU attaches it whenever it is
    plugged in, also after the start)."""
    args: list[str] = []
    for device in spec.usb_devices:
        args += [
            "-device",
            opts(
                "usb-host",
                ("vendorid", f"0x{device.vendor.lower()}"),
                ("productid", f"0x{device.product.lower()}"),
                ("id", device_qom_id(device)),
                ("bus", bus),
            ),
        ]
    return args


@dataclass(frozen=True)
class UsbChoice:
    """One row of the "USB devices" list: a device plugged in here, a remembered one that is
    not, or both."""

    id: UsbDeviceId
    chosen: bool
    present: UsbHostDevice | None = None


def choices(spec: VmSpec, present: Sequence[UsbHostDevice]) -> list[UsbChoice]:
    """The devices plugged in (chosen or not), then the chosen ones that are not plugged in."""
    chosen = set(spec.usb_devices)
    rows = [UsbChoice(d.id, d.id in chosen, d) for d in present]
    seen = {d.id for d in present}
    rows += [UsbChoice(i, True) for i in spec.usb_devices if i not in seen]
    return rows
