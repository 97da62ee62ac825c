"""A VM as libvirt domain XML: the same virtual hardware core.argv gives QEMU, for libvirt.

`export_domain` is a pure function of the spec, the VM's folder (relative disk paths live
there) and what the caller chooses or knows (the domain type, the QEMU binary, the host's
OVMF build, whether port forwards go through passt). It reads no files, so every fixture VM
has a golden XML (tests/core/golden/*.xml) that `virt-xml-validate` checks against libvirt's
schema.

The guest must see the same machine under libvirt as under kvmgui, so the decisions follow
the argv builder: the pinned machine type, host-passthrough under KVM and the argv's CPU model
under TCG, one socket, the CD/DVD at the third AHCI/IDE position, QEMU's default MAC address
for the one NIC, the same boot order (core.argv_storage.boot_indexes), ich9/ich6 sound on
q35/pc, xHCI or (old systems) UHCI, the entropy source and balloon for virtio guests only.

What libvirt cannot say, or what would change meaning on the way, is not guessed: it comes
back as `warnings` (Messages the UI translates), one sentence each:
- port forwards: libvirt's plain user-mode interface (SLIRP) has none; libvirt 9.0 forwards
  ports only with the passt back-end, which the target host may not have (`passt=True` asks
  for it: each forward on 127.0.0.1 as here, and no warning);
- the extra QEMU arguments: they name kvmgui's device ids and were approved on this machine;
  `<qemu:commandline>` would carry them into a domain libvirt then marks as tainted, so they
  are listed for the user to translate by hand instead;
- the console password (set over QMP at each start here; libvirt would store it in the XML);
- the UEFI variable store and the TPM state, which stay in the VM's folder (libvirt creates
  fresh ones);
- the install phase: libvirt keeps one boot order, the one in effect now (CD/DVD first);
- a throwaway host device (the protected USB stick): libvirt 9.0 gives only files a
  `<transient/>` overlay, so a device is passed read-only.

Displays listen on a unix socket only (`<listen type='socket'/>`), as kvmgui's do.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Literal

from kvmgui.core.argv_storage import boot_indexes, ovmf_requires_smm, protocol_driver
from kvmgui.core.boot import installing
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import (
    Accel,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    DisplayKind,
    Firmware,
    MachineType,
    NetMode,
    NicModel,
    OsPreset,
    VideoModel,
    VmSpec,
)
from kvmgui.core.paths import VmFolder
from kvmgui.core.shares import WINDOWS

__all__ = [
    "DomainType",
    "LibvirtDomain",
    "LibvirtXmlError",
    "default_domain_type",
    "domain_name",
    "domain_uuid",
    "export_domain",
    "volume_xml",
]

DomainType = Literal["kvm", "qemu"]

# Where kvmgui keeps its own facts in <metadata> (libvirt keeps foreign elements by namespace).
METADATA_NS = "https://kvmgui.invalid/xmlns/libvirt/domain/1.0"
ET.register_namespace("kvmgui", METADATA_NS)
_ID_NAMESPACE = uuid.UUID("6b766d67-7569-4172-8776-6c6962766972")
# QEMU's MAC for the first NIC when none is given (the argv gives none): the guest keeps
# its network configuration, and Windows does not see a new card.
QEMU_DEFAULT_MAC = "52:54:00:12:34:56"

_NIC_MODELS: dict[NicModel, str] = {
    NicModel.VIRTIO: "virtio",
    NicModel.E1000: "e1000",
    NicModel.RTL8139: "rtl8139",
}
_VIDEO_MODELS: dict[VideoModel, str] = {
    VideoModel.STD: "vga",
    VideoModel.VIRTIO: "virtio",
    VideoModel.QXL: "qxl",
    VideoModel.CIRRUS: "cirrus",
}
# The formats libvirt's schema knows (VHDX is not one of them, up to libvirt 10 at least).
_LIBVIRT_FORMATS = frozenset({DiskFormat.QCOW2, DiskFormat.RAW, DiskFormat.VMDK, DiskFormat.VDI})
# The same sets as core.argv / core.argv_devices (kept private there).
_OLD_SYSTEMS = frozenset({OsPreset.WINDOWS_OLD, OsPreset.OTHER})
_WINDOWS_WITH_HYPERV = frozenset({OsPreset.WINDOWS10, OsPreset.WINDOWS11})
_VIRTIO_GUESTS = frozenset({OsPreset.LINUX, OsPreset.BSD})
# -cpu host,hv_… in core.argv, as libvirt's <hyperv> children (hv_time is a timer there).
_HYPERV = ("relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic", "stimer", "frequencies")
_CD_INDEX = 2  # the CD/DVD's position on both machines (core.argv_storage.CD_INDEX)
_AHCI_PORTS = 6
_PC_IDE_SLOTS = 4
_USB_DISK_FIRST = 6  # sdX names for USB disks start after the six SATA ports


class LibvirtXmlError(KvmguiError, ValueError):
    """The spec cannot be exported; one plain sentence (the same cases core.argv refuses)."""


@dataclass(frozen=True)
class LibvirtDomain:
    """The domain XML, and what the XML could not carry (one translatable sentence each)."""

    xml: str
    name: str
    warnings: tuple[Message, ...] = ()


def domain_name(spec: VmSpec) -> str:
    """A name libvirt and a shell both take as it is: letters, digits, '.', '_', '+', '-'.

    Other characters become '-' ("Windows 10" → "Windows-10"); the full name is the title.
    The CLI's --json output documents this rule (docs/cli-json.md).
    """
    # Accents dropped first ("Été" → "Ete"), so a French name stays readable.
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", spec.name) if not unicodedata.combining(c)
    )
    name = re.sub(r"[^A-Za-z0-9._+-]+", "-", plain).strip("-.")
    return name or f"kvmgui-{re.sub(r'[^A-Za-z0-9]', '', spec.id)[:12] or 'vm'}"


def domain_uuid(spec: VmSpec) -> str:
    """The VM's id when it is a UUID (kvmgui's are), else one derived from it, stably."""
    try:
        return str(uuid.UUID(spec.id))
    except ValueError:
        return str(uuid.uuid5(_ID_NAMESPACE, spec.id))


def default_domain_type(spec: VmSpec) -> DomainType:
    """ "qemu" (TCG) when the VM is set to TCG; "kvm" otherwise, libvirt hosts having KVM."""
    return "qemu" if spec.accel is Accel.TCG else "kvm"


def export_domain(
    spec: VmSpec,
    *,
    folder: VmFolder,
    domain_type: DomainType | None = None,
    emulator: str | None = None,
    ovmf_code: str | None = None,
    passt: bool = False,
    serial_console: bool = False,
    serial_log: str = "",
) -> LibvirtDomain:
    """`spec` as libvirt domain XML, with the warnings of what it leaves out.

    `folder` resolves relative disk paths (the XML holds absolute ones). `domain_type`
    defaults to default_domain_type(spec). `emulator` is the QEMU binary to name (None: the
    libvirt host picks its own). `ovmf_code` is the UEFI firmware the VM runs with here
    (HostFacts.ovmf_code): when it is a Secure Boot build (core.argv_storage.ovmf_requires_smm)
    libvirt is asked for one too, with SMM. `passt`: carry the port forwards with libvirt's
    passt back-end (libvirt 9.0 or newer, the passt package on the libvirt host; the guest
    then gets the host's addresses by DHCP instead of QEMU's 10.0.2.15). `serial_console`:
    the guest's first serial port as libvirt's pty console (virsh console), copied into
    `serial_log` on the host when that is given, as kvmgui logs its own VMs' serial port.
    Raises LibvirtXmlError for the specs core.argv refuses too.
    """
    _check(spec)
    kind: DomainType = domain_type or default_domain_type(spec)
    secure_boot = bool(ovmf_code) and ovmf_requires_smm(ovmf_code or "")
    with_passt = passt and bool(spec.network.forwards) and spec.network.mode is NetMode.USER
    builder = _Builder(spec, folder, kind, secure_boot, with_passt)
    root = builder.domain(emulator)
    if serial_console:
        _serial(root, serial_log)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode") + "\n"
    return LibvirtDomain(text, domain_name(spec), tuple(_warnings(spec, passt=with_passt)))


def _serial(root: ET.Element, log: str) -> None:
    devices = root.find("devices")
    assert devices is not None
    serial = _sub(devices, "serial", type="pty")
    if log:
        # Written by libvirt's log daemon, replaced at each start like kvmgui's serial.log.
        _sub(serial, "log", file=log, append="off")
    _sub(serial, "target", port="0")
    console = _sub(devices, "console", type="pty")
    _sub(console, "target", type="serial", port="0")


def volume_xml(name: str, capacity_bytes: int, disk_format: DiskFormat) -> str:
    """A storage volume of `capacity_bytes` in `disk_format`, for virStoragePoolCreateXML.

    Sparse: without an allocation libvirt allocates the whole capacity of a raw volume
    (fallocate), so the allocation is 0 and file pools write no more than is used."""
    if capacity_bytes < 1:
        raise LibvirtXmlError(Message(QT_TRANSLATE_NOOP(
            "core.libvirt_xml", "The volume '{name}' needs a size above zero."), name=name))
    volume = ET.Element("volume")
    _sub(volume, "name", name)
    _sub(volume, "capacity", str(capacity_bytes), unit="bytes")
    _sub(volume, "allocation", "0", unit="bytes")
    target = _sub(volume, "target")
    _sub(target, "format", type=str(disk_format))
    ET.indent(volume, space="  ")
    return ET.tostring(volume, encoding="unicode") + "\n"


def _check(spec: VmSpec) -> None:
    if spec.memory_mib < 1 or spec.cpus < 1:
        raise LibvirtXmlError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The memory size ({memory_mib} MiB) and the number of CPUs ({cpus}) must be "
                    "positive numbers.",
                ),
                memory_mib=spec.memory_mib,
                cpus=spec.cpus,
            )
        )
    for i, disk in enumerate(spec.disks):
        if disk.readonly and disk.bus in (DiskBus.IDE, DiskBus.SATA):
            raise LibvirtXmlError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.libvirt_xml",
                        "Disk {i} is read-only, which IDE and SATA disks cannot be; use the virtio "
                        "or USB bus, or make it a throwaway disk instead.",
                    ),
                    i=i + 1,
                )
            )
        if (
            disk.throwaway
            and not disk.readonly
            and _is_device(disk.path)
            and disk.bus in (DiskBus.IDE, DiskBus.SATA)
        ):
            raise LibvirtXmlError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.libvirt_xml",
                        "Disk {i} is a throwaway host device on the {bus} bus: libvirt has no "
                        "throwaway overlay for devices, and IDE and SATA disks cannot be "
                        "read-only; move it to the virtio or USB bus.",
                    ),
                    i=i + 1,
                    bus=disk.bus.value.upper(),
                )
            )
        if disk.format not in _LIBVIRT_FORMATS:
            raise LibvirtXmlError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.libvirt_xml",
                        "Disk {i} is a {format} image, which libvirt cannot open; convert it to "
                        "qcow2 first.",
                    ),
                    i=i + 1,
                    format=disk.format.value.upper(),
                )
            )
        if disk.backing_file is not None and (
            disk.format is not DiskFormat.QCOW2 or disk.backing_format is None
        ):
            raise LibvirtXmlError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.libvirt_xml",
                        "Disk {i} has a backing file but is not qcow2 or has no recorded backing "
                        "format; fix the VM's definition first.",
                    ),
                    i=i + 1,
                )
            )
    cdrom = spec.cdrom
    if cdrom is not None and cdrom.source is not CdromSource.EMPTY and not cdrom.path:
        raise LibvirtXmlError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The CD/DVD drive has no file or host drive chosen; pick one or choose an "
                    "empty drive.",
                ),
            )
        )


def _is_device(path: str) -> bool:
    """A host device node (a relative path lives in the VM's folder, so never is one)."""
    return protocol_driver(path) == "host_device"


def _warnings(spec: VmSpec, *, passt: bool) -> list[Message]:
    found: list[Message] = []
    read_only = [
        d.path for d in spec.disks if d.throwaway and not d.readonly and _is_device(d.path)
    ]
    if spec.usb_stick is not None and spec.usb_stick.protected and _is_device(spec.usb_stick.path):
        read_only.append(spec.usb_stick.path)
    if read_only:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "libvirt cannot put a throwaway overlay on a host device, so {devices} "
                    "is passed read-only instead; some live systems refuse to start from a "
                    "read-only medium.",
                ),
                devices=", ".join(read_only),
            )
        )
    forwards = spec.network.forwards if spec.network.mode is NetMode.USER and not passt else ()
    if forwards:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The port forwards ({forwards}) are not exported: libvirt's user-mode network "
                    "forwards no ports (libvirt 9.0 and newer can, with the passt back-end); add "
                    "them on the libvirt host.",
                ),
                forwards=", ".join(
                    f"{f.protocol.value} 127.0.0.1:{f.host_port} → {f.guest_port}" for f in forwards
                ),
            )
        )
    if spec.extra_args:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The extra QEMU arguments ({args}) are not exported; add their libvirt "
                    "equivalent by hand.",
                ),
                args=" ".join(spec.extra_args),
            )
        )
    if spec.display.password and spec.display.kind is not DisplayKind.NONE:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The console password is not exported; set one in libvirt (the graphics "
                    "element's passwd attribute) before anyone else can reach the socket.",
                ),
            )
        )
    if spec.firmware is Firmware.UEFI:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The UEFI variable store (boot entries) stays in the VM's folder; libvirt "
                    "starts with a fresh one, so the firmware may need its boot entry again.",
                ),
            )
        )
    if spec.tpm:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The TPM's state (its keys, BitLocker's secrets) stays in the VM's folder; "
                    "libvirt's TPM emulator starts empty.",
                ),
            )
        )
    if spec.shares:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The shared folder {paths} is not exported: a Windows guest gets it from "
                    "QEMU's own SMB server, which libvirt does not offer; share it from the "
                    "libvirt host with Samba instead.",
                )
                if spec.os in WINDOWS
                else QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The shared folders keep their paths on this computer ({paths}): create "
                    "those folders on the libvirt host, or change the paths there.",
                ),
                paths=", ".join(s.path for s in spec.shares),
            )
        )
    if spec.usb_devices:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The USB devices ({devices}) are those plugged into the libvirt host: the VM "
                    "starts without any that are missing there.",
                ),
                devices=", ".join(str(d) for d in spec.usb_devices),
            )
        )
    if installing(spec):
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "The VM is still being installed, so the CD/DVD boots first; once the system "
                    "is installed, put the disk first in libvirt's boot order.",
                ),
            )
        )
    return found


def _letters(index: int) -> str:
    """0 → "a", 25 → "z", 26 → "aa": the suffix of libvirt's disk target names."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    for value in (text or "", *attrs.values()):
        if _NOT_XML.search(value):
            raise LibvirtXmlError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.libvirt_xml",
                        "The XML would contain a control character in {value}; rename the VM "
                        "or file so it has none.",
                    ),
                    value=repr(value),
                )
            )
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


@dataclass(frozen=True)
class _Target:
    """Where a disk is plugged in: libvirt's target (dev, bus) and its drive address."""

    dev: str
    bus: str
    controller: int = 0
    drive_bus: int = 0
    unit: int = 0
    drive_address: bool = True


class _Slots:
    """The positions core.argv_storage's planner gives, in libvirt's words.

    q35 has no parallel IDE: IDE disks sit on its AHCI controller like SATA ones (ports 0–5,
    the CD/DVD on port 2). The classic PC has two IDE buses of two units (the CD/DVD at the
    secondary master) and, for SATA disks, an added AHCI controller.
    """

    def __init__(self, machine: MachineType) -> None:
        self.machine = machine
        self.used_ide: set[int] = {_CD_INDEX}
        self.next_pc_sata = 0
        self.next_virtio = 0
        self.next_usb = _USB_DISK_FIRST
        self.pc_sata_needed = False

    def disk(self, disk: Disk) -> _Target:
        if disk.bus is DiskBus.VIRTIO:
            dev = f"vd{_letters(self.next_virtio)}"
            self.next_virtio += 1
            return _Target(dev, "virtio", drive_address=False)
        if disk.bus is DiskBus.USB:
            dev = f"sd{_letters(self.next_usb)}"
            self.next_usb += 1
            return _Target(dev, "usb", drive_address=False)
        if self.machine is MachineType.Q35:
            port = self._free_ide(_AHCI_PORTS)
            return _Target(f"sd{_letters(port)}", "sata", unit=port)
        if disk.bus is DiskBus.SATA:
            port = self.next_pc_sata
            self.next_pc_sata += 1
            self.pc_sata_needed = True
            # Named after the ports of q35's controller so the names never clash with USB's.
            return _Target(f"sd{_letters(port)}", "sata", unit=port)
        index = self._free_ide(_PC_IDE_SLOTS)
        return _Target(f"hd{_letters(index)}", "ide", drive_bus=index // 2, unit=index % 2)

    def cdrom(self) -> _Target:
        if self.machine is MachineType.Q35:
            return _Target(f"sd{_letters(_CD_INDEX)}", "sata", unit=_CD_INDEX)
        return _Target(
            f"hd{_letters(_CD_INDEX)}", "ide", drive_bus=_CD_INDEX // 2, unit=_CD_INDEX % 2
        )

    def stick(self) -> _Target:
        dev = f"sd{_letters(self.next_usb)}"
        self.next_usb += 1
        return _Target(dev, "usb", drive_address=False)

    def _free_ide(self, limit: int) -> int:
        for index in range(limit):
            if index not in self.used_ide:
                self.used_ide.add(index)
                return index
        raise LibvirtXmlError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.libvirt_xml",
                    "There are more IDE and SATA disks than free positions on this machine type; "
                    "move a disk to the virtio bus.",
                ),
            )
        )


class _Builder:
    def __init__(
        self, spec: VmSpec, folder: VmFolder, kind: DomainType, secure_boot: bool, passt: bool
    ) -> None:
        self.spec = spec
        self.passt = passt
        self.folder = folder
        self.kind = kind
        self.secure_boot = secure_boot and spec.firmware is Firmware.UEFI
        self.boot = boot_indexes(spec)

    def domain(self, emulator: str | None) -> ET.Element:
        spec = self.spec
        root = ET.Element("domain", {"type": self.kind})
        _sub(root, "name", domain_name(spec))
        _sub(root, "uuid", domain_uuid(spec))
        _sub(root, "title", re.sub(r"[\r\n]+", " ", spec.name))
        if spec.description:
            _sub(root, "description", spec.description)
        metadata = _sub(root, "metadata")
        ET.SubElement(metadata, f"{{{METADATA_NS}}}vm", {"id": spec.id, "os": spec.os.value})
        _sub(root, "memory", str(spec.memory_mib), unit="MiB")
        _sub(root, "currentMemory", str(spec.memory_mib), unit="MiB")
        if self._virtiofs():
            # virtio-fs maps the guest's memory: shared, as kvmgui's own memfd backend.
            backing = _sub(root, "memoryBacking")
            _sub(backing, "source", type="memfd")
            _sub(backing, "access", mode="shared")
        _sub(root, "vcpu", str(spec.cpus), placement="static")
        self._os(root)
        self._features(root)
        self._cpu(root)
        clock = _sub(root, "clock", offset="localtime" if spec.rtc_localtime else "utc")
        if self._hyperv():
            _sub(clock, "timer", name="hypervclock", present="yes")
        _sub(root, "on_poweroff", "destroy")
        _sub(root, "on_reboot", "restart")
        # core.argv: -action panic=pause with pvpanic: a crashed guest stays on screen.
        _sub(root, "on_crash", "preserve")
        devices = _sub(root, "devices")
        if emulator:
            _sub(devices, "emulator", emulator)
        self._storage(devices)
        self._usb(devices)
        self._network(devices)
        self._sound(devices)
        self._display(devices)
        self._tpm(devices)
        self._shares(devices)
        self._helpers(devices)
        return root

    # --- machine ----------------------------------------------------------------------------

    def _os(self, root: ET.Element) -> None:
        spec = self.spec
        attrs = {"firmware": "efi"} if spec.firmware is Firmware.UEFI else {}
        os_element = _sub(root, "os", **attrs)
        machine = spec.machine_version or spec.machine.value
        _sub(os_element, "type", "hvm", arch="x86_64", machine=machine)
        if spec.firmware is Firmware.UEFI:
            # Firmware auto-selection, asked for the same kind of OVMF build as here.
            firmware = _sub(os_element, "firmware")
            enabled = "yes" if self.secure_boot else "no"
            _sub(firmware, "feature", enabled=enabled, name="enrolled-keys")
            _sub(firmware, "feature", enabled=enabled, name="secure-boot")

    def _hyperv(self) -> bool:
        return self.kind == "kvm" and self.spec.os in _WINDOWS_WITH_HYPERV

    def _features(self, root: ET.Element) -> None:
        features = _sub(root, "features")
        _sub(features, "acpi")
        _sub(features, "apic")
        if self._hyperv():
            hyperv = _sub(features, "hyperv", mode="custom")
            for flag in _HYPERV:
                if flag == "spinlocks":
                    _sub(hyperv, flag, state="on", retries="8191")  # hv_spinlocks=0x1fff
                else:
                    _sub(hyperv, flag, state="on")
        if self.secure_boot:
            _sub(features, "smm", state="on")

    def _cpu(self, root: ET.Element) -> None:
        if self.kind == "kvm":
            cpu = _sub(root, "cpu", mode="host-passthrough", check="none", migratable="on")
        elif self.spec.os in _OLD_SYSTEMS:
            cpu = _sub(root, "cpu", mode="custom", match="exact", check="none")
            _sub(cpu, "model", "qemu64", fallback="forbid")
        else:
            cpu = _sub(root, "cpu", mode="maximum", check="none", migratable="off")
        cores = str(self.spec.cpus)
        _sub(cpu, "topology", sockets="1", dies="1", cores=cores, threads="1")

    # --- storage ----------------------------------------------------------------------------

    def _storage(self, devices: ET.Element) -> None:
        spec = self.spec
        slots = _Slots(spec.machine)
        for i, disk in enumerate(spec.disks):
            self._disk(devices, disk, slots.disk(disk), self.boot.get(f"disk{i}"))
        if spec.cdrom is not None:
            self._cdrom(devices, slots.cdrom())
        if spec.usb_stick is not None:
            self._stick(devices, slots.stick())
        if slots.pc_sata_needed:
            _sub(devices, "controller", type="sata", index="0")

    def _path(self, path: str) -> str:
        return str(self.folder.resolve(path))

    def _source(self, element: ET.Element, path: str) -> None:
        if protocol_driver(path) == "host_device":
            _sub(element, "source", dev=path)
        else:
            _sub(element, "source", file=path)

    @staticmethod
    def _kind(path: str) -> str:
        return "block" if protocol_driver(path) == "host_device" else "file"

    @staticmethod
    def _target(element: ET.Element, target: _Target, *, removable: bool = False) -> None:
        attrs = {"dev": target.dev, "bus": target.bus}
        if removable:
            attrs["removable"] = "on"
        _sub(element, "target", **attrs)

    @staticmethod
    def _address(element: ET.Element, target: _Target) -> None:
        if target.drive_address:
            _sub(
                element,
                "address",
                type="drive",
                controller=str(target.controller),
                bus=str(target.drive_bus),
                target="0",
                unit=str(target.unit),
            )

    @staticmethod
    def _boot(element: ET.Element, order: int | None) -> None:
        if order is not None:
            _sub(element, "boot", order=str(order))

    def _disk(self, devices: ET.Element, disk: Disk, target: _Target, boot: int | None) -> None:
        path = self._path(disk.path)
        element = _sub(devices, "disk", type=self._kind(path), device="disk")
        driver = {"name": "qemu", "type": disk.format.value, "cache": disk.cache.value}
        if not disk.readonly and not (disk.throwaway and _is_device(path)):
            driver["discard"] = "unmap"
        _sub(element, "driver", **driver)
        self._source(element, path)
        if disk.backing_file is not None and disk.backing_format is not None:
            # Named with its format, so libvirt never probes it from the image header.
            base = str(self.folder.resolve(path).parent / disk.backing_file)
            store = _sub(element, "backingStore", type=self._kind(base))
            _sub(store, "format", type=disk.backing_format.value)
            self._source(store, base)
            _sub(store, "backingStore")
        self._target(element, target)
        if disk.readonly or (disk.throwaway and _is_device(path)):
            # libvirt (9.0) gives only files a throwaway overlay: a device is read-only
            # instead (see the warnings; _check refuses it on IDE and SATA).
            _sub(element, "readonly")
        elif disk.throwaway:
            # libvirt's spelling of snapshot=on: an overlay deleted when the guest stops.
            _sub(element, "transient")
        self._boot(element, boot)
        self._address(element, target)

    def _cdrom(self, devices: ET.Element, target: _Target) -> None:
        cdrom = self.spec.cdrom
        assert cdrom is not None
        if cdrom.source is CdromSource.HOST and cdrom.path:
            element = _sub(devices, "disk", type="block", device="cdrom")
            _sub(element, "driver", name="qemu", type="raw")
            _sub(element, "source", dev=self._path(cdrom.path))
        else:
            element = _sub(devices, "disk", type="file", device="cdrom")
            _sub(element, "driver", name="qemu", type="raw")
            if cdrom.source is CdromSource.ISO and cdrom.path:
                _sub(element, "source", file=self._path(cdrom.path))
            # No source: an empty tray, media inserted later (virsh change-media).
        self._target(element, target)
        _sub(element, "readonly")
        self._boot(element, self.boot.get("cdrom"))
        self._address(element, target)

    def _stick(self, devices: ET.Element, target: _Target) -> None:
        stick = self.spec.usb_stick
        assert stick is not None
        path = self._path(stick.path)
        element = _sub(devices, "disk", type=self._kind(path), device="disk")
        _sub(element, "driver", name="qemu", type="raw")
        self._source(element, path)
        self._target(element, target, removable=True)
        if stick.protected and _is_device(path):
            # libvirt (9.0) refuses <transient/> on a block device ("transient disk supported
            # only with 'file' type"): read-only is the protection left (see the warnings).
            _sub(element, "readonly")
        elif stick.protected:
            # core.argv_storage: protected means writable but throwaway, never read-only.
            _sub(element, "transient")
        self._boot(element, self.boot.get("usb"))

    # --- other devices ----------------------------------------------------------------------

    def _usb(self, devices: ET.Element) -> None:
        spec = self.spec
        needed = (
            spec.usb or spec.usb_stick is not None or any(d.bus is DiskBus.USB for d in spec.disks)
        )
        if not needed:
            # libvirt adds a USB controller unless told there is none (the argv has none).
            _sub(devices, "controller", type="usb", index="0", model="none")
            return
        model = "piix3-uhci" if spec.os in _OLD_SYSTEMS else "qemu-xhci"
        _sub(devices, "controller", type="usb", index="0", model=model)
        if spec.usb:
            _sub(devices, "input", type="tablet", bus="usb")
        for device in spec.usb_devices:
            # By vendor:product, as kvmgui keeps them; optional: the VM starts without a
            # device that is not plugged in (QEMU's usb-host waits for it the same way).
            hostdev = _sub(devices, "hostdev", mode="subsystem", type="usb", managed="no")
            source = _sub(hostdev, "source", startupPolicy="optional")
            _sub(source, "vendor", id=f"0x{device.vendor}")
            _sub(source, "product", id=f"0x{device.product}")

    def _virtiofs(self) -> bool:
        return self.spec.os not in WINDOWS and any(not s.read_only for s in self.spec.shares)

    def _shares(self, devices: ET.Element) -> None:
        """Read-write folders over virtio-fs (libvirt runs virtiofsd), read-only ones over 9p
        with mapped permissions and readonly, as kvmgui does with a virtiofsd that has no
        read-only mode; the guest mounts each by the same tag. Windows: see _warnings."""
        if self.spec.os in WINDOWS:
            return
        for share in self.spec.shares:
            if share.read_only:
                fs = _sub(devices, "filesystem", type="mount", accessmode="mapped")
            else:
                fs = _sub(devices, "filesystem", type="mount", accessmode="passthrough")
                _sub(fs, "driver", type="virtiofs")
            _sub(fs, "source", dir=share.path)
            _sub(fs, "target", dir=share.tag)
            if share.read_only:
                _sub(fs, "readonly")

    def _network(self, devices: ET.Element) -> None:
        net = self.spec.network
        if net.mode is not NetMode.USER:
            return
        interface = _sub(devices, "interface", type="user")
        _sub(interface, "mac", address=QEMU_DEFAULT_MAC)
        _sub(interface, "model", type=_NIC_MODELS[net.nic])
        if not self.passt:
            return
        _sub(interface, "backend", type="passt")
        for fwd in net.forwards:
            # Bound to 127.0.0.1 as kvmgui's own forwards: never reachable from the network.
            forward = _sub(interface, "portForward", proto=fwd.protocol.value, address="127.0.0.1")
            _sub(forward, "range", start=str(fwd.host_port), to=str(fwd.guest_port))

    def _sound(self, devices: ET.Element) -> None:
        if not self.spec.sound:
            return
        model = "ich9" if self.spec.machine is MachineType.Q35 else "ich6"
        sound = _sub(devices, "sound", model=model)
        _sub(sound, "codec", type="duplex")  # hda-duplex, as in the argv

    def _display(self, devices: ET.Element) -> None:
        spec = self.spec
        kind = spec.display.kind
        if kind is not DisplayKind.NONE:
            # A unix socket libvirt picks; nothing listens on the network. No passwd: see
            # the warnings.
            graphics = _sub(devices, "graphics", type=kind.value)
            _sub(graphics, "listen", type="socket")
            if kind is DisplayKind.SPICE and not spec.clipboard:
                # Clipboard sharing stays off unless the user turned it on (core.model).
                _sub(graphics, "clipboard", copypaste="no")
        video = _sub(devices, "video")
        _sub(video, "model", type=_VIDEO_MODELS[spec.display.video], heads="1", primary="yes")
        if spec.clipboard and kind is not DisplayKind.NONE:
            self._clipboard(devices, kind)

    @staticmethod
    def _clipboard(devices: ET.Element, kind: DisplayKind) -> None:
        # The same agent port as core.argv_devices.clipboard_args; mouse stays with the tablet.
        if kind is DisplayKind.SPICE:
            channel = _sub(devices, "channel", type="spicevmc")
        else:
            channel = _sub(devices, "channel", type="qemu-vdagent")
            source = _sub(channel, "source")
            _sub(source, "clipboard", copypaste="yes")
            _sub(source, "mouse", mode="server")
        _sub(channel, "target", type="virtio", name="com.redhat.spice.0")

    def _tpm(self, devices: ET.Element) -> None:
        if not self.spec.tpm:
            return
        tpm = _sub(devices, "tpm", model="tpm-tis")
        _sub(tpm, "backend", type="emulator", version="2.0")

    def _helpers(self, devices: ET.Element) -> None:
        _sub(devices, "panic", model="isa")  # pvpanic, for on_crash
        if self.spec.os not in _VIRTIO_GUESTS:
            # libvirt adds a balloon by default; the argv gives these guests none.
            _sub(devices, "memballoon", model="none")
            return
        _sub(devices, "memballoon", model="virtio")
        rng = _sub(devices, "rng", model="virtio")
        _sub(rng, "backend", "/dev/urandom", model="random")
