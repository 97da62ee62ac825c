"""USB devices of this computer in a guest: listing them (sysfs), and attaching or detaching
one, live over QMP while the VM runs and in its definition for the next starts.

The decisions are core.usb_host's; this module reads sysfs, /proc/self/mountinfo and the
device nodes' permissions (in a worker thread: it may run on the UI's loop), and is the one
operation `kvmgui-cli usb attach/detach` and the Hardware page's check boxes both call.
Every root is a parameter (`UsbProbe`), so tests read a captured sysfs tree and a device
folder of their own.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kvmgui.core import blockdevs as bd
from kvmgui.core.argv_devices import usb_controller
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template
from kvmgui.core.model import UsbDeviceId, VmSpec
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.usb_host import (
    ATTRS,
    SysfsBlock,
    SysfsInterface,
    SysfsUsbDevice,
    UsbHostDevice,
    device_qom_id,
    host_devices,
    mounted_parts,
    mounted_problem,
    permission_problem,
    usb_host_device_args,
    usb_off_problem,
)
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.qmp_session import QmpCommandError, QmpError, QmpSession

if TYPE_CHECKING:
    from kvmgui.runtime.controller import VmController

PERIPHERALS = "/machine/peripheral"
DETACH_WAIT_S = 5.0
# Interfaces are read this deep below a device for block devices (a stick's disk sits at
# 1-2:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1).
_MAX_DEPTH = 8


@dataclass(frozen=True)
class UsbProbe:
    """Where the facts come from; tests give their own roots and access check."""

    sysfs_root: Path = Path("/sys")
    dev_root: Path = Path("/dev/bus/usb")
    mountinfo: Path = Path("/proc/self/mountinfo")
    swaps: Path = Path("/proc/swaps")
    access: Callable[[str, int], bool] = field(default=os.access)


@dataclass(frozen=True)
class HostUsb:
    """A device plugged into this computer, and what stops a VM from using it (sentences)."""

    device: UsbHostDevice
    node: str
    permission: Message | None = None
    mounted: Message | None = None

    @property
    def problems(self) -> list[Message]:
        return [p for p in (self.permission, self.mounted) if p is not None]


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def _blocks(interface: Path) -> list[SysfsBlock]:
    found: list[SysfsBlock] = []
    base = len(interface.parts)
    for top, dirs, _files in os.walk(interface):  # links (driver, subsystem…) are not followed
        here = Path(top)
        if len(here.parts) - base > _MAX_DEPTH:
            dirs[:] = []
            continue
        if here.name == "block":
            for disk in sorted(dirs):
                found.append(SysfsBlock(disk, _text(here / disk / "dev")))
                for part in sorted(
                    p.name
                    for p in (here / disk).iterdir()
                    if p.is_dir() and not p.is_symlink() and (p / "partition").exists()
                ):
                    found.append(SysfsBlock(part, _text(here / disk / part / "dev")))
            dirs[:] = []
    return found


def read_sysfs(sysfs_root: Path) -> list[SysfsUsbDevice]:
    """Every USB device under sysfs_root/bus/usb/devices (interfaces, "1-2:1.0", are read as
    part of their device)."""
    top = sysfs_root / "bus" / "usb" / "devices"
    try:
        names = sorted(p.name for p in top.iterdir())
    except OSError:
        return []
    devices = []
    for name in names:
        if ":" in name:
            continue
        # The entries are links into /sys/devices/…; the interfaces live beside the files.
        where = Path(os.path.realpath(top / name))
        attrs = {key: _text(where / key) for key in ATTRS}
        interfaces, block = [], []
        try:
            children = sorted(p for p in where.iterdir() if p.name.startswith(f"{name}:"))
        except OSError:
            children = []
        for child in children:
            interfaces.append(
                SysfsInterface(
                    _text(child / "bInterfaceClass"),
                    _text(child / "bInterfaceSubClass"),
                    _text(child / "bInterfaceProtocol"),
                )
            )
            block += _blocks(child)
        devices.append(SysfsUsbDevice(name, attrs, tuple(interfaces), tuple(block)))
    return devices


def _scan(probe: UsbProbe) -> list[HostUsb]:
    devices = host_devices(read_sysfs(probe.sysfs_root))
    mounts: list[bd.Mount] = []
    swaps: list[str] = []
    if any(d.mass_storage for d in devices):
        mounts = bd.parse_mountinfo(_text(probe.mountinfo))
        swaps = bd.parse_swaps(_text(probe.swaps))
    found = []
    for d in devices:
        node = d.node_in(str(probe.dev_root))
        permission = permission_problem(
            d, node, readable=probe.access(node, os.R_OK), writable=probe.access(node, os.W_OK)
        )
        parts = mounted_parts(d, mounts, swaps) if d.mass_storage else []
        found.append(HostUsb(d, node, permission, mounted_problem(d, parts)))
    return found


async def list_host_usb(probe: UsbProbe | None = None) -> list[HostUsb]:
    """The devices a VM may be given, read in a worker thread."""
    return await asyncio.to_thread(_scan, probe or UsbProbe())


@dataclass(frozen=True)
class StartCheck:
    """What the VM's USB devices mean for a start: `refusal` stops it (a chosen stick is
    mounted here: QEMU would take it from under the mounted file system); `notes` are told
    with the start (a chosen device this user may not open: the VM runs without it)."""

    refusal: Message | None = None
    notes: tuple[Message, ...] = ()


async def start_check(spec: VmSpec, probe: UsbProbe | None = None) -> StartCheck:
    if not spec.usb_devices:
        return StartCheck()
    chosen = [f for f in await list_host_usb(probe) if f.device.id in spec.usb_devices]
    for found in chosen:
        if found.mounted is not None:
            return StartCheck(refusal=found.mounted)
    return StartCheck(notes=tuple(f.permission for f in chosen if f.permission is not None))


# ------------------------------------------------------------------------------ attach/detach


async def _peripherals(session: QmpSession) -> set[str]:
    listed = await session.execute("qom-list", {"path": PERIPHERALS})
    return {str(p.get("name")) for p in listed if isinstance(p, dict)}


async def live_usb_devices(session: QmpSession) -> set[str]:
    """The QEMU ids of the usb-host devices a running VM has."""
    listed = await session.execute("qom-list", {"path": PERIPHERALS})
    return {
        str(p.get("name"))
        for p in listed
        if isinstance(p, dict) and p.get("type") == "child<usb-host>"
    }


def _with(spec: VmSpec, device: UsbDeviceId) -> VmSpec:
    if device in spec.usb_devices:
        return spec
    return replace(spec, usb_devices=(*spec.usb_devices, device))


def _without(spec: VmSpec, device: UsbDeviceId) -> VmSpec:
    return replace(spec, usb_devices=tuple(d for d in spec.usb_devices if d != device))


def _monitor_failure(
    exc: QmpError, refused: Template, device: UsbDeviceId, name: str
) -> Outcome[None]:
    """Attach and detach fail alike: QEMU refusing the command says `refused` (a template
    with {device}, {name} and {exc}); a monitor that went away says so as is."""
    if isinstance(exc, QmpCommandError):
        return Outcome.failure(
            Message(refused, device=str(device), name=name, exc=str(exc)), code="refused"
        )
    return Outcome.failure(str(exc), code="monitor")


def _saved(controller: VmController, change: Callable[[VmSpec], VmSpec]) -> StoredVm | Outcome[Any]:
    try:
        return controller.save_definition(change)
    except StoreError as exc:
        return Outcome.failure(str(exc), code="not-saved")


async def attach_usb(
    controller: VmController, device: UsbDeviceId, probe: UsbProbe | None = None
) -> Outcome[StoredVm]:
    """Give the VM the host's USB device `device`: at once when it runs (device_add), and at
    every next start (the definition). Refused while USB is off in the VM, while this user may
    not open the device (with the udev rule that fixes it) and while it is a mounted stick."""
    controller.refresh_definition()
    spec = controller.spec
    name = controller.name
    off = usb_off_problem(_with(spec, device))
    if off is not None:
        return Outcome.failure(off, code="usb-off")
    present = [f for f in await list_host_usb(probe) if f.device.id == device]
    for found in present:
        if found.mounted is not None:
            return Outcome.failure(found.mounted, code="mounted")
        if found.permission is not None:
            return Outcome.failure(found.permission, code="permission")
    qom_id = device_qom_id(device)

    async def live(session: QmpSession) -> Outcome[None]:
        try:
            if qom_id not in await _peripherals(session):
                await session.execute(
                    "device_add", usb_host_device_args(device, usb_controller(spec).bus)
                )
        except QmpError as exc:
            return _monitor_failure(
                exc,
                QT_TRANSLATE_NOOP(
                    "runtime.usb_host",
                    "QEMU did not attach the USB device {device} to '{name}': {exc}",
                ),
                device,
                name,
            )
        return Outcome.success("")

    running = controller.state.is_active
    if running:
        done = await controller.with_monitor(live)
        if not done.ok:
            return Outcome.failure(done.message, code=done.code, details=done.details)
    saved = _saved(controller, lambda s: _with(s, device))
    if isinstance(saved, Outcome):
        return saved
    if not running:
        message = Message(
            QT_TRANSLATE_NOOP(
                "runtime.usb_host", "'{name}' gets the USB device {device} from its next start."
            ),
            name=name,
            device=str(device),
        )
    elif present:
        message = Message(
            QT_TRANSLATE_NOOP(
                "runtime.usb_host",
                "Attached the USB device {device} ({what}) to '{name}'; it "
                "gets it at its next starts too.",
            ),
            device=str(device),
            what=present[0].device.name,
            name=name,
        )
    else:
        message = Message(
            QT_TRANSLATE_NOOP(
                "runtime.usb_host",
                "'{name}' gets the USB device {device} as soon as it is "
                "plugged in (it is not plugged in now), and at its next starts.",
            ),
            name=name,
            device=str(device),
        )
    return Outcome.success(message, value=saved)


async def detach_usb(controller: VmController, device: UsbDeviceId) -> Outcome[StoredVm]:
    """Take the USB device away from the VM: at once when it runs (device_del), and from its
    definition."""
    controller.refresh_definition()
    name = controller.name
    qom_id = device_qom_id(device)
    running = controller.state.is_active
    had = device in controller.spec.usb_devices
    attached = False

    async def live(session: QmpSession) -> Outcome[None]:
        nonlocal attached
        try:
            if qom_id not in await _peripherals(session):
                return Outcome.success("")
            attached = True
            await session.execute("device_del", {"id": qom_id})
            # A USB device goes at once, but wait for QEMU to say so (DEVICE_DELETED comes
            # after the guest's part is done).
            deadline = asyncio.get_running_loop().time() + DETACH_WAIT_S
            while qom_id in await _peripherals(session):
                if asyncio.get_running_loop().time() > deadline:
                    return Outcome.failure(
                        Message(
                            QT_TRANSLATE_NOOP(
                                "runtime.usb_host",
                                "QEMU has not let go of the USB device {device} "
                                "yet; try again in a moment.",
                            ),
                            device=str(device),
                        ),
                        code="busy",
                    )
                await asyncio.sleep(0.05)
        except QmpError as exc:
            return _monitor_failure(
                exc,
                QT_TRANSLATE_NOOP(
                    "runtime.usb_host",
                    "QEMU did not detach the USB device {device} from '{name}': {exc}",
                ),
                device,
                name,
            )
        return Outcome.success("")

    if running:
        done = await controller.with_monitor(live)
        if not done.ok:
            return Outcome.failure(done.message, code=done.code, details=done.details)
    if not had and not attached:
        return Outcome.failure(
            Message(
                QT_TRANSLATE_NOOP(
                    "runtime.usb_host", "'{name}' does not have the USB device {device}."
                ),
                name=name,
                device=str(device),
            ),
            code="not-attached",
        )
    saved = _saved(controller, lambda s: _without(s, device))
    if isinstance(saved, Outcome):
        return saved
    if running:
        message = Message(
            QT_TRANSLATE_NOOP(
                "runtime.usb_host", "Detached the USB device {device} from '{name}'."
            ),
            device=str(device),
            name=name,
        )
    else:
        message = Message(
            QT_TRANSLATE_NOOP(
                "runtime.usb_host", "'{name}' no longer gets the USB device {device}."
            ),
            name=name,
            device=str(device),
        )
    return Outcome.success(message, value=saved)
