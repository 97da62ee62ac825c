"""One snapshot API for a VM: offline (qemu-img) while it is stopped, live (QMP) while it runs.

    await take_snapshot(vm, "before update")   → Outcome (value: the VmSnapshot)
    await list_snapshots(vm)                    → Outcome (value: list[VmSnapshot])
    await revert_snapshot(vm, name)             → Outcome   (the caller has asked the user)
    await delete_snapshot(vm, name)             → Outcome

`vm` is an attached VmController. Stopped: every writable qcow2 disk gets the snapshot (disk
only) through runtime/disk_snapshots.py, while the VM's start lock is held so nobody can start
it meanwhile. Running: runtime/live_snapshots.py saves the disks and the memory ("includes
memory"), under the VM's own lock. Either way a VM whose writable disks are not all qcow2
cannot have snapshots, and says which disk is the reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Never, TypeVar

from kvmgui.core.messages import QT_TRANSLATE_NOOP, SENTENCE, Message, joined, plural
from kvmgui.core.qemu_img import SnapshotInfo
from kvmgui.core.snapshots import find_snapshot, name_problem
from kvmgui.runtime import disk_snapshots as ds, live_snapshots as ls
from kvmgui.runtime.controller import VmController
from kvmgui.runtime.images import ImageError
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.qmp_session import QmpSession

V = TypeVar("V")


@dataclass(frozen=True)
class VmSnapshot:
    name: str
    date: datetime  # UTC
    vm_state_size: int  # bytes of saved memory; 0: disk only
    vm_clock: float  # the guest's running time then, in seconds

    @property
    def includes_memory(self) -> bool:
        return self.vm_state_size > 0

    @classmethod
    def of(cls, info: SnapshotInfo) -> VmSnapshot:
        return cls(info.name, info.date, info.vm_state_size, info.vm_clock)


def _running(vm: VmController) -> bool:
    return vm.pid is not None


def _images(vm: VmController) -> list[tuple[str, str]] | Outcome[Never]:
    problem = ls.snapshot_disks(vm.spec).problem
    if problem:
        return Outcome.failure(problem, code="no-snapshots")
    return [(str(vm.stored.folder.resolve(d.path)), d.format.value)
            for d in vm.spec.disks if not d.readonly and not d.throwaway]


async def _live(vm: VmController, body: Callable[[QmpSession], Awaitable[Outcome[V]]]
                ) -> Outcome[V]:
    async def guarded(session: QmpSession) -> Outcome[V]:
        try:
            return await body(session)
        except ls.LiveSnapshotError as exc:
            return Outcome.failure(exc.message, details=exc.details)
    return await vm.with_monitor(guarded)


async def _offline(vm: VmController,
                   body: Callable[[list[tuple[str, str]]], Awaitable[Outcome[V]]]) -> Outcome[V]:
    images = _images(vm)
    if isinstance(images, Outcome):
        return images

    async def guarded() -> Outcome[V]:
        assert not isinstance(images, Outcome)
        try:
            return await body(images)
        except ImageError as exc:
            return Outcome.failure(exc.message, details=exc.details)
    return await vm.while_stopped(guarded)


async def list_snapshots(vm: VmController) -> Outcome[list[VmSnapshot]]:
    problem = ls.snapshot_disks(vm.spec).problem
    if problem:
        return Outcome.failure(problem, code="no-snapshots")
    if _running(vm):
        async def live(session: QmpSession) -> Outcome[list[VmSnapshot]]:
            found = await ls.list_live(session, vm.spec)
            return Outcome.success(_how_many(len(found)),
                                   value=[VmSnapshot.of(s) for s in found])
        outcome = await _live(vm, live)
        if outcome.ok or outcome.code != "monitor-busy":
            return outcome
    images = _images(vm)
    assert not isinstance(images, Outcome)
    try:  # stopped, or the monitor is busy: qemu-img reads the image without locking it
        found = await ds.list_snapshots(images[0][0], fmt=images[0][1])
    except ImageError as exc:
        return Outcome.failure(exc.message, details=exc.details)
    return Outcome.success(_how_many(len(found)), value=[VmSnapshot.of(s) for s in found])


async def take_snapshot(vm: VmController, name: str) -> Outcome[VmSnapshot]:
    if _running(vm):
        async def live(session: QmpSession) -> Outcome[VmSnapshot]:
            existing = await ls.list_live(session, vm.spec)
            problem = name_problem(name, existing)
            if problem:
                return Outcome.failure(problem, code="bad-name")
            await ls.take_live(session, vm.spec, name)
            made = find_snapshot(await ls.list_live(session, vm.spec), name)
            return Outcome.success(Message(QT_TRANSLATE_NOOP(
                "runtime.snapshots", "Took the snapshot '{snapshot}' of '{vm}' (with its memory)."),
                snapshot=name, vm=vm.name), value=VmSnapshot.of(made) if made else None)
        return await _live(vm, live)

    async def offline(images: list[tuple[str, str]]) -> Outcome[VmSnapshot]:
        made = None
        for image, fmt in images:
            info = await ds.create_snapshot(image, name, fmt=fmt)
            made = made or info
        return Outcome.success(Message(QT_TRANSLATE_NOOP(
            "runtime.snapshots",
            "Took the snapshot '{snapshot}' of '{vm}' (its disks; it is stopped, so there is no "
            "memory to keep)."), snapshot=name, vm=vm.name),
            value=VmSnapshot.of(made) if made else None)
    return await _offline(vm, offline)


async def revert_snapshot(vm: VmController, name: str) -> Outcome:
    """Put the VM back to snapshot `name`; what changed since is lost (ask the user first)."""
    if _running(vm):
        async def live(session: QmpSession) -> Outcome:
            await ls.revert_live(session, vm.spec, name)
            return Outcome.success(Message(QT_TRANSLATE_NOOP(
                "runtime.snapshots", "Reverted '{vm}' to the snapshot '{snapshot}'."),
                vm=vm.name, snapshot=name))
        return await _live(vm, live)

    async def offline(images: list[tuple[str, str]]) -> Outcome:
        for image, fmt in images:  # checked on all disks before any is changed
            if find_snapshot(await ds.list_snapshots(image, fmt=fmt), name) is None:
                return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                    "runtime.snapshots",
                    "There is no snapshot named '{snapshot}' on every disk of '{vm}'."),
                    snapshot=name, vm=vm.name), code="no-snapshot")
        memory = False
        for image, fmt in images:
            found = find_snapshot(await ds.list_snapshots(image, fmt=fmt), name)
            memory = memory or bool(found and found.includes_memory)
            await ds.revert_snapshot(image, name, fmt=fmt)
        reverted = Message(QT_TRANSLATE_NOOP(
            "runtime.snapshots", "Reverted the disks of '{vm}' to the snapshot '{snapshot}'."),
            vm=vm.name, snapshot=name)
        if not memory:
            return Outcome.success(reverted)
        return Outcome.success(joined([reverted, Message(QT_TRANSLATE_NOOP(
            "runtime.snapshots",
            "Its memory is not restored while the VM is stopped: it will start from the disks "
            "as they were then, as after a power cut."))], SENTENCE))
    return await _offline(vm, offline)


async def delete_snapshot(vm: VmController, name: str) -> Outcome:
    if _running(vm):
        async def live(session: QmpSession) -> Outcome:
            if find_snapshot(await ls.list_live(session, vm.spec), name) is None:
                return Outcome.failure(_no_snapshot(vm, name), code="no-snapshot")
            await ls.delete_live(session, vm.spec, name)
            return Outcome.success(_deleted(vm, name))
        return await _live(vm, live)

    async def offline(images: list[tuple[str, str]]) -> Outcome:
        deleted = 0
        for image, fmt in images:
            if find_snapshot(await ds.list_snapshots(image, fmt=fmt), name) is not None:
                await ds.delete_snapshot(image, name, fmt=fmt)
                deleted += 1
        if not deleted:
            return Outcome.failure(_no_snapshot(vm, name), code="no-snapshot")
        return Outcome.success(_deleted(vm, name))
    return await _offline(vm, offline)


def _no_snapshot(vm: VmController, name: str) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.snapshots", "'{vm}' has no snapshot named "
                                                          "'{snapshot}'."),
                   vm=vm.name, snapshot=name)


def _deleted(vm: VmController, name: str) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.snapshots",
                                     "Deleted the snapshot '{snapshot}' of '{vm}'."),
                   snapshot=name, vm=vm.name)


def _how_many(count: int) -> Message:
    return plural(count, QT_TRANSLATE_NOOP("runtime.snapshots", "1 snapshot."),
                  QT_TRANSLATE_NOOP("runtime.snapshots", "{n} snapshots."))
