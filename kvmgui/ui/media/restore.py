"""Restore a backup (the wiki's Clonezilla recipe): a new VM that boots a rescue ISO with a
new, empty disk and the backup disk (a USB disk or an image file) attached.

The new disk must be at least as large as the disk the backup was made from — Clonezilla
refuses to restore onto a smaller one (the wiki's warning) — so the dialog asks for that
size and refuses a smaller new disk before anything is created. The backup disk is attached
protected: the rescue system reads it, nothing it writes reaches it.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from kvmgui.core.model import Passthrough, VmSpec
from kvmgui.core.presets import new_vm_id
from kvmgui.core.problems import Problem, Severity
from kvmgui.core.store import StoredVm
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import format_size, translate
from kvmgui.ui.media.devices import (
    device_combo,
    listed_path,
    refill_sticks,
)
from kvmgui.ui.media.fields import GibBox
from kvmgui.ui.media.jobs import async_slot, track_task, while_alive
from kvmgui.ui.media.vm_create import (
    CreateError,
    create_vm,
    pinned,
    spec_problems,
    start_vm,
    unused_name,
)
from kvmgui.ui.widgets import (
    PathField,
    ProblemList,
    dialog_buttons,
    dialog_layout,
    form_row,
    hint_label,
    memory_box,
    push_button,
    row_widget,
)
from kvmgui.ui.wizard.draft import DiskChoice, Draft, SourceKind, to_spec

ISO_FILTER = "Disc images (*.iso *.ISO *.img *.IMG);;All files (*)"
BACKUP_FILTER = "Disk images (*.img *.raw *.qcow2 *.iso);;All files (*)"


def size_problem(new_bytes: int, source_bytes: int) -> str:
    """The wiki's warning, when the new disk is smaller than the backed-up one."""
    if new_bytes >= source_bytes:
        return ""
    return translate(
        "RestoreDialog",
        "The new disk ({0}) is smaller than the disk the backup was made from ({1}). "
        "Clonezilla cannot restore onto a smaller disk: make the new disk at least {1}.",
    ).format(format_size(new_bytes), format_size(source_bytes))


class RestoreDialog(QDialog):
    created = Signal(object)  # the new StoredVm, started

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks: set[asyncio.Task[object]] = set()
        self.stored: StoredVm | None = None
        self._busy = False
        self._new_edited = False
        layout = dialog_layout(
            self,
            "RestoreDialog",
            translate("RestoreDialog", "Restore a backup"),
            translate(
                "RestoreDialog",
                "Makes a virtual machine that starts from a rescue disc (such as "
                "Clonezilla) with a new empty disk and your backup disk attached. In the "
                "rescue system, restore the backup onto the new disk, then remove the "
                "disc and start the virtual machine from its disk.",
            ),
        )
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("RestoreDialog", "Name of the new virtual machine"))
        self.name.setText(unused_name(ctx, "restored"))
        form_row(form, translate("RestoreDialog", "&Name:"), self.name)
        self.iso = PathField(
            translate("RestoreDialog", "Rescue disc image"),
            self,
            filters=ISO_FILTER,
            placeholder=translate("RestoreDialog", "/path/to/clonezilla-live.iso"),
        )
        form_row(form, translate("RestoreDialog", "Rescue &disc:"), self.iso.edit, self.iso)
        row, h = row_widget(self)
        self.backup = device_combo(
            row,
            translate("RestoreDialog", "Backup disk"),
            translate("RestoreDialog", "The USB disk with the backup, or an image file"),
        )
        self.backup_browse = PathField(
            translate("RestoreDialog", "Backup image file"), row, filters=BACKUP_FILTER
        )
        self.backup_browse.edit.setVisible(False)  # only its Browse… button is shown
        self.backup_browse.changed.connect(self.backup.setEditText)
        h.addWidget(self.backup, 1)
        h.addWidget(self.backup_browse)
        self.rescan_button = push_button(
            translate("RestoreDialog", "&Look again"),
            row,
            name=translate("RestoreDialog", "Look for USB disks again"),
            clicked=self.rescan,
        )
        h.addWidget(self.rescan_button)
        form_row(form, translate("RestoreDialog", "&Backup:"), self.backup, row)
        self.source_size = GibBox(
            translate("RestoreDialog", "Size of the backed-up disk in GiB"), self
        )
        self.source_size.setValue(20.0)
        form_row(form, translate("RestoreDialog", "Backed-up disk's si&ze:"), self.source_size)
        form.addRow(
            hint_label(
                translate(
                    "RestoreDialog",
                    "The size of the whole disk the backup was made from (Clonezilla shows "
                    "it, and lsblk on the original computer).",
                ),
                self,
            )
        )
        self.new_size = GibBox(translate("RestoreDialog", "Size of the new disk in GiB"), self)
        self.new_size.setValue(20.0)
        form_row(form, translate("RestoreDialog", "New disk's s&ize:"), self.new_size)
        self.memory = memory_box(self, translate("RestoreDialog", "Memory in MiB"))
        self.memory.setMinimum(128)  # a rescue system needs more than the bare minimum
        self.memory.setValue(1024)
        form_row(form, translate("RestoreDialog", "&Memory:"), self.memory)
        layout.addLayout(form)
        self.problems = ProblemList(self)
        layout.addWidget(self.problems)
        self.status = hint_label("", self)
        layout.addWidget(self.status)
        self.buttons, self.ok = dialog_buttons(
            self,
            layout,
            translate("RestoreDialog", "&Create and start"),
            translate("RestoreDialog", "Create and start"),
            self.on_create,
        )

        self.name.textChanged.connect(lambda _t: self.revalidate())
        self.iso.changed.connect(lambda _t: self.revalidate())
        self.backup.currentTextChanged.connect(lambda _t: self.revalidate())
        self.source_size.valueChanged.connect(self._source_size_changed)
        self.new_size.valueChanged.connect(self._new_size_changed)
        self.memory.valueChanged.connect(lambda _v: self.revalidate())
        self.resize(640, 560)
        self.revalidate()
        self.rescan()

    @async_slot()
    @while_alive
    async def rescan(self) -> None:
        await refill_sticks(self.backup, self.status)

    def _source_size_changed(self, _value: float) -> None:
        if not self._new_edited:
            self.new_size.blockSignals(True)
            self.new_size.setValue(self.source_size.value())
            self.new_size.blockSignals(False)
        self.revalidate()

    def _new_size_changed(self, _value: float) -> None:
        self._new_edited = True
        self.revalidate()

    def backup_path(self) -> str:
        text = self.backup.currentText().strip()
        listed = listed_path(self.backup)
        if listed:
            return listed
        return os.path.abspath(os.path.expanduser(text)) if text else ""

    def spec(self) -> VmSpec:
        d = Draft()
        d.source = SourceKind.ISO
        d.iso_path = self.iso.text()
        d.disk = DiskChoice.NEW
        d.memory_mib = self.memory.value()
        d.cpus = 1
        d.accel = self.ctx.settings.accelerator
        d.name = self.name.text().strip()
        spec = to_spec(d, new_vm_id())
        disks = tuple(replace(disk, size_bytes=self.new_size.bytes()) for disk in spec.disks)
        backup = self.backup_path()
        return replace(
            spec,
            disks=disks,
            usb_stick=Passthrough(backup, protected=True) if backup else None,
            description=translate("RestoreDialog", "Restored from a backup with a rescue disc."),
        )

    def current_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.iso.text().strip():
            problems.append(
                Problem(
                    "cdrom",
                    Severity.ERROR,
                    translate(
                        "RestoreDialog",
                        "Choose the rescue disc image (for example Clonezilla live).",
                    ),
                )
            )
        if not self.backup_path():
            problems.append(
                Problem(
                    "usb_stick",
                    Severity.ERROR,
                    translate(
                        "RestoreDialog", "Choose the disk or image file that holds the backup."
                    ),
                )
            )
        size = size_problem(self.new_size.bytes(), self.source_size.bytes())
        if size:
            problems.append(Problem("disks", Severity.ERROR, size))
        seen = {p.message for p in problems}
        for p in spec_problems(self.ctx, self.spec()):
            if p.message not in seen and not (
                p.field.startswith("cdrom") and not self.iso.text().strip()
            ):
                problems.append(p)
        return problems

    def revalidate(self) -> list[Problem]:
        problems = self.current_problems()
        self.problems.set_problems(problems)
        self.ok.setEnabled(
            not self._busy and not any(p.severity is Severity.ERROR for p in problems)
        )
        return problems

    @async_slot()
    async def on_create(self) -> StoredVm | None:
        track_task(self.tasks)
        if self._busy or any(p.severity is Severity.ERROR for p in self.revalidate()):
            return None
        self._busy = True
        self.ok.setEnabled(False)
        failed = translate("RestoreDialog", "The restore virtual machine could not be made.")
        try:
            await self.ctx.ensure_host()
            spec = await pinned(self.ctx, self.spec())
            self.status.setText(
                translate("RestoreDialog", "Creating the disk ({0})…").format(
                    format_size(spec.disks[0].size_bytes or 0)
                )
            )
            stored = await create_vm(self.ctx, spec)
            self.stored = stored
            self.status.setText(
                translate("RestoreDialog", "Starting {0}…").format(stored.spec.name)
            )
            await start_vm(self.ctx, stored)
        except CreateError as exc:
            self.status.setText("")
            show_error(
                self,
                failed
                if self.stored is None
                else translate("RestoreDialog", "{0} was created but could not be started.").format(
                    self.stored.spec.name
                ),
                informative=exc.message,
                details=exc.details,
            )
            if self.stored is not None:
                self.created.emit(self.stored)
                self.accept()
            return self.stored
        finally:
            self._busy = False
            self.revalidate()
        self.created.emit(stored)
        self.accept()
        return stored
