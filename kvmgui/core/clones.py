"""Base images and linked clones: what to create, and who depends on whom (pure, no processes).

A linked clone is a VM whose disks are qcow2 overlays: each overlay stores only the clone's
changes and reads everything else from its base image. The rules kept here:

- The overlay always records the base's format (`-F`, and `backing_format` in the VM's
  definition), so neither qemu-img nor QEMU ever probes the base (see core/qemu_img.py).
- The overlay lives in the new VM's folder. It names its base by the base's ABSOLUTE path:
  a base is a disk of another VM (or an image the user keeps elsewhere), which does not move
  together with the clone's folder. Only a base inside the clone's own folder is named
  relative to the overlay (so the pair still works after the folder is renamed).
- A base must not change while overlays exist: any write to it silently corrupts every clone.
  So the base image file is made read-only (chmod a-w) and, when it is a VM's disk, that VM's
  disk is marked read-only in its definition (QEMU then opens it read-only). IDE and SATA
  disks cannot be read-only in QEMU, so those become "throwaway" instead (QEMU opens the image
  read-only and keeps the guest's writes in a temporary overlay that vanishes at power-off).
- Deleting or modifying a base that has overlays is refused, naming the VMs that depend on it.

Which VMs depend on an image is read from the VM definitions here (`find_dependents`,
`dependents_of`); kvmgui/runtime/clones.py adds the real backing chains that qemu-img reports
(for overlays made outside kvmgui, whose definitions do not say they have a base).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message, plural
from kvmgui.core.model import Cdrom, Disk, DiskBus, DiskFormat, Passthrough, VmSpec
from kvmgui.core.paths import VmFolder
from kvmgui.core.problems import shown
from kvmgui.core.qemu_img import ImageInfo
from kvmgui.core.sizes import Size, format_size
from kvmgui.core.usage import vms_using
from kvmgui.core.validation import quoted_names

if TYPE_CHECKING:
    from kvmgui.core.store import StoredVm, VmStore

Resolve = Callable[[str], str]

OVERLAY_FORMAT = DiskFormat.QCOW2
# QEMU cannot make IDE/SATA disks read-only (core/argv_storage.py), so a base disk on those
# buses is protected by making it throwaway instead.
READONLY_BUSES = (DiskBus.VIRTIO, DiskBus.USB)


class CloneError(KvmguiError, ValueError):
    """A clone cannot be planned; str() is one sentence a person can act on."""


# ------------------------------------------------------------------------------ paths


def disk_image(disk: Disk, folder: VmFolder) -> Path:
    """The absolute path of a VM's disk image (relative paths live in the VM's folder)."""
    return folder.resolve(disk.path)


def disk_base(disk: Disk, folder: VmFolder) -> Path | None:
    """The absolute path of a disk's base image; a relative one is relative to the disk's folder.

    That is how qemu-img resolves a relative backing file name stored in an overlay.
    """
    if not disk.backing_file:
        return None
    base = Path(disk.backing_file)
    return base if base.is_absolute() else disk_image(disk, folder).parent / base


def backing_reference(base: Path, overlay: Path) -> str:
    """How the overlay names its base: absolute, unless both sit in the same VM folder.

    Both paths are absolute. A base next to (or below) the overlay's folder is named relative
    to the overlay, so renaming that folder keeps the pair working; any other base is named
    by its absolute path (a relative "../other-vm/disk.qcow2" would break when either VM is
    renamed, and would be harder to read).
    """
    if not base.is_absolute() or not overlay.is_absolute():
        raise ValueError("backing_reference needs absolute paths.")
    try:
        return str(base.relative_to(overlay.parent))
    except ValueError:
        return str(base)


def _same(a: Path, b: Path, resolve: Resolve) -> bool:
    return resolve(str(a)) == resolve(str(b))


# ------------------------------------------------------------------------------ planning


@dataclass(frozen=True)
class OverlayPlan:
    """One overlay to create: `overlay` on top of `base` (whose format is `base_format`)."""

    base: Path  # absolute
    base_format: DiskFormat
    overlay: Path  # absolute, in the new VM's folder
    backing: str  # what the overlay records: backing_reference(base, overlay)
    size_bytes: int | None = None  # the base's virtual size, when known (for messages)


@dataclass(frozen=True)
class ClonePlan:
    """A linked clone to make: the new VM, its overlays, and the base VM as it must be saved."""

    spec: VmSpec  # the new VM (its disks are the overlays, paths relative to its folder)
    overlays: tuple[OverlayPlan, ...]
    base_spec: VmSpec | None  # the base VM with its disks protected; None for a bare image
    protected_disks: tuple[str, ...] = ()  # "disk 1 is read-only", for the message


def _overlay_names(bases: Sequence[Path]) -> list[str]:
    """File names for the overlays: the base's name with .qcow2, numbered when two clash."""
    names: list[str] = []
    for base in bases:
        stem = base.stem or "disk"
        name, n = f"{stem}.qcow2", 2
        while name in names or name == "vm.json":
            name, n = f"{stem}-{n}.qcow2", n + 1
        names.append(name)
    return names


def _absolute_in(path: str | None, folder: VmFolder) -> str | None:
    """A path of the base VM that must keep pointing at the same file from the clone."""
    if path is None:
        return None
    return str(folder.resolve(path))


def _media_paths_from(base: VmSpec, folder: VmFolder) -> tuple[Cdrom | None, Passthrough | None]:
    """The CD and stick of `base` with paths that still work from another VM's folder."""
    cdrom = base.cdrom
    if cdrom is not None and cdrom.path is not None:
        cdrom = Cdrom(source=cdrom.source, path=_absolute_in(cdrom.path, folder))
    stick = base.usb_stick
    if stick is not None:
        stick = Passthrough(path=_absolute_in(stick.path, folder) or stick.path,
                            protected=stick.protected)
    return cdrom, stick


def protect_base_disk(disk: Disk) -> Disk:
    """The base VM's disk made safe for its overlays: read-only, or throwaway on IDE/SATA."""
    if disk.readonly:
        return disk
    if disk.bus in READONLY_BUSES:
        return replace(disk, readonly=True, throwaway=False)
    return replace(disk, throwaway=True)


def describe_protection(disk: Disk, index: int) -> str:
    """What protect_base_disk did to disk `index` (0-based), as a sentence fragment."""
    if disk.readonly:
        return Message(QT_TRANSLATE_NOOP("core.clones", "disk {index} now opens read-only"),
            index=index + 1)
    return (Message(QT_TRANSLATE_NOOP("core.clones", "disk {index} ({value}, which cannot be "
        "read-only) is now throwaway: the VM still starts, but its changes vanish when it stops"),
        index=index + 1, value=disk.bus.value))


def _check_disks(base: VmSpec, folder: VmFolder, is_block: Callable[[Path], bool]) -> None:
    if not base.disks:
        raise CloneError(Message(QT_TRANSLATE_NOOP("core.clones", "VM '{name}' has no disk, so "
            "there is nothing to clone: create a new VM instead."), name=shown(base.name)))
    for i, disk in enumerate(base.disks):
        path = disk_image(disk, folder)
        if is_block(path):
            raise CloneError(Message(QT_TRANSLATE_NOOP("core.clones", "Disk {i} of '{name}' is "
                "the host device {path}; a linked clone needs disk image files."), i=i + 1,
                name=shown(base.name), path=shown(str(path))))


def plan_linked_clone(
    base: VmSpec,
    base_folder: VmFolder,
    new_spec: VmSpec,
    new_folder: VmFolder,
    *,
    sizes: Sequence[int | None] = (),
    is_block: Callable[[Path], bool] = lambda _p: False,
) -> ClonePlan:
    """Plan a linked clone of the VM `base`: one qcow2 overlay per disk in `new_folder`.

    `new_spec` carries the new VM's name and id (everything else is taken from `base`).
    Paths of the base VM that were relative to its folder (an ISO, the stick) become absolute,
    so the clone keeps using the same files. `sizes` are the bases' virtual sizes, if known.
    """
    _check_disks(base, base_folder, is_block)
    bases = [disk_image(d, base_folder) for d in base.disks]
    names = _overlay_names(bases)
    overlays: list[OverlayPlan] = []
    disks: list[Disk] = []
    protected: list[str] = []
    for i, (disk, base_path, name) in enumerate(zip(base.disks, bases, names, strict=True)):
        overlay = new_folder.dir / name
        backing = backing_reference(base_path, overlay)
        size = sizes[i] if i < len(sizes) else None
        overlays.append(OverlayPlan(base_path, disk.format, overlay, backing, size))
        disks.append(
            Disk(path=name, format=OVERLAY_FORMAT, bus=disk.bus, cache=disk.cache,
                 readonly=False, throwaway=False, size_bytes=None,
                 backing_file=backing, backing_format=disk.format)
        )
        guarded = protect_base_disk(disk)
        if guarded != disk:
            protected.append(describe_protection(guarded, i))
    cdrom, stick = _media_paths_from(base, base_folder)
    spec = replace(base, name=new_spec.name, id=new_spec.id, disks=tuple(disks), cdrom=cdrom,
                   usb_stick=stick,
                   description=new_spec.description or Message(QT_TRANSLATE_NOOP("core.clones",
                       "Linked clone of {name}."), name=base.name))
    base_spec = replace(base, disks=tuple(protect_base_disk(d) for d in base.disks))
    return ClonePlan(spec, tuple(overlays), base_spec, tuple(protected))


def plan_image_clone(
    base_image: Path,
    base_format: DiskFormat,
    new_spec: VmSpec,
    new_folder: VmFolder,
    *,
    bus: DiskBus | None = None,
    size_bytes: int | None = None,
) -> ClonePlan:
    """Plan a new VM (`new_spec`, from a preset) whose only disk is an overlay on `base_image`."""
    if not base_image.is_absolute():
        raise ValueError("plan_image_clone needs the base image's absolute path.")
    name = _overlay_names([base_image])[0]
    overlay = new_folder.dir / name
    backing = backing_reference(base_image, overlay)
    template = new_spec.disks[0] if new_spec.disks else Disk(path=name)
    disk = Disk(path=name, format=OVERLAY_FORMAT, bus=bus or template.bus,
                cache=template.cache, backing_file=backing, backing_format=base_format)
    spec = replace(new_spec, disks=(disk,),
                   description=new_spec.description or Message(QT_TRANSLATE_NOOP("core.clones",
                       "Linked clone of {name}."), name=base_image.name))
    return ClonePlan(spec, (OverlayPlan(base_image, base_format, overlay, backing, size_bytes),),
                     None)


def plan_full_clone(base: VmSpec, base_folder: VmFolder, new_spec: VmSpec,
                    new_folder: VmFolder, *, protected: Iterable[int] = ()) -> ClonePlan:
    """Plan a full (independent) copy: every disk copied whole into the new VM's folder.

    The copies have no base (the whole chain is flattened into them), keep their format when
    it is qcow2 or raw and become qcow2 otherwise. Disks in `protected` (indexes of disks that
    are read-only/throwaway only because they are bases of linked clones) become writable in
    the copy, which nothing depends on.
    """
    _check_disks(base, base_folder, lambda _p: False)
    bases = [disk_image(d, base_folder) for d in base.disks]
    names = _overlay_names(bases)
    keep = {DiskFormat.QCOW2, DiskFormat.RAW}
    guarded = set(protected)
    copies: list[OverlayPlan] = []
    disks: list[Disk] = []
    for i, (disk, base_path, name) in enumerate(zip(base.disks, bases, names, strict=True)):
        fmt = disk.format if disk.format in keep else DiskFormat.QCOW2
        if fmt is DiskFormat.RAW:
            name = str(Path(name).with_suffix(".raw"))
        target = new_folder.dir / name
        copies.append(OverlayPlan(base_path, disk.format, target, ""))
        copy = replace(disk, path=name, format=fmt, size_bytes=None, backing_file=None,
                       backing_format=None)
        if i in guarded:
            copy = replace(copy, readonly=False, throwaway=False)
        disks.append(copy)
    cdrom, stick = _media_paths_from(base, base_folder)
    spec = replace(base, name=new_spec.name, id=new_spec.id, disks=tuple(disks), cdrom=cdrom,
                   usb_stick=stick, description=new_spec.description or base.description)
    return ClonePlan(spec, tuple(copies), None)


# ------------------------------------------------------------------------------ dependents


@dataclass(frozen=True)
class Dependent:
    """A disk of a VM that is an overlay on some image."""

    vm: str  # the VM's name
    vm_id: str
    disk_index: int  # 0-based
    overlay: Path
    base: Path


def disks_backing_onto(
    vms: Iterable[StoredVm], images: Iterable[Path], *, resolve: Resolve = os.path.normpath
) -> list[Dependent]:
    """Every VM disk built on one of `images`, from the definitions (core.usage.vms_using:
    recorded bases followed from disk to disk, so a clone of a clone counts too)."""
    return [Dependent(u.vm.spec.name, u.vm.spec.id, u.disk_index, u.image, u.base)
            for u in vms_using(vms, *images, resolve=resolve) if u.base is not None]


def vm_images(vm: StoredVm) -> list[Path]:
    """The absolute paths of a VM's disk images."""
    return [disk_image(d, vm.folder) for d in vm.spec.disks]


def find_dependents(
    vms: Iterable[StoredVm], vm: StoredVm, *, resolve: Resolve = os.path.normpath
) -> list[Dependent]:
    """The disks of OTHER VMs that are overlays on one of `vm`'s disks (from definitions)."""
    return [d for d in disks_backing_onto(vms, vm_images(vm), resolve=resolve)
            if d.vm_id != vm.spec.id]


def names_of(dependents: Iterable[Dependent]) -> list[str]:
    """The dependent VMs' names, each once, sorted case-insensitively."""
    return sorted({d.vm for d in dependents}, key=str.casefold)


def dependents_of(store: VmStore, vm: StoredVm) -> list[str]:
    """The names of the VMs whose disks are overlays on `vm`'s disks (linked clones of it).

    Reads every definition in the store. For `delete`, `rename` and anything that rewrites
    the VM's disks: when this is not empty, refuse with base_refusal(...).
    """
    return names_of(find_dependents(store.load_all().vms, vm, resolve=os.path.realpath))


def image_dependents(store: VmStore, image: Path) -> list[str]:
    """The names of the VMs whose disks are overlays on the image file `image`."""
    found = disks_backing_onto(store.load_all().vms, [Path(os.path.abspath(image))],
                               resolve=os.path.realpath)
    return names_of(found)


# What base_refusal says is refused, by the action's key.
_ACTIONS = {
    "delete": QT_TRANSLATE_NOOP("core.clones", "delete"),
    "rename": QT_TRANSLATE_NOOP("core.clones", "rename"),
    "make": QT_TRANSLATE_NOOP("core.clones", "make"),
    "shrink": QT_TRANSLATE_NOOP("core.clones", "shrink"),
    "revert a snapshot of": QT_TRANSLATE_NOOP("core.clones", "revert a snapshot of"),
}


def _quoted_list(names: Sequence[str]) -> str:
    return quoted_names(names, QT_TRANSLATE_NOOP("core.clones", "{names} and {last}"))


def base_refusal(what: str, dependents: Sequence[str], action: str = "delete") -> Message:
    """Why `action` (delete, rename, shrink, …) of the base `what` is refused.

    `what` is "VM 'name'" or an image's path; `dependents` are VM names (non-empty).
    """
    verb = Message(_ACTIONS[action]) if action in _ACTIONS else action
    return plural(
        len(dependents),
        QT_TRANSLATE_NOOP(
            "core.clones",
            "Cannot {action} {what}: the linked clone {clones} is built on its disk and would "
            "stop working. Delete that VM first.",
        ),
        QT_TRANSLATE_NOOP(
            "core.clones",
            "Cannot {action} {what}: the linked clones {clones} are built on its disk and would "
            "stop working. Delete those VMs first.",
        ),
        action=verb,
        what=what,
        clones=_quoted_list(dependents),
    )


# ------------------------------------------------------------------------------ chains


def chain_lines(chain: Sequence[ImageInfo], owners: dict[str, list[str]] | None = None,
                *, resolve: Resolve = os.path.normpath) -> list[str]:
    """A backing chain (image first) as indented lines for a terminal or a tooltip.

    `owners` maps a resolved image path to the names of the VMs whose disk it is.
    """
    lines: list[str] = []
    for depth, link in enumerate(chain):
        arrow = "" if depth == 0 else "└─ "
        facts = f"{link.format}, {format_size(link.virtual_size)}"
        if link.actual_size is not None:
            facts += Message(QT_TRANSLATE_NOOP("core.clones", ", {actual_size} on disk"),
                actual_size=Size(link.actual_size))
        vms = (owners or {}).get(resolve(link.filename), [])
        used = Message(QT_TRANSLATE_NOOP("core.clones", " — disk of {vms}"),
            vms=', '.join(repr(v) for v in vms)) if vms else ""
        lines.append(f"{'   ' * max(0, depth - 1)}{arrow}{link.filename} ({facts}){used}")
        if link.backing_file is not None and link.backing_format is None:
            lines.append(Message(QT_TRANSLATE_NOOP("core.clones", "{indent}   warning: the format "
                "of its base is not recorded; QEMU would have to guess it."), indent="   " * depth))
    return lines
