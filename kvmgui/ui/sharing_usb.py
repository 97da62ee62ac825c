"""The Hardware page's USB devices: this computer's devices with a check box each, and the
ones the VM remembers that are not plugged in.

Checking a box gives the device to the VM through runtime.usb_host (as `kvmgui-cli usb
attach` does): at once while the VM runs, and at every start. A device this user may not
open gets the udev rule that fixes it, with a button that copies the commands. The list is
read off the Qt thread (sysfs, in a worker thread of the runtime).
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kvmgui.core.model import UsbDeviceId
from kvmgui.core.store import StoredVm
from kvmgui.core.usb_host import UsbChoice, choices, parse_usb_id, udev_commands
from kvmgui.runtime.state import VmState
from kvmgui.runtime.usb_host import HostUsb, UsbProbe, attach_usb, detach_usb, list_host_usb
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error, show_failed
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.tasks import spawn_into
from kvmgui.ui.widgets import Action, action_row, hint_label

ID_ROLE = Qt.ItemDataRole.UserRole


class UsbSharing(QWidget):
    saved = Signal(object)  # the StoredVm after a device was attached or detached
    listed = Signal()  # the host's devices were read (again)

    def __init__(
        self,
        ctx: AppContext,
        stored: StoredVm,
        parent: QWidget | None = None,
        probe: UsbProbe | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        self.state = VmState.STOPPED
        self.probe = probe
        self.found: list[HostUsb] = []
        self.tasks: set[asyncio.Task[Any]] = set()
        self._filling = False
        self._fix: UsbDeviceId | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("UsbSharing", "USB devices of this computer"))
        self.list.itemChanged.connect(self._toggled)
        self.list.currentItemChanged.connect(lambda *_: self._advise())
        layout.addWidget(self.list)
        self.hint = hint_label("", self)
        layout.addWidget(self.hint)
        row, (self.copy, self.refresh_button) = action_row(
            self,
            Action(
                translate("UsbSharing", "&Copy the commands"),
                translate("UsbSharing", "Copy the commands that install the udev rule"),
                self._copy_fix,
            ),
            trailing=[
                Action(
                    translate("UsbSharing", "&Look for devices again"),
                    translate("UsbSharing", "List the USB devices of this computer again"),
                    self.refresh,
                )
            ],
        )
        layout.addLayout(row)
        self._fill()
        self.refresh()

    # -- what is shown ----------------------------------------------------------------------

    def set_stored(self, stored: StoredVm) -> None:
        self.stored = stored
        self._fill()

    def set_state(self, state: VmState) -> None:
        self.state = state
        self._fill()

    def refresh(self) -> None:
        spawn_into(self.tasks, self._list(), self._failed, "usb-list")

    async def _list(self) -> None:
        self.found = await list_host_usb(self.probe)
        self._fill()
        self.listed.emit()

    def _failed(self, exc: BaseException) -> None:
        show_error(
            self,
            translate("UsbSharing", "The USB devices could not be listed."),
            informative=str(exc),
        )

    def _label(self, row: UsbChoice, found: HostUsb | None) -> str:
        if found is None:
            return translate("UsbSharing", "{0} — not plugged in").format(row.id)
        d = found.device
        if d.name == str(row.id):  # a device that gives itself no name
            return translate("UsbSharing", "USB device {0} (port {1})").format(row.id, d.port)
        return translate("UsbSharing", "{0} ({1}, port {2})").format(d.name, row.id, d.port)

    def _fill(self) -> None:
        spec = self.stored.spec
        by_id = {f.device.id: f for f in self.found}
        self._filling = True
        try:
            self.list.clear()
            for row in choices(spec, [f.device for f in self.found]):
                found = by_id.get(row.id)
                item = QListWidgetItem(self._label(row, found), self.list)
                item.setData(ID_ROLE, str(row.id))
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Checked if row.chosen else Qt.CheckState.Unchecked)
                if found is not None and found.problems:
                    item.setToolTip("\n".join(core_text(p) for p in found.problems))
        finally:
            self._filling = False
        self.list.setEnabled(spec.usb)
        rows = max(2, min(self.list.count(), 5))
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth()
            if self.list.count()
            else 2 * 24
        )
        self._advise()

    def _advise(self) -> None:
        """The hint under the list: why a chosen (or the selected) device cannot be used, with
        the Copy button for a udev rule; otherwise what checking a box does."""
        spec = self.stored.spec
        current = self.list.currentItem()
        selected = str(current.data(ID_ROLE)) if current is not None else ""
        troubled = [
            f
            for f in self.found
            if f.problems and (f.device.id in spec.usb_devices or str(f.device.id) == selected)
        ]
        self._fix = next((f.device.id for f in troubled if f.permission is not None), None)
        self.copy.setVisible(self._fix is not None)
        if not spec.usb:
            text = translate(
                "UsbSharing",
                "Turn on the USB tablet (and apply) to give the VM "
                "devices of this computer: it brings the USB controller.",
            )
        elif troubled:
            text = "\n".join(core_text(p) for f in troubled for p in f.problems)
        elif not self.list.count():
            text = translate(
                "UsbSharing",
                "No USB device to share is plugged in (hubs, the "
                "keyboard and the mouse are never offered).",
            )
        elif self.state.is_active:
            text = translate(
                "UsbSharing",
                "Checking or unchecking a device gives it to the "
                "running VM or takes it away at once; the VM keeps it for its "
                "next starts.",
            )
        else:
            text = translate(
                "UsbSharing",
                "The VM gets the checked devices whenever they are plugged in, on any port.",
            )
        self.hint.setText(text)

    # -- acting -----------------------------------------------------------------------------

    def _copy_fix(self) -> None:
        if self._fix is not None:
            QGuiApplication.clipboard().setText(udev_commands(self._fix))

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        device = parse_usb_id(str(item.data(ID_ROLE)))
        attach = item.checkState() == Qt.CheckState.Checked
        spawn_into(
            self.tasks,
            self._change(device, attach=attach),
            self._failed,
            "usb-change",
        )

    async def change(self, device: UsbDeviceId, *, attach: bool) -> bool:
        """Attach or detach `device` (what a check box does); False when it failed (the
        failure has been shown)."""
        return await self._change(device, attach=attach)

    async def _change(self, device: UsbDeviceId, *, attach: bool) -> bool:
        controller = self.ctx.controller(self.stored.spec.id)
        if controller is None:
            show_error(
                self,
                translate("UsbSharing", "The USB device could not be changed."),
                informative=translate(
                    "UsbSharing",
                    "kvmgui's runtime does not know "
                    "this virtual machine; close this window and "
                    "open it again.",
                ),
            )
            self._fill()
            return False
        outcome = await (
            attach_usb(controller, device, self.probe) if attach else detach_usb(controller, device)
        )
        if not outcome.ok or outcome.value is None:
            show_failed(
                self, translate("UsbSharing", "The USB device could not be changed."), outcome
            )
            self._fill()
            return False
        self.stored = outcome.value
        self._fill()
        self.saved.emit(self.stored)
        return True
