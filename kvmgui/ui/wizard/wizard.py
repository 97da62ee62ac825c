"""The new-VM wizard: six pages filling a Draft, validated live, creating the VM on Finish.

Host facts, QEMU's capabilities, free space and the host's drives are gathered
asynchronously when the wizard opens; pages show "Measuring…" until they arrive and never a
made-up value. Finish creates the VM folder and definition, then the disk with visible
progress; on any failure everything created is removed again and the wizard stays open
with the reason.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from kvmgui.core.argv import ArgvError, build_argv, shell_line
from kvmgui.core.host import HostFacts
from kvmgui.core.model import DisplayKind, OsPreset, VmSpec
from kvmgui.core.presets import new_vm_id
from kvmgui.core.settings import Settings
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.validation import Problem, Severity, validate_spec
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import app_icon
from kvmgui.ui.services import DriveScan, ServiceError, create_disk, scan_drives
from kvmgui.ui.wizard.draft import Draft, SourceKind, iso_path, page_of, to_spec

log = logging.getLogger(__name__)
BUSY = 2.0  # creation_progress value: working, amount unknown
FAILED = -1.0


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


class NewVmWizard(QWizard):
    problems_changed = Signal()
    env_changed = Signal()  # host facts, caps, free space or drives arrived
    creation_progress = Signal(float, str)  # 0..1, what is being done
    # The VM exists (definition and disks); int 1: the user asked to start it now (an int, not
    # a bool: see bridge.py).
    vm_created = Signal(object, int)

    PAGE_IDS = ("source", "os", "resources", "disk", "options", "summary")

    def __init__(
        self,
        ctx: AppContext,
        *,
        source: SourceKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.created: StoredVm | None = None
        self.creating = False
        self._user_named = False
        self._os_touched = False
        # Draft fields the user set here: choosing another system type keeps them.
        self._kept: set[str] = set()
        # The install medium's header check: (absolute path, its problems), when done.
        self._iso_check: tuple[str, list[Problem]] | None = None
        self._iso_token = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self.existing_names = self._existing_names()

        self.setWindowTitle(translate("NewVmWizard", "New virtual machine"))
        self.setWindowIcon(app_icon())
        self.setObjectName("NewVmWizard")
        self.setAccessibleName(translate("NewVmWizard", "New virtual machine"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("NewVmWizard", "&Create"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))

        from kvmgui.ui.wizard.page_disk import DiskPage
        from kvmgui.ui.wizard.page_options import OptionsPage
        from kvmgui.ui.wizard.page_os import OsPage
        from kvmgui.ui.wizard.page_resources import ResourcesPage
        from kvmgui.ui.wizard.page_source import SourcePage
        from kvmgui.ui.wizard.page_summary import SummaryPage

        self.source_page = SourcePage(self)
        self.os_page = OsPage(self)
        self.resources_page = ResourcesPage(self)
        self.disk_page = DiskPage(self)
        self.options_page = OptionsPage(self)
        self.summary_page = SummaryPage(self)
        self._pages = [
            self.source_page,
            self.os_page,
            self.resources_page,
            self.disk_page,
            self.options_page,
            self.summary_page,
        ]
        for page in self._pages:
            self.addPage(page)
        self._steps = _StepList(self, [p.title() for p in self._pages])
        self.setSideWidget(self._steps)
        self.currentIdChanged.connect(self._steps.set_current)
        self.resize(860, 620)
        self.revalidate()

    # -- environment ------------------------------------------------------------------------

    def _existing_names(self) -> list[str]:
        result = self.ctx.store.load_all()
        return [vm.spec.name for vm in result.vms] + [e.name for e in result.errors if e.name]

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.env_ready and not self._tasks:
            self.spawn(self.load_environment())

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            assert exc is not None
            log.error("wizard task failed", exc_info=exc)
            show_error(
                self,
                translate("NewVmWizard", "The wizard could not finish a background check."),
                informative=str(exc),
                details=repr(exc),
            )

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
        from kvmgui.runtime.medium import install_medium_check

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
        if key == "summary" and self.command_error and self.ctx.caps is not None:
            out.append(Problem("argv", Severity.ERROR, self.command_error))
        return out

    # -- creation ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Finish: create the VM asynchronously; the dialog closes when it is done."""
        if self.creating:
            return
        self.revalidate()
        if any(p.severity is Severity.ERROR for p in self.problems):
            # A check that finished after the user left its page (the ISO's header, say):
            # go back to the first page with an error and show it, rather than do nothing.
            for page in self._pages:
                if not page.validatePage():
                    while self.currentPage() is not page and self.currentId() > 0:
                        self.back()
                    return
            return
        self.spawn(self.create_vm())

    def reject(self) -> None:
        if self.creating:
            return  # the disk is being written: Cancel would leave half a VM
        for task in list(self._tasks):
            task.cancel()
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.creating = busy
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            widget = self.button(button)
            if widget is not None:
                widget.setEnabled(not busy)

    async def create_vm(self) -> StoredVm | None:
        self._set_busy(True)
        stored: StoredVm | None = None
        try:
            spec = self.final_spec()
            self.creation_progress.emit(0.0, translate("NewVmWizard", "Creating the VM's folder…"))
            # Hidden from the list until its disks are written (a killed app leaves no VM
            # without its disk; the next creation removes the half-made folder).
            stored = self.ctx.store.create(spec, complete=False)
            # --- media tools (issue 6): an imported image converted to qcow2 first ---
            if self.draft.source is SourceKind.IMAGE and self.draft.image_convert:
                from kvmgui.ui.media.import_image import convert_into_vm

                converting = translate("NewVmWizard", "Converting the disk image to qcow2…")
                self.creation_progress.emit(0.05, converting)

                def converted(fraction: float) -> None:
                    self.creation_progress.emit(0.05 + 0.9 * fraction, converting)

                await convert_into_vm(
                    self.draft.image_path,
                    self.draft.image_format.value,
                    stored,
                    qemu_img=self.ctx.settings.qemu_img_binary,
                    report=converted,
                )
            # --- end media tools ---
            new_disks = [d for d in spec.disks if d.size_bytes]
            for i, disk in enumerate(new_disks):
                path = stored.folder.resolve(disk.path)
                what = translate("NewVmWizard", "Creating the disk image {0}…").format(path.name)
                self.creation_progress.emit(0.05, what)

                def report(fraction: float | None, what: str = what, i: int = i) -> None:
                    if fraction is None:
                        self.creation_progress.emit(BUSY, what)
                        return
                    share = (i + max(0.0, min(1.0, fraction))) / len(new_disks)
                    self.creation_progress.emit(0.05 + 0.9 * share, what)

                await create_disk(
                    Path(path),
                    disk.format,
                    int(disk.size_bytes or 0),
                    qemu_img=self.ctx.settings.qemu_img_binary,
                    progress=report,
                )
            self.ctx.store.mark_complete(stored)
            self.creation_progress.emit(1.0, translate("NewVmWizard", "Done."))
        except (StoreError, ServiceError, OSError) as exc:
            message = getattr(exc, "message", None) or str(exc)
            details = getattr(exc, "details", "") or repr(exc)
            if stored is not None:
                try:
                    self.ctx.store.delete(stored, keep_disks=False)
                except StoreError as cleanup:
                    details += "\n\n" + str(cleanup)
            self.creation_progress.emit(FAILED, core_text(message))  # a str signal
            self._set_busy(False)
            show_error(
                self,
                translate("NewVmWizard", "The virtual machine could not be created."),
                informative=message,
                details=details,
            )
            return None
        except asyncio.CancelledError:
            if stored is not None:
                self.ctx.store.delete(stored, keep_disks=False)
            raise
        self.created = stored
        self._set_busy(False)
        self.vm_created.emit(stored, int(self.draft.start_now))
        super().accept()
        return stored


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


class _StepList(QWidget):
    """The left column: every step's title, the current one in bold (keyboard users and
    screen readers get the same from the page title)."""

    def __init__(self, parent: QWidget, titles: list[str]) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 12, 12)
        self._labels: list[QLabel] = []
        for i, title in enumerate(titles):
            label = QLabel(f"{i + 1}. {title}", self)
            label.setWordWrap(True)
            self._labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setMinimumWidth(150)
        self.setMaximumWidth(190)
        self.set_current(0)

    def set_current(self, index: int) -> None:
        for i, label in enumerate(self._labels):
            font = label.font()
            font.setBold(i == index)
            label.setFont(font)
            label.setEnabled(i <= index)
