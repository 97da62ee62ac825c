"""Find this computer's USB sticks, card readers and CD/DVD drives (runs lsblk, reads /proc).

The decisions (what is a stick, what must never be given to a VM) are in
kvmgui/core/blockdevs.py; this module only gathers the facts and adds the one thing that
needs the live system: whether this user may open the device, with the wiki's fix if not.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from pathlib import Path

from kvmgui.core import blockdevs as bd
from kvmgui.core.blockdevs import BlockDevice, DeviceKind, DeviceScan
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.runtime.children import output_within, spawn_tied

LSBLK_TIMEOUT_S = 10.0
# udev's stable names for optical drives; each is a symlink to /dev/srN.
DRIVE_LINKS = ("/dev/cdrom", "/dev/dvd", "/dev/cdrw", "/dev/dvdrw")


class ProbeError(KvmguiError):
    """The devices could not be listed; `message` is one sentence, `details` the raw text."""


async def run_lsblk(lsblk: str = "lsblk", timeout: float = LSBLK_TIMEOUT_S) -> bytes:
    try:
        proc = await spawn_tied(bd.lsblk_argv(lsblk))
    except FileNotFoundError:
        raise ProbeError(Message(QT_TRANSLATE_NOOP(
            "runtime.blockdev_probe",
            "The program lsblk was not found; install util-linux to list USB sticks and CD/DVD "
            "drives."))) from None
    output = await output_within(proc, timeout)
    if output is None:
        raise ProbeError(Message(QT_TRANSLATE_NOOP(
            "runtime.blockdev_probe", "lsblk did not answer in time.")))
    out, err = output
    if proc.returncode != 0:
        raise ProbeError(Message(QT_TRANSLATE_NOOP(
            "runtime.blockdev_probe", "lsblk could not list the block devices.")),
            err.decode("utf-8", "replace"))
    return out


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def drive_links(names: tuple[str, ...] = DRIVE_LINKS) -> dict[str, str]:
    """{"/dev/cdrom": "/dev/sr0", …} for the links that exist."""
    links = {}
    for name in names:
        if os.path.islink(name):
            links[name] = os.path.realpath(name)
    return links


def resolve_device(path: str) -> str:
    """The real device node behind a name like /dev/cdrom (unchanged when not a link)."""
    return os.path.realpath(path)


def _with_access(device: BlockDevice) -> BlockDevice:
    if not device.usable or os.access(device.path, os.R_OK):
        return device
    if device.kind is DeviceKind.OPTICAL:
        fix = Message(QT_TRANSLATE_NOOP(
            "runtime.blockdev_probe",
            "add yourself to the cdrom group: sudo adduser $USER cdrom, then log in again."))
    else:
        fix = Message(QT_TRANSLATE_NOOP(
            "runtime.blockdev_probe",
            "add yourself to the disk group: sudo adduser $USER disk, then log in again."))
    return replace(device, usable=False, why_not=Message(QT_TRANSLATE_NOOP(
        "runtime.blockdev_probe", "You may not open {path}; {fix}"), path=device.path, fix=fix))


async def probe_block_devices(lsblk: str = "lsblk") -> DeviceScan:
    """Every block device lsblk reports, classified; `.sticks` and `.optical` are the offers."""
    out = await run_lsblk(lsblk)
    try:
        nodes = bd.parse_lsblk(out)
    except bd.BlockDevError as exc:
        raise ProbeError(str(exc), out.decode("utf-8", "replace")[:2000]) from None
    mounts = bd.parse_mountinfo(await asyncio.to_thread(_read, "/proc/self/mountinfo"))
    swaps = bd.parse_swaps(await asyncio.to_thread(_read, "/proc/swaps"))
    devices = bd.classify(nodes, mounts, swaps, resolve=os.path.realpath)
    devices = bd.with_aliases(devices, drive_links())
    return DeviceScan([_with_access(d) for d in devices])


async def find_device(path: str, lsblk: str = "lsblk") -> BlockDevice | None:
    """The classified device for `path` (a /dev/cdrom-style link is resolved), or None."""
    real = resolve_device(path)
    scan = await probe_block_devices(lsblk)
    for d in scan.devices:
        if d.path == real or path in d.aliases:
            return d
    return None
