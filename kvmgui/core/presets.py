"""Per-OS defaults: what works out of the box for each kind of guest.

Taken from what quickemu and virt-manager agree on: modern Linux
gets virtio everything on q35; Windows gets SATA + e1000 until the virtio drivers are in, plus
local-time RTC (and UEFI + TPM for Windows 11); old or unpopular systems get the conservative
i440fx PC with IDE and an rtl8139 or e1000, which is why the wiki recommends KVM for them.
Explicit choices made by the user always override these (see `new_spec`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template
from kvmgui.core.model import (
    DiskBus,
    Display,
    Firmware,
    MachineType,
    Network,
    NicModel,
    OsPreset,
    VideoModel,
    VmSpec,
)


@dataclass(frozen=True)
class PresetDefaults:
    label: str  # the OS family as the wizard lists it
    memory_mib: int
    cpus: int
    disk_gib: int
    machine: MachineType
    firmware: Firmware
    tpm: bool
    disk_bus: DiskBus
    nic: NicModel
    video: VideoModel
    sound: bool
    usb_tablet: bool
    rtc_localtime: bool
    why: str  # one sentence shown in the wizard: the reason for these choices


def _preset(label: Template, why: Template, memory_mib: int, cpus: int, disk_gib: int, *,
            machine: MachineType = MachineType.Q35, firmware: Firmware = Firmware.BIOS,
            tpm: bool = False, disk_bus: DiskBus = DiskBus.VIRTIO, nic: NicModel = NicModel.VIRTIO,
            sound: bool = True, usb_tablet: bool = True,
            rtc_localtime: bool = False) -> PresetDefaults:
    """One row of PRESETS, naming only what differs from virtio everything on q35 (the modern
    Linux guest); every preset gets the standard VGA."""
    return PresetDefaults(
        label=Message(label), memory_mib=memory_mib, cpus=cpus, disk_gib=disk_gib,
        machine=machine, firmware=firmware, tpm=tpm, disk_bus=disk_bus, nic=nic,
        video=VideoModel.STD, sound=sound, usb_tablet=usb_tablet, rtc_localtime=rtc_localtime,
        why=Message(why),
    )


# The label, the reason, memory (MiB), CPUs and disk size (GiB), then what differs.
PRESETS: dict[OsPreset, PresetDefaults] = {
    OsPreset.LINUX: _preset(QT_TRANSLATE_NOOP("core.presets", "Linux (Ubuntu, Debian, Fedora…)"),
        QT_TRANSLATE_NOOP("core.presets", "Modern Linux has virtio drivers built in: the fastest "
                          "disk and network."),
        2048, 2, 20),
    OsPreset.WINDOWS11: _preset(QT_TRANSLATE_NOOP("core.presets", "Windows 11"),
        QT_TRANSLATE_NOOP("core.presets", "Windows 11 needs UEFI and a TPM; SATA and e1000 work "
                          "without extra drivers."),
        4096, 2, 64, firmware=Firmware.UEFI, tpm=True, disk_bus=DiskBus.SATA, nic=NicModel.E1000,
        rtc_localtime=True),
    OsPreset.WINDOWS10: _preset(QT_TRANSLATE_NOOP("core.presets", "Windows 10"),
        QT_TRANSLATE_NOOP("core.presets", "SATA and e1000 work with Windows' own drivers; add "
                          "virtio drivers later for speed."),
        4096, 2, 50, disk_bus=DiskBus.SATA, nic=NicModel.E1000, rtc_localtime=True),
    OsPreset.WINDOWS_OLD: _preset(QT_TRANSLATE_NOOP("core.presets", "Older Windows (XP, 7)"),
        QT_TRANSLATE_NOOP("core.presets", "Old Windows only knows IDE disks and the RTL8139 "
                          "network card of a classic PC."),
        1024, 1, 20, machine=MachineType.PC, disk_bus=DiskBus.IDE, nic=NicModel.RTL8139,
        rtc_localtime=True),
    OsPreset.BSD: _preset(QT_TRANSLATE_NOOP("core.presets", "BSD (FreeBSD, OpenBSD…)"),
        QT_TRANSLATE_NOOP("core.presets", "BSDs have virtio drivers; the USB tablet makes some "
                          "FreeBSD releases spin the CPU."),
        1024, 2, 20, sound=False, usb_tablet=False),
    OsPreset.OTHER: _preset(QT_TRANSLATE_NOOP("core.presets", "Other or older system"),
        QT_TRANSLATE_NOOP("core.presets", "A classic PC with IDE and e1000: what almost every "
                          "operating system can drive."),
        512, 1, 10, machine=MachineType.PC, disk_bus=DiskBus.IDE, nic=NicModel.E1000,
        usb_tablet=False),
}


def disk_bus_for(os: OsPreset, machine: MachineType, virtio: bool | None = None) -> DiskBus:
    """The bus of a new VM's disks: the preset's for `os` (virtio None), virtio when asked for,
    else the preset's own bus when that is not virtio."""
    if virtio:
        return DiskBus.VIRTIO
    preset = PRESETS[os].disk_bus
    if virtio is None or preset is not DiskBus.VIRTIO:
        return preset
    # Without virtio, the bus every guest can drive: IDE on the classic PC, SATA (AHCI) on q35.
    return DiskBus.IDE if machine is MachineType.PC else DiskBus.SATA


def nic_for(os: OsPreset, virtio: bool | None = None) -> NicModel:
    """The network card of a new VM: the preset's for `os` (virtio None), virtio when asked
    for, else the preset's own card (the e1000 every guest drives, when that is virtio)."""
    if virtio:
        return NicModel.VIRTIO
    preset = PRESETS[os].nic
    if virtio is None or preset is not NicModel.VIRTIO:
        return preset
    return NicModel.E1000


def new_vm_id() -> str:
    import uuid  # not at import: the main window's first paint needs the presets, not ids

    return uuid.uuid4().hex


def new_spec(name: str, os: OsPreset = OsPreset.LINUX, **overrides: Any) -> VmSpec:
    """A spec with the preset's defaults for `os`; keyword overrides win over the preset."""
    p = PRESETS[os]
    spec = VmSpec(
        name=name,
        id=new_vm_id(),
        os=os,
        memory_mib=p.memory_mib,
        cpus=p.cpus,
        machine=p.machine,
        firmware=p.firmware,
        tpm=p.tpm,
        network=Network(nic=p.nic),
        sound=p.sound,
        usb=p.usb_tablet,
        display=Display(video=p.video),
        rtc_localtime=p.rtc_localtime,
    )
    return replace(spec, **overrides) if overrides else spec
