"""The new-VM wizard's model: the Draft the pages fill, what was measured about the host, and
the live validation of the spec the draft makes.

The pages and the wizard widget both depend on this (never on each other): a page reads and
writes `model.draft`, calls `model.revalidate()` and listens to its signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from kvmgui.core.argv import ArgvError, build_argv, shell_line
from kvmgui.core.host import HostFacts
from kvmgui.core.messages import Message
from kvmgui.core.model import DisplayKind, OsPreset, VmSpec
from kvmgui.core.presets import new_vm_id
from kvmgui.core.problems import Problem, Severity
from kvmgui.core.settings import Settings
from kvmgui.core.store import StoreError
from kvmgui.core.validation import validate_spec
from kvmgui.runtime.libvirt_create import CreatedDomain, create_on_host, iso_volumes, refusal
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.libvirt_storage import PoolInfo, VolumeInfo, pools, usable_pool
from kvmgui.runtime.medium import install_medium_check
from kvmgui.runtime.outcome import Outcome
from kvmgui.ui.context import AppContext
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.services import DriveScan, scan_drives
from kvmgui.ui.tasks import spawn_into
from kvmgui.ui.wizard.draft import DiskChoice, Draft, SourceKind, iso_path, page_of, to_spec

log = logging.getLogger(__name__)


def apply_os(
    d: Draft,
    os: OsPreset,
    settings: Settings,
    *,
    keep: frozenset[str] = frozenset(),
    host: HostFacts | None = None,
) -> None:
    """The OS type's defaults, then the preferences' new-VM defaults where the user changed
    them from the built-in ones (a deliberate choice wins over a generic recommendation).

    `keep`: the Draft fields the user already set in this wizard (memory_mib, cpus, disk_gib,
    sound): they keep the user's value. `host`: once measured, sound starts off when the
    session has no sound server (the guest could not play anything).
    """
    kept = {name: getattr(d, name) for name in keep}
    d.apply_preset(os)
    defaults = Settings()
    if settings.default_memory_mib != defaults.default_memory_mib:
        d.memory_mib = settings.default_memory_mib
    if settings.default_cpus != defaults.default_cpus:
        d.cpus = settings.default_cpus
    if host is not None and not has_sound_server(host):
        d.sound = False
    for name, value in kept.items():
        setattr(d, name, value)


def has_sound_server(host: HostFacts) -> bool:
    """Whether QEMU can play the guest's sound in this session (see hostcheck.audio_driver)."""
    return host.audio_driver != "none"


def initial_draft(settings: Settings, source: SourceKind | None = None) -> Draft:
    d = Draft()
    apply_os(d, d.os, settings)
    d.display = (
        settings.default_display
        if settings.default_display is not DisplayKind.NONE
        else DisplayKind.VNC
    )
    d.accel = settings.accelerator
    if source is not None:
        d.source = source
    return d


@dataclass
class HostStorage:
    """What the wizard read of the libvirt host chosen as the target."""

    uri: str = ""
    pools: list[PoolInfo] = field(default_factory=list)
    isos: list[VolumeInfo] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # its VMs' names
    error: str = ""
    loaded: bool = False

    def pool(self, name: str) -> PoolInfo | None:
        return next((p for p in self.pools if p.name == name), None)


# The sources a VM on a libvirt host can start from: the rest are this computer's.
HOST_SOURCES = (SourceKind.ISO, SourceKind.NONE)


class WizardModel(QObject):
    problems_changed = Signal()
    env_changed = Signal()  # host facts, caps, free space or drives arrived
    creation_progress = Signal(float, str)  # 0..1 (or BUSY, FAILED), what is being done
    task_failed = Signal(object)  # the exception of a background check

    def __init__(
        self,
        ctx: AppContext,
        source: SourceKind | None = None,
        parent: QObject | None = None,
        connections: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The libvirt connections the VM may be created on instead of this computer.
        self.connections = tuple(connections)
        self.host = HostStorage()
        self.draft = initial_draft(ctx.settings, source)
        self.vm_id = new_vm_id()
        self.spec: VmSpec = to_spec(self.draft, self.vm_id)
        self.problems: list[Problem] = []
        self.command_line = ""
        self.command_error = ""
        self.free_bytes: int | None = None
        self.free_error = ""
        self.drives = DriveScan([], [], "")
        self.drives_scanned = False
        self.env_ready = False
        self._user_named = False
        self._os_touched = False
        # Draft fields the user set here: choosing another system type keeps them.
        self._kept: set[str] = set()
        # The install medium's header check: (absolute path, its problems), when done.
        self._iso_check: tuple[str, list[Problem]] | None = None
        self._iso_token = 0
        self.tasks: set[asyncio.Task[Any]] = set()
        self.existing_names = self._existing_names()

    # -- environment ------------------------------------------------------------------------

    def _existing_names(self) -> list[str]:
        result = self.ctx.store.load_all()
        return [vm.spec.name for vm in result.vms] + [e.name for e in result.errors if e.name]

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        return spawn_into(self.tasks, coro, self.task_failed.emit, "wizard task")

    def cancel_tasks(self) -> None:
        for task in list(self.tasks):
            task.cancel()

    async def load_environment(self) -> None:
        """Host facts, QEMU caps, free space and drives, all in parallel."""
        await asyncio.gather(
            self.ctx.ensure_host(),
            self.ctx.ensure_caps(),
            self.measure_free_space(),
            self.rescan_drives(),
        )
        self.env_ready = True
        if self.sound_server is False and "sound" not in self._kept:
            self.draft.sound = False
        self.revalidate()
        self.env_changed.emit()

    async def measure_free_space(self) -> None:
        try:
            self.free_bytes = await self.ctx.free_bytes()
            self.free_error = (
                ""
                if self.free_bytes is not None
                else translate("NewVmWizard", "The free space could not be measured.")
            )
        except OSError as exc:
            self.free_bytes = None
            self.free_error = exc.strerror or str(exc)
        self.env_changed.emit()

    async def rescan_drives(self) -> None:
        self.drives = await scan_drives()
        self.drives_scanned = True
        self.env_changed.emit()

    # -- validation -------------------------------------------------------------------------

    def note_user_named(self) -> None:
        self._user_named = True

    @property
    def user_named(self) -> bool:
        return self._user_named

    def apply_os(self, os: OsPreset) -> None:
        host = self.ctx.host_facts if self.ctx.host_report is not None else None
        apply_os(self.draft, os, self.ctx.settings, keep=frozenset(self._kept), host=host)

    def note_kept(self, field: str) -> None:
        """The user set this Draft field: a later change of system type leaves it alone."""
        self._kept.add(field)

    @property
    def sound_server(self) -> bool | None:
        """Whether this session has a sound server; None until the host is measured."""
        if self.ctx.host_report is None:
            return None
        return has_sound_server(self.ctx.host_facts)

    def check_install_medium(self) -> None:
        """Read the chosen ISO's header in the background; revalidate when it is known."""
        self._iso_token += 1
        path = iso_path(self.draft)
        if not path:
            self._iso_check = None
            return
        self.spawn(self._check_medium(path, self._iso_token))

    async def _check_medium(self, path: str, token: int) -> None:
        problems = await install_medium_check("cdrom.path", Path(path))
        if token != self._iso_token:
            return  # another file was chosen meanwhile
        self._iso_check = (path, problems)
        self.revalidate()

    @property
    def medium_checked(self) -> bool:
        """The header of the ISO now chosen has been read (tests wait for it)."""
        return self._iso_check is not None and self._iso_check[0] == iso_path(self.draft)

    def note_os_touched(self) -> None:
        self._os_touched = True

    @property
    def os_touched(self) -> bool:
        return self._os_touched

    def final_spec(self) -> VmSpec:
        """The spec as it will be stored: the machine type pinned to this QEMU's version."""
        spec = self.spec
        if self.ctx.caps is not None:
            spec = replace(spec, machine_version=self.ctx.caps.pinned_machine(spec.machine.value))
        return spec

    def revalidate(self) -> None:
        self.spec = to_spec(self.draft, self.vm_id)
        if self.on_host:
            self.problems = self._host_problems()
            self.command_line = ""
            self.command_error = ""
            self.problems_changed.emit()
            return
        problems = validate_spec(
            self.spec,
            self.ctx.host_facts if self.ctx.host_report else _optimistic_host(self.ctx),
            existing_names=self.existing_names,
            folder=None,
            free_bytes=self.free_bytes,
            check_files=True,
        )
        if self.ctx.host_report is None:
            # Until the host is measured, judge nothing that depends on it (the optimistic
            # host above already lets any memory or CPU count pass but 0 MiB or 0 CPUs).
            problems = [p for p in problems if p.field not in ("accel", "firmware", "tpm")]
        problems += self._folder_problems(problems)
        problems += self._device_problems()
        problems += self._medium_problems(problems)
        self.problems = problems
        self._update_command_line()
        self.problems_changed.emit()

    def _medium_problems(self, problems: list[Problem]) -> list[Problem]:
        """The chosen ISO is not a disc image (checked from its header), unless the file
        has a more basic problem already (missing, unreadable…)."""
        if self._iso_check is None or any(p.field == "cdrom.path" for p in problems):
            return []
        path, found = self._iso_check
        if self.draft.source is not SourceKind.ISO or path != iso_path(self.draft):
            return []
        return found

    @property
    def name_ok(self) -> bool:
        """The VM has a name it can be created with (so the command line can show it)."""
        return bool(self.spec.name.strip()) and not any(
            p.field == "name" and p.severity is Severity.ERROR for p in self.problems
        )

    def _folder_problems(self, problems: list[Problem]) -> list[Problem]:
        """A leftover folder with the new VM's name (the store would refuse it at Finish)."""
        name = self.spec.name
        if not name.strip() or any(p.field == "name" for p in problems):
            return []
        try:
            folder = self.ctx.store.folder_for(name)
        except StoreError as exc:
            return [Problem("name", Severity.ERROR, str(exc))]
        if folder.dir.exists():
            return [
                Problem(
                    "name",
                    Severity.ERROR,
                    translate(
                        "NewVmWizard",
                        "A folder named '{0}' already exists in {1} (perhaps the kept disks of a "
                        "deleted VM): choose another name or move that folder away.",
                    ).format(name, self.ctx.vm_root),
                )
            ]
        return []

    def _device_problems(self) -> list[Problem]:
        """A detected drive or stick that must not be given to a VM (mounted, the system
        disk…): the scan says why."""
        d = self.draft
        if d.source is SourceKind.USB:
            chosen, drives, field = d.usb_device, self.drives.sticks, "usb_stick.path"
        elif d.source is SourceKind.CDROM:
            chosen, drives, field = d.cdrom_device, self.drives.optical, "cdrom.path"
        else:
            return []
        for drive in drives:
            if drive.path == chosen and not drive.usable:
                return [Problem(field, Severity.ERROR, drive.problem)]
        return []

    def _update_command_line(self) -> None:
        caps = self.ctx.caps
        if caps is None:
            self.command_line = ""
            self.command_error = self.ctx.caps_error or translate(
                "NewVmWizard", "Asking QEMU what it supports…"
            )
            return
        if not self.name_ok:
            # No made-up name: the command line names the VM's folder and guest.
            self.command_line = ""
            self.command_error = ""
            return
        try:
            folder = self.ctx.store.folder_for(self.spec.name)
        except StoreError as exc:
            self.command_line = ""
            self.command_error = str(exc)
            return
        try:
            argv = build_argv(
                self.final_spec(),
                caps=caps,
                host=self.ctx.host_facts,
                folder=folder,
                run=self.ctx.paths.vm_runtime(self.vm_id),
                qemu_binary=self.ctx.settings.qemu_binary,
            )
        except ArgvError as exc:
            self.command_line = ""
            self.command_error = str(exc)
            return
        self.command_line = shell_line(argv)
        self.command_error = ""

    def problems_for(self, key: str) -> list[Problem]:
        out = []
        for p in self.problems:
            page = page_of(p.field)
            if self.draft.source is SourceKind.IMAGE and page == "disk":
                page = "source"  # the image was chosen on the first page
            if page == "source" and p.field == "boot_order":
                page = "disk" if self.draft.source is not SourceKind.IMAGE else "source"
            if page == key:
                out.append(p)
        if key == "summary" and self.command_error and self.ctx.caps is not None \
                and not self.on_host:
            out.append(Problem("argv", Severity.ERROR, self.command_error))
        return out


    # -- a libvirt host as the target -------------------------------------------------------

    @property
    def on_host(self) -> bool:
        """The VM is made on a libvirt connection, not on this computer."""
        return bool(self.draft.target)

    def set_target(self, uri: str) -> None:
        """Make the VM on `uri` ("" : this computer); read the host's pools and ISOs."""
        d = self.draft
        d.target = uri
        d.pool = ""
        d.upload_iso = ""
        d.iso_path = ""
        self.host = HostStorage(uri)
        if uri:
            if d.source not in HOST_SOURCES:
                d.source = SourceKind.ISO
            if d.disk is DiskChoice.EXISTING:
                d.disk = DiskChoice.NEW
            self.spawn(self.load_host(uri))
        self.revalidate()
        self.env_changed.emit()

    async def load_host(self, uri: str) -> None:
        try:
            async with await self.ctx.open_libvirt(uri) as connection:
                found = HostStorage(
                    uri,
                    await pools(connection),
                    await iso_volumes(connection),
                    [info.name for info in await connection.domains()],
                    loaded=True,
                )
        except LibvirtError as err:
            found = HostStorage(uri, error=core_text(err.message), loaded=True)
        if self.draft.target != uri:
            return  # another target was chosen meanwhile
        self.host = found
        if not self.draft.pool and found.pools:
            with contextlib.suppress(LibvirtError):  # no active pool: the disk page says so
                self.draft.pool = usable_pool(found.pools).name
        self.revalidate()
        self.env_changed.emit()

    @property
    def taken_names(self) -> list[str]:
        """The names a new VM may not take where it is made."""
        return self.host.names if self.on_host else self.existing_names

    @property
    def host_reading(self) -> str:
        """What the pages say while the host's storage is being read."""
        return translate("NewVmWizard", "Reading the storage pools of {0}…").format(self.host.uri)

    def choose_host_iso(self, path: str) -> None:
        """An ISO volume of the host (its path there)."""
        self.draft.iso_path = path
        self.draft.upload_iso = ""

    def choose_upload(self, path: str) -> None:
        """A file of this computer, uploaded into the pool when the VM is created."""
        self.draft.iso_path = path
        self.draft.upload_iso = path

    def _host_problems(self) -> list[Problem]:
        d = self.draft
        host = self.host
        pool = host.pool(d.pool)
        problems = validate_spec(
            self.spec,
            _optimistic_host(self.ctx),
            existing_names=host.names,
            folder=None,
            free_bytes=pool.available_bytes if pool is not None else None,
            check_files=False,
        )
        if host.error:
            problems.append(Problem("target", Severity.ERROR, host.error))
        refused = refusal(self.spec)
        if refused is not None:
            problems.append(Problem("target", Severity.ERROR, core_text(refused)))
        if host.loaded and not host.error and self.spec.disks:
            try:
                usable_pool(host.pools, d.pool or None)
            except LibvirtError as err:
                problems.append(Problem("pool", Severity.ERROR, core_text(err.message)))
        return problems

    async def create_on_host(self) -> tuple[CreatedDomain, Outcome[Any] | None]:
        """Create the VM on the target host (and start it when asked); the creation's
        progress goes to creation_progress. LibvirtError when it could not be made (nothing
        is left then); a failed start is the outcome returned."""
        d = self.draft

        def report(fraction: float, what: Message) -> None:
            self.creation_progress.emit(fraction, core_text(what))

        upload = Path(d.upload_iso) if d.upload_iso else None
        async with await self.ctx.open_libvirt(d.target) as connection:
            created = await create_on_host(
                connection, self.spec, pool=d.pool or None, upload_iso=upload, progress=report)
            started = await connection.start(created.name) if d.start_now else None
        return created, started


def _optimistic_host(ctx: AppContext) -> HostFacts:
    # Large enough that nothing about memory or CPUs is flagged before the real facts arrive.
    return HostFacts(
        kvm_usable=True,
        cpu_count=1024,
        memory_mib=1 << 30,
        available_memory_mib=1 << 30,
        ovmf_code="-",
        ovmf_vars_template="-",
        swtpm="-",
    )
