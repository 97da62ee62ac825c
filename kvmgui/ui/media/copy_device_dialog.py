"""Copy a disk (a VM's, or any image file) onto a USB stick, an LVM volume or a file: the
wiki's `dd` step, done by the runtime with `qemu-img convert -O raw`.

Every check is the runtime's (kvmgui.runtime.copy_device.plan_copy): the VM must be stopped,
the target must exist, be large enough and not be mounted; its first reason is shown as is.
The copy only starts once the user has typed the target's name, and runs with progress and
Cancel (a cancelled copy leaves the target partly written, which the runtime says).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kvmgui.core.copy_device import CopyPlan, confirm_matches
from kvmgui.core.messages import SENTENCE, joined
from kvmgui.core.store import StoredVm
from kvmgui.runtime.copy_device import copy_to_device_job, gather_target, plan_copy
from kvmgui.runtime.images import ImageError, JobResult, image_info
from kvmgui.ui.context import AppContext
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.media.devices import device_combo, listed_path, refill_sticks
from kvmgui.ui.media.image_tools import IMAGE_FILTER
from kvmgui.ui.media.job_dialog import JobDialog
from kvmgui.ui.media.jobs import alive, async_slot, recorded_format
from kvmgui.ui.widgets import (
    Action,
    PathField,
    action_buttons,
    dialog_layout,
    form_row,
    hint_label,
    row_widget,
)

CHECK_DELAY_MS = 300


class CopyDeviceDialog(JobDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        stored: StoredVm | None = None,
        image: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        self.plan: CopyPlan | None = None
        self._token = 0
        self.checked = 0  # how many checks have finished (tests wait for it)
        layout = dialog_layout(
            self,
            "CopyDeviceDialog",
            translate("CopyDeviceDialog", "Copy a disk to a device"),
            translate(
                "CopyDeviceDialog",
                "Writes the disk, as a plain raw disk, onto a USB stick, a logical "
                "volume or an existing file. Everything on the target is replaced.",
            ),
        )
        form = QFormLayout()
        self.source_combo: QComboBox | None = None
        self.source_field: PathField | None = None
        if stored is not None:
            self.source_combo = QComboBox(self)
            self.source_combo.setAccessibleName(translate("CopyDeviceDialog", "Disk to copy"))
            for disk in stored.spec.disks:
                path = stored.folder.resolve(disk.path)
                self.source_combo.addItem(f"{path.name} ({disk.format.value})", str(path))
            self.source_combo.currentIndexChanged.connect(lambda _i: self.schedule_check())
            source_widget: QWidget = self.source_combo
        else:
            self.source_field = PathField(
                translate("CopyDeviceDialog", "Disk image to copy"),
                self,
                filters=IMAGE_FILTER,
                placeholder=translate("CopyDeviceDialog", "/path/to/disk.qcow2"),
            )
            self.source_field.set_text(image)
            self.source_field.changed.connect(lambda _t: self.schedule_check())
            source_widget = self.source_field
        form_row(form, translate("CopyDeviceDialog", "&Disk:"), source_widget)

        row, h = row_widget(self)
        self.target = device_combo(
            row,
            translate("CopyDeviceDialog", "Target device or file"),
            translate("CopyDeviceDialog", "/dev/sdX, /dev/vg/volume or an existing file"),
        )
        self.target.currentTextChanged.connect(lambda _t: self.schedule_check())
        self.browse, self.rescan_button = action_buttons(
            row,
            Action(
                translate("CopyDeviceDialog", "Bro&wse…"),
                translate("CopyDeviceDialog", "Choose a target file"),
                self._browse,
            ),
            Action(
                translate("CopyDeviceDialog", "&Look again"),
                translate("CopyDeviceDialog", "Look for USB sticks again"),
                self.rescan,
            ),
        )
        h.addWidget(self.target, 1)
        h.addWidget(self.browse)
        h.addWidget(self.rescan_button)
        form_row(form, translate("CopyDeviceDialog", "&Target:"), self.target, row)
        self.sizes = QLabel("", self)
        self.sizes.setWordWrap(True)
        self.sizes.setAccessibleName(translate("CopyDeviceDialog", "Sizes"))
        form.addRow(translate("CopyDeviceDialog", "Sizes:"), self.sizes)
        layout.addLayout(form)
        self.verdict = hint_label("", self)
        self.verdict.setAccessibleName(translate("CopyDeviceDialog", "Check result"))
        layout.addWidget(self.verdict)

        confirm_form = QFormLayout()
        self.confirm = QLineEdit(self)
        self.confirm.setAccessibleName(
            translate("CopyDeviceDialog", "Type the target's name to confirm")
        )
        self.confirm.textChanged.connect(lambda _t: self._enable())
        self.confirm_label = form_row(
            confirm_form, translate("CopyDeviceDialog", "&Confirm:"), self.confirm
        )
        self.verify = QCheckBox(
            translate("CopyDeviceDialog", "Com&pare the copy with the disk afterwards"), self
        )
        self.verify.setAccessibleName(self.verify.text().replace("&", ""))
        confirm_form.addRow(self.verify)
        layout.addLayout(confirm_form)

        self.buttons, self.copy_button = self.panel_and_buttons(
            layout,
            translate("CopyDeviceDialog", "C&opy and overwrite"),
            translate("CopyDeviceDialog", "Copy and overwrite"),
            self.on_copy,
        )
        # Enter in a field must not start a destructive copy.
        self.copy_button.setAutoDefault(False)
        self.copy_button.setDefault(False)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.resize(640, 460)
        self._enable()
        self.rescan()

    # -- inputs -----------------------------------------------------------------------------

    def source(self) -> str:
        if self.source_combo is not None:
            return str(self.source_combo.currentData() or "")
        assert self.source_field is not None
        text = self.source_field.text().strip()
        return os.path.abspath(os.path.expanduser(text)) if text else ""

    def target_path(self) -> str:
        return listed_path(self.target) or os.path.expanduser(self.target.currentText().strip())

    def confirm_word(self) -> str:
        target = self.target_path()
        return os.path.basename(target.rstrip("/")) or target

    def _browse(self) -> None:
        dialog = QFileDialog(self, translate("CopyDeviceDialog", "Target file"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.target.setEditText)
        dialog.open()
        self._file_dialog = dialog

    @async_slot()
    async def rescan(self) -> None:
        if not alive(self):
            return
        self._track()
        await refill_sticks(self.target, self.verdict, disable_unusable=True)

    # -- checks -----------------------------------------------------------------------------

    def schedule_check(self) -> None:
        self.plan = None
        self.confirm.clear()
        self._enable()
        self._timer.start()

    @async_slot()
    async def check(self) -> CopyPlan | None:
        if not alive(self):
            return None
        self._track()
        self._token += 1
        token = self._token
        source, target = self.source(), self.target_path()
        self.plan = None
        if not source or not target:
            self.sizes.setText("")
            self.verdict.setText("")
            self._enable()
            return None
        qemu_img = self.ctx.settings.qemu_img_binary
        self.verdict.setText(translate("CopyDeviceDialog", "Checking the target…"))
        plan: CopyPlan | None = None
        problem = ""
        try:
            plan = await plan_copy(
                source, target, store=self.ctx.store, paths=self.ctx.paths, qemu_img=qemu_img
            )
        except ImageError as exc:
            problem = exc.message
        sizes = await self._sizes(source, target, plan)
        if not alive(self) or token != self._token:
            return None  # the user changed something meanwhile
        self.plan = plan
        self.sizes.setText(sizes)
        if plan is not None:
            self.verdict.setText(core_text(joined(plan.warnings, SENTENCE)))
            self.confirm_label.setText(
                translate("CopyDeviceDialog", "Type {0} to &confirm:").format(self.confirm_word())
            )
        else:
            self.verdict.setText(core_text(problem))
        self.checked += 1
        self._enable()
        return plan

    async def _sizes(self, source: str, target: str, plan: CopyPlan | None) -> str:
        """ "The disk needs 1 GiB; the target holds 16 GiB." — as far as they can be read."""
        if plan is not None:
            need, have = plan.virtual_size, plan.target_size
        else:
            need = have = -1
            try:
                fmt = recorded_format(self.ctx, source)
                need = (
                    await image_info(source, fmt=fmt, qemu_img=self.ctx.settings.qemu_img_binary)
                ).virtual_size
            except ImageError:
                pass
            try:
                facts = await gather_target(target)
                if facts.kind in ("block", "file"):
                    have = facts.size
            except ImageError:
                pass
        parts = []
        if need >= 0:
            parts.append(
                translate("CopyDeviceDialog", "the disk needs {0}").format(format_size(need))
            )
        if have >= 0:
            parts.append(
                translate("CopyDeviceDialog", "the target holds {0}").format(format_size(have))
            )
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + ("." if text else "")

    def _enable(self) -> None:
        busy = self.panel.busy
        ready = self.plan is not None and not busy
        self.confirm.setEnabled(ready)
        confirmed = (
            ready
            and self.plan is not None
            and confirm_matches(self.plan.target, self.confirm.text(), self.plan.target_real)
        )
        self.copy_button.setEnabled(bool(confirmed))
        for w in (self.target, self.browse, self.rescan_button, self.verify):
            w.setEnabled(not busy)
        if self.source_combo is not None:
            self.source_combo.setEnabled(not busy)
        if self.source_field is not None:
            self.source_field.setEnabled(not busy)

    # -- copying ----------------------------------------------------------------------------

    @async_slot()
    async def on_copy(self) -> JobResult | None:
        self._track()
        plan = self.plan
        if plan is None or self.panel.busy:
            return None
        typed = self.confirm.text()
        if not confirm_matches(plan.target, typed, plan.target_real):
            return None
        result = await self.panel.run_job(
            lambda progress: copy_to_device_job(
                str(plan.source),
                plan.target,
                confirm=typed,
                store=self.ctx.store,
                paths=self.ctx.paths,
                verify=self.verify.isChecked(),
                qemu_img=self.ctx.settings.qemu_img_binary,
                progress=progress,
            ),
            what=translate("CopyDeviceDialog", "Copying {0} to {1}…").format(
                plan.source.name, plan.target
            ),
            failed=translate("CopyDeviceDialog", "The disk was not copied."),
        )
        self.confirm.clear()
        return result
