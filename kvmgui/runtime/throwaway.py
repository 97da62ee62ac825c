"""Throwaway VMs: VMs that exist only while their QEMU runs ("Test a USB stick").

A throwaway VM is an ordinary VmStore folder (vm.json + logs/) kept in the runtime folder,
`<runtime_dir>/live/<name>/`, instead of the user's VM folder. Because it is a normal
definition, everything that lists or controls VMs works on it unchanged: the VmManager (the
app) loads these folders next to its store, `kvmgui-cli status/kill/...` find it by name, and
its QEMU has the usual runtime folder (pidfile, sockets) keyed by the VM's id.

It disappears when it stops. Whoever sees its QEMU end removes it (the `live` command waiting
on it, or a VmManager watching it); if nobody was watching, the next load removes it. A
definition is only removed when

- no QEMU of it runs (pidfile verified against /proc), and
- nobody is starting it (its start.lock is free), and
- its creator does not hold it (the owner lock, `owner.lock` in its folder: held by the
  process that creates the VM from the moment the definition exists until QEMU runs, and for
  as long as it waits on the VM), so a VM being set up is never collected under its feet.

The runtime folder is private (0700) and usually a tmpfs: nothing of a throwaway VM survives a
reboot, which is what "throwaway" promises.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import VmSpec
from kvmgui.core.paths import AppPaths
from kvmgui.core.store import LoadResult, StoredVm, StoreError, VmStore
from kvmgui.core.trust import Approvals
from kvmgui.core.validation import free_name

if TYPE_CHECKING:
    from kvmgui.runtime import process

OWNER_LOCK = "owner.lock"


def throwaway_store(paths: AppPaths) -> VmStore:
    return VmStore(paths.throwaway_root, approvals=Approvals.for_paths(paths))


def is_throwaway(stored: StoredVm, paths: AppPaths) -> bool:
    return stored.folder.dir.parent == paths.throwaway_root


def owner_lock(stored: StoredVm) -> process.StartLock:
    """The creator's lock (an flock, so a crashed creator releases it)."""
    from kvmgui.runtime import process  # start-up cost: see load_throwaways

    return process.StartLock(stored.folder.dir / OWNER_LOCK)


def listing(paths: AppPaths) -> frozenset[str]:
    """The folder names in the throwaway root: a cheap way to notice new throwaway VMs."""
    try:
        return frozenset(n for n in os.listdir(paths.throwaway_root) if not n.startswith("."))
    except OSError:
        return frozenset()


def is_stale(stored: StoredVm, paths: AppPaths) -> bool:
    """True when nothing runs, starts or holds this throwaway VM any more."""
    from kvmgui.runtime import process  # start-up cost: see load_throwaways

    run = paths.vm_runtime(stored.spec.id)
    if process.find_vm_pid(run) is not None:
        return False
    if process.StartLock(run.lock_file).is_busy():
        return False
    return not owner_lock(stored).is_busy()


def discard(stored: StoredVm, paths: AppPaths, *, force: bool = False) -> bool:
    """Remove a stopped throwaway VM (its definition, logs and runtime folder).

    Returns False (and removes nothing) when it is still in use, unless `force` (the caller
    holds the owner lock and knows QEMU never started or has ended).
    """
    if not is_throwaway(stored, paths):
        return False
    from kvmgui.runtime import process  # start-up cost: see load_throwaways
    if not force and not is_stale(stored, paths):
        return False
    run = paths.vm_runtime(stored.spec.id)
    if process.find_vm_pid(run) is not None:  # never, even when forced
        return False
    _remove_tree(run.dir, paths.runtime_dir)
    _remove_tree(stored.folder.dir, paths.throwaway_root)
    return True


def _remove_tree(folder: Path, parent: Path) -> None:
    """rmtree, only for a real folder directly inside `parent` (never through a link)."""
    if folder.parent != parent or folder.is_symlink() or not folder.is_dir():
        return
    shutil.rmtree(folder, ignore_errors=True)


def load_throwaways(paths: AppPaths) -> LoadResult:
    """The throwaway VMs that still exist; stale ones are removed on the way.

    Listing VMs (the app does it before its first paint) imports neither the process helpers
    nor runtime.creation (nor asyncio under them): the functions that need them import them,
    for start-up cost, and only run when a throwaway VM exists or is made.
    """
    result = throwaway_store(paths).load_all()
    alive = []
    for stored in result.vms:
        if is_stale(stored, paths):
            discard(stored, paths)
            continue
        alive.append(stored)
    return LoadResult(alive, list(result.errors))


def merge(result: LoadResult, paths: AppPaths) -> LoadResult:
    """`result` (from the user's store) plus the throwaway VMs, each id once."""
    extra = load_throwaways(paths)
    ids = {vm.spec.id for vm in result.vms}
    vms = list(result.vms) + [vm for vm in extra.vms if vm.spec.id not in ids]
    return LoadResult(vms, list(result.errors) + list(extra.errors))


def create_throwaway(spec: VmSpec, paths: AppPaths, taken: Iterable[str] = ()
                     ) -> tuple[StoredVm, process.StartLock]:
    """Write the throwaway definition (the name made unique); returns it and the owner lock,
    which the caller holds until QEMU runs (or until it is done waiting on the VM)."""
    # Start-up cost: see load_throwaways.
    from kvmgui.runtime import process
    from kvmgui.runtime.creation import creating_sync

    process.ensure_private_dir(paths.runtime_dir)
    process.ensure_private_dir(paths.throwaway_root)
    store = throwaway_store(paths)
    names = list(taken) + [vm.spec.name for vm in store.load_all().vms]
    spec = replace(spec, name=free_name(spec.name, names))
    for _attempt in range(5):
        try:
            # runtime.creation, as every VM is made: hidden until its creator holds it (so no
            # other program collects it as stale in between), removed again on failure.
            with creating_sync(store, spec) as made:
                lock = owner_lock(made.stored)
                if not lock.try_acquire():  # pragma: no cover - the folder was made exclusively
                    raise StoreError(Message(QT_TRANSLATE_NOOP(
                        "runtime.throwaway",
                        "The throwaway VM '{name}' is used by another program."),
                        name=made.stored.spec.name))
                made.on_undo(functools.partial(release, lock))
                made.made(lock.path)
        except StoreError:
            if not (store.root / spec.name).exists():
                raise
            # Another program took the name in between: try the next one.
            names.append(spec.name)
            spec = replace(spec, name=free_name(spec.name, names))
            continue
        return made.stored, lock
    raise StoreError(Message(QT_TRANSLATE_NOOP(
        "runtime.throwaway", "kvmgui could not create the throwaway VM's folder in {folder}; try "
        "again."), folder=str(paths.throwaway_root)))


def release(lock: process.StartLock) -> None:
    with contextlib.suppress(OSError):
        lock.release()


class StoreWithThrowaways(VmStore):
    """The user's VM store, whose listings also show the running throwaway VMs.

    What the app and the CLI use (kvmgui.runtime.session builds it). Writes still go to the
    user's store only, and refuse a throwaway VM's folder (it is not in the VM folder), so a
    throwaway VM cannot be edited, renamed or deleted: it goes away when it stops. New names
    are checked against the throwaway VMs too, so a new VM never takes a listed name.
    """

    def __init__(self, root: Path, paths: AppPaths) -> None:
        super().__init__(root, approvals=Approvals.for_paths(paths))
        self.paths = paths

    def load_all(self) -> LoadResult:
        return merge(super().load_all(), self.paths)

    def is_throwaway(self, stored: StoredVm) -> bool:
        return is_throwaway(stored, self.paths)


def load_with_throwaways(store: VmStore, paths: AppPaths) -> LoadResult:
    """`store`'s VMs and the throwaway VMs, whether or not `store` already lists them."""
    if isinstance(store, StoreWithThrowaways):
        return store.load_all()
    return merge(store.load_all(), paths)
