"""Which device a VM starts from, including the install phase of a new VM.

A new VM made from an install medium (an ISO image or a host CD/DVD drive) with a fresh, empty
disk starts in its *install phase*. With the disk first, the firmware would print "Booting from
Hard Disk… Boot failed: not a bootable disk" before it tries the CD, which looks like an error
to a novice; with the CD first for good, the installed system's first reboot would start the
installer again. So, like virt-manager's installer (one boot configuration for the install,
the final one after), `spec.boot_order` stays the final order and the install phase only moves
the CD/DVD to the front:

- QEMU starts with the CD/DVD first (`bootindex` on the devices, see core.argv_storage);
- right after the launch, before the guest runs, the runtime sets the devices' bootindex to
  the final order over QMP: QEMU hands the firmware a new boot order at every machine reset,
  so the installer's reboot (or Windows Setup's reboots) start from the disk in the same run,
  while the first boot keeps the CD/DVD;
- the phase ends, in the definition, at the first start that finds a boot record on a disk
  (the installer partitioned it), or when the user chooses a boot order. Killing QEMU or
  restarting the app mid-install changes nothing: the empty disk still has no boot record.

Everything here is pure; the runtime reads the disk's first sector and saves the definition.
"""

from __future__ import annotations

from dataclasses import replace

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import BootDevice, CdromSource, VmSpec

SECTOR_BYTES = 512
BOOT_SIGNATURE = b"\x55\xaa"  # last two bytes of an MBR, also of GPT's protective MBR


def has_install_medium(spec: VmSpec) -> bool:
    """A disc image or a host drive is in the CD/DVD drive (not an empty tray)."""
    cd = spec.cdrom
    return cd is not None and cd.source in (CdromSource.ISO, CdromSource.HOST) and bool(cd.path)


def starts_in_install_phase(spec: VmSpec) -> bool:
    """Whether a new VM with this spec should begin in the install phase.

    It must have an install medium and only disks that kvmgui creates empty (a size to create
    them with, no base image), and boot from its disk once installed. A VM made from an
    existing image, or whose boot order puts something else first, keeps its order.
    """
    return (
        has_install_medium(spec)
        and bool(spec.disks)
        and all(d.size_bytes is not None and d.backing_file is None for d in spec.disks)
        and bool(spec.boot_order)
        and spec.boot_order[0] is BootDevice.DISK
    )


def with_install_phase(spec: VmSpec) -> VmSpec:
    """`spec` for a VM being created: in the install phase when it qualifies (see above)."""
    return replace(spec, install_phase=starts_in_install_phase(spec))


def end_install_phase(spec: VmSpec) -> VmSpec:
    return replace(spec, install_phase=False) if spec.install_phase else spec


def choose_boot_order(spec: VmSpec, order: tuple[BootDevice, ...]) -> VmSpec:
    """The user's own boot order: it replaces the install phase's."""
    return replace(spec, boot_order=order, install_phase=False)


def installing(spec: VmSpec) -> bool:
    """The install phase is in effect: on, with a medium in the drive to install from.

    With the tray empty the CD is not put first, so the firmware never reports an empty drive.
    """
    return spec.install_phase and has_install_medium(spec)


def effective_boot_order(spec: VmSpec) -> tuple[BootDevice, ...]:
    """The order QEMU starts with: the CD/DVD first while installing, else `boot_order`."""
    if not installing(spec):
        return spec.boot_order
    return (BootDevice.CDROM, *(d for d in spec.boot_order if d is not BootDevice.CDROM))


def has_boot_record(first_sector: bytes) -> bool:
    """The disk's first sector ends in the boot signature: the disk was partitioned or made
    bootable (an MBR, or GPT's protective MBR, which UEFI installers write)."""
    return (
        len(first_sector) >= SECTOR_BYTES
        and first_sector[SECTOR_BYTES - 2:SECTOR_BYTES] == BOOT_SIGNATURE
    )


def boot_summary(spec: VmSpec) -> str:
    """One sentence saying where the VM starts from, for `kvmgui-cli show` and the Hardware
    page (which translates it). Devices not listed first are tried after it."""
    if installing(spec):
        return (Message(
            QT_TRANSLATE_NOOP(
                "core.boot",
                "It starts from the CD/DVD for the installation, then from the disk once the "
                "system is installed.",
            ),
        ))
    present = {
        BootDevice.DISK: bool(spec.disks),
        BootDevice.CDROM: spec.cdrom is not None,
        BootDevice.USB: spec.usb_stick is not None,
    }
    first = next((d for d in spec.boot_order if present[d]), None)
    if first is BootDevice.DISK:
        return Message(QT_TRANSLATE_NOOP("core.boot", "It starts from the disk first."))
    if first is BootDevice.CDROM:
        return Message(QT_TRANSLATE_NOOP("core.boot", "It starts from the CD/DVD first."))
    if first is BootDevice.USB:
        return Message(QT_TRANSLATE_NOOP("core.boot", "It starts from the USB stick first."))
    return Message(
        QT_TRANSLATE_NOOP("core.boot", "It has no disk, CD/DVD or USB stick listed to start from."),
    )


def first_sector_argv(qemu_img: str, image: str, fmt: str, out: str) -> list[str]:
    """qemu-img copying the guest-visible first sector of `image` (format `fmt`, given so it is
    never probed) into the new raw file `out`."""
    return [qemu_img, "dd", "-f", fmt, "-O", "raw", f"bs={SECTOR_BYTES}", "count=1",
            f"if={image}", f"of={out}"]
