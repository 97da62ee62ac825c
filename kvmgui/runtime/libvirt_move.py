"""Moving a stopped kvmgui VM to a libvirt host ("Move to…", `kvmgui-cli move`).

The VM's definition becomes domain XML (core.libvirt_xml.export_domain), its disks become
volumes of one of the host's storage pools (uploaded over the libvirt connection, see
runtime/libvirt_upload.py) and the domain is defined there. The VM here is left exactly as it
was: the user deletes it once the moved one works.

A linked clone's disk is a qcow2 overlay whose base stays here, so it is flattened on the
way: `qemu-img convert` reads the whole chain into a temporary image next to the disk, which
is uploaded and then removed; the chain itself is only read. Every other image is uploaded
byte for byte, in its own format.

Everything this makes on the host (volumes, the domain) is removed again when a later step
fails or the move is cancelled, so a move either completes or leaves the host as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import stat
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kvmgui.core import qemu_img as qi
from kvmgui.core.libvirt_xml import (
    DomainType,
    LibvirtDomain,
    LibvirtXmlError,
    domain_name,
    domain_uuid,
    export_domain,
)
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskFormat, VmSpec
from kvmgui.core.paths import AppPaths
from kvmgui.core.problems import shown
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.clones import base_disk_indexes
from kvmgui.runtime.images import (
    ImageError,
    ImageJob,
    JobResult,
    checked_chain,
    image_info,
    remove_quietly,
    temp_path_for,
)
from kvmgui.runtime.libvirt_accel import host_domain_type
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import VIR_ERR_NO_DOMAIN, LibvirtError
from kvmgui.runtime.libvirt_storage import VolumeInfo, pools, usable_pool, volumes
from kvmgui.runtime.libvirt_upload import remove_volume, run_to_end, settle, upload_volume
from kvmgui.runtime.liveness import vm_is_running

# A flattened disk is a qcow2 image: compact, and what a libvirt host expects of a VM disk.
_FLAT_FORMAT = DiskFormat.QCOW2


class MoveError(LibvirtError):
    """The move cannot be done or failed; one sentence saying what to do. `code`: "running",
    "unapproved", "device", "domain-exists", "volume-exists", "chain", "failed"."""


@dataclass(frozen=True)
class MoveStep:
    """Where the move is: what it does now (one sentence), and how far that step is."""

    text: Message
    done: int  # bytes uploaded, or percent of a flattening
    total: int


MoveProgress = Callable[[MoveStep], None]


@dataclass(frozen=True)
class MoveResult:
    uri: str
    domain: str
    pool: str
    volumes: tuple[VolumeInfo, ...]
    warnings: tuple[Message, ...]  # what the domain could not carry over
    message: Message


@dataclass(frozen=True)
class _DiskPlan:
    index: int
    image: Path
    format: DiskFormat  # the image's own format
    flatten: bool  # a chain: uploaded as one flattened qcow2
    volume: str

    @property
    def upload_format(self) -> DiskFormat:
        return _FLAT_FORMAT if self.flatten else self.format


# --- pure parts -------------------------------------------------------------------------


def volume_names(domain: str, formats: Sequence[DiskFormat]) -> list[str]:
    """The volumes' names: virt-manager's pattern, the domain's name then -2, -3… for further
    disks, with the format's extension (raw images as .img)."""
    names = []
    for i, fmt in enumerate(formats):
        ext = "img" if fmt is DiskFormat.RAW else fmt.value
        names.append(f"{domain}.{ext}" if i == 0 else f"{domain}-{i + 1}.{ext}")
    return names


def moved_spec(spec: VmSpec, disks: Sequence[tuple[str, DiskFormat]], *,
               protected: Collection[int] = ()) -> tuple[VmSpec, list[Message]]:
    """`spec` as it runs on the libvirt host: each disk at its volume's path in that format
    with no base, and without what stays on this computer (an ISO, a host drive, a USB stick),
    with a sentence for each thing left behind. Disks in `protected` are read-only or
    throwaway here only because linked clones are built on them: on the host nothing is, so
    they are writable there (as in a full clone)."""
    moved = tuple(
        replace(disk, path=path, format=fmt, backing_file=None, backing_format=None,
                size_bytes=None, readonly=disk.readonly and i not in protected,
                throwaway=disk.throwaway and i not in protected)
        for i, (disk, (path, fmt)) in enumerate(zip(spec.disks, disks, strict=True)))
    notes: list[Message] = []
    cdrom = spec.cdrom
    if cdrom is not None and cdrom.source is not CdromSource.EMPTY and cdrom.path:
        notes.append(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "The CD/DVD medium {path} stays on this computer: the moved VM's drive is empty; "
            "insert an ISO image from the libvirt host."), path=cdrom.path))
        cdrom = Cdrom(CdromSource.EMPTY)
    stick = spec.usb_stick
    if stick is not None:
        notes.append(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "The USB stick {path} stays on this computer and is not attached to the moved "
            "VM."), path=stick.path))
    return replace(spec, disks=moved, cdrom=cdrom, usb_stick=None), notes


# --- the move ---------------------------------------------------------------------------


async def move_vm(vm: StoredVm, connection: LibvirtConnection, *, pool: str | None = None,
                  paths: AppPaths | None = None, ovmf_code: str | None = None,
                  store: VmStore | None = None, qemu_img: str = qi.QEMU_IMG,
                  progress: MoveProgress | None = None) -> MoveResult:
    """Copy stopped VM `vm` to the host of `connection`: its disks into `pool` (None: the
    default pool, else the first active one), its definition as a domain. The VM here is not
    changed. `store` (the VM's) refuses a VM whose reach into this computer the user has not
    approved (its disks would be read and sent away), and tells which disks are protected
    bases of linked clones here. Raises MoveError (or LibvirtError, ImageError) with what to
    do; on failure or cancellation nothing is left on the host."""
    spec = vm.spec
    name = shown(spec.name)
    approvals = store.approvals if store is not None else None
    if approvals is not None and approvals.unapproved(spec, vm.folder):
        raise MoveError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "'{name}' has settings that reach this computer and that you have not approved "
            "yet; approve them first (kvmgui-cli approve {quoted}), then move it."),
            name=name, quoted=shlex.quote(spec.name)), code="unapproved")
    if vm_is_running(spec.id, paths):
        raise MoveError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move", "'{name}' is running; shut it down first, then move it."),
            name=name), code="running")
    domain = domain_name(spec)
    protected = base_disk_indexes(store, vm) if store is not None else set()
    plans = await _plan_disks(vm, domain, qemu_img)
    target = usable_pool(await pools(connection), pool)
    await _refuse_clashes(connection, spec, domain, target.name, [p.volume for p in plans])
    domain_type = await host_domain_type(connection, spec)
    # Exported once before anything is copied, so a VM libvirt cannot take is refused now.
    _export(spec, vm, [(str(Path(target.path or "/") / p.volume), p.upload_format)
                       for p in plans], ovmf_code, protected, domain_type)

    made: list[VolumeInfo] = []
    defined = False
    try:
        for plan in plans:
            made.append(await _copy_disk(connection, target.name, plan, len(plans), qemu_img,
                                         progress))
        domain_xml, warnings = _export(
            spec, vm, [(v.path, p.upload_format) for v, p in zip(made, plans, strict=True)],
            ovmf_code, protected, domain_type)
        if progress is not None:
            progress(MoveStep(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_move", "Defining '{domain}' on {uri}"),
                domain=domain, uri=connection.uri), 0, 1))
        defining = asyncio.ensure_future(connection.run(
            lambda conn: conn.defineXML(domain_xml.xml), domain))
        try:
            await settle(defining, lambda: None)
        finally:
            defined = (defining.done() and not defining.cancelled()
                       and defining.exception() is None)
    except BaseException:
        await _undo(connection, domain if defined else None, target.name,
                    [v.name for v in made])
        raise
    return MoveResult(
        uri=connection.uri, domain=domain, pool=target.name, volumes=tuple(made),
        warnings=warnings,
        message=Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "'{name}' is now the VM '{domain}' on {uri}, its disks in the storage pool "
            "'{pool}'; the VM here is unchanged: delete it once the moved one works."),
            name=name, domain=domain, uri=connection.uri, pool=target.name))


async def _plan_disks(vm: StoredVm, domain: str, qemu_img: str) -> list[_DiskPlan]:
    """Each disk's image, and whether it is a chain to flatten. The chain is checked as every
    image kvmgui opens is (runtime/images.checked_chain), and the image's lock tells whether
    something (a QEMU started another way) still uses it."""
    spec = vm.spec
    formats = []
    found = []
    for i, disk in enumerate(spec.disks):
        image = vm.folder.resolve(disk.path)
        if _is_device(image):
            raise MoveError(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_move",
                "Disk {number} of '{name}' is a host device ({path}); kvmgui moves image "
                "files only: copy the device into an image first (kvmgui-cli img convert)."),
                number=i + 1, name=shown(spec.name), path=shown(str(image))), code="device")
        await image_info(image, fmt=disk.format.value, force_share=False, qemu_img=qemu_img)
        # The chain the image's own header names is the one qemu-img convert reads.
        chain = await checked_chain(image, disk.format.value, qemu_img=qemu_img)
        _same_base(spec, i, disk, image, chain[1].filename if len(chain) > 1 else None)
        found.append((image, disk.format, len(chain) > 1))
        formats.append(_FLAT_FORMAT if len(chain) > 1 else disk.format)
    return [_DiskPlan(i, image, fmt, flatten, volume)
            for i, ((image, fmt, flatten), volume)
            in enumerate(zip(found, volume_names(domain, formats), strict=True))]


def _same_base(spec: VmSpec, index: int, disk: Disk, image: Path, header_base: str | None) -> None:
    """The definition's base and the header's must be one file: the flattened copy holds the
    header's, while the VM here runs on the definition's."""
    wanted = (os.path.realpath(image.parent / disk.backing_file)
              if disk.backing_file is not None else None)
    found = os.path.realpath(header_base) if header_base is not None else None
    if wanted != found:
        raise MoveError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "Disk {number} of '{name}' has another base in its definition than in its image; "
            "check it with: kvmgui-cli img chain {path}"),
            number=index + 1, name=shown(spec.name), path=shown(str(image))), code="chain")


def _is_device(path: Path) -> bool:
    try:
        return stat.S_ISBLK(os.stat(path).st_mode)
    except OSError:
        return False


async def _refuse_clashes(connection: LibvirtConnection, spec: VmSpec, domain: str, pool: str,
                          names: list[str]) -> None:
    uuid = domain_uuid(spec)

    def holders(conn: Any) -> tuple[bool, str | None]:
        named = domain in [d.name() for d in conn.listAllDomains(0)]
        try:
            same_id: str | None = conn.lookupByUUIDString(uuid).name()
        except connection.binding.libvirtError as exc:
            if exc.get_error_code() != VIR_ERR_NO_DOMAIN:
                raise
            same_id = None
        return named, same_id

    named, same_id = await connection.run(holders)
    if named:
        raise MoveError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "{uri} already has a VM named '{domain}'; rename the VM here, or remove that one "
            "(virsh -c {uri} undefine {domain}), then move it again."),
            uri=connection.uri, domain=domain), code="domain-exists")
    if same_id is not None:
        raise MoveError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "{uri} already has this VM, as '{other}' (moved there before); remove that one "
            "(virsh -c {uri} undefine {other}) to move it again."),
            uri=connection.uri, other=shown(same_id)), code="domain-exists")
    taken = sorted(set(names) & {v.name for v in await volumes(connection, pool)})
    if taken:
        raise MoveError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move",
            "The storage pool '{pool}' already has a volume named '{volume}'; remove it "
            "(virsh -c {uri} vol-delete --pool {pool} {volume}) or choose another pool."),
            pool=pool, volume=taken[0], uri=connection.uri), code="volume-exists")


def _export(spec: VmSpec, vm: StoredVm, disks: list[tuple[str, DiskFormat]],
            ovmf_code: str | None, protected: Collection[int],
            domain_type: DomainType) -> tuple[LibvirtDomain, tuple[Message, ...]]:
    moved, notes = moved_spec(spec, disks, protected=protected)
    try:
        domain = export_domain(moved, folder=vm.folder, ovmf_code=ovmf_code,
                               domain_type=domain_type)
    except LibvirtXmlError as exc:
        raise MoveError(exc.message, exc.details) from None
    return domain, (*domain.warnings, *notes)


async def _copy_disk(connection: LibvirtConnection, pool: str, plan: _DiskPlan, count: int,
                     qemu_img: str, progress: MoveProgress | None) -> VolumeInfo:
    values = {"number": plan.index + 1, "count": count, "file": plan.image.name}
    if not plan.flatten:
        return await _upload(connection, pool, plan.volume, plan.image, Message(
            QT_TRANSLATE_NOOP("runtime.libvirt_move",
                              "Uploading disk {number} of {count} ({file})"),
            **values), progress)
    flat = temp_path_for(plan.image.parent / plan.volume)
    try:
        await _flatten(plan, flat, Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move", "Flattening disk {number} of {count} ({file})"), **values),
            qemu_img, progress)
        return await _upload(connection, pool, plan.volume, flat, Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_move", "Uploading disk {number} of {count} ({file}, flattened)"),
            **values), progress)
    finally:
        remove_quietly(flat)


async def _flatten(plan: _DiskPlan, flat: Path, text: Message, qemu_img: str,
                   progress: MoveProgress | None) -> None:
    async def body(job: ImageJob) -> JobResult:
        r = await job.step(qi.convert_argv(plan.image, plan.format.value, flat,
                                           _FLAT_FORMAT.value, qemu_img=qemu_img))
        if r.returncode != 0:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_move", "Flattening {file} failed: {error}"),
                file=plan.image.name, error=qi.explain_error(r.stderr)),
                qi.error_details(r.stderr))
        return JobResult(flat, text)

    async def report(percent: float) -> None:
        if progress is not None:
            progress(MoveStep(text, int(percent), 100))

    await ImageJob(text, body, progress=report, qemu_img=qemu_img).run()


async def _upload(connection: LibvirtConnection, pool: str, volume: str, source: Path,
                  text: Message, progress: MoveProgress | None) -> VolumeInfo:
    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(MoveStep(text, done, total))

    return await upload_volume(connection, pool, volume, source, report)


async def _undo(connection: LibvirtConnection, domain: str | None, pool: str,
                made: list[str]) -> None:
    """Remove the domain and the volumes this move made; runs to its end even when the move
    is cancelled again meanwhile, and a failure here never hides the move's own error."""

    async def undo() -> None:
        if domain is not None:
            def undefine(conn: Any) -> None:
                conn.lookupByName(domain).undefine()

            with contextlib.suppress(KvmguiError):
                await connection.run(undefine)
        for name in made:
            with contextlib.suppress(KvmguiError):
                await remove_volume(connection, pool, name)

    await run_to_end(undo())
