"""The UI's door to the runtime's image jobs and device detection.

Thin adapters: they call the runtime's coroutines and turn their results into the few plain
values the wizard and the details window show. Nothing here blocks: every call is awaited on
the qasync loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.blockdevs import BlockDevice
from kvmgui.core.messages import KvmguiError
from kvmgui.core.model import DiskFormat
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.blockdev_probe import ProbeError, probe_block_devices
from kvmgui.runtime.clones import CloneError, refuse_if_base
from kvmgui.runtime.images import ImageError, UnsafeChain, checked_chain, image_info
from kvmgui.ui.i18n import core_text, format_size, translate

ProgressCallback = Callable[[float | None], None]  # 0.0 .. 1.0, None: busy


class ServiceError(KvmguiError):
    """A failed job; `message` is one sentence, `details` the raw text (e.g. stderr)."""

    def __init__(self, message: str, details: str = "") -> None:
        message = core_text(message)  # the runtime's sentences are English
        super().__init__(message, details)


class UnsafeImage(ServiceError):
    """The image's bases are unrecorded or not the user's own images: it cannot be used at
    all, not even converted (runtime.images.checked_chain)."""


@dataclass(frozen=True)
class ImageFacts:
    format: DiskFormat | None
    virtual_size: int | None = None
    note: str = ""  # a sentence for the user (e.g. "detected from the file name")


async def inspect_image(path: Path, qemu_img: str = "qemu-img", *,
                        fmt: str | None = None) -> ImageFacts:
    """The format and size of an existing image, as qemu-img reports them.

    `fmt`: the format a VM's definition records when the image is that VM's disk
    (media.jobs.recorded_format): a VM's disk is never probed, its guest chose its bytes.

    UnsafeImage when its bases are not recorded or not the user's own images
    (runtime.images.checked_chain): a VM, or a copy made for one, would read them.
    """
    try:
        info = await image_info(path, fmt=fmt, qemu_img=qemu_img)
        await checked_chain(path, info.format, qemu_img=qemu_img)
    except UnsafeChain as exc:
        raise UnsafeImage(exc.message, exc.details) from exc
    except ImageError as exc:
        raise ServiceError(exc.message, exc.details) from exc
    try:
        fmt = DiskFormat(info.format)
    except ValueError:
        raise ServiceError(
            translate(
                "Services",
                "{0} is a '{1}' image, which kvmgui cannot use directly: convert it to "
                "qcow2 first.",
            ).format(path, info.format)
        ) from None
    return ImageFacts(fmt, info.virtual_size, translate("Services", "Format detected by qemu-img."))


async def base_refusal(store: VmStore, stored: StoredVm, action: str, *, qemu_img: str) -> str:
    """The runtime's sentence when `stored` is the base of linked clones, else "".

    Its clones read its disks: deleting it or reverting one of its snapshots would corrupt
    them, so both are refused while clones exist.
    """
    try:
        await refuse_if_base(store, stored, action, qemu_img=qemu_img)
    except CloneError as exc:
        return exc.message
    return ""


# --------------------------------------------------------------------------- host drives


@dataclass(frozen=True)
class HostDrive:
    """A CD/DVD drive or USB stick of this computer, as offered in the wizard."""

    path: str
    label: str  # "/dev/sdb — SanDisk Ultra (16 GiB)"
    usable: bool = True
    problem: str = ""  # why it cannot be used (mounted, no permission…)


@dataclass(frozen=True)
class DriveScan:
    optical: list[HostDrive]
    sticks: list[HostDrive]
    error: str = ""


def _description(device: BlockDevice) -> str:
    """BlockDevice.description ("SanDisk Ultra (14.3 GiB, USB)") in the user's language."""
    name = " ".join(p for p in (device.vendor, device.model) if p and not p.startswith("0x"))
    if not name:
        name = {
            "stick": translate("Services", "Removable disk"),
            "optical": translate("Services", "CD/DVD drive"),
        }.get(device.kind, translate("Services", "Disk"))
    facts = [format_size(device.size) if device.size else translate("Services", "no medium")]
    if device.transport:
        facts.append(device.transport.upper())
    return f"{name} ({', '.join(facts)})"


def device_label(device: BlockDevice) -> str:
    """BlockDevice.label ("/dev/sdb — SanDisk Ultra (14.3 GiB, USB)") in the user's language."""
    return f"{device.path} — {_description(device)}"


def _drive(device: BlockDevice) -> HostDrive:
    note = f" ({core_text(device.note)})" if device.usable and device.note else ""
    return HostDrive(
        path=device.path,
        label=f"{device_label(device)}{note}",
        usable=device.usable,
        problem=core_text(device.why_not),
    )


async def scan_drives() -> DriveScan:
    """The optical drives and removable disks lsblk reports (via the runtime)."""
    try:
        scan = await probe_block_devices()
    except ProbeError as exc:
        return DriveScan([], [], core_text(exc.message))
    return DriveScan([_drive(d) for d in scan.optical], [_drive(d) for d in scan.sticks])
