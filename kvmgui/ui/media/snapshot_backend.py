"""Snapshots of one VM, whatever does them: the page calls these four coroutines only.

`RuntimeSnapshots` uses kvmgui.runtime.snapshots (through the VM's controller), which picks
qemu-img while the VM is stopped and QMP (with the memory) while it runs. `OfflineSnapshots`
(qemu-img on a stopped VM's qcow2 disks, kvmgui.runtime.disk_snapshots) is used when there
is no runtime to go through.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QDateTime, QLocale

from kvmgui.core import qemu_img as qi
from kvmgui.core.model import DiskFormat
from kvmgui.core.store import StoredVm
from kvmgui.runtime import disk_snapshots as ds, snapshots as vm_snapshots
from kvmgui.runtime.images import ImageError
from kvmgui.ui.i18n import translate

if TYPE_CHECKING:
    from kvmgui.runtime.controller import VmController
    from kvmgui.runtime.outcome import Outcome
    from kvmgui.ui.context import AppContext

V = TypeVar("V")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SnapshotRow:
    name: str
    date: datetime  # UTC
    state_size: int  # bytes of saved memory; 0 for a disk-only snapshot
    disk_count: int = 1  # how many of the VM's disks have it

    @property
    def includes_memory(self) -> bool:
        return self.state_size > 0


class SnapshotBackend(Protocol):
    live: bool  # True: it also works while the VM runs

    def problem(self, vm: StoredVm, running: bool) -> str: ...

    async def snapshots(self, vm: StoredVm) -> list[SnapshotRow]: ...

    async def take(self, vm: StoredVm, name: str) -> None: ...

    async def revert(self, vm: StoredVm, name: str) -> None: ...

    async def delete(self, vm: StoredVm, name: str) -> None: ...


def snapshot_disks(vm: StoredVm) -> list[tuple[Path, str]]:
    """The images snapshots are taken of: every disk the guest can write to."""
    return [
        (vm.folder.resolve(d.path), d.format.value)
        for d in vm.spec.disks
        if not d.readonly and not d.throwaway
    ]


def format_problem(vm: StoredVm) -> str:
    """Why this VM cannot have snapshots (a disk that is not qcow2), or ""."""
    disks = [d for d in vm.spec.disks if not d.readonly and not d.throwaway]
    if not disks:
        return translate("SnapshotsPage", "This virtual machine has no disk to take snapshots of.")
    for d in disks:
        if d.format is not DiskFormat.QCOW2:
            return translate(
                "SnapshotsPage",
                "Snapshots need qcow2 disks, and {0} is a {1} image. Convert it to qcow2 "
                "with Tools > Disk image tools, then use the new image as the disk.",
            ).format(Path(d.path).name, d.format.value)
    return ""


class OfflineSnapshots:
    """qemu-img snapshots of a stopped VM (internal qcow2 snapshots, disks only)."""

    live = False

    def __init__(self, qemu_img: str = qi.QEMU_IMG) -> None:
        self.qemu_img = qemu_img

    def problem(self, vm: StoredVm, running: bool) -> str:
        found = format_problem(vm)
        if found:
            return found
        if running:
            return translate(
                "SnapshotsPage",
                "Shut the virtual machine down to take, revert or delete snapshots: "
                "they are made with qemu-img, which must not write to a disk in use.",
            )
        return ""

    async def snapshots(self, vm: StoredVm) -> list[SnapshotRow]:
        merged: dict[str, SnapshotRow] = {}
        for image, fmt in snapshot_disks(vm):
            if fmt != "qcow2" or not image.exists():
                continue
            for s in await ds.list_snapshots(image, fmt=fmt, qemu_img=self.qemu_img):
                old = merged.get(s.name)
                if old is None:
                    merged[s.name] = SnapshotRow(s.name, s.date, s.vm_state_size)
                else:
                    merged[s.name] = SnapshotRow(
                        s.name,
                        min(old.date, s.date),
                        old.state_size + s.vm_state_size,
                        old.disk_count + 1,
                    )
        return sorted(merged.values(), key=lambda r: r.date)

    async def take(self, vm: StoredVm, name: str) -> None:
        done: list[tuple[Path, str]] = []
        try:
            for image, fmt in snapshot_disks(vm):
                await ds.create_snapshot(image, name, fmt=fmt, qemu_img=self.qemu_img)
                done.append((image, fmt))
        except BaseException:
            # All disks or none: a snapshot of only some disks could not be reverted safely.
            for image, fmt in done:
                with contextlib.suppress(ImageError):
                    await ds.delete_snapshot(image, name, fmt=fmt, qemu_img=self.qemu_img)
            raise

    async def _each_having(self, vm: StoredVm, name: str) -> list[tuple[Path, str]]:
        having = []
        for image, fmt in snapshot_disks(vm):
            names = {
                s.name for s in await ds.list_snapshots(image, fmt=fmt, qemu_img=self.qemu_img)
            }
            if name in names:
                having.append((image, fmt))
        if not having:
            raise ImageError(
                translate("SnapshotsPage", "There is no snapshot named '{0}' any more.").format(
                    name
                )
            )
        return having

    async def revert(self, vm: StoredVm, name: str) -> None:
        for image, fmt in await self._each_having(vm, name):
            await ds.revert_snapshot(image, name, fmt=fmt, qemu_img=self.qemu_img)

    async def delete(self, vm: StoredVm, name: str) -> None:
        for image, fmt in await self._each_having(vm, name):
            await ds.delete_snapshot(image, name, fmt=fmt, qemu_img=self.qemu_img)


class RuntimeSnapshots:
    """kvmgui.runtime.snapshots through the VM's controller: qemu-img while it is stopped,
    QMP with the memory while it runs (the runtime picks)."""

    live = True

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def problem(self, vm: StoredVm, running: bool) -> str:
        return format_problem(vm)

    def _controller(self, vm: StoredVm) -> VmController:
        controller = self.ctx.controller(vm.spec.id)
        if controller is None:
            raise ImageError(
                translate(
                    "SnapshotsPage",
                    "kvmgui's runtime does not know this virtual machine; close this window "
                    "and open it again.",
                )
            )
        return controller

    @staticmethod
    def _check(outcome: Outcome[V]) -> V | None:
        if not outcome.ok:
            raise ImageError(outcome.message, outcome.details)
        return outcome.value

    async def snapshots(self, vm: StoredVm) -> list[SnapshotRow]:
        found = self._check(await vm_snapshots.list_snapshots(self._controller(vm))) or []
        rows = [SnapshotRow(s.name, s.date, s.vm_state_size) for s in found]
        return sorted(rows, key=lambda r: r.date)

    async def take(self, vm: StoredVm, name: str) -> None:
        self._check(await vm_snapshots.take_snapshot(self._controller(vm), name))

    async def revert(self, vm: StoredVm, name: str) -> None:
        self._check(await vm_snapshots.revert_snapshot(self._controller(vm), name))

    async def delete(self, vm: StoredVm, name: str) -> None:
        self._check(await vm_snapshots.delete_snapshot(self._controller(vm), name))


def make_backend(ctx: AppContext) -> SnapshotBackend:
    # The runtime's API acts through the VM's controller: without a runtime (a window made
    # by a test, say) qemu-img on the stopped VM's disks is what works.
    if getattr(ctx, "manager", None) is not None:
        return RuntimeSnapshots(ctx)
    return OfflineSnapshots(ctx.settings.qemu_img_binary)


def short_date(date: datetime) -> str:
    local = date.astimezone()
    stamp = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)
