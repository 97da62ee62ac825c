"""The USB sticks and disks the media dialogs offer: probing for them, and the editable
combo box (restore's backup disk, copy's target) that lists them and takes any path typed."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kvmgui.core.blockdevs import BlockDevice
from kvmgui.runtime.blockdev_probe import ProbeError, probe_block_devices
from kvmgui.ui.i18n import core_text
from kvmgui.ui.media.jobs import alive
from kvmgui.ui.services import device_label


async def probe_sticks() -> tuple[list[BlockDevice], str]:
    """The sticks found and "", or none and the probe's sentence saying why (translated)."""
    try:
        scan = await probe_block_devices()
    except ProbeError as exc:
        return [], core_text(exc.message)
    return list(scan.sticks), ""


async def refill_sticks(
    combo: QComboBox, status: QLabel, *, disable_unusable: bool = False
) -> None:
    """Look for USB sticks again and list them in `combo`; when the probe fails, `status`
    says why (the dialog may have closed meanwhile: then nothing is touched)."""
    devices, error = await probe_sticks()
    if not alive(combo):
        return
    if error:
        status.setText(error)
        return
    fill_device_combo(combo, devices, disable_unusable=disable_unusable)


def device_combo(parent: QWidget, name: str, placeholder: str) -> QComboBox:
    """An editable combo box: a listed device, or a path typed in (never added to the list)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(name)
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(placeholder)
    return combo


def fill_device_combo(
    combo: QComboBox, devices: list[BlockDevice], *, disable_unusable: bool = False
) -> None:
    """List `devices` (an unusable one says why) and keep what the user typed, silently."""
    current = combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    model = combo.model()
    for device in devices:
        label = device_label(device)
        if not device.usable:
            label = f"{label} — {core_text(device.why_not)}"
        combo.addItem(label, device.path)
        if disable_unusable and not device.usable and isinstance(model, QStandardItemModel):
            item = model.item(combo.count() - 1)
            if item is not None:
                item.setEnabled(False)
                item.setToolTip(core_text(device.why_not))
    combo.setCurrentIndex(-1)
    combo.setEditText(current)
    combo.blockSignals(False)


def listed_path(combo: QComboBox) -> str:
    """The device path behind the combo's text when it names a listed device, else ""."""
    index = combo.findText(combo.currentText().strip())
    if index >= 0 and combo.itemData(index):
        return str(combo.itemData(index))
    return ""
