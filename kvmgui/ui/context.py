"""What every window gets: paths, settings, the VM store, the runtime and the host facts.

Built once by app.build() (which main() and the app-level tests call) and passed down: no
globals. The store and the VmManager come from kvmgui.runtime.session, the factory the CLI uses
too, so both faces list the same VMs (throwaway ones included). It is a QObject only so
windows can hear when the settings or the host facts change.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from kvmgui.core.host import HostFacts
from kvmgui.core.paths import AppPaths
from kvmgui.core.problems import Problem
from kvmgui.core.settings import Settings, save_settings, validate_settings
from kvmgui.runtime import session
from kvmgui.ui.i18n import core_text

if TYPE_CHECKING:
    # The runtime (and asyncio under it) is loaded once the main window is on screen: the
    # methods that need it import it (start-up cost), none of them runs before the paint.
    import asyncio

    from kvmgui.core.hostcheck import HostReport
    from kvmgui.core.qemu_caps import QemuCaps
    from kvmgui.runtime.controller import VmController
    from kvmgui.runtime.libvirt_conn import LibvirtConnection
    from kvmgui.runtime.libvirt_hosts import LibvirtHosts
    from kvmgui.runtime.manager import VmManager
    from kvmgui.runtime.state import VmStatus
    from kvmgui.runtime.throwaway import StoreWithThrowaways

log = logging.getLogger(__name__)


class AppContext(QObject):
    settings_changed = Signal()
    host_changed = Signal()

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        *,
        settings_warnings: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._settings = settings
        self.settings_warnings = list(settings_warnings or [])
        # Opened on first use: not needed for the main window's first paint.
        self._store: StoreWithThrowaways | None = None
        self.manager: VmManager | None = None  # start_runtime's
        self.host_report: HostReport | None = None
        self.host_error: str = ""
        self.caps: QemuCaps | None = None
        self.caps_error: str = ""
        self._host_task: asyncio.Task[HostReport | None] | None = None
        self._libvirt_hosts: LibvirtHosts | None = None
        # View state (window geometry, splitter sizes, list/grid) lives in an INI file next to
        # the settings, so tests get their own and nothing touches ~/.config/QtProject.
        self.view_state = QSettings(
            str(paths.config_dir / "view-state.ini"), QSettings.Format.IniFormat
        )

    # -- settings ---------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def store(self) -> StoreWithThrowaways:
        """The VM store (the VM folder plus the running throwaway VMs)."""
        if self._store is None:
            self._store = session.open_store(self.paths, self._settings)
        return self._store

    @property
    def vm_root(self) -> Path:
        return session.vm_root(self.paths, self._settings)

    def apply_settings(self, settings: Settings) -> list[Problem]:
        """Validate, save and use `settings`; returns the problems (nothing saved if any)."""
        problems = validate_settings(settings)
        if problems:
            return problems
        save_settings(self.paths.settings_file, settings)
        old = self._settings
        self._settings = settings
        if old.vm_root != settings.vm_root:
            self._store = session.open_store(self.paths, settings)
        if self.manager is not None:
            self.manager.apply_settings(settings)
            if old.vm_root != settings.vm_root:
                # The runtime follows the new folder; VMs running from the old one stay known
                # to it until they stop.
                self.manager.use_store(self.store)
        if self._libvirt_hosts is not None:
            self._libvirt_hosts.set_saved(settings.connections)
            self._libvirt_hosts.set_interval(settings.stats_interval_s)
            self._libvirt_hosts.shutdown_timeout_s = float(settings.shutdown_timeout_s)
        if (old.qemu_binary, old.qemu_img_binary, old.vm_root) != (
            settings.qemu_binary,
            settings.qemu_img_binary,
            settings.vm_root,
        ):
            self.caps = None
            self.host_report = None
        self.settings_changed.emit()
        return []

    # -- the runtime ------------------------------------------------------------------------

    def start_runtime(self) -> VmManager:
        """Build the store and the VmManager (role APP) with the runtime's factory; the
        window opens the manager (MainWindow.startup)."""
        runtime = session.open_runtime(self.paths, self._settings)
        self._store = runtime.store
        self.manager = runtime.manager
        return runtime.manager

    @property
    def libvirt_hosts(self) -> LibvirtHosts:
        """The libvirt connections of the settings (made on first use; each one connects
        when asked)."""
        if self._libvirt_hosts is None:
            # Imported on first use, for start-up cost (the runtime is not needed to paint).
            from kvmgui.runtime.libvirt_hosts import LibvirtHosts

            self._libvirt_hosts = LibvirtHosts(
                self._settings.connections, stats_interval_s=self._settings.stats_interval_s,
                opener=self.open_libvirt)
            self._libvirt_hosts.shutdown_timeout_s = float(self._settings.shutdown_timeout_s)
        return self._libvirt_hosts

    async def open_libvirt(self, uri: str) -> LibvirtConnection:
        """A new connection to `uri`, with ssh asking through kvmgui-askpass (a window has no
        terminal for ssh to ask on). Every libvirt connection the app opens is made here."""
        # Imported on first use, for start-up cost (libvirt is not needed to paint).
        from kvmgui.runtime.libvirt_conn import LibvirtConnection
        from kvmgui.ui import askpass

        return await LibvirtConnection.open(uri, askpass=askpass.program())

    @property
    def connection_uris(self) -> list[str]:
        """The saved libvirt connections' URIs, in the user's order."""
        return [saved.uri for saved in self._settings.connections]

    async def close_libvirt(self) -> None:
        """Close the libvirt connections (their domains run on)."""
        if self._libvirt_hosts is not None:
            await self._libvirt_hosts.close()

    def controller(self, vm_id: str) -> VmController | None:
        """The runtime's controller of a VM (the store is re-read once for a new VM)."""
        manager = self.manager
        if manager is None:
            return None
        found = manager.find(vm_id)
        if found is None:
            manager.reload_store()
            found = manager.find(vm_id)
        return found

    def status(self, vm_id: str) -> VmStatus | None:
        found = self.controller(vm_id)
        return found.status() if found is not None else None

    # -- host facts -------------------------------------------------------------------------

    @property
    def host_facts(self) -> HostFacts:
        """The probed facts, or conservative guesses until the probe has finished."""
        if self.host_report is not None:
            return self.host_report.facts
        return HostFacts()

    async def refresh_host(self) -> HostReport | None:
        """Probe the host (once at a time); host_changed is emitted when it is done."""
        import asyncio  # here for start-up cost (see the imports)

        if self._host_task is not None and not self._host_task.done():
            return await asyncio.shield(self._host_task)
        self._host_task = asyncio.ensure_future(self._probe_host())
        return await asyncio.shield(self._host_task)

    async def _probe_host(self) -> HostReport | None:
        from kvmgui.runtime.host_probe import check_host  # start-up cost (see the imports)

        try:
            report = await check_host(
                self.vm_root,
                qemu_binary=self._settings.qemu_binary,
                qemu_img=self._settings.qemu_img_binary,
                caps_cache=self.paths.qemu_caps_cache,
            )
        except Exception as exc:  # the probe promises not to raise; be safe anyway
            log.exception("host probe failed")
            self.host_error = core_text(str(exc)) or type(exc).__name__
            self.host_changed.emit()
            return None
        self.host_report = report
        self.host_error = ""
        self.host_changed.emit()
        return report

    async def ensure_host(self) -> HostReport | None:
        if self.host_report is not None:
            return self.host_report
        return await self.refresh_host()

    async def ensure_caps(self) -> QemuCaps | None:
        """What the configured QEMU can do (probed once per binary); None with caps_error."""
        if self.caps is not None:
            return self.caps
        # Start-up cost (see the imports).
        from kvmgui.runtime.qemu_probe import QemuProbeError, probe_caps

        try:
            self.caps = await probe_caps(
                self._settings.qemu_binary, cache_file=self.paths.qemu_caps_cache
            )
            self.caps_error = ""
        except QemuProbeError as exc:
            self.caps_error = core_text(str(exc))  # the probe's Message, translated
            self.caps = None
        return self.caps

    async def free_bytes(self, path: Path | None = None) -> int | None:
        """Free space where `path` (default: the VM folder) is or would be created."""
        target = path or self.vm_root

        def measure() -> int | None:
            candidate = target.absolute()
            while not candidate.exists() and candidate != candidate.parent:
                candidate = candidate.parent
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None

        # statvfs can hang on a dead network mount: never on the Qt thread.
        import asyncio  # start-up cost (see the imports)

        return await asyncio.to_thread(measure)
