"""Restore a backup (the wiki's clonezilla recipe) into a new VM.

The VM boots a rescue ISO (Clonezilla, …) with a new, empty disk to restore onto and the disk
holding the backup attached as an extra USB disk. The backup disk is protected (QEMU's
snapshot=on): restoring only reads it, and nothing the rescue system does can damage it.

The wiki's warning: the new disk must be at least as large as the disk the backup was taken
from, or the restore fails (Clonezilla refuses a smaller target).
"""

from __future__ import annotations

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import (
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DiskFormat,
    OsPreset,
    Passthrough,
    VmSpec,
)
from kvmgui.core.presets import PRESETS, new_spec
from kvmgui.core.sizes import Size

DEFAULT_MEMORY_MIB = 1024
RESTORED_DISK = "disk.qcow2"


def size_problem(disk_bytes: int, source_bytes: int | None) -> str:
    """Why a new disk of `disk_bytes` cannot take a backup of a `source_bytes` disk, or ""."""
    if source_bytes is None or disk_bytes >= source_bytes:
        return ""
    return Message(QT_TRANSLATE_NOOP(
        "runtime.restore",
        "The new disk ({size}) is smaller than the disk the backup was made from ({source}): a "
        "backup can only be restored onto a disk at least as large as the original. Make the "
        "new disk at least {source}."), size=Size(disk_bytes), source=Size(source_bytes))


def restore_spec(name: str, *, rescue_iso: str, backup: str, disk_bytes: int,
                 memory_mib: int = DEFAULT_MEMORY_MIB,
                 os_preset: OsPreset = OsPreset.LINUX) -> VmSpec:
    """Rescue ISO first in the boot order, the new empty qcow2 disk, the protected backup."""
    return new_spec(
        name, os_preset, memory_mib=memory_mib,
        disks=(Disk(RESTORED_DISK, DiskFormat.QCOW2, bus=PRESETS[os_preset].disk_bus,
                    size_bytes=disk_bytes),),
        cdrom=Cdrom(CdromSource.ISO, rescue_iso),
        usb_stick=Passthrough(backup, protected=True),
        boot_order=(BootDevice.CDROM, BootDevice.DISK),
        description=Message(QT_TRANSLATE_NOOP(
            "runtime.restore", "Restores the backup on {backup} with the rescue system {iso}."),
            backup=backup, iso=rescue_iso.rsplit("/", 1)[-1]),
    )
