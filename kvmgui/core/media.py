"""What kind of file a would-be install medium is, from its first bytes alone; and whether a
path can be a medium (ISO, disk, stick) at all, from its type alone (file_kind_problem).

Pure: the caller reads the first HEAD_BYTES of the file (kvmgui.runtime.medium reads them off
the UI thread) and `classify` names what they are. The magics:

- ISO 9660: "CD001" at 0x8001 (the primary volume descriptor, sector 16 of 2048 bytes).
- UDF: the volume recognition sequence in sectors 16-18 ("BEA01", then "NSR02" or "NSR03";
  a UDF/ISO bridge disc has "CD001" first). Checked at 0x8001, 0x8801 and 0x9001.
- A raw disk image: the MBR boot signature 0x55 0xAA at offset 510 (GPT disks keep a
  protective MBR there too). Hybrid ISOs (most Linux images) carry both; ISO wins.
- qcow2 "QFI\\xfb", VMDK "KDMV" or a "# Disk DescriptorFile" text, VDI's 0xbeda107f at 0x40,
  VHDX "vhdxfile", VHD "conectix": disk images of other programs, which a CD drive would read
  as raw bytes and could never boot.
"""

from __future__ import annotations

import os
import stat
from enum import StrEnum
from pathlib import Path

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message

# Files of the running kernel: they look like regular files (or block devices in /sys) but
# are generated on each read, some endless, some with side effects.
PSEUDO_FS_ROOTS = ("/proc", "/sys")

SECTOR = 2048
# Enough for the volume descriptors in sectors 16, 17 and 18.
HEAD_BYTES = 0x9800

_VRS_OFFSETS = (0x8001, 0x8801, 0x9001)
_UDF_IDS = (b"BEA01", b"NSR02", b"NSR03")


class MediumKind(StrEnum):
    ISO9660 = "iso9660"
    UDF = "udf"
    RAW_DISK = "raw-disk"  # a raw image with a boot sector (MBR or GPT's protective MBR)
    QCOW2 = "qcow2"
    VMDK = "vmdk"
    VDI = "vdi"
    VHDX = "vhdx"
    VHD = "vhd"
    EMPTY = "empty"
    UNKNOWN = "unknown"


# Disk images of another format: they belong in a disk slot, never in the CD drive.
DISK_IMAGE_KINDS = frozenset(
    {MediumKind.QCOW2, MediumKind.VMDK, MediumKind.VDI, MediumKind.VHDX, MediumKind.VHD}
)
# What the VM can boot from its CD drive (a raw disk image boots as a hybrid image does).
BOOTABLE_MEDIUM_KINDS = frozenset({MediumKind.ISO9660, MediumKind.UDF, MediumKind.RAW_DISK})


def _at(head: bytes, offset: int, magic: bytes) -> bool:
    return head[offset : offset + len(magic)] == magic


def classify(head: bytes) -> MediumKind:
    """The kind of image whose first bytes are `head` (at least HEAD_BYTES of them when the
    file is that long; a shorter `head` is a shorter file)."""
    if not head:
        return MediumKind.EMPTY
    if _at(head, 0x8001, b"CD001"):
        return MediumKind.ISO9660
    if any(_at(head, off, magic) for off in _VRS_OFFSETS for magic in _UDF_IDS):
        return MediumKind.UDF
    if _at(head, 0, b"QFI\xfb"):
        return MediumKind.QCOW2
    if _at(head, 0, b"KDMV") or _at(head, 0, b"# Disk DescriptorFile"):
        return MediumKind.VMDK
    if _at(head, 0x40, b"\x7f\x10\xda\xbe"):
        return MediumKind.VDI
    if _at(head, 0, b"vhdxfile"):
        return MediumKind.VHDX
    if _at(head, 0, b"conectix"):
        return MediumKind.VHD
    if _at(head, 510, b"\x55\xaa"):
        return MediumKind.RAW_DISK
    return MediumKind.UNKNOWN


def _kind_of_mode(mode: int) -> str | None:
    """What a file that is no image is, in words; None for a regular file or block device."""
    if stat.S_ISREG(mode) or stat.S_ISBLK(mode):
        return None
    if stat.S_ISDIR(mode):
        return Message(QT_TRANSLATE_NOOP("core.media", "a folder"))
    if stat.S_ISFIFO(mode):
        return Message(QT_TRANSLATE_NOOP("core.media", "a named pipe (FIFO)"))
    if stat.S_ISCHR(mode):
        return Message(
            QT_TRANSLATE_NOOP("core.media", "a character device (like /dev/zero or /dev/kvm)"),
        )
    if stat.S_ISSOCK(mode):
        return Message(QT_TRANSLATE_NOOP("core.media", "a socket"))
    return Message(QT_TRANSLATE_NOOP("core.media", "a special file"))


def file_kind_problem(path: str | os.PathLike[str], what: str) -> str | None:
    """Why `path` cannot be a `what` (an ISO file, a disk image, a USB stick…) by its type
    alone, as one sentence; None when it is a regular file or a block device, or does not
    exist (whether it exists is the caller's question, with its own sentence).

    Only stat() is used, never open(): opening a FIFO waits for a writer, and reading
    /dev/zero or a /proc file never ends or has side effects. Files under /proc and /sys are
    refused whatever their type, by the path they resolve to.
    """
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except OSError:
        return None
    shown_path = "".join(ch if ch.isprintable() else "?" for ch in str(p))[:200]
    real = os.path.realpath(p)
    kind: str | None = _kind_of_mode(mode)
    if any(real == root or real.startswith(root + "/") for root in PSEUDO_FS_ROOTS):
        kind = Message(
            QT_TRANSLATE_NOOP("core.media", "a file of the running system (under /proc or /sys)"),
        )
    if kind is None:
        return None
    return (Message(
        QT_TRANSLATE_NOOP(
            "core.media",
            "{shown_path} is {kind}, which cannot serve as the {what}: pick an image file or a "
            "device such as /dev/sdb.",
        ),
        shown_path=shown_path,
        kind=kind,
        what=what,
    ))
