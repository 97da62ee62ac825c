"""Creating a VM on a libvirt host: the one place that does it, for the wizard and for
`kvmgui-cli --connect URI create`.

    created = await create_on_host(connection, spec, pool="default", progress=report)

From the spec the wizard's draft or the CLI's options make: each new disk becomes a volume of
one of the host's storage pools (libvirt then owns its path, permissions and labels), the ISO
is a volume of one of the host's pools (named by its path on the host, POOL/NAME or a bare
volume name), core.libvirt_xml.export_domain describes the VM with those volume paths, and the
domain is defined. On any failure or cancel the volumes this creation made are deleted again
and nothing is defined (virt-install's cleanup_created_disks does the same).

The domain type is the host's: "kvm" when its libvirt offers KVM for x86_64 and its CPU has
VT-x or AMD-V, else "qemu" (TCG). libvirt offers KVM wherever /dev/kvm exists, also where the
kernel's KVM cannot run ordinary guests (kvm_pvm in a VM without nested virtualization, whose
CPU shows neither flag), so the CPU's flags are asked too.
"""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kvmgui.core.libvirt_xml import DomainType, domain_name, export_domain
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import Cdrom, CdromSource, VmSpec
from kvmgui.core.paths import VmFolder
from kvmgui.runtime.libvirt_accel import host_domain_type
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import VIR_ERR_NO_DOMAIN, LibvirtError
from kvmgui.runtime.libvirt_move import volume_names
from kvmgui.runtime.libvirt_storage import (
    VolumeInfo,
    create_volume,
    pools,
    usable_pool,
    volumes,
)
from kvmgui.runtime.libvirt_upload import remove_volume, run_to_end, upload_volume

# (fraction done 0..1, what is being done); fraction > 1: busy, amount unknown.
Progress = Callable[[float, Message], None]
BUSY = 2.0
# A guest's ISO as the pools list it: libvirt's file pools probe ISO 9660 and say "iso".
ISO_FORMAT = "iso"


@dataclass(frozen=True)
class CreatedDomain:
    """What a creation on a libvirt host made."""

    uri: str
    name: str  # the domain's name on the host
    domain_type: DomainType
    disks: tuple[VolumeInfo, ...]
    iso: VolumeInfo | None
    serial_log: str  # where the host's libvirt copies the serial console ("" when nowhere)
    warnings: tuple[Message, ...]  # what the domain XML could not carry


def refusal(spec: VmSpec) -> Message | None:
    """Why `spec` cannot be made on a libvirt host, as one sentence (None: it can).

    What names something of this computer cannot reach the host: an existing disk image, a
    USB stick or drive, shared folders, its USB devices; nor the expert QEMU arguments, which
    were approved for this computer."""
    if any(d.size_bytes is None for d in spec.disks):
        return Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create",
            "A VM on a libvirt host gets new disks only: an existing disk image of this "
            "computer is not on the host (move a VM there instead)."))
    if spec.cdrom is not None and spec.cdrom.source is CdromSource.HOST:
        return Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create",
            "A VM on a libvirt host cannot use this computer's CD or DVD drive; choose an ISO "
            "image of the host's storage pools."))
    if spec.usb_stick is not None or spec.usb_devices:
        return Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create",
            "A VM on a libvirt host cannot use this computer's USB sticks or devices."))
    if spec.shares:
        return Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create",
            "A VM on a libvirt host cannot share this computer's folders."))
    if spec.extra_args:
        return Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create",
            "A VM on a libvirt host gets no extra QEMU arguments: they were approved for this "
            "computer only."))
    return None


async def iso_volumes(connection: LibvirtConnection) -> list[VolumeInfo]:
    """The ISO images of the host's active pools (by libvirt's format or the .iso ending),
    for a chooser: by pool, then by name."""
    found: list[VolumeInfo] = []
    for pool in await pools(connection):
        if pool.active:
            found += [v for v in await volumes(connection, pool.name) if _is_iso(v)]
    return found


def _is_iso(volume: VolumeInfo) -> bool:
    return volume.disk_format == ISO_FORMAT or volume.name.lower().endswith(".iso")


async def find_volume(connection: LibvirtConnection, ref: str) -> VolumeInfo:
    """The volume `ref` names: its path on the host, POOL/NAME, or a volume name of one of
    the active pools. LibvirtError saying what to do when the host has none."""
    uri = connection.uri
    wanted_pool, _, wanted_name = ref.rpartition("/") if not ref.startswith("/") else ("", "", "")
    for pool in await pools(connection):
        if not pool.active or (wanted_pool and pool.name != wanted_pool):
            continue
        for volume in await volumes(connection, pool.name):
            if ref.startswith("/"):
                if posixpath.normpath(volume.path) == posixpath.normpath(ref):
                    return volume
            elif volume.name == wanted_name:
                return volume
    raise LibvirtError(Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_create",
        "No active storage pool of {uri} holds '{iso}'; put the file into a pool's folder on "
        "the host (list them with: virsh -c {uri} pool-list --details) or upload it into "
        "one."), uri=uri, iso=ref), code="no-volume")


def serial_log_path(uri: str, name: str) -> str:
    """Where a system libvirt keeps a domain's serial console log ("" elsewhere: a session
    daemon's log folder is in its user's home, unknown from here)."""
    path = uri.split("?", 1)[0].rstrip("/")
    return f"/var/log/libvirt/qemu/{name}-serial.log" if path.endswith("/system") else ""


async def _domain_exists(connection: LibvirtConnection, name: str) -> bool:
    libvirt = connection.binding

    def look(conn: Any) -> bool:
        try:
            conn.lookupByName(name)
        except libvirt.libvirtError as exc:
            if exc.get_error_code() == VIR_ERR_NO_DOMAIN:
                return False
            raise
        return True

    return await connection.run(look)


async def create_on_host(
    connection: LibvirtConnection,
    spec: VmSpec,
    *,
    pool: str | None = None,
    upload_iso: Path | None = None,
    progress: Progress | None = None,
) -> CreatedDomain:
    """Define `spec` on the host of `connection`, its new disks as volumes of `pool` (None:
    the default pool, else the first active one) and its ISO a volume of the host's pools:
    `upload_iso`, a file of this computer uploaded into `pool` first, or else spec.cdrom's
    path (a path on the host, POOL/NAME or a volume name).

    Raises LibvirtError (one sentence) with nothing left behind, the uploaded ISO included."""

    def say(fraction: float, what: Message) -> None:
        if progress is not None:
            progress(fraction, what)

    uri = connection.uri
    refused = refusal(spec)
    if refused is not None:
        raise LibvirtError(refused, code="refused")
    name = domain_name(spec)
    say(0.0, Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_create", "Checking {uri}…"), uri=uri))
    if await _domain_exists(connection, name):
        raise LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create",
            "{uri} already has a VM named '{name}'; choose another name."),
            uri=uri, name=name), code="exists")
    iso: VolumeInfo | None = None
    if upload_iso is None and spec.cdrom is not None and spec.cdrom.source is CdromSource.ISO \
            and spec.cdrom.path:
        iso = await find_volume(connection, spec.cdrom.path)
    target = usable_pool(await pools(connection), pool) \
        if spec.disks or upload_iso is not None else None
    domain_type = await host_domain_type(connection, spec)

    made: list[VolumeInfo] = []
    try:
        # The disks first: a volume name already taken is refused before a long upload.
        disks = []
        names = volume_names(name, [d.format for d in spec.disks])
        for i, (disk, volume_name) in enumerate(zip(spec.disks, names, strict=True)):
            assert target is not None and disk.size_bytes is not None
            say(0.05 * i / len(spec.disks), Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_create", "Creating the disk volume {volume} in the pool "
                "{pool}…"), volume=volume_name, pool=target.name))
            # Counted as made from the moment it is asked for: a cancel while libvirt
            # writes it must remove it too (a name already taken is refused before).
            made.append(VolumeInfo(target.name, volume_name, "", str(disk.format), 0, 0))
            try:
                volume = await create_volume(
                    connection, target.name, volume_name, disk.size_bytes, disk.format)
            except LibvirtError as err:
                if err.code == "volume-exists":
                    made.pop()  # someone else's
                raise
            made[-1] = volume
            disks.append(replace(disk, path=volume.path))
        spec = replace(spec, disks=tuple(disks))
        if upload_iso is not None:
            assert target is not None
            iso = await _upload(connection, target.name, upload_iso, made, say)
        if iso is not None:
            spec = replace(spec, cdrom=Cdrom(CdromSource.ISO, iso.path))
        log = serial_log_path(uri, name)
        domain = export_domain(
            spec, folder=VmFolder(Path("/")), domain_type=domain_type,
            serial_console=True, serial_log=log)
        say(0.9, Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create", "Defining '{name}' on {uri}…"), name=name, uri=uri))
        await connection.run(lambda conn: conn.defineXML(domain.xml), name)
    except BaseException:
        # To its end: a second Ctrl+C must not leave half of the volumes behind.
        await run_to_end(_remove(connection, made))
        raise
    say(1.0, Message(QT_TRANSLATE_NOOP("runtime.libvirt_create", "Done.")))
    disk_paths = {d.path for d in spec.disks}
    return CreatedDomain(uri, name, domain_type, tuple(v for v in made if v.path in disk_paths),
                         iso, log, domain.warnings)


async def _upload(connection: LibvirtConnection, pool: str, source: Path,
                  made: list[VolumeInfo], say: Progress) -> VolumeInfo:
    """`source` as a new volume of `pool`, named after the file; counted in `made` once
    uploaded (upload_volume removes what it made itself when it fails or is cancelled)."""
    what = Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_create", "Uploading {file} into the pool {pool}…"),
        file=source.name, pool=pool)

    def sent(done: int, total: int) -> None:
        say(0.05 + 0.8 * done / max(total, 1), what)

    try:
        volume = await upload_volume(connection, pool, source.name, source, sent)
    except OSError as exc:
        raise LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_create", "{file} cannot be read: {reason}"),
            file=str(source), reason=exc.strerror or str(exc)), code="unreadable") from None
    made.append(volume)
    return volume


async def _remove(connection: LibvirtConnection, made: list[VolumeInfo]) -> None:
    for volume in reversed(made):
        # Best effort: the error being raised is the one to report.
        with contextlib.suppress(LibvirtError):
            await remove_volume(connection, volume.pool, volume.name)
