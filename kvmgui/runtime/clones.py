"""Linked clones (qcow2 overlays on a base image), full clones, and who depends on a base.

The plans and rules are in kvmgui/core/clones.py; this module runs qemu-img, changes file
permissions and saves the definitions, undoing its own steps when a later one fails.

    result = await create_linked_clone(store, "debian-base", "debian-test", paths=paths)
    print(result.message, *result.notes)
    names = await dependent_vms(store, store.get("debian-base"))   # incl. real chains

Protecting the base (why both steps):
- chmod a-w on the base image file: no program run by this user (qemu-img resize, a VM
  defined by hand, `img compress`) can open it for writing by accident.
- the base VM's disks marked read-only (throwaway on IDE/SATA): the base VM still starts,
  but QEMU opens its disk read-only, so it cannot change what the clones read.
release_base() undoes both once no clone is left.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kvmgui.core import clones as cl, qemu_img as qi
from kvmgui.core.clones import ClonePlan, Dependent
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, joined, plural
from kvmgui.core.model import DiskFormat, OsPreset, VmSpec
from kvmgui.core.paths import AppPaths, VmFolder
from kvmgui.core.presets import PRESETS, new_spec
from kvmgui.core.problems import shown
from kvmgui.core.qemu_img import ImageInfo
from kvmgui.core.store import StoredVm, StoreError, VmStore
from kvmgui.core.usage import ImageUse, owners, vms_using
from kvmgui.runtime.creation import creating
from kvmgui.runtime.images import (
    ImageCancelled,
    ImageError,
    ImageJob,
    JobResult,
    ProgressCallback,
    checked_chain,
    commit_temp,
    image_chain,
    image_info,
    remove_quietly,
    temp_path_for,
)
from kvmgui.runtime.liveness import vm_is_running


class CloneError(ImageError):
    """A clone could not be made (nothing was left behind); `message` is one sentence."""


@dataclass(frozen=True)
class CloneResult:
    stored: StoredVm  # the new VM
    base_vm: StoredVm | None  # the base VM as saved (disks protected); None for an image
    chain: list[ImageInfo]  # the first overlay's backing chain, overlay first
    message: Message
    notes: tuple[str, ...] = ()


# ------------------------------------------------------------------------------ helpers


def _is_block(path: Path) -> bool:
    try:
        return stat.S_ISBLK(os.stat(path).st_mode)
    except OSError:
        return False


def _refuse_unapproved(store: VmStore, vm: StoredVm, doing: Message) -> None:
    # A copy would carry (or, for a full clone, read) what the source reaches on this
    # computer without the user's approval, and come out approved as the user's own VM.
    if store.approvals is not None and store.approvals.unapproved(vm.spec, vm.folder):
        raise CloneError(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "VM '{name}' has settings that reach this computer and that you have not approved "
            "yet; approve them first (kvmgui-cli approve {quoted}), then {doing}."),
            name=shown(vm.spec.name), quoted=shlex.quote(vm.spec.name), doing=doing))


def _refuse_running(vm: StoredVm, paths: AppPaths | None, doing: Message) -> None:
    if vm_is_running(vm.spec.id, paths):
        raise CloneError(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "VM '{name}' is running, so its disk is changing; shut it down first (kvmgui-cli "
            "shutdown '{name}'), then {doing}."), name=shown(vm.spec.name), doing=doing))


def _folder_for(store: VmStore, new_name: str) -> VmFolder:
    try:
        return store.folder_for(new_name)
    except StoreError as exc:
        raise CloneError(str(exc)) from None


async def _base_sizes(store: VmStore, vm: StoredVm, paths: AppPaths | None, doing: Message,
                      qemu_img: str) -> list[int]:
    """The virtual size of each disk of base VM `vm`, once it is known to be approved and shut
    down (else CloneError saying to do that, then `doing`), after qemu-img's lock test (a
    running VM holds a lock) and the check of its bases (checked_chain)."""
    _refuse_unapproved(store, vm, doing)
    _refuse_running(vm, paths, doing)
    sizes = []
    for i, disk in enumerate(vm.spec.disks):
        path = cl.disk_image(disk, vm.folder)
        if not path.exists():
            raise CloneError(Message(QT_TRANSLATE_NOOP(
                "runtime.clones", "Disk {number} of '{name}', {path}, does not exist."),
                number=i + 1, name=shown(vm.spec.name), path=shown(str(path))))
        try:
            info = await image_info(path, fmt=disk.format.value, force_share=False,
                                    qemu_img=qemu_img)
            # A clone reads (linked) or copies (full) every base of the disk.
            await checked_chain(
                path, disk.format.value, base=disk.backing_file,
                base_format=disk.backing_format.value if disk.backing_format else None,
                qemu_img=qemu_img)
        except ImageError as exc:
            raise CloneError(exc.message, exc.details) from None
        sizes.append(info.virtual_size)
    return sizes


def _find_base(store: VmStore, base: str) -> StoredVm | Path:
    """An existing image file named `base`, else the VM of that name."""
    path = Path(os.path.abspath(base))
    if path.is_file() or _is_block(path):
        return path
    vm = store.find(base)
    if vm is None:
        raise CloneError(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "'{base}' is neither a VM nor an image file: check the name ('kvmgui-cli list' "
            "shows the VMs)."), base=shown(base)))
    return vm


def _make_read_only(files: Iterable[Path]) -> tuple[dict[Path, int], list[str]]:
    """chmod a-w each file; returns the old modes (to undo) and notes for files it could not."""
    old: dict[Path, int] = {}
    notes: list[str] = []
    for path in files:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode & 0o222:
                os.chmod(path, mode & ~0o222)
                old[path] = mode
        except OSError as exc:
            notes.append(Message(QT_TRANSLATE_NOOP(
                "runtime.clones",
                "{path} could not be made read-only ({strerror}); make sure nothing writes to "
                "it while clones use it."), path=shown(str(path)), strerror=exc.strerror or ""))
    return old, notes


def _restore_modes(old: dict[Path, int]) -> None:
    for path, mode in old.items():
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def _copy_nvram(base: StoredVm, new: StoredVm) -> None:
    """A UEFI VM's boot entries live in its variable store: the clone starts with a copy."""
    if base.folder.nvram.is_file() and not new.folder.nvram.exists():
        shutil.copyfile(base.folder.nvram, new.folder.nvram)
        os.chmod(new.folder.nvram, 0o600)


# ------------------------------------------------------------------------------ linked clones


async def create_linked_clone(
    store: VmStore,
    base: str,
    new_name: str,
    *,
    paths: AppPaths | None = None,
    os_preset: OsPreset = OsPreset.LINUX,
    machine_version: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
) -> CloneResult:
    """Make VM `new_name` whose disks are qcow2 overlays on the disks of `base`.

    `base` is a VM's name (the clone copies its settings) or an image file (the clone is a
    new VM of `os_preset`, pinned to `machine_version`). The base is protected (see the
    module docstring). On failure nothing is left behind and CloneError says why.
    """
    found = _find_base(store, base)
    new_folder = _folder_for(store, new_name)
    template = new_spec(new_name, os_preset, machine_version=machine_version)
    base_vm: StoredVm | None = None
    if isinstance(found, Path):
        _refuse_vm_disk(store, found)
        plan = await _plan_from_image(found, template, new_folder, qemu_img)
    else:
        base_vm = found
        sizes = await _base_sizes(store, base_vm, paths, Message(QT_TRANSLATE_NOOP(
            "runtime.clones", "make the clone")), qemu_img)
        try:
            plan = cl.plan_linked_clone(base_vm.spec, base_vm.folder, template, new_folder,
                                        sizes=sizes, is_block=_is_block)
        except cl.CloneError as exc:
            raise CloneError(str(exc)) from None
    return await _execute_linked(store, plan, base_vm, qemu_img)


def _refuse_vm_disk(store: VmStore, image: Path) -> None:
    """An image that is a VM's disk is cloned through its VM, which then protects it."""
    for vm in owners(store.load_all().vms, image):
        name = shown(vm.spec.name)
        raise CloneError(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "{image} is a disk of VM '{vm}'; clone the VM instead (kvmgui-cli clone '{vm}' "
            "NEW_NAME --linked), so that its disk is protected while clones use it."),
            image=shown(image.name), vm=name))


async def _plan_from_image(image: Path, template: VmSpec, new_folder: VmFolder,
                           qemu_img: str) -> ClonePlan:
    if _is_block(image):
        raise CloneError(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "{image} is a host device; a linked clone needs a disk image file as its base."),
            image=shown(str(image))))
    try:
        # The format is learnt here, once (info probes), and recorded in the overlay (-F).
        info = await image_info(image, force_share=False, qemu_img=qemu_img)
        await checked_chain(image, info.format, qemu_img=qemu_img)
    except ImageError as exc:
        raise CloneError(exc.message, exc.details) from None
    try:
        fmt = DiskFormat(info.format)
    except ValueError:
        raise CloneError(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "{name} is a '{format}' image, which kvmgui cannot use as a base: convert it to "
            "qcow2 first (kvmgui-cli img convert)."), name=shown(image.name), format=info.format)
        ) from None
    bus = PRESETS[template.os].disk_bus
    return cl.plan_image_clone(image, fmt, template, new_folder, bus=bus,
                               size_bytes=info.virtual_size)


async def _execute_linked(store: VmStore, plan: ClonePlan, base_vm: StoredVm | None,
                          qemu_img: str) -> CloneResult:
    # runtime.creation: the clone is hidden until complete, and a failure removes exactly
    # what was made (the overlays, the new VM) and undoes the base's protection.
    try:
        async with creating(store, plan.spec) as made:
            for ov in plan.overlays:
                try:
                    await made.new_image(ov.overlay, "qcow2", None, backing=ov.backing,
                                         backing_format=ov.base_format.value, qemu_img=qemu_img)
                except ImageError as exc:
                    raise CloneError(exc.message, exc.details) from None
            old_modes, notes = _make_read_only(ov.base for ov in plan.overlays)
            made.on_undo(lambda: _restore_modes(old_modes))
            saved_base = base_vm
            if base_vm is not None:
                _copy_nvram(base_vm, made.stored)
                if plan.base_spec is not None and plan.base_spec != base_vm.spec:
                    try:
                        saved_base = store.save(replace(base_vm, spec=plan.base_spec))
                    except StoreError as exc:
                        raise CloneError(Message(QT_TRANSLATE_NOOP(
                            "runtime.clones", "The base VM could not be marked read-only: {exc}"),
                            exc=str(exc))) from None
                    made.on_undo(_put_back(store, saved_base, base_vm.spec))
            chain = await image_chain(plan.overlays[0].overlay, fmt="qcow2", qemu_img=qemu_img)
    except StoreError as exc:
        raise CloneError(str(exc)) from None
    return CloneResult(made.stored, saved_base, chain, *_linked_message(plan, base_vm, notes))


def _put_back(store: VmStore, saved: StoredVm, spec: VmSpec) -> Callable[[], None]:
    """The undo step of a definition this operation saved: `spec` again."""

    def undo() -> None:
        store.save(replace(saved, spec=spec))

    return undo


def _linked_message(plan: ClonePlan, base_vm: StoredVm | None,
                    notes: list[str]) -> tuple[Message, tuple[str, ...]]:
    what: str = (_vm_named(base_vm.spec.name) if base_vm is not None
                 else shown(str(plan.overlays[0].base)))
    message = Message(QT_TRANSLATE_NOOP(
        "runtime.clones",
        "Created '{name}', a linked clone of {what}: its disk keeps only its own changes and "
        "reads everything else from the base."), name=shown(plan.spec.name), what=what)
    lines: list[str] = [plural(
        len(plan.overlays),
        QT_TRANSLATE_NOOP("runtime.clones",
                          "The base disk image is now read-only, because any change to a base "
                          "would corrupt its linked clones."),
        QT_TRANSLATE_NOOP("runtime.clones",
                          "The base disk images are now read-only, because any change to a base "
                          "would corrupt its linked clones."))]
    if base_vm is not None and plan.protected_disks:
        lines.append(Message(QT_TRANSLATE_NOOP(
            "runtime.clones",
            "In '{name}', {changes}. It stays so while clones exist; afterwards 'kvmgui-cli "
            "release-base {name}' makes it writable again."),
            name=shown(base_vm.spec.name), changes=joined(plan.protected_disks)))
    return message, (*lines, *notes)


def _vm_named(name: str) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.clones", "VM '{name}'"), name=shown(name))


# ------------------------------------------------------------------------------ dependents


async def vms_using_deep(
    vms: Sequence[StoredVm], *images: str | os.PathLike[str], qemu_img: str = qi.QEMU_IMG,
) -> list[ImageUse]:
    """core.usage.vms_using, with each qcow2 disk's chain as its image's header names it.

    The headers catch overlays whose definition does not record a base (an overlay made by
    hand and added with `create --disk`). Each disk is read with the format its definition
    records; a disk whose chain cannot be read is judged from its definition alone.
    """
    chains: dict[str, list[str]] = {}
    for vm in vms:
        for disk in vm.spec.disks:
            path = cl.disk_image(disk, vm.folder)
            real = os.path.realpath(path)
            if disk.format is not DiskFormat.QCOW2 or real in chains or not path.is_file():
                continue
            try:
                chain = await image_chain(path, fmt="qcow2", qemu_img=qemu_img)
            except ImageError:
                continue
            chains[real] = [os.path.realpath(link.filename) for link in chain[1:]]
    return vms_using(vms, *images, chains=chains)


async def dependents_deep(
    store: VmStore, images: Iterable[Path], *, exclude_vm: str | None = None,
    qemu_img: str = qi.QEMU_IMG, vms: Sequence[StoredVm] | None = None,
) -> list[Dependent]:
    """VM disks built on any of `images` (vms_using_deep: definitions and real chains).

    `vms`: the store's VMs when the caller has loaded them already (off the event loop).
    """
    if vms is None:
        vms = store.load_all().vms
    uses = await vms_using_deep(vms, *images, qemu_img=qemu_img)
    return [Dependent(u.vm.spec.name, u.vm.spec.id, u.disk_index, u.image, u.base)
            for u in uses if u.base is not None and u.vm.spec.id != exclude_vm]


async def dependent_vms(store: VmStore, vm: StoredVm, *, qemu_img: str = qi.QEMU_IMG
                        ) -> list[str]:
    """The names of the VMs built on `vm`'s disks (definitions and real chains)."""
    deps = await dependents_deep(store, cl.vm_images(vm), exclude_vm=vm.spec.id,
                                 qemu_img=qemu_img)
    return cl.names_of(deps)


async def refuse_if_base(store: VmStore, vm: StoredVm, action: str = "delete", *,
                         qemu_img: str = qi.QEMU_IMG) -> None:
    """Raise CloneError naming the dependent VMs when `vm` is the base of linked clones."""
    names = await dependent_vms(store, vm, qemu_img=qemu_img)
    if names:
        raise CloneError(cl.base_refusal(_vm_named(vm.spec.name), names, action))


async def release_base(store: VmStore, vm: StoredVm, *, qemu_img: str = qi.QEMU_IMG
                       ) -> tuple[StoredVm, list[str]]:
    """Make a former base writable again, once no linked clone is built on it.

    Disks whose image file was made read-only become writable (u+w) and lose their
    read-only/throwaway marks. Returns the saved VM and what was changed.
    """
    names = await dependent_vms(store, vm, qemu_img=qemu_img)
    if names:
        raise CloneError(cl.base_refusal(Message(QT_TRANSLATE_NOOP(
            "runtime.clones", "VM '{name}' writable"), name=shown(vm.spec.name)), names, "make"))
    changed: list[str] = []
    disks = list(vm.spec.disks)
    for i, disk in enumerate(disks):
        path = cl.disk_image(disk, vm.folder)
        try:
            st = os.stat(path)
        except OSError:
            continue
        mode = stat.S_IMODE(st.st_mode)
        if not stat.S_ISREG(st.st_mode) or mode & 0o200:
            continue
        try:
            os.chmod(path, mode | 0o200)
        except OSError as exc:
            raise CloneError(Message(QT_TRANSLATE_NOOP(
                "runtime.clones", "{path} could not be made writable ({strerror})."),
                path=shown(str(path)), strerror=exc.strerror or "")) from None
        disks[i] = replace(disk, readonly=False, throwaway=False)
        changed.append(Message(QT_TRANSLATE_NOOP(
            "runtime.clones", "disk {number} ({name}) is writable again"),
            number=i + 1, name=path.name))
    saved = vm
    if tuple(disks) != vm.spec.disks:
        try:
            saved = store.save(replace(vm, spec=replace(vm.spec, disks=tuple(disks))))
        except StoreError as exc:
            raise CloneError(str(exc)) from None
    return saved, changed


# ------------------------------------------------------------------------------ full clones


def full_clone_job(
    store: VmStore, base: str, new_name: str, *, paths: AppPaths | None = None,
    qemu_img: str = qi.QEMU_IMG, progress: ProgressCallback | None = None,
) -> ImageJob:
    """Copy VM `base` into a new, independent VM `new_name` (every disk copied whole).

    Each disk's backing chain is flattened into the copy (qemu-img convert), so the clone
    depends on nothing. A failure or cancel removes the new VM completely.
    """

    async def body(job: ImageJob) -> JobResult:
        found = _find_base(store, base)
        if isinstance(found, Path):
            raise CloneError(Message(QT_TRANSLATE_NOOP(
                "runtime.clones",
                "A full clone copies a VM; to make a VM from an image, use 'kvmgui-cli create "
                "NAME --disk IMAGE' (or clone it with --linked).")))
        base_vm = found
        sizes = await _base_sizes(store, base_vm, paths, Message(QT_TRANSLATE_NOOP(
            "runtime.clones", "copy it")), qemu_img)
        new_folder = _folder_for(store, new_name)
        try:
            plan = cl.plan_full_clone(base_vm.spec, base_vm.folder,
                                      new_spec(new_name, base_vm.spec.os), new_folder,
                                      protected=base_disk_indexes(store, base_vm))
        except cl.CloneError as exc:
            raise CloneError(str(exc)) from None
        if any(_is_block(ov.base) for ov in plan.overlays):
            raise CloneError(Message(QT_TRANSLATE_NOOP(
                "runtime.clones",
                "A disk of this VM is a host device; kvmgui copies image files only.")))
        try:
            async with creating(store, plan.spec) as made:
                total = sum(sizes) or 1
                done = 0
                for ov, disk, size in zip(plan.overlays, plan.spec.disks, sizes, strict=True):
                    lo = 99.0 * done / total
                    hi = 99.0 * (done + size) / total
                    await _copy_disk(job, ov.base, ov.base_format.value, ov.overlay,
                                     disk.format.value, (lo, hi), qemu_img)
                    made.made(ov.overlay)
                    done += size
                _copy_nvram(base_vm, made.stored)
        except ImageCancelled:
            raise ImageCancelled(Message(QT_TRANSLATE_NOOP(
                "runtime.clones", "Cloning '{name}' was cancelled; nothing was changed."),
                name=shown(base_vm.spec.name))) from None
        except StoreError as exc:
            raise CloneError(str(exc)) from None
        stored = made.stored
        return JobResult(
            stored.folder.dir,
            Message(QT_TRANSLATE_NOOP(
                "runtime.clones", "Created '{new_name}', an independent copy of '{name}'."),
                new_name=shown(new_name), name=shown(base_vm.spec.name)),
        )

    return ImageJob(Message(QT_TRANSLATE_NOOP("runtime.clones", "Cloning {base}"), base=base),
                    body, progress=progress, qemu_img=qemu_img)


def base_disk_indexes(store: VmStore, vm: StoredVm) -> set[int]:
    """The indexes of `vm`'s disks that other VMs' overlays are built on (read-only or
    throwaway only to protect those overlays)."""
    vms = store.load_all().vms
    return {
        i for i, image in enumerate(cl.vm_images(vm))
        if any(d.vm_id != vm.spec.id
               for d in cl.disks_backing_onto(vms, [image], resolve=os.path.realpath))
    }


async def _copy_disk(job: ImageJob, src: Path, src_fmt: str, dst: Path, dst_fmt: str,
                     span: tuple[float, float], qemu_img: str) -> None:
    tmp = temp_path_for(dst)
    try:
        r = await job.step(qi.convert_argv(src, src_fmt, tmp, dst_fmt, qemu_img=qemu_img),
                           span=span)
        if r.returncode != 0:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.clones", "Copying {name} failed: {error}"),
                name=src.name, error=qi.explain_error(r.stderr)), qi.error_details(r.stderr))
        job.check_cancelled()
        commit_temp(tmp, dst, overwrite=False)
    finally:
        remove_quietly(tmp)
