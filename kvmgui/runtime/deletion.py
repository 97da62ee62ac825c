"""Deleting a VM: the one operation behind the app's Delete and `kvmgui-cli delete`.

It runs under the VM's locks (VmController.while_stopped: the in-process lock and the flock on
start.lock that every start takes), so a start in another program either finishes first, and
the delete sees its QEMU and refuses, or waits and then finds the VM gone. Under the locks it
refuses when any QEMU of this user runs the VM (from whichever session: liveness.find_running),
when a process holds one of its disks (QEMU's image locks), and when it is the base of linked
clones; only then does the store remove the files.
"""

from __future__ import annotations

from pathlib import Path

from kvmgui.core.clones import disk_image
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import Settings
from kvmgui.core.store import StoreError, VmStore
from kvmgui.runtime import session
from kvmgui.runtime.clones import refuse_if_base
from kvmgui.runtime.controller import MonitorRole, VmController
from kvmgui.runtime.images import ImageError
from kvmgui.runtime.liveness import locked_disks
from kvmgui.runtime.manager import ManagerError
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.runfiles import remove_runtime_dir
from kvmgui.runtime.throwaway import StoreWithThrowaways


async def delete_vm(vm: VmController, store: VmStore, *, keep_disks: bool,
                    qemu_img: str, paths: AppPaths) -> Outcome[list[Path]]:
    """Delete the VM (its disks too unless `keep_disks`); value: the paths left in place."""

    async def body() -> Outcome[list[Path]]:
        stored = vm.stored
        disks = [disk_image(d, stored.folder) for d in stored.spec.disks]
        busy = locked_disks(disks)
        if busy:
            path = busy[0]
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.deletion",
                "The disk {path} of '{name}' is in use by another program (perhaps a QEMU "
                "started outside kvmgui); stop that program first, then delete the VM."),
                path=str(path), name=vm.name), code="disk-in-use")
        try:
            # Linked clones read their base's disk: deleting it would break them.
            await refuse_if_base(store, stored, "delete", qemu_img=qemu_img)
        except ImageError as err:
            return Outcome.failure(err.message, details=err.details, code="base")
        try:
            kept: list[Path] = store.delete(stored, keep_disks=keep_disks)
        except StoreError as err:
            return Outcome.failure(str(err), code="store")
        # Nothing of a deleted VM stays in the runtime folder. Its start.lock goes too: a start
        # that was waiting on it finds the VM gone once it gets the lock, and refuses.
        remove_runtime_dir(paths, stored.spec.id)
        return Outcome.success(Message(QT_TRANSLATE_NOOP("runtime.deletion", "Deleted '{name}'."),
                                       name=vm.name), value=kept)

    outcome = await vm.while_stopped(body)
    if outcome.code == "already-running" and vm.pid is not None:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.deletion",
            "'{name}' is running (QEMU process {pid}), so it was not deleted; shut it down "
            "first: kvmgui-cli shutdown '{name}'"), name=vm.name, pid=vm.pid), code="running")
    return outcome


async def delete_vm_by_id(paths: AppPaths, settings: Settings, store: StoreWithThrowaways,
                          vm_id: str, *, keep_disks: bool) -> Outcome[list[Path]]:
    """delete_vm for a caller without a VmManager of its own: a short-lived one, as
    kvmgui-cli has, finds the VM's controller (and its QEMU, from any session)."""
    manager = session.open_runtime(paths, settings, role=MonitorRole.CLI, sample_stats=False,
                                   store=store).manager
    try:
        try:
            vm = await manager.attach_one(vm_id)
        except ManagerError as err:
            return Outcome.failure(str(err), code="unknown-vm")
        return await delete_vm(vm, manager.store, keep_disks=keep_disks,
                               qemu_img=settings.qemu_img_binary, paths=paths)
    finally:
        await manager.close()
