"""Fixture VMs for the argv golden files, and the fixed host/QEMU they are built against.

Each fixture is a complete VmSpec with a fixed id, so its command line never changes unless
the builder does. Paths live under a fake folder (/vms/<name>, /isos, /dev/sdb): the golden
tests never touch them; test_argv_qemu_accepts.py rebuilds each fixture with real files.

The QEMU capabilities come from the real 7.2 help texts saved under tests/core/data, so the
goldens do not depend on the machine running the tests.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from kvmgui.core.boot import with_install_phase
from kvmgui.core.host import HostFacts
from kvmgui.core.model import (
    Accel,
    BootDevice,
    CacheMode,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    Display,
    DisplayKind,
    Firmware,
    MachineType,
    NetMode,
    Network,
    NicModel,
    OsPreset,
    Passthrough,
    PortForward,
    Protocol,
    Share,
    UsbDeviceId,
    VideoModel,
    VmSpec,
)
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.presets import new_spec
from kvmgui.core.qemu_caps import (
    QemuCaps,
    parse_audiodev_help,
    parse_device_help,
    parse_machine_help,
    parse_version,
)

DATA = Path(__file__).parent / "data"
GOLDEN_DIR = Path(__file__).parent / "golden"
VM_ROOT = Path("/vms")
RUNTIME_ROOT = Path("/run/user/1000/kvmgui")
_ID_NAMESPACE = uuid.UUID("6b766d67-7569-4172-8776-000000000000")


def load_caps(prefix: str = "qemu-7.2") -> QemuCaps:
    """QemuCaps from help texts saved as <prefix>-{version,machine-help,device-help,…}.txt."""

    def read(kind: str) -> str:
        return (DATA / f"{prefix}-{kind}.txt").read_text()

    machines, aliases = parse_machine_help(read("machine-help"))
    return QemuCaps(
        version=parse_version(read("version")),
        devices=parse_device_help(read("device-help")),
        audio_drivers=parse_audiodev_help(read("audiodev-help")),
        machine_aliases=aliases,
        machines=machines,
        version_text=read("version").splitlines()[0],
    )


GOLDEN_CAPS = load_caps()

# This machine's situation: KVM not usable, a PulseAudio session, Debian's OVMF and swtpm.
GOLDEN_HOST = HostFacts(
    kvm_usable=False,
    kvm_reason="This CPU has no hardware virtualisation (vmx/svm).",
    cpu_count=4,
    memory_mib=8192,
    available_memory_mib=6144,
    audio_driver="pa",
    ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.fd",
    ovmf_vars_template="/usr/share/OVMF/OVMF_VARS_4M.fd",
    swtpm="/usr/bin/swtpm",
    kvm_cpu_model="host",
)
# A desktop with working KVM and PipeWire (which QEMU 7.2 cannot use: sound falls back).
KVM_HOST = replace(GOLDEN_HOST, kvm_usable=True, kvm_reason="", audio_driver="pipewire")
# Windows 11 wants Secure Boot: the Microsoft-keys OVMF pair (needs SMM on q35).
SECURE_BOOT_HOST = replace(
    GOLDEN_HOST,
    ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.ms.fd",
    ovmf_vars_template="/usr/share/OVMF/OVMF_VARS_4M.ms.fd",
)


# Shared folders: QEMU 7.2's C virtiofsd (as root), and Samba for a Windows guest's share.
SHARING_HOST = replace(GOLDEN_HOST, virtiofsd="/usr/lib/qemu/virtiofsd", virtiofsd_legacy=True,
                       smbd="/usr/sbin/smbd")


def fixed_id(name: str) -> str:
    return uuid.uuid5(_ID_NAMESPACE, name).hex


@dataclass(frozen=True)
class Fixture:
    name: str  # also the golden file's stem
    spec: VmSpec
    why: str  # which situation (wiki command line, trap) it covers
    host: HostFacts = GOLDEN_HOST
    caps: QemuCaps = field(default=GOLDEN_CAPS, repr=False)

    @property
    def folder(self) -> VmFolder:
        return VmFolder(VM_ROOT / self.spec.name)

    @property
    def run(self) -> VmRuntimePaths:
        return VmRuntimePaths(RUNTIME_ROOT / self.spec.id[:12])

    @property
    def golden_file(self) -> Path:
        return GOLDEN_DIR / f"{self.name}.argv"


def _spec(name: str, os: OsPreset = OsPreset.LINUX, **overrides: object) -> VmSpec:
    return new_spec(name, os, **{"id": fixed_id(name), **overrides})


def _fixtures() -> list[Fixture]:
    iso = Cdrom(CdromSource.ISO, "/isos/debian-12.5.0-amd64-netinst.iso")
    return [
        Fixture(
            "new-vm-install",
            with_install_phase(
                _spec(
                    "Debian",
                    disks=(Disk("disk.qcow2", size_bytes=20 << 30),),
                    cdrom=iso,
                    boot_order=(BootDevice.DISK, BootDevice.CDROM),
                )
            ),
            "A new VM from the wizard (ISO + new empty disk): in its install phase the CD gets "
            "bootindex 1 although the final order (after the installation) is the disk first.",
        ),
        Fixture(
            "wiki-cd-install",
            _spec(
                "Ubuntu install",
                memory_mib=256,
                cpus=1,
                disks=(Disk("disk.img", format=DiskFormat.RAW, size_bytes=5 << 30),),
                cdrom=Cdrom(CdromSource.ISO, "/home/me/ubuntu-22.04-desktop-amd64.iso"),
                boot_order=(BootDevice.CDROM, BootDevice.DISK),
            ),
            "The wiki's `kvm -m 256 -cdrom x.iso -boot d disk.img`: boot the CD first.",
        ),
        Fixture(
            "wiki-liveusb",
            _spec(
                "Live USB",
                memory_mib=512,
                cpus=1,
                usb_stick=Passthrough("/dev/sdb"),
                boot_order=(BootDevice.USB,),
            ),
            "The wiki's `kvm -m 512 -hdb /dev/sdb`: boot a stick, protected (throwaway).",
        ),
        Fixture(
            "wiki-stdvga-sound-usb",
            _spec(
                "Old desktop",
                OsPreset.OTHER,
                usb=True,
                sound=True,
                disks=(Disk("old.qcow2", bus=DiskBus.IDE),),
                display=Display(video=VideoModel.STD),
            ),
            "The wiki's `-std-vga -soundhw all -usb` in today's spelling, on a classic PC.",
        ),
        Fixture(
            "wiki-clonezilla-restore",
            _spec(
                "Clonezilla restore",
                memory_mib=1024,
                disks=(Disk("restored.qcow2", size_bytes=40 << 30),),
                cdrom=Cdrom(CdromSource.ISO, "/isos/clonezilla-live-3.1.2-22-amd64.iso"),
                usb_stick=Passthrough("/dev/sdc", protected=False),
                boot_order=(BootDevice.CDROM, BootDevice.DISK),
                network=Network(mode=NetMode.NONE),
            ),
            "The wiki's clonezilla restore: ISO + new disk + the backup drive (`-hdb /dev/sdx`), "
            "writable because the user chose so.",
        ),
        Fixture(
            "windows10",
            _spec(
                "Windows 10",
                OsPreset.WINDOWS10,
                disks=(Disk("windows10.qcow2", bus=DiskBus.SATA, size_bytes=50 << 30),),
                cdrom=Cdrom(CdromSource.ISO, "/isos/Win10_22H2_English_x64.iso"),
            ),
            "Windows 10 on a KVM host: host CPU with Hyper-V enlightenments, SATA, e1000, "
            "local-time clock, PipeWire falling back to no sound back-end on 7.2.",
            host=KVM_HOST,
        ),
        Fixture(
            "windows11",
            _spec(
                "Windows 11",
                OsPreset.WINDOWS11,
                disks=(
                    Disk(
                        "windows11.qcow2",
                        bus=DiskBus.SATA,
                        cache=CacheMode.NONE,
                        size_bytes=64 << 30,
                    ),
                ),
                cdrom=Cdrom(CdromSource.ISO, "/isos/Win11_23H2_English_x64.iso"),
                boot_order=(BootDevice.DISK, BootDevice.CDROM),
                install_phase=True,
            ),
            "Windows 11: Secure Boot UEFI (SMM) with its own NVRAM, swtpm TPM 2.0, cache=none; "
            "just created, so OVMF gets the installer DVD first (bootindex) until it is installed.",
            host=SECURE_BOOT_HOST,
        ),
        Fixture(
            "windows-xp",
            _spec(
                "Windows XP",
                OsPreset.WINDOWS_OLD,
                disks=(Disk("xp.qcow2", bus=DiskBus.IDE),),
                cdrom=iso,
                display=Display(video=VideoModel.CIRRUS),
            ),
            "An old OS: i440fx PC, IDE disk and CD, rtl8139, UHCI tablet, Cirrus video, qemu64.",
        ),
        Fixture(
            "freebsd",
            _spec(
                "FreeBSD 14",
                OsPreset.BSD,
                disks=(Disk("freebsd.qcow2"),),
                cdrom=Cdrom(CdromSource.ISO, "/isos/FreeBSD-14.0-RELEASE-amd64-disc1.iso"),
                display=Display(kind=DisplayKind.VNC, password=True),
            ),
            "A BSD guest: virtio, no sound, no USB tablet, VNC with a password.",
        ),
        Fixture(
            "spice-desktop",
            _spec(
                "Fedora SPICE",
                disks=(Disk("fedora.qcow2"),),
                display=Display(kind=DisplayKind.SPICE, video=VideoModel.QXL),
                clipboard=True,
            ),
            "SPICE on a unix socket without ticketing, QXL video, the guest agent channel "
            "(clipboard shared).",
        ),
        Fixture(
            "vnc-clipboard",
            _spec(
                "Shared clipboard",
                disks=(Disk("shared.qcow2"),),
                clipboard=True,
            ),
            "VNC with clipboard sharing: QEMU's own vdagent end on a virtio-serial port.",
        ),
        Fixture(
            "spice-password",
            _spec(
                "SPICE locked",
                disks=(Disk("locked.qcow2"),),
                display=Display(kind=DisplayKind.SPICE, video=VideoModel.VIRTIO, password=True),
            ),
            "SPICE with a password (set over QMP): ticketing stays on, virtio-vga.",
        ),
        Fixture(
            "host-cdrom",
            _spec(
                "Host CD",
                cdrom=Cdrom(CdromSource.HOST, "/dev/sr0"),
                boot_order=(BootDevice.CDROM,),
                usb=False,
            ),
            "The host's optical drive through host_cdrom, no disk at all.",
        ),
        Fixture(
            "port-forwards",
            _spec(
                "Web server",
                disks=(Disk("server.qcow2"),),
                network=Network(
                    forwards=(
                        PortForward(2222, 22),
                        PortForward(8080, 80),
                        PortForward(5353, 53, Protocol.UDP),
                    )
                ),
                display=Display(kind=DisplayKind.NONE),
                sound=False,
            ),
            "A headless server with TCP and UDP forwards, all bound to 127.0.0.1.",
        ),
        Fixture(
            "disk-modes",
            _spec(
                "Disk modes",
                disks=(
                    Disk("throwaway.qcow2", throwaway=True),
                    Disk("/srv/images/reference.raw", format=DiskFormat.RAW, readonly=True),
                    Disk("nocache.vmdk", format=DiskFormat.VMDK, bus=DiskBus.SATA,
                         cache=CacheMode.NONE),
                    Disk("writethrough.vdi", format=DiskFormat.VDI, bus=DiskBus.IDE,
                         cache=CacheMode.WRITETHROUGH),
                    Disk("usb.vhdx", format=DiskFormat.VHDX, bus=DiskBus.USB,
                         cache=CacheMode.DIRECTSYNC),
                    Disk("/dev/sdd", format=DiskFormat.RAW, cache=CacheMode.UNSAFE),
                ),
                usb=False,
                sound=False,
            ),
            "Every cache mode, every format, throwaway and read-only disks, a block device, "
            "and every bus on q35 (USB controller added for the USB disk alone).",
        ),
        Fixture(
            "pc-every-bus",
            _spec(
                "Classic PC buses",
                machine=MachineType.PC,
                disks=(
                    Disk("ide0.qcow2", bus=DiskBus.IDE),
                    Disk("ide1.qcow2", bus=DiskBus.IDE, throwaway=True),
                    Disk("ide2.raw", format=DiskFormat.RAW, bus=DiskBus.IDE),
                    Disk("sata0.qcow2", bus=DiskBus.SATA),
                    Disk("virtio0.qcow2"),
                    Disk("usb0.qcow2", bus=DiskBus.USB),
                ),
                cdrom=iso,
                boot_order=(BootDevice.DISK, BootDevice.CDROM),
                rtc_localtime=True,
            ),
            "The i440fx PC: three IDE disks around the CD at secondary master, an added AHCI "
            "controller for SATA, virtio and USB disks.",
        ),
        Fixture(
            "no-nic-no-sound",
            _spec(
                "Offline",
                disks=(Disk("offline.qcow2"),),
                cdrom=Cdrom(CdromSource.EMPTY),
                network=Network(mode=NetMode.NONE),
                sound=False,
                usb=False,
                display=Display(kind=DisplayKind.NONE),
                accel=Accel.TCG,
            ),
            "No network card, no sound, no USB, no display, an empty CD tray for later.",
        ),
        Fixture(
            "extra-args",
            _spec(
                "Expert",
                disks=(Disk("expert.qcow2"),),
                extra_args=("-device", "virtio-keyboard-pci,id=kbd1", "-boot", "menu=on",
                            "-no-reboot"),
            ),
            "Expert extra arguments that pass the checks, appended last.",
        ),
        Fixture(
            "pinned-machine",
            _spec(
                "Pinned 6.2",
                machine_version="pc-q35-6.2",
                disks=(Disk("pinned.qcow2"),),
                network=Network(nic=NicModel.E1000),
            ),
            "A VM created on QEMU 6.2 keeps its versioned machine type.",
        ),
        Fixture(
            "linux-uefi-pc",
            _spec(
                "UEFI on i440fx",
                machine=MachineType.PC,
                firmware=Firmware.UEFI,
                disks=(Disk("uefi.qcow2"),),
                network=Network(nic=NicModel.RTL8139),
            ),
            "Plain (non-Secure-Boot) OVMF on the classic PC machine: no SMM needed.",
        ),
        Fixture(
            "linked-clone",
            _spec(
                "Linked clone",
                disks=(
                    Disk(
                        "clone.qcow2",
                        backing_file="../Base image/base.qcow2",
                        backing_format=DiskFormat.QCOW2,
                    ),
                    Disk(
                        "scratch.qcow2",
                        throwaway=True,
                        backing_file="/srv/images/scratch-base.raw",
                        backing_format=DiskFormat.RAW,
                    ),
                ),
            ),
            "qcow2 overlays whose base images are opened with an explicit format too.",
        ),
        Fixture(
            "odd-names",
            _spec(
                "Test, with comma = and spaces",
                disks=(Disk("disk, one.qcow2"),),
                cdrom=Cdrom(CdromSource.ISO, "/isos/odd, name.iso"),
            ),
            "Commas and '=' in the name and in paths: escaped, never split into options.",
        ),
        Fixture(
            "shared-folders-9p",
            _spec("Shares without virtiofsd", shares=(
                Share("/home/me/Projects", "Projects"),
                Share("/home/me/Docs, old", "Docs-old", read_only=True))),
            "No usable virtiofsd: every folder travels over 9p, read-only ones with readonly=on.",
        ),
        Fixture(
            "shared-folders-virtiofs",
            _spec("Shares with virtiofsd", memory_mib=1024, shares=(
                Share("/home/me/Projects", "Projects"),
                Share("/home/me/Docs", "Docs", read_only=True))),
            "virtio-fs for the read-write folder (guest RAM becomes a shared memfd); the "
            "read-only one over 9p, as the C virtiofsd has no read-only mode.",
            host=SHARING_HOST,
        ),
        Fixture(
            "windows-smb-share",
            _spec("Windows share", OsPreset.WINDOWS10,
                  shares=(Share("/home/me/Public", "Public"),)),
            "A Windows guest's one folder through QEMU's SMB server on the user network.",
            host=SHARING_HOST,
        ),
        Fixture(
            "usb-host-devices",
            _spec(
                "USB devices",
                disks=(Disk("usb-devices.qcow2"),),
                usb_devices=(UsbDeviceId("0781", "5567"), UsbDeviceId("046d", "0825")),
            ),
            "Two USB devices of the host, by vendor:product, on the VM's xHCI controller.",
        ),
    ]


FIXTURES: dict[str, Fixture] = {f.name: f for f in _fixtures()}
