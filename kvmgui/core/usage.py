"""Which VMs use a disk image, and with which format: the one place that answers it.

    uses = vms_using(store.load_all().vms, image)           # from the definitions
    uses = vms_using(vms, image, chains=chains)              # plus the chains qemu-img read
    fmt = recorded_format(vms, image)                        # never probe a VM's disk

A VM uses an image when it is one of its disks (`ImageUse.direct`) or a base anywhere in one
of its disks' backing chains: the chains the definitions record (`backing_file`, followed
from disk to disk, so a clone of a clone counts), and, when the runtime read them with
qemu-img (runtime.clones.vms_using_deep), the chains the images' own headers name. Paths are
compared after `resolve` (os.path.realpath in real use: a symlink or "../" still matches).

The format of a VM's disk is the one its definition records, never one guessed from its
content: a guest that writes a qcow2 header into its raw disk must not make the next reader
open a host file as that disk's base.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kvmgui.core.model import Disk

if TYPE_CHECKING:
    from kvmgui.core.store import StoredVm

Resolve = Callable[[str], str]
PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class ImageUse:
    """A disk of a VM that is the image, or is built on it."""

    vm: StoredVm
    disk_index: int  # 0-based
    image: Path  # the VM's disk image (absolute)
    base: Path | None  # the wanted image as a base in the disk's chain; None: the disk itself

    @property
    def disk(self) -> Disk:
        return self.vm.spec.disks[self.disk_index]

    @property
    def direct(self) -> bool:
        return self.base is None


def _recorded_base(disk: Disk, image: Path) -> Path | None:
    # A relative base is relative to the disk's own folder (how qemu-img resolves it).
    if not disk.backing_file:
        return None
    base = Path(disk.backing_file)
    return base if base.is_absolute() else image.parent / base


def vms_using(
    vms: Iterable[StoredVm],
    *images: PathLike,
    resolve: Resolve = os.path.realpath,
    chains: Mapping[str, Sequence[str]] | None = None,
) -> list[ImageUse]:
    """Every VM disk that is one of `images` or is built on one (see the module docstring).

    `chains`: for a disk image (its resolved path), the resolved paths of the bases qemu-img
    read from its header, nearest first; they are followed next to the recorded ones.
    """
    wanted = {resolve(os.fspath(p)) for p in images}
    vms = list(vms)
    disks = [(vm, i, vm.folder.resolve(d.path)) for vm in vms for i, d in enumerate(vm.spec.disks)]
    recorded: dict[str, str] = {}
    for vm, i, image in disks:
        base = _recorded_base(vm.spec.disks[i], image)
        if base is not None:
            recorded.setdefault(resolve(str(image)), resolve(str(base)))
    found: list[ImageUse] = []
    for vm, i, image in disks:
        real = resolve(str(image))
        if real in wanted:
            found.append(ImageUse(vm, i, image, None))
            continue
        links: list[str] = list((chains or {}).get(real, ()))
        seen = {real}
        current = real
        while current in recorded and recorded[current] not in seen:  # a loop ends the walk
            current = recorded[current]
            seen.add(current)
            links.append(current)
        hit = next((link for link in links if link in wanted), None)
        if hit is not None:
            found.append(ImageUse(vm, i, image, Path(hit)))
    return found


def owners(
    vms: Iterable[StoredVm], image: PathLike, *, resolve: Resolve = os.path.realpath
) -> list[StoredVm]:
    """The VMs that have `image` as one of their disks, each once."""
    result: list[StoredVm] = []
    for use in vms_using(vms, image, resolve=resolve):
        if use.direct and all(vm.spec.id != use.vm.spec.id for vm in result):
            result.append(use.vm)
    return result


def recorded_format(
    vms: Iterable[StoredVm], image: PathLike, *, resolve: Resolve = os.path.realpath
) -> str | None:
    """The format a VM's definition records for `image` when it is a VM's disk, else None.

    Whoever reads an image passes this as qemu-img's `-f` (None lets qemu-img probe an image
    the user brings, which no VM's guest has written).
    """
    for use in vms_using(vms, image, resolve=resolve):
        if use.direct:
            return use.disk.format.value
    return None


def names(uses: Iterable[ImageUse]) -> list[str]:
    """The VMs' names, each once, sorted case-insensitively."""
    return sorted({u.vm.spec.name for u in uses}, key=str.casefold)
