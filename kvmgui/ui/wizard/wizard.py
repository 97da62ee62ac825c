"""The new-VM wizard: six pages filling the WizardModel's Draft, validated live, creating the
VM on Finish.

Host facts, QEMU's capabilities, free space and the host's drives are gathered
asynchronously when the wizard opens (WizardModel.load_environment); pages show
"Measuring…" until they arrive and never a made-up value. Finish creates the VM folder and
definition, then the disk with visible progress; on any failure everything created is
removed again and the wizard stays open with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from kvmgui.core.problems import Severity
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.runtime.creation import creating, rollback_notes
from kvmgui.runtime.images import ImageError
from kvmgui.runtime.libvirt_create import CreatedDomain
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import app_icon
from kvmgui.ui.media.import_image import convert_into_vm
from kvmgui.ui.services import ServiceError
from kvmgui.ui.wizard.draft import SourceKind
from kvmgui.ui.wizard.model import WizardModel
from kvmgui.ui.wizard.page_disk import DiskPage
from kvmgui.ui.wizard.page_options import OptionsPage
from kvmgui.ui.wizard.page_os import OsPage
from kvmgui.ui.wizard.page_resources import ResourcesPage
from kvmgui.ui.wizard.page_source import SourcePage
from kvmgui.ui.wizard.page_summary import SummaryPage

BUSY = 2.0  # creation_progress value: working, amount unknown
FAILED = -1.0


class NewVmWizard(QWizard):
    # The VM exists (definition and disks); int 1: the user asked to start it now (an int, not
    # a bool: see bridge.py).
    vm_created = Signal(object, int)
    # A VM was made on a libvirt host: its connection's URI and its domain's name.
    vm_created_on_host = Signal(str, str, bool)  # URI, domain name, started

    PAGE_IDS = ("source", "os", "resources", "disk", "options", "summary")

    def __init__(
        self,
        ctx: AppContext,
        *,
        source: SourceKind | None = None,
        parent: QWidget | None = None,
        connections: Sequence[str] = (),
    ) -> None:
        """`connections`: libvirt URIs the VM may be made on instead of this computer (the
        first page then asks where)."""
        super().__init__(parent)
        self.ctx = ctx
        self.model = WizardModel(ctx, source, self, connections)
        self.model.task_failed.connect(self._task_failed)
        self.created: StoredVm | None = None
        self.created_on_host: CreatedDomain | None = None
        self.creating = False

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

        self.source_page = SourcePage(self.model)
        self.os_page = OsPage(self.model)
        self.resources_page = ResourcesPage(self.model)
        self.disk_page = DiskPage(self.model)
        self.options_page = OptionsPage(self.model)
        self.summary_page = SummaryPage(self.model)
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
        self.model.revalidate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.model.env_ready and not self.model.tasks:
            self.model.spawn(self.model.load_environment())

    def _task_failed(self, exc: BaseException) -> None:
        show_error(
            self,
            translate("NewVmWizard", "The wizard could not finish a background check."),
            informative=str(exc),
            details=repr(exc),
        )

    # -- creation ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Finish: create the VM asynchronously; the dialog closes when it is done."""
        if self.creating:
            return
        self.model.revalidate()
        if any(p.severity is Severity.ERROR for p in self.model.problems):
            # A check that finished after the user left its page (the ISO's header, say):
            # go back to the first page with an error and show it, rather than do nothing.
            for page in self._pages:
                if not page.validatePage():
                    while self.currentPage() is not page and self.currentId() > 0:
                        self.back()
                    return
            return
        self.model.spawn(self.create_vm())

    def reject(self) -> None:
        if self.creating:
            return  # the disk is being written: Cancel would leave half a VM
        self.model.cancel_tasks()
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
        if self.model.on_host:
            await self._create_on_host()
            return None
        self._set_busy(True)
        qemu_img = self.ctx.settings.qemu_img_binary
        draft = self.model.draft
        progress = self.model.creation_progress
        try:
            spec = self.model.final_spec()
            progress.emit(0.0, translate("NewVmWizard", "Creating the VM's folder…"))
            # runtime.creation, like kvmgui-cli create: hidden from the list until its disks
            # are written, and whatever it made is removed again on failure or cancel.
            async with creating(self.ctx.store, spec) as made:
                # An image kvmgui cannot run from as it is (vmdk, vdi…) becomes the VM's qcow2
                # disk.
                if draft.source is SourceKind.IMAGE and draft.image_convert:
                    converting = translate("NewVmWizard", "Converting the disk image to qcow2…")
                    progress.emit(0.05, converting)

                    def converted(fraction: float) -> None:
                        progress.emit(0.05 + 0.9 * fraction, converting)

                    made.made(await convert_into_vm(
                        draft.image_path,
                        draft.image_format.value,
                        made.stored,
                        qemu_img=qemu_img,
                        report=converted,
                    ))

                def started(i: int, count: int, path: Path) -> None:
                    what = translate("NewVmWizard", "Creating the disk image {0}…").format(
                        path.name)
                    progress.emit(0.05 + 0.9 * i / count, what)
                    progress.emit(BUSY, what)

                await made.new_disks(qemu_img=qemu_img, started=started)
            stored = made.stored
            progress.emit(1.0, translate("NewVmWizard", "Done."))
        except (StoreError, ImageError, ServiceError, OSError) as exc:
            message = getattr(exc, "message", None) or str(exc)
            details = getattr(exc, "details", "") or repr(exc)
            notes = rollback_notes(exc)
            if notes:
                details += "\n\n" + notes
            progress.emit(FAILED, core_text(message))
            self._set_busy(False)
            show_error(
                self,
                translate("NewVmWizard", "The virtual machine could not be created."),
                informative=message,
                details=details,
            )
            return None
        self.created = stored
        self._set_busy(False)
        self.vm_created.emit(stored, int(draft.start_now))
        super().accept()
        return stored


    async def _create_on_host(self) -> None:
        """runtime.libvirt_create, like kvmgui-cli --connect URI create: the disk volume and
        the uploaded ISO are removed again when the domain cannot be defined."""
        self._set_busy(True)
        progress = self.model.creation_progress
        try:
            created, started = await self.model.create_on_host()
        except LibvirtError as exc:
            progress.emit(FAILED, core_text(exc.message))
            self._set_busy(False)
            show_error(
                self,
                translate("NewVmWizard", "The virtual machine could not be created."),
                informative=core_text(exc.message),
                details=exc.details or repr(exc),
            )
            return
        self.created_on_host = created
        self._set_busy(False)
        if started is not None and not started.ok:
            show_error(
                self,
                translate("NewVmWizard", "The virtual machine was created but did not start."),
                informative=core_text(started.message),
                details=started.details,
            )
        self.vm_created_on_host.emit(
            created.uri, created.name, started is not None and started.ok)
        super().accept()


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
