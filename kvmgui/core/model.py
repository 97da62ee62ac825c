"""The VM specification: what a virtual machine *is*, independent of whether it runs.

Plain frozen dataclasses and the string enums of core.choices (re-exported here: they are
part of the model's names), so a spec can be compared, copied with
`dataclasses.replace`, turned into JSON by `core.definition` and into an argv by
`core.argv`. Nothing here touches the disk or knows about Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kvmgui.core.choices import (
    Accel as Accel,
    BootDevice as BootDevice,
    CacheMode as CacheMode,
    CdromSource as CdromSource,
    DiskBus as DiskBus,
    DiskFormat as DiskFormat,
    DisplayKind as DisplayKind,
    Firmware as Firmware,
    KeyboardLayout as KeyboardLayout,
    MachineType as MachineType,
    NetMode as NetMode,
    NicModel as NicModel,
    OsPreset as OsPreset,
    Protocol as Protocol,
    VideoModel as VideoModel,
)

# What `VmSpec.id` and `VmSpec.machine_version` may hold: the id names the VM's runtime folder
# and the machine version goes on QEMU's command line, so both must stay plain tokens. Loading
# a definition (core.definition) and validating a spec (core.validation) check the same rules.
VM_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
MACHINE_VERSION_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


@dataclass(frozen=True)
class Disk:
    """A hard disk image (or block device) attached to the guest.

    `path` is absolute, or relative to the VM's folder. `size_bytes` is the size to create the
    image with when it does not exist yet (None: the image must already exist). `throwaway`
    means guest writes go to a temporary overlay and vanish at power-off (`snapshot=on`).
    """

    path: str
    format: DiskFormat = DiskFormat.QCOW2
    bus: DiskBus = DiskBus.VIRTIO
    cache: CacheMode = CacheMode.WRITEBACK
    readonly: bool = False
    throwaway: bool = False
    size_bytes: int | None = None
    backing_file: str | None = None
    backing_format: DiskFormat | None = None


@dataclass(frozen=True)
class Cdrom:
    source: CdromSource = CdromSource.EMPTY
    path: str | None = None  # the ISO file or the host device; None for an empty tray


@dataclass(frozen=True)
class PortForward:
    host_port: int
    guest_port: int
    protocol: Protocol = Protocol.TCP


@dataclass(frozen=True)
class Passthrough:
    """A USB stick or other host block device (or an image standing in for one) given to the guest.

    `protected` (the default) means guest writes never reach it: QEMU opens it read-only or
    with a throwaway overlay, see core.argv.
    """

    path: str
    protected: bool = True


@dataclass(frozen=True)
class Share:
    """A host folder the guest sees (core.shares decides how: virtio-fs, 9p or SMB).

    `path` is absolute. `tag` is the name the guest mounts it by (letters, digits, '-', '_'),
    unique within the VM and kept in the definition so the guest's mount line keeps working.
    """

    path: str
    tag: str
    read_only: bool = False


@dataclass(frozen=True)
class UsbDeviceId:
    """A USB device of the host given to the guest, known by its vendor and product ids (four
    lowercase hex digits each, as lsusb shows them): the choice follows the device to whichever
    port it is plugged into, and QEMU attaches it whenever it appears."""

    vendor: str
    product: str

    def __str__(self) -> str:
        return f"{self.vendor}:{self.product}"


@dataclass(frozen=True)
class Network:
    mode: NetMode = NetMode.USER
    nic: NicModel = NicModel.VIRTIO
    forwards: tuple[PortForward, ...] = ()


@dataclass(frozen=True)
class Display:
    kind: DisplayKind = DisplayKind.VNC
    video: VideoModel = VideoModel.STD
    password: bool = False  # ask QEMU for VNC authentication (the password is set over QMP)


@dataclass(frozen=True)
class VmSpec:
    """Everything needed to build a QEMU command line for one VM."""

    name: str
    id: str
    os: OsPreset = OsPreset.LINUX
    memory_mib: int = 2048
    cpus: int = 2
    accel: Accel = Accel.AUTO
    machine: MachineType = MachineType.Q35
    # The versioned machine type pinned at creation (e.g. "pc-q35-7.2"): snapshots and
    # Windows activation need the virtual hardware to stay the same across QEMU upgrades.
    machine_version: str | None = None
    firmware: Firmware = Firmware.BIOS
    tpm: bool = False
    disks: tuple[Disk, ...] = ()
    cdrom: Cdrom | None = None
    usb_stick: Passthrough | None = None
    shares: tuple[Share, ...] = ()
    # The order the user chose; it is the order once the system is installed.
    boot_order: tuple[BootDevice, ...] = (BootDevice.DISK, BootDevice.CDROM)
    # The install phase of a new VM made from an install medium with a fresh, empty disk: the
    # CD/DVD boots first (an empty disk first makes the firmware print "Boot failed: not a
    # bootable disk") until the disk holds a system; see core.boot.
    install_phase: bool = False
    network: Network = field(default_factory=Network)
    sound: bool = True
    usb: bool = True  # a USB 3 controller plus a tablet (absolute pointer: no mouse grab)
    # Host USB devices passed through (core.usb_host); they need the controller `usb` brings.
    usb_devices: tuple[UsbDeviceId, ...] = ()
    display: Display = field(default_factory=Display)
    # Share the text clipboard with the guest's SPICE agent (spice-vdagent). Off unless the
    # user turns it on: a guest must not read what the host copied without being asked.
    clipboard: bool = False
    rtc_localtime: bool = False  # Windows keeps the hardware clock in local time
    keyboard_layout: KeyboardLayout = KeyboardLayout.EN_US
    extra_args: tuple[str, ...] = ()
    description: str = ""
