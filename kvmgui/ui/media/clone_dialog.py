"""Clone a VM: a linked clone (a small overlay on the VM's disk, made at once) or a full,
independent copy (every disk copied, with progress and Cancel).

The runtime (kvmgui.runtime.clones) does the work and the protecting: after a linked clone
the original's disk is read-only for as long as clones exist, which the dialog explains
before the user chooses.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from kvmgui.core.messages import SENTENCE, joined
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.validation import free_name
from kvmgui.runtime.clones import CloneResult, create_linked_clone, full_clone_job
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.media.job_dialog import JobDialog
from kvmgui.ui.media.jobs import async_slot, vm_active
from kvmgui.ui.widgets import dialog_layout, form_row, hint_label


class CloneDialog(JobDialog):
    cloned = Signal(object)  # the new StoredVm

    def __init__(self, ctx: AppContext, stored: StoredVm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        self.created: StoredVm | None = None
        name = stored.spec.name
        layout = dialog_layout(
            self, "CloneDialog", translate("CloneDialog", "Clone {0}").format(name)
        )
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("CloneDialog", "Name of the new virtual machine"))
        taken = [vm.spec.name for vm in ctx.store.load_all().vms]
        self.name.setText(free_name(f"{name}-clone", taken))
        self.name.textChanged.connect(lambda _t: self._enable())
        form_row(form, translate("CloneDialog", "&Name:"), self.name)
        layout.addLayout(form)

        self.group = QButtonGroup(self)
        self.linked = QRadioButton(
            translate("CloneDialog", "&Linked clone: ready at once, shares {0}'s disk").format(
                name
            ),
            self,
        )
        self.linked.setAccessibleName(translate("CloneDialog", "Linked clone"))
        self.full = QRadioButton(
            translate("CloneDialog", "&Full copy: independent, copies every disk"),
            self,
        )
        self.full.setAccessibleName(translate("CloneDialog", "Full copy"))
        for b in (self.linked, self.full):
            self.group.addButton(b)
        self.linked.setChecked(True)
        layout.addWidget(self.linked)
        self.linked_hint = hint_label(
            translate(
                "CloneDialog",
                "The clone's disk only stores what the clone changes and reads everything "
                "else from {0}'s disk. That disk becomes read-only while clones exist, "
                "because any change to it would corrupt them: {0} still starts, but keeps "
                "nothing it writes. {0} cannot be deleted until its clones are.",
            ).format(name),
            self,
        )
        layout.addWidget(self.linked_hint)
        layout.addWidget(self.full)
        self.full_hint = hint_label(
            translate(
                "CloneDialog",
                "Takes as much space as the disks hold and some time; afterwards both "
                "virtual machines are completely separate.",
            ),
            self,
        )
        layout.addWidget(self.full_hint)
        self.problem = hint_label("", self)
        layout.addWidget(self.problem)
        self.buttons, self.ok = self.panel_and_buttons(
            layout,
            translate("CloneDialog", "&Clone"),
            translate("CloneDialog", "Make the clone"),
            self.on_clone,
        )
        self.resize(560, 420)
        for b in (self.linked, self.full):
            b.toggled.connect(lambda _on: self._enable())
        self._enable()

    # -- checks -----------------------------------------------------------------------------

    def name_problem(self) -> str:
        name = self.name.text().strip()
        if not name:
            return translate("CloneDialog", "Give the new virtual machine a name.")
        try:
            folder = self.ctx.store.folder_for(name)
        except StoreError as exc:
            return core_text(exc.message)
        names = [vm.spec.name.casefold() for vm in self.ctx.store.load_all().vms]
        if name.casefold() in names or folder.dir.exists():
            return translate(
                "CloneDialog", "A virtual machine or folder named '{0}' already exists."
            ).format(name)
        return ""

    def _enable(self) -> None:
        problem = self.name_problem()
        if not problem and vm_active(self.ctx, self.stored):
            problem = translate(
                "CloneDialog", "{0} is running: shut it down first, so its disk stops changing."
            ).format(self.stored.spec.name)
        self.problem.setText(core_text(problem))
        busy = self.panel.busy
        self.ok.setEnabled(not problem and not busy and self.created is None)
        for w in (self.name, self.linked, self.full):
            w.setEnabled(not busy and self.created is None)

    # -- cloning ----------------------------------------------------------------------------

    @async_slot()
    async def on_clone(self) -> StoredVm | None:
        self._track()
        if self.panel.busy or self.name_problem() or self.created is not None:
            return None
        name = self.name.text().strip()
        qemu_img = self.ctx.settings.qemu_img_binary
        failed = translate("CloneDialog", "{0} could not be cloned.").format(self.stored.spec.name)
        if self.linked.isChecked():

            async def linked() -> CloneResult:
                return await create_linked_clone(
                    self.ctx.store,
                    self.stored.spec.name,
                    name,
                    paths=self.ctx.paths,
                    qemu_img=qemu_img,
                )

            result = await self.panel.run_busy(
                linked,
                what=translate("CloneDialog", "Making the linked clone {0}…").format(name),
                failed=failed,
            )
            if result is None:
                return None
            created: StoredVm = result.stored
            self.panel.show_result(joined((result.message, *result.notes), SENTENCE))
        else:
            job_result = await self.panel.run_job(
                lambda progress: full_clone_job(
                    self.ctx.store,
                    self.stored.spec.name,
                    name,
                    paths=self.ctx.paths,
                    qemu_img=qemu_img,
                    progress=progress,
                ),
                what=translate("CloneDialog", "Copying {0} to {1}…").format(
                    self.stored.spec.name, name
                ),
                failed=failed,
            )
            if job_result is None:
                return None
            found = self.ctx.store.find(name)
            if found is None:  # pragma: no cover - the runtime just made it
                show_error(self, failed, informative=job_result.message)
                return None
            created = found
        self.created = created
        if self.ctx.manager is not None:
            self.ctx.manager.reload_store()
        self.cloned.emit(created)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self._enable()
        return created
