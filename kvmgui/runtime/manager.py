"""All VMs of one store, their controllers, one stats sampler, and the event fan-out.

The GUI builds one VmManager (role APP) at start-up; `open()` loads the store and reattaches
to every VM whose QEMU is still running (found through pidfiles in the runtime folder, which
survive the app). kvmgui-cli builds one with role CLI and attaches only to the VM it is told
about, over the VM's second monitor socket, so it works while the GUI holds the first.

Host facts and QEMU capabilities are probed once, on first need, and shared by all starts.

Throwaway VMs (runtime/throwaway.py: "Test a USB stick") are loaded next to the store's VMs,
so they are listed and controlled like any other; when one stops, the manager removes it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.paths import AppPaths, VmRuntimePaths
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.settings import Settings
from kvmgui.core.store import LoadError, LoadResult, StoredVm, VmStore
from kvmgui.core.validation import name_key
from kvmgui.runtime import process, session, throwaway
from kvmgui.runtime.context import MonitorRole, RuntimeContext
from kvmgui.runtime.events import RuntimeEvent, StateChanged, StatsSampled, VmListChanged
from kvmgui.runtime.liveness import find_running, scan
from kvmgui.runtime.runfiles import RunMeta, read_meta
from kvmgui.runtime.state import VmState
from kvmgui.runtime.stats import StatsSampler, VmStats
from kvmgui.runtime.tasks import cancel_and_wait

if TYPE_CHECKING:
    from kvmgui.runtime.advisor import CpuAdvisor, VmFacts
    from kvmgui.runtime.controller import VmController

log = logging.getLogger(__name__)

RESCAN_INTERVAL_S = 3.0
# The VM folder's stamp (VmStore.stamp) and the throwaway VMs' names.
_Listing = tuple[frozenset[tuple[str, bool, tuple[int, int, int]]], frozenset[str]]

Subscriber = Callable[[RuntimeEvent], None]


@dataclass(frozen=True)
class OrphanVm:
    run: VmRuntimePaths
    pid: int
    name: str  # from meta.json ("" if unreadable)
    meta: RunMeta | None


class ManagerError(KvmguiError):
    """A request the manager cannot serve (unknown VM…); str() is one sentence."""


class VmManager:
    def __init__(self, paths: AppPaths, settings: Settings, *, store: VmStore | None = None,
                 host: HostFacts | None = None, caps: QemuCaps | None = None,
                 role: MonitorRole = MonitorRole.APP, sample_stats: bool = True) -> None:
        self.paths = paths
        self.settings = settings
        self.store = store if store is not None else session.open_store(paths, settings)
        self.role = role
        self._host = host
        self._caps = caps
        self._env_lock = asyncio.Lock()
        self._subscribers: list[Subscriber] = []
        self._controllers: dict[str, VmController] = {}
        self.load_errors: list[LoadError] = []
        self._ctx = RuntimeContext(
            paths=paths, settings=settings, role=role, environment=self.environment,
            publish=self._publish, refresh=self._refresh_one, save=self.store.save,
        )
        self.stats = StatsSampler(self._stats_sources, self._publish_stats,
                                  settings.stats_interval_s)
        self._sample_stats = sample_stats
        # The performance advisor is one more subscriber: it turns StatsSampled into
        # AdviceChanged, published through this same fan-out (tune it: advisor.configure()).
        self._advisor: CpuAdvisor | None = None
        self.subscribe(self._advise)
        self._rescan_task: asyncio.Task[None] | None = None
        self._opened = False
        self._listing: _Listing = (frozenset(), frozenset())

    # -- events ------------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(event)` for every runtime event; returns the unsubscribe function."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def _publish(self, event: RuntimeEvent) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:  # one broken subscriber must not starve the others
                log.exception("runtime event subscriber failed on %r", event)
        if isinstance(event, StateChanged) and not event.state.is_active:
            # After this event has reached everyone: a stopped throwaway VM goes away.
            with contextlib.suppress(RuntimeError):  # no loop: nothing runs, nothing to do
                asyncio.get_running_loop().call_soon(self._collect_throwaway, event.vm_id)

    def _collect_throwaway(self, vm_id: str) -> None:
        controller = self._controllers.get(vm_id)
        if (controller is None or controller.pid is not None or controller.state.is_active
                or not throwaway.is_throwaway(controller.stored, self.paths)):
            return
        if throwaway.discard(controller.stored, self.paths):
            self.reload_store()

    @property
    def advisor(self) -> CpuAdvisor:
        """The performance advisor, made when first needed: it has nothing to watch before a
        VM runs, and its modules are 0.2 MiB that a list of stopped VMs does without."""
        if self._advisor is None:
            from kvmgui.runtime.advisor import CpuAdvisor

            self._advisor = CpuAdvisor(self._advisor_facts, self._publish)
        return self._advisor

    def _advise(self, event: RuntimeEvent) -> None:
        # Until a VM runs or is sampled, the advisor would ignore every event.
        if self._advisor is None and not (
            isinstance(event, StatsSampled)
            or (isinstance(event, StateChanged) and event.state is VmState.RUNNING)
        ):
            return
        self.advisor.observe(event)

    def _publish_stats(self, stats: VmStats) -> None:
        self._publish(StatsSampled(stats.vm_id, stats))

    def _advisor_facts(self, vm_id: str) -> VmFacts | None:
        controller = self._controllers.get(vm_id)
        if controller is None:
            return None
        from kvmgui.runtime.advisor import VmFacts, accel_in_use  # see `advisor`

        # A VM we only reattached to may run before the host was probed: the CPU count is
        # the one fact the advice needs from it.
        host = self._host or HostFacts(cpu_count=os.cpu_count() or 1)
        return VmFacts(controller.spec, host, accel_in_use(controller.status().accel))

    # -- the environment (probed once) -------------------------------------------------------

    async def environment(self) -> tuple[HostFacts, QemuCaps]:
        async with self._env_lock:
            if self._caps is None:
                from kvmgui.runtime.qemu_probe import probe_caps

                self._caps = await probe_caps(self.settings.qemu_binary,
                                              cache_file=self.paths.qemu_caps_cache)
            if self._host is None:
                from kvmgui.runtime.host_probe import check_host

                report = await check_host(self.store.root, qemu_binary=self.settings.qemu_binary,
                                          qemu_img=self.settings.qemu_img_binary,
                                          caps_cache=self.paths.qemu_caps_cache)
                self._host = report.facts
            return self._host, self._caps

    def apply_settings(self, settings: Settings) -> None:
        old = self.settings
        self.settings = settings
        self._ctx.settings = settings
        if (old.qemu_binary, old.qemu_img_binary) != (settings.qemu_binary,
                                                      settings.qemu_img_binary):
            self._caps = None
            self._host = None
        self.stats.set_interval(settings.stats_interval_s)

    # -- the VMs -----------------------------------------------------------------------------

    async def open(self, *, attach: bool = True) -> None:
        """Load the store; with `attach`, reconnect to every VM that is still running."""
        self.reload_store()
        self._opened = True
        if attach:
            qemus = scan()  # one pass over /proc for every VM
            await asyncio.gather(*(c.attach(qemus) for c in self._controllers.values()))
        if self.role is MonitorRole.APP:
            if self._sample_stats:
                self.stats.start()
            self._rescan_task = asyncio.ensure_future(self._rescan_loop())

    def reload_store(self) -> None:
        """Pick up VMs added to, changed in or removed from the store."""
        result = self._load_all()
        self.load_errors = list(result.errors)
        seen = set()
        changed = False
        for stored in result.vms:
            seen.add(stored.spec.id)
            existing = self._controllers.get(stored.spec.id)
            if existing is None:
                # Imported with the first VM: the controller's modules (the QEMU argv
                # builder, QMP, disk images…) are 2.5 MiB that an empty VM list never needs.
                from kvmgui.runtime.controller import VmController

                self._controllers[stored.spec.id] = VmController(stored, self._ctx)
                changed = True
            elif existing.stored != stored:  # edited or renamed (here or by another program)
                existing.update_definition(stored)
                changed = True
        for vm_id in list(self._controllers):
            controller = self._controllers[vm_id]
            if vm_id not in seen and not controller.state.is_active:
                del self._controllers[vm_id]
                changed = True
        if changed and self._opened:
            self._publish(VmListChanged())

    def use_store(self, store: VmStore) -> None:
        """Follow another VM folder (the settings changed it); VMs running from the old one
        stay known until they stop (reload_store keeps active controllers)."""
        self.store = store
        self.reload_store()

    async def reload(self) -> None:
        """reload_store, then attach to VMs that appeared and already run."""
        before = set(self._controllers)
        self.reload_store()
        new = [c for vm_id, c in self._controllers.items() if vm_id not in before]
        await asyncio.gather(*(c.attach() for c in new))

    def _listing_now(self) -> _Listing:
        """A cheap look at the VM folder and the throwaway VMs (see _rescan_loop)."""
        return self.store.stamp(), throwaway.listing(self.paths)

    def _load_all(self) -> LoadResult:
        """The store's VMs and the throwaway VMs."""
        self._listing = self._listing_now()
        return throwaway.load_with_throwaways(self.store, self.paths)

    def _refresh_one(self, vm_id: str) -> StoredVm | None:
        with contextlib.suppress(Exception):
            for stored in throwaway.load_with_throwaways(self.store, self.paths).vms:
                if stored.spec.id == vm_id:
                    return stored
        return None

    def controllers(self) -> list[VmController]:
        return sorted(self._controllers.values(), key=lambda c: c.name.casefold())

    def find(self, name_or_id: str) -> VmController | None:
        if name_or_id in self._controllers:
            return self._controllers[name_or_id]
        # By id, else by exact name, else by name as the store compares names.
        key = name_key(name_or_id)
        controllers = self._controllers.values()
        exact = next((c for c in controllers if c.name == name_or_id), None)
        return exact or next((c for c in controllers if name_key(c.name) == key), None)

    def get(self, name_or_id: str) -> VmController:
        found = self.find(name_or_id)
        if found is not None:
            return found
        for problem in self.load_errors:
            if name_key(problem.name) == name_key(name_or_id):
                raise ManagerError(problem.message)
        raise ManagerError(Message(QT_TRANSLATE_NOOP(
            "runtime.manager",
            "There is no VM called '{name}': 'kvmgui-cli list' shows the VMs there are."),
            name=name_or_id))

    async def attach_one(self, name_or_id: str) -> VmController:
        """The controller of one VM, attached to its QEMU if it runs (the CLI's entry point)."""
        if not self._opened:
            self.reload_store()
            self._opened = True
        controller = self.get(name_or_id)
        await controller.attach()
        if controller.runtime_problem is not None:
            raise ManagerError(controller.runtime_problem)
        return controller

    # -- background --------------------------------------------------------------------------

    def _stats_sources(self) -> list[VmController]:
        return [c for c in self._controllers.values()
                if c.pid is not None and c.state.is_active]

    async def _rescan_loop(self) -> None:
        """Notice VMs started by another program (kvmgui-cli start) while we run.

        Looks only for VMs we believe stopped (their pidfile, and one pass over /proc for
        QEMUs naming them, which finds those started from another session), and never decides
        the state of a VM we are attached to (QMP events do that).
        """
        while True:
            await asyncio.sleep(RESCAN_INTERVAL_S)
            if self._listing_now() != self._listing:
                # A VM was made, changed or deleted by another program (kvmgui-cli create,
                # edit, delete), or a throwaway VM was started or removed elsewhere.
                try:
                    await self.reload()
                except Exception:
                    log.exception("reloading the VM list failed")
            stopped = [c for c in self._controllers.values()
                       if not c.state.is_active and c.pid is None]
            qemus = scan() if stopped else []
            for controller in stopped:
                try:
                    if find_running(self.paths, controller.vm_id, qemus) is None:
                        continue
                except (process.UnsafeRuntimeDir, OSError):
                    continue
                # A launch in progress holds start.lock and the qmp.sock connection; wait.
                if process.StartLock(controller.run.lock_file).is_busy():
                    continue
                try:
                    await controller.attach()
                except Exception:
                    log.exception("attaching to %s failed", controller.name)

    async def close(self) -> None:
        """Let go of every VM (they keep running) and stop the background tasks."""
        task, self._rescan_task = self._rescan_task, None
        await cancel_and_wait(task)
        await self.stats.stop()
        await asyncio.gather(*(c.close() for c in self._controllers.values()),
                             return_exceptions=True)
        # Closed controllers stay closed; a later open() builds fresh ones.
        self._controllers.clear()
        self._opened = False

    # -- convenience for the UI and scripts ---------------------------------------------------

    def orphans(self) -> list[OrphanVm]:
        """QEMUs of ours still running whose VM is not in the store any more (its definition
        was deleted or moved while it ran). Found by scanning the runtime folder."""
        known = {c.run.dir for c in self._controllers.values()}
        found = []
        try:
            entries = sorted(self.paths.runtime_dir.iterdir())
        except OSError:
            return []
        for entry in entries:
            if entry in known or not entry.is_dir() or entry.is_symlink():
                continue
            run = VmRuntimePaths(entry)
            pid = process.find_vm_pid(run)  # reads nothing from a folder not private to us
            if pid is None:
                continue
            meta = read_meta(run)
            found.append(OrphanVm(run, pid, meta.name if meta else "", meta))
        return found

    def running(self) -> list[VmController]:
        return [c for c in self._controllers.values() if c.state.is_active]

    def states(self) -> dict[str, VmState]:
        return {c.vm_id: c.state for c in self._controllers.values()}
