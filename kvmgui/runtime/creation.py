"""Creating a VM with its disks, undone exactly on failure: the one place that does it.

The wizard, `kvmgui-cli create`, import, restore, clones and the media dialogs all make a VM the
same way (virt-manager's `Installer.start_install` with `cleanup_created_disks` is called by
both virt-install and the GUI):

    stored = await create_vm(store, spec, qemu_img=qemu_img)

or, when the operation writes more than empty disks (a converted image, a clone's overlays):

    async with creating(store, spec) as made:
        await convert(...)            # writes made.stored's first disk
        made.made(target)             # ... which the rollback may then remove
        await made.new_disks(qemu_img=qemu_img)
    stored = made.stored

The definition is written first, hidden (`VmStore.create(complete=False)`), so a VM is never
listed without its disks, and a creator killed outright leaves a folder the next creation
removes. On any failure or cancel the rollback removes exactly what this creation made: the
files it recorded (only while they are still the very files it wrote), whatever the caller's
undo steps restore, then the definition, logs and the folder when nothing else is in it. A
disk that existed before (an image used where it is, another VM's disk) is never touched,
wherever it lives.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kvmgui.core import qemu_img as qi
from kvmgui.core.model import Disk, VmSpec
from kvmgui.core.store import StoredVm, StoreError, VmStore
from kvmgui.runtime.images import create_image

DiskStarted = Callable[[int, int, Path], None]  # (index among the new disks, count, path)


@dataclass(frozen=True)
class _Made:
    path: Path
    device: int
    inode: int


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return st.st_dev, st.st_ino


@dataclass
class VmCreation:
    """One VM being created: its hidden definition and what the creation wrote so far."""

    store: VmStore
    stored: StoredVm
    _files: list[_Made] = field(default_factory=list)
    _undo: list[Callable[[], None]] = field(default_factory=list)

    def made(self, path: str | os.PathLike[str]) -> None:
        """Record a file this creation wrote (the rollback removes it, and only it)."""
        identity = _identity(Path(path))
        if identity is not None:
            self._files.append(_Made(Path(path), *identity))

    def on_undo(self, step: Callable[[], None]) -> None:
        """A step that undoes a change made outside the new VM (run last-first on rollback)."""
        self._undo.append(step)

    def new_disk_paths(self) -> list[tuple[Disk, Path]]:
        """The disks of the definition that this creation makes empty: those with a size.

        A file already at such a path is refused (create_image), never adopted: the new VM
        would otherwise take over bytes it did not write, in a format it did not choose.
        """
        return [
            (d, Path(self.stored.folder.resolve(d.path)))
            for d in self.stored.spec.disks
            if d.size_bytes
        ]

    async def new_image(
        self,
        path: Path,
        fmt: str,
        size_bytes: int | None,
        *,
        backing: str | os.PathLike[str] | None = None,
        backing_format: str | None = None,
        qemu_img: str = qi.QEMU_IMG,
    ) -> Path:
        """A new image (empty, or a qcow2 overlay on `backing`) that the rollback removes.

        Formats are explicit (-f, -F): qemu-img never probes one. An existing file at `path`
        is refused (ImageError), never replaced.
        """
        await create_image(
            path, fmt, size_bytes, backing=backing, backing_format=backing_format, qemu_img=qemu_img
        )
        self.made(path)
        return path

    async def new_disks(
        self, *, qemu_img: str = qi.QEMU_IMG, started: DiskStarted | None = None
    ) -> list[Path]:
        """Create every new empty disk of the definition."""
        todo = self.new_disk_paths()
        for i, (disk, path) in enumerate(todo):
            if started is not None:
                started(i, len(todo), path)
            await self.new_image(
                path,
                disk.format.value,
                disk.size_bytes,
                backing=disk.backing_file,
                backing_format=disk.backing_format.value if disk.backing_format else None,
                qemu_img=qemu_img,
            )
        return [path for _disk, path in todo]

    def finish(self) -> None:
        """List the VM: everything it needs exists now."""
        self.store.mark_complete(self.stored)

    def rollback(self) -> list[str]:
        """Remove what this creation made; returns sentences about what could not be."""
        problems: list[str] = []
        for step in reversed(self._undo):
            try:
                step()
            except (OSError, StoreError) as exc:
                problems.append(str(exc))
        for made in reversed(self._files):
            # Only the file we wrote: a file put at its path since then is someone else's.
            if _identity(made.path) != (made.device, made.inode):
                continue
            try:
                made.path.unlink()
            except OSError as exc:
                problems.append(f"{made.path}: {exc.strerror}")
        try:
            # Disks are kept: those this creation wrote are gone already, any other is not ours.
            self.store.delete(self.stored, keep_disks=True)
        except StoreError as exc:
            problems.append(str(exc))
        return problems


@contextlib.contextmanager
def creating_sync(store: VmStore, spec: VmSpec) -> Iterator[VmCreation]:
    """`creating` for a creation that writes nothing asynchronously (a throwaway VM)."""
    creation = VmCreation(store, store.create(spec, complete=False))
    try:
        yield creation
        creation.finish()
    except BaseException as exc:
        for problem in creation.rollback():
            exc.add_note(problem)
        raise


@contextlib.asynccontextmanager
async def creating(store: VmStore, spec: VmSpec) -> AsyncIterator[VmCreation]:
    """Write `spec`'s definition hidden; list it when the block ends, undo it all on failure.

    StoreError when the definition cannot be written (nothing is left then either). What the
    rollback could not remove is added to the exception's notes (`__notes__`).
    """
    with creating_sync(store, spec) as creation:
        yield creation


async def create_vm(
    store: VmStore, spec: VmSpec, *, qemu_img: str = qi.QEMU_IMG, started: DiskStarted | None = None
) -> StoredVm:
    """Create the VM and its new empty disks; on failure nothing it made is left.

    Raises StoreError (the definition) or ImageError (a disk).
    """
    async with creating(store, spec) as made:
        await made.new_disks(qemu_img=qemu_img, started=started)
    return made.stored


def rollback_notes(exc: BaseException) -> str:
    """What a failed creation could not remove, for an error's details ("" when all went)."""
    return "\n".join(getattr(exc, "__notes__", ()))
