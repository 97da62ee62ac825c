"""What kind of file a would-be install medium is, from its first bytes alone.

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

from enum import StrEnum

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
