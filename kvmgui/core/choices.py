"""The named choices a VM is made of (its OS kind, disk bus, display…): string enums, stored
by their values in vm.json and the settings.

Apart from the dataclasses of core.model (which imports them from here): the settings and
the VM list need the choices before the main window's first paint, the specs not yet.
"""

from __future__ import annotations

from enum import StrEnum


class OsPreset(StrEnum):
    """The kind of guest: it picks defaults (disk bus, NIC, machine, firmware)."""

    LINUX = "linux"
    WINDOWS11 = "windows11"
    WINDOWS10 = "windows10"
    WINDOWS_OLD = "windows-old"
    BSD = "bsd"
    OTHER = "other"


class Accel(StrEnum):
    """`auto` means KVM when the host can really use it, TCG otherwise (see core.hostcheck)."""

    AUTO = "auto"
    KVM = "kvm"
    TCG = "tcg"


class MachineType(StrEnum):
    Q35 = "q35"
    PC = "pc"


class Firmware(StrEnum):
    BIOS = "bios"
    UEFI = "uefi"


class DiskBus(StrEnum):
    VIRTIO = "virtio"
    SATA = "sata"
    IDE = "ide"
    USB = "usb"


class DiskFormat(StrEnum):
    QCOW2 = "qcow2"
    RAW = "raw"
    VMDK = "vmdk"
    VDI = "vdi"
    VHDX = "vhdx"


class CacheMode(StrEnum):
    WRITEBACK = "writeback"
    NONE = "none"
    WRITETHROUGH = "writethrough"
    DIRECTSYNC = "directsync"
    UNSAFE = "unsafe"


class CdromSource(StrEnum):
    EMPTY = "empty"  # a drive with an open, empty tray: media can be inserted later
    ISO = "iso"  # an image file
    HOST = "host"  # a physical drive such as /dev/sr0 (the /dev/cdrom link is resolved)


class BootDevice(StrEnum):
    CDROM = "cdrom"
    DISK = "disk"
    USB = "usb"


class NetMode(StrEnum):
    USER = "user"  # QEMU's user-mode NAT: works without root, guest reaches the internet
    NONE = "none"


class NicModel(StrEnum):
    VIRTIO = "virtio"
    E1000 = "e1000"
    RTL8139 = "rtl8139"


class DisplayKind(StrEnum):
    VNC = "vnc"
    SPICE = "spice"
    NONE = "none"


class VideoModel(StrEnum):
    STD = "std"
    VIRTIO = "virtio"
    QXL = "qxl"
    CIRRUS = "cirrus"


class KeyboardLayout(StrEnum):
    """The keyboard layout the guest's system is set to (QEMU's keymap names): which keys
    typing a text needs (core.keyboard). It changes nothing on the QEMU command line."""

    EN_US = "en-us"
    FR = "fr"
    DE = "de"


class Protocol(StrEnum):
    TCP = "tcp"
    UDP = "udp"
