"""The UI's door to the runtime's image jobs and device detection.

Thin adapters: they call the runtime's coroutines and turn their results into the few plain
values the wizard and the details window show. Nothing here blocks: every call is awaited on
the qasync loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kvmgui.core.model import DiskFormat
from kvmgui.ui.i18n import tr

log = logging.getLogger(__name__)
_CTX = "Services"

ProgressCallback = Callable[[float], None]  # 0.0 .. 1.0

_EXTENSIONS: dict[str, DiskFormat] = {
    ".qcow2": DiskFormat.QCOW2,
    ".qcow": DiskFormat.QCOW2,
    ".img": DiskFormat.RAW,
    ".raw": DiskFormat.RAW,
    ".iso": DiskFormat.RAW,
    ".vmdk": DiskFormat.VMDK,
    ".vdi": DiskFormat.VDI,
    ".vhdx": DiskFormat.VHDX,
}


class ServiceError(Exception):
    """A failed job; `message` is one sentence, `details` the raw text (e.g. stderr)."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


@dataclass(frozen=True)
class ImageFacts:
    format: DiskFormat | None
    virtual_size: int | None = None
    note: str = ""  # a sentence for the user (e.g. "detected from the file name")


def _message_of(exc: BaseException) -> tuple[str, str]:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    details = getattr(exc, "details", None) or getattr(exc, "stderr", None) or ""
    return str(message), str(details)


async def inspect_image(path: Path, qemu_img: str = "qemu-img") -> ImageFacts:
    """The format (and size) of an existing image, asked of qemu-img when possible."""
    try:
        from kvmgui.runtime.images import image_info
    except ImportError:
        image_info = None  # type: ignore[assignment]
    if image_info is not None:
        try:
            info: Any = await image_info(path, qemu_img=qemu_img)
        except TypeError:
            info = await image_info(path)
        except Exception as exc:
            message, details = _message_of(exc)
            raise ServiceError(message, details) from exc
        fmt_text = str(getattr(info, "format", "") or "")
        try:
            fmt: DiskFormat | None = DiskFormat(fmt_text)
        except ValueError:
            raise ServiceError(
                tr(_CTX, "{0} is a '{1}' image, which kvmgui cannot use directly: convert it "
                         "to qcow2 first.").format(path, fmt_text)
            ) from None
        size = getattr(info, "virtual_size", None)
        return ImageFacts(fmt, int(size) if isinstance(size, int) else None,
                          tr(_CTX, "Format detected by qemu-img."))
    guessed = _EXTENSIONS.get(path.suffix.lower())
    return ImageFacts(guessed, None, tr(_CTX, "Format guessed from the file name."))


async def create_disk(
    path: Path,
    fmt: DiskFormat,
    size_bytes: int,
    *,
    qemu_img: str = "qemu-img",
    progress: ProgressCallback | None = None,
) -> None:
    """Create a new, empty disk image; raises ServiceError with a sentence and details."""
    from kvmgui.runtime import images

    create: Any = images.create_image
    if progress is not None:
        progress(0.0)
    try:
        try:
            result = await create(path, fmt.value, size_bytes, qemu_img=qemu_img,
                                  progress=progress)
        except TypeError:
            result = await create(path, fmt.value, size_bytes, qemu_img=qemu_img)
    except Exception as exc:
        message, details = _message_of(exc)
        raise ServiceError(message, details) from exc
    # Some job APIs report failure as an outcome instead of raising.
    if result is not None and getattr(result, "ok", True) is False:
        raise ServiceError(str(getattr(result, "message", "")) or
                           tr(_CTX, "The disk image could not be created."),
                           str(getattr(result, "details", "")))
    if progress is not None:
        progress(1.0)


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


def _drive_from(obj: Any) -> HostDrive:
    path = str(getattr(obj, "path", "") or getattr(obj, "name", ""))
    label = str(getattr(obj, "label", "") or getattr(obj, "description", "") or path)
    if label != path and not label.startswith(path):
        label = f"{path} — {label}"
    problem = str(getattr(obj, "problem", "") or getattr(obj, "warning", "") or "")
    usable = bool(getattr(obj, "usable", not problem))
    return HostDrive(path=path, label=label, usable=usable, problem=problem)


async def scan_drives() -> DriveScan:
    """The optical drives and removable disks lsblk reports (via the runtime)."""
    try:
        from kvmgui.runtime import blockdev_probe
    except ImportError:
        return DriveScan([], [], "")
    try:
        probe: Any = getattr(blockdev_probe, "probe_block_devices", None) or getattr(
            blockdev_probe, "scan", None
        )
        if probe is None:
            return DriveScan([], [])
        result: Any = await probe()
    except Exception as exc:
        message, _details = _message_of(exc)
        return DriveScan([], [], message)
    optical = getattr(result, "optical", None)
    sticks = getattr(result, "sticks", None) or getattr(result, "usb", None)
    if optical is None and sticks is None and isinstance(result, list | tuple):
        optical = [d for d in result if getattr(d, "kind", "") in ("rom", "optical")]
        sticks = [d for d in result if getattr(d, "kind", "") not in ("rom", "optical")]
    return DriveScan([_drive_from(d) for d in optical or []],
                     [_drive_from(d) for d in sticks or []])
