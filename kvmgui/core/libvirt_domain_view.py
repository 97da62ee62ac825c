"""What the details window of a libvirt domain shows, read from its domain XML.

`parse_domain_view(xml)` is a pure function: the XML comes from a daemon that may be on
another machine, or from a file, so nothing in it is trusted. A document that is too large,
not XML, carries a DTD (entity expansion), or is not a <domain> is refused with one sentence
(DomainXmlError); a missing or odd part is shown as missing, never a crash.

`console_refusal(uri, graphics)` says why the embedded console may not connect to a display,
before anything is tried: it connects only to a VNC display's unix socket or its port on the
loopback interface of the domain's host, directly for a local URI and through the SSH
connection for a qemu+ssh:// one (runtime.libvirt_console). A display bound to a network
address is never connected to over the network: a VNC stream is not encrypted.
"""

from __future__ import annotations

import ipaddress
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Literal

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.remote_console import goes_through_ssh, on_this_computer

# libvirt's own documents are a few kB to a few hundred kB; a megabyte-sized one is not a
# domain worth parsing (and the parse would hold the caller).
MAX_XML_CHARS = 4 * 1024 * 1024

_UNITS = {
    "b": 1, "bytes": 1,
    "kb": 1000, "k": 1024, "kib": 1024,
    "mb": 1000**2, "m": 1024**2, "mib": 1024**2,
    "gb": 1000**3, "g": 1024**3, "gib": 1024**3,
    "tb": 1000**4, "t": 1024**4, "tib": 1024**4,
    "pb": 1000**5, "p": 1024**5, "pib": 1024**5,
    "eb": 1000**6, "e": 1024**6, "eib": 1024**6,
}
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class DomainXmlError(KvmguiError, ValueError):
    """A domain XML the details cannot be read from."""


@dataclass(frozen=True)
class DiskView:
    device: str  # disk, cdrom, floppy, lun
    target: str  # vda, sda…
    bus: str  # virtio, sata, scsi, ide, usb…
    source: str  # a path, a device, pool/volume, a network name; "" for an empty drive
    format: str  # the driver's type: qcow2, raw…; "" when libvirt is left to decide
    read_only: bool
    boot_order: int | None = None


@dataclass(frozen=True)
class NicView:
    kind: str  # network, bridge, user, direct…
    source: str  # the network's or bridge's name, the host device; "" for user mode
    model: str  # virtio, e1000e…
    mac: str
    target: str = ""  # the host's interface (vnet0) while the domain runs


@dataclass(frozen=True)
class GraphicsView:
    kind: str  # vnc, spice, sdl, rdp, egl-headless, dbus
    listen: Literal["socket", "address", "none", ""]  # "": not said (libvirt's default)
    socket: str = ""
    address: str = ""
    port: int | None = None  # None: not given or chosen when the domain starts (autoport)
    tls_port: int | None = None
    has_password: bool = False


@dataclass(frozen=True)
class FilesystemView:
    driver: str  # virtiofs, path (9p)…
    source: str
    tag: str
    read_only: bool


@dataclass(frozen=True)
class UsbView:
    """The USB side: controllers, this host's devices passed in, redirected channels."""

    controllers: tuple[str, ...]  # models (qemu-xhci, ich9-ehci1…), "" for the default
    host_devices: tuple[str, ...]  # "vendor:product" or "bus.device"
    redirections: int


@dataclass(frozen=True)
class DomainView:
    name: str
    uuid: str
    title: str
    description: str
    domain_type: str  # kvm, qemu (TCG), test…
    vcpus: int | None
    max_vcpus: int | None
    memory_bytes: int | None  # the most it may have
    current_memory_bytes: int | None
    firmware: str  # "efi", "bios", or the loader's path; "" when unsaid (BIOS)
    machine: str
    arch: str
    emulator: str
    disks: tuple[DiskView, ...]
    nics: tuple[NicView, ...]
    graphics: tuple[GraphicsView, ...]
    video: tuple[str, ...]
    sound: tuple[str, ...]
    usb: UsbView
    filesystems: tuple[FilesystemView, ...]
    running_id: int | None  # the domain id libvirt gives a running domain

    @property
    def cdroms(self) -> tuple[DiskView, ...]:
        return tuple(d for d in self.disks if d.device in ("cdrom", "floppy"))

    @property
    def hard_disks(self) -> tuple[DiskView, ...]:
        return tuple(d for d in self.disks if d.device not in ("cdrom", "floppy"))


def parse_domain_view(text: str) -> DomainView:
    """The details of the domain described by `text` (a libvirt domain XML)."""
    if len(text) > MAX_XML_CHARS:
        raise DomainXmlError(Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "The domain's description is too large to show ({count} characters)."),
            count=len(text)))
    if _DTD.search(text):
        raise DomainXmlError(Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "The domain's description declares a document type, which libvirt never does; "
            "it is not read.")))
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise DomainXmlError(Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view", "The domain's description is not valid XML: {error}."),
            error=str(exc)), str(exc)) from None
    if root.tag != "domain":
        raise DomainXmlError(Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "The description is not a libvirt domain (its top element is <{tag}>)."),
            tag=root.tag[:80]))
    devices = root.find("devices")
    if devices is None:
        devices = ET.Element("devices")
    vcpu = root.find("vcpu")
    max_vcpus = _int(_text(vcpu))
    current = _int(vcpu.get("current")) if vcpu is not None else None
    return DomainView(
        name=_text(root.find("name")),
        uuid=_text(root.find("uuid")),
        title=_text(root.find("title")),
        description=_text(root.find("description")),
        domain_type=root.get("type", ""),
        vcpus=current if current is not None else max_vcpus,
        max_vcpus=max_vcpus,
        memory_bytes=_memory(root.find("memory")),
        current_memory_bytes=_memory(root.find("currentMemory")),
        firmware=_firmware(root),
        machine=_attr(root, "os/type", "machine"),
        arch=_attr(root, "os/type", "arch"),
        emulator=_text(devices.find("emulator")),
        disks=tuple(_disk(d) for d in devices.findall("disk")),
        nics=tuple(_nic(n) for n in devices.findall("interface")),
        graphics=tuple(_graphics(g) for g in devices.findall("graphics")),
        video=tuple(m.get("type", "") for m in devices.findall("video/model")),
        sound=tuple(s.get("model", "") for s in devices.findall("sound")),
        usb=_usb(devices),
        filesystems=tuple(_filesystem(f) for f in devices.findall("filesystem")),
        running_id=_int(root.get("id")),
    )


def _text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _memory(element: ET.Element | None) -> int | None:
    """Bytes from libvirt's <memory unit='KiB'>N</memory> (KiB when no unit is given)."""
    amount = _int(_text(element) or None)
    if element is None or amount is None or amount < 0:
        return None
    factor = _UNITS.get(element.get("unit", "KiB").lower())
    return amount * factor if factor is not None else None


def _firmware(root: ET.Element) -> str:
    os_element = root.find("os")
    if os_element is None:
        return ""
    chosen = os_element.get("firmware", "")
    if chosen:
        return chosen
    loader = os_element.find("loader")
    if loader is not None:
        return _text(loader) or ("efi" if loader.get("type") == "pflash" else "")
    return ""


def _source(element: ET.Element) -> str:
    source = element.find("source")
    if source is None:
        return ""
    for key in ("file", "dev", "dir", "name", "network", "bridge", "path", "socket"):
        value = source.get(key)
        if value:
            if key == "name" and source.get("protocol"):
                host = source.find("host")
                where = host.get("name", "") if host is not None else ""
                return f"{source.get('protocol')}://{where}/{value}"
            return value
    pool, volume = source.get("pool"), source.get("volume")
    if pool and volume:
        return f"{pool}/{volume}"
    return ""


def _attr(element: ET.Element, path: str, key: str) -> str:
    """Attribute `key` of the child at `path` ("" when either is missing)."""
    child = element.find(path)
    return child.get(key, "") if child is not None else ""


def _disk(disk: ET.Element) -> DiskView:
    return DiskView(
        device=disk.get("device", "disk"),
        target=_attr(disk, "target", "dev"),
        bus=_attr(disk, "target", "bus"),
        source=_source(disk),
        format=_attr(disk, "driver", "type"),
        read_only=disk.find("readonly") is not None,
        boot_order=_int(_attr(disk, "boot", "order") or None),
    )


def _nic(nic: ET.Element) -> NicView:
    return NicView(
        kind=nic.get("type", ""),
        source=_source(nic),
        model=_attr(nic, "model", "type"),
        mac=_attr(nic, "mac", "address"),
        target=_attr(nic, "target", "dev"),
    )


def _port(value: str | None) -> int | None:
    port = _int(value)
    return port if port is not None and 0 < port < 65536 else None


def _graphics(graphics: ET.Element) -> GraphicsView:
    kind = graphics.get("type", "")
    listen = graphics.find("listen")
    socket = graphics.get("socket", "")
    address = graphics.get("listen", "")
    how: Literal["socket", "address", "none", ""] = ""
    if listen is not None:
        listen_type = listen.get("type", "")
        if listen_type == "socket":
            how, socket = "socket", listen.get("socket", socket)
        elif listen_type in ("address", "network"):
            how, address = "address", listen.get("address", address)
        elif listen_type == "none":
            how = "none"
    elif socket:
        how = "socket"
    elif address:
        how = "address"
    return GraphicsView(
        kind=kind,
        listen=how,
        socket=socket if how == "socket" else "",
        address=address if how == "address" else "",
        port=_port(graphics.get("port")),
        tls_port=_port(graphics.get("tlsPort")),
        has_password=graphics.get("passwd") is not None,
    )


def _filesystem(fs: ET.Element) -> FilesystemView:
    return FilesystemView(
        driver=_attr(fs, "driver", "type") or "path",
        source=_source(fs),
        tag=_attr(fs, "target", "dir"),
        read_only=fs.find("readonly") is not None,
    )


def _usb(devices: ET.Element) -> UsbView:
    controllers = tuple(c.get("model", "") for c in devices.findall("controller")
                        if c.get("type") == "usb" and c.get("model") != "none")
    hosts = []
    for hostdev in devices.findall("hostdev"):
        if hostdev.get("type") != "usb":
            continue
        vendor = hostdev.find("source/vendor")
        product = hostdev.find("source/product")
        address = hostdev.find("source/address")
        if vendor is not None and product is not None:
            hosts.append(f"{_hex4(vendor.get('id'))}:{_hex4(product.get('id'))}")
        elif address is not None:
            hosts.append(f"{address.get('bus', '?')}.{address.get('device', '?')}")
    redirections = sum(1 for r in devices.findall("redirdev") if r.get("bus", "usb") == "usb")
    return UsbView(controllers, tuple(hosts), redirections)


def _hex4(value: str | None) -> str:
    number = _int_any(value)
    return f"{number:04x}" if number is not None and 0 <= number <= 0xFFFF else "????"


def _int_any(value: str | None) -> int | None:
    try:
        return int(value, 0) if value is not None else None
    except ValueError:
        return None


# --- whether the embedded console may connect ----------------------------------------------


def _loopback_or_any(address: str) -> bool:
    if address in ("", "localhost"):
        return True
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def console_refusal(uri: str, graphics: GraphicsView) -> Message | None:
    """Why kvmgui's console does not connect to `graphics` (the display of a running domain
    of `uri`), or None when it may: a VNC display on a unix socket or a port on its host's
    loopback (or every address, reached on loopback), of this computer or through SSH."""
    if graphics.kind != "vnc":
        return Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view", "kvmgui draws VNC displays only; this one is {kind}."),
            kind=graphics.kind or "?")
    if not on_this_computer(uri) and not goes_through_ssh(uri):
        return Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "The console of a domain on another computer is shown only through an SSH "
            "connection (a qemu+ssh:// address); {uri} is not one."), uri=uri)
    if graphics.listen == "socket" and graphics.socket:
        return None
    if graphics.listen == "none":
        return Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "This display listens nowhere; it can only be reached through libvirt's own "
            "viewer connection."))
    if graphics.port is None:
        return Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "The display has no port yet; the domain is not running."))
    if not _loopback_or_any(graphics.address):
        return Message(QT_TRANSLATE_NOOP(
            "core.libvirt_domain_view",
            "The display listens on the network address {address}; kvmgui does not connect "
            "to a display over the network (its picture and keys are not encrypted). Make it "
            "listen on 127.0.0.1 or a socket."), address=graphics.address)
    return None
