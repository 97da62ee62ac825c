""" "Test a USB stick": boot a stick (or an .img/.iso file standing in for one) in a throwaway
VM with no hard disk, the stick protected by default.

The VM is made and started by kvmgui.runtime.live (a throwaway VM): it is listed and controlled
like any other while it runs and disappears when it stops. Protection means QEMU gives the guest a
throwaway overlay (`snapshot=on`), so nothing the guest writes reaches the stick; turning it
off needs an explicit confirmation.
"""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from kvmgui.core.blockdevs import BlockDevice
from kvmgui.core.model import Accel
from kvmgui.runtime import live
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import ask, show_error
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.media.devices import probe_sticks
from kvmgui.ui.media.fields import set_columns
from kvmgui.ui.media.jobs import alive, async_slot, track_task, while_alive
from kvmgui.ui.media.vm_create import pinned
from kvmgui.ui.widgets import (
    PathField,
    dialog_buttons,
    dialog_layout,
    form_row,
    hint_label,
    push_button,
)

STICK_FILTER = "USB stick images (*.img *.iso *.raw *.IMG *.ISO);;All files (*)"
DISK_GROUP_FIX = "sudo adduser $USER disk"


def permission_fix(path: str) -> str:
    """The wiki's fix when this user may not open a device, or ""."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    if stat.S_ISBLK(st.st_mode) and not os.access(path, os.R_OK):
        return translate(
            "UsbTestDialog",
            "You may not open {0}. Add yourself to the disk group ({1}), then log out and in "
            "again.",
        ).format(path, DISK_GROUP_FIX)
    return ""


class UsbTestDialog(QDialog):
    started = Signal(str)  # vm_id of the running throwaway VM

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        open_console: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_console = open_console
        self.devices: list[BlockDevice] = []
        self.tasks: set[asyncio.Task[object]] = set()
        self.scanned = 0
        self.vm_id: str | None = None
        layout = dialog_layout(
            self,
            "UsbTestDialog",
            translate("UsbTestDialog", "Test a USB stick"),
            translate(
                "UsbTestDialog",
                "Boots the stick in a virtual machine without a hard disk, to see "
                "whether it starts and what is on it. The virtual machine disappears "
                "when it is switched off.",
            ),
        )
        self.group = QButtonGroup(self)
        self.use_stick = QRadioButton(
            translate("UsbTestDialog", "A USB &stick plugged into this computer"), self
        )
        self.use_stick.setAccessibleName(translate("UsbTestDialog", "A USB stick"))
        self.group.addButton(self.use_stick)
        layout.addWidget(self.use_stick)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(translate("UsbTestDialog", "USB sticks"))
        self.tree.setRootIsDecorated(False)
        set_columns(
            self.tree,
            [
                translate("UsbTestDialog", "Device"),
                translate("UsbTestDialog", "Size"),
                translate("UsbTestDialog", "Model"),
                translate("UsbTestDialog", "Connection"),
            ],
            stretch=2,
        )
        self.tree.setMinimumHeight(110)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.tree.itemActivated.connect(lambda *_: self.on_start())
        stick_row = QHBoxLayout()
        stick_row.addSpacing(24)
        stick_row.addWidget(self.tree, 1)
        self.rescan_button = push_button(
            translate("UsbTestDialog", "&Look again"),
            self,
            name=translate("UsbTestDialog", "Look for USB sticks again"),
            clicked=self.rescan,
        )
        stick_row.addWidget(self.rescan_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(stick_row)
        self.stick_hint = hint_label(translate("UsbTestDialog", "Looking for USB sticks…"), self)
        self.stick_hint.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(self.stick_hint)

        self.use_file = QRadioButton(
            translate("UsbTestDialog", "An &image file instead (.img or .iso, before writing it)"),
            self,
        )
        self.use_file.setAccessibleName(translate("UsbTestDialog", "An image file"))
        self.group.addButton(self.use_file)
        layout.addWidget(self.use_file)
        self.file = PathField(
            translate("UsbTestDialog", "Stick image file"),
            self,
            filters=STICK_FILTER,
            placeholder=translate("UsbTestDialog", "/path/to/stick.img"),
        )
        self.file.changed.connect(self._file_changed)
        file_row = QHBoxLayout()
        file_row.addSpacing(24)
        file_row.addWidget(self.file, 1)
        layout.addLayout(file_row)
        for b in (self.use_stick, self.use_file):
            b.toggled.connect(lambda _on: self._enable())

        form = QFormLayout()
        self.memory = QSpinBox(self)
        self.memory.setRange(64, 1024 * 1024)
        self.memory.setSingleStep(256)
        self.memory.setValue(1024)
        self.memory.setSuffix(translate("UsbTestDialog", " MiB"))
        self.memory.setAccessibleName(translate("UsbTestDialog", "Memory in MiB"))
        form_row(form, translate("UsbTestDialog", "&Memory:"), self.memory)
        layout.addLayout(form)
        self.protect = QCheckBox(
            translate("UsbTestDialog", "&Protect the stick (recommended)"), self
        )
        self.protect.setAccessibleName(translate("UsbTestDialog", "Protect the stick"))
        self.protect.setChecked(True)
        self.protect.setToolTip(
            translate(
                "UsbTestDialog",
                "What the guest writes goes to a temporary file that is thrown away at "
                "power-off; the stick is never changed.",
            )
        )
        self.protect.toggled.connect(self.on_protect_toggled)
        layout.addWidget(self.protect)
        self.warning = hint_label("", self)
        self.warning.setAccessibleName(translate("UsbTestDialog", "Warning"))
        layout.addWidget(self.warning)
        self.problem = hint_label("", self)
        self.problem.setAccessibleName(translate("UsbTestDialog", "Problem"))
        layout.addWidget(self.problem)
        self.buttons, self.start_button = dialog_buttons(
            self,
            layout,
            translate("UsbTestDialog", "&Start"),
            translate("UsbTestDialog", "Start the test"),
            self.on_start,
        )
        self.use_stick.setChecked(True)
        self._starting = False
        self.resize(640, 520)
        self._enable()
        self.rescan()

    # -- devices ----------------------------------------------------------------------------

    @async_slot()
    @while_alive
    async def rescan(self) -> None:
        self.stick_hint.setText(translate("UsbTestDialog", "Looking for USB sticks…"))
        devices, error = await probe_sticks()
        if not alive(self):
            return
        self.devices = devices
        self.tree.clear()
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for device in self.devices:
            model = " ".join(p for p in (device.vendor, device.model) if p) or "—"
            item = QTreeWidgetItem(
                [
                    device.path,
                    format_size(device.size)
                    if device.size
                    else translate("UsbTestDialog", "no medium"),
                    model,
                    (device.transport or "").upper() or "—",
                ]
            )
            if not device.usable:
                for col in range(4):
                    item.setForeground(col, grey)
                    item.setToolTip(col, core_text(device.why_not))
            elif device.note:
                item.setToolTip(0, core_text(device.note))
            self.tree.addTopLevelItem(item)
        if error:
            self.stick_hint.setText(error)
        elif not self.devices:
            self.stick_hint.setText(
                translate(
                    "UsbTestDialog",
                    "No USB stick was found. Plug one in and choose Look again, or use an "
                    "image file.",
                )
            )
        else:
            self.stick_hint.setText("")
            usable = [i for i, d in enumerate(self.devices) if d.usable]
            first = self.tree.topLevelItem(usable[0] if usable else 0)
            if first is not None:
                self.tree.setCurrentItem(first)
        if not self.devices and self.use_stick.isChecked() and not self.file.text():
            self.use_file.setChecked(True)
        self.scanned += 1
        self._enable()

    def current_device(self) -> BlockDevice | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        return self.devices[index] if 0 <= index < len(self.devices) else None

    def _file_changed(self, text: str) -> None:
        if text.strip() and not self.use_file.isChecked():
            self.use_file.setChecked(True)
        self._enable()

    def chosen_path(self) -> str:
        if self.use_file.isChecked():
            text = self.file.text().strip()
            return os.path.abspath(os.path.expanduser(text)) if text else ""
        device = self.current_device()
        return device.path if device is not None else ""

    # -- checks -----------------------------------------------------------------------------

    def problem_text(self) -> str:
        if self.use_stick.isChecked():
            device = self.current_device()
            if device is None:
                return translate("UsbTestDialog", "Choose a USB stick, or an image file.")
            if not device.usable:
                return core_text(device.why_not)
        else:
            path = self.chosen_path()
            if not path:
                return translate("UsbTestDialog", "Choose the image file to boot.")
            if not Path(path).exists():
                return translate("UsbTestDialog", "There is no file at {0}.").format(path)
        return permission_fix(self.chosen_path())

    def _enable(self) -> None:
        use_stick = self.use_stick.isChecked()
        self.tree.setEnabled(use_stick)
        self.rescan_button.setEnabled(use_stick)
        self.file.setEnabled(not use_stick)
        problem = self.problem_text()
        self.problem.setText(core_text(problem))
        self.start_button.setEnabled(not problem and not self._starting)

    @async_slot(bool)
    async def on_protect_toggled(self, on: bool) -> None:
        track_task(self.tasks)
        if on:
            self.warning.setText("")
            return
        answer = await ask(
            self,
            translate("UsbTestDialog", "Let the virtual machine change the stick?"),
            informative=translate(
                "UsbTestDialog",
                "Without protection, everything the guest writes goes straight to the "
                "stick: an installer or a disk tool in it can erase or overwrite what is on "
                "it, and this cannot be undone. Only do this if you want the stick changed.",
            ),
            yes_text=translate("UsbTestDialog", "&Turn protection off"),
            no_text=translate("UsbTestDialog", "&Keep it protected"),
            danger=True,
        )
        if not answer.accepted:
            self.protect.blockSignals(True)
            self.protect.setChecked(True)
            self.protect.blockSignals(False)
            self.warning.setText("")
            return
        self.warning.setText(
            translate(
                "UsbTestDialog",
                "Protection is off: the guest's writes change the stick for good.",
            )
        )

    # -- starting ---------------------------------------------------------------------------

    @async_slot()
    async def on_start(self) -> str | None:
        track_task(self.tasks)
        if self._starting or self.problem_text():
            return None
        self._starting = True
        self._enable()
        try:
            return await self._start()
        finally:
            self._starting = False
            self._enable()

    async def _start(self) -> str | None:
        path = self.chosen_path()
        protected = self.protect.isChecked()
        failed = translate("UsbTestDialog", "The USB stick test could not be started.")
        fix = permission_fix(path)
        if fix:
            show_error(self, failed, informative=fix)
            return None
        manager = self.ctx.manager
        if manager is None:
            show_error(
                self,
                failed,
                informative=translate(
                    "UsbTestDialog", "kvmgui's runtime is not running; restart kvmgui."
                ),
            )
            return None
        try:
            source = await live.check_source(path, writable=not protected)
        except live.LiveError as exc:
            show_error(self, failed, informative=str(exc))
            return None
        spec = live.live_spec(source, memory_mib=self.memory.value(), protected=protected)
        if self.ctx.settings.accelerator is not Accel.AUTO:
            spec = replace(spec, accel=self.ctx.settings.accelerator)
        spec = await pinned(self.ctx, spec)
        started, outcome = await live.start_live(manager, spec)
        if started is None:
            informative = core_text(outcome.message)  # translated before more is added
            if "ermission denied" in (outcome.details or "") and DISK_GROUP_FIX not in informative:
                informative += " " + translate(
                    "UsbTestDialog",
                    "If the stick cannot be opened, add yourself to the disk group ({0}), "
                    "then log out and in again.",
                ).format(DISK_GROUP_FIX)
            show_error(self, failed, informative=informative, details=outcome.details)
            return None
        # From here the runtime owns it: listed like any VM, removed when it stops.
        started.release()
        vm_id = started.stored.spec.id
        self.vm_id = vm_id
        self.started.emit(vm_id)
        if self.open_console is not None:
            self.open_console(vm_id)
        self.accept()
        return vm_id
