"""The Hardware page's USB devices: the host's devices from the captured sysfs tree, the
remembered ones that are not plugged in, check boxes that attach and detach through the
runtime, and the udev advice with its Copy button."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kvmgui.core.model import UsbDeviceId
from kvmgui.core.presets import new_spec
from kvmgui.core.usb_host import udev_commands
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.state import VmState
from kvmgui.runtime.usb_host import UsbProbe, live_usb_devices
from kvmgui.ui.details_hardware import HardwarePage
from kvmgui.ui.sharing_usb import ID_ROLE, UsbSharing
from tests.runtime.helpers import tiny_spec

SYSFS = Path(__file__).resolve().parents[1] / "runtime" / "data" / "usb_sysfs"
STICK = UsbDeviceId("0781", "5567")
ABSENT = UsbDeviceId("1d50", "6089")


def _stick_locked(path: str, _mode: int) -> bool:
    return not path.endswith("/001/004")  # the SanDisk stick's node


def _open(_path: str, _mode: int) -> bool:
    return True


def _rows(widget: UsbSharing) -> list[tuple[str, str, bool]]:
    rows = []
    for i in range(widget.list.count()):
        item = widget.list.item(i)
        rows.append(
            (str(item.data(ID_ROLE)), item.text(), item.checkState() == Qt.CheckState.Checked)
        )
    return rows


def test_devices_check_boxes_and_advice(qtbot: Any, live_ctx: Any, tmp_path: Path) -> None:
    stored = live_ctx.store.create(
        replace(new_spec("box", memory_mib=64, cpus=1), usb_devices=(ABSENT,))
    )
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text("")
    probe = UsbProbe(sysfs_root=SYSFS, mountinfo=mountinfo, access=_stick_locked)
    widget = UsbSharing(live_ctx, stored, probe=probe)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.listed, timeout=10_000):
        pass
    assert _rows(widget) == [
        ("0781:5567", "SanDisk Cruzer Blade (0781:5567, port 1-2)", False),
        ("046d:0825", "USB device 046d:0825 (port 1-4)", False),
        ("0403:6001", "FTDI FT232R USB UART (0403:6001, port 2-1)", False),
        ("1d50:6089", "1d50:6089 — not plugged in", True),
    ]
    assert not widget.copy.isVisibleTo(widget)
    assert widget.hint.text().startswith("The VM gets the checked devices")

    # Checking a box gives the VM the device (a stopped VM: for its next start).
    with qtbot.waitSignal(widget.saved, timeout=10_000):
        widget.list.item(2).setCheckState(Qt.CheckState.Checked)
    assert live_ctx.store.get("box").spec.usb_devices == (ABSENT, UsbDeviceId("0403", "6001"))
    with qtbot.waitSignal(widget.saved, timeout=10_000):
        widget.list.item(3).setCheckState(Qt.CheckState.Unchecked)
    assert live_ctx.store.get("box").spec.usb_devices == (UsbDeviceId("0403", "6001"),)
    assert [r[0] for r in _rows(widget)] == ["0781:5567", "046d:0825", "0403:6001"]

    # The stick this user may not open: the rule, ready to copy.
    widget.list.setCurrentRow(0)
    assert widget.copy.isVisibleTo(widget)
    assert 'ATTR{idVendor}=="0781", ATTR{idProduct}=="5567", TAG+="uaccess"' in widget.hint.text()
    widget.copy.click()
    assert QGuiApplication.clipboard().text() == udev_commands(STICK)


def test_hardware_page_has_the_sharing_group(qtbot: Any, live_ctx: Any) -> None:
    stored = live_ctx.store.create(new_spec("box", memory_mib=64, cpus=1))
    page = HardwarePage(live_ctx, stored)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.usb_devices.listed, timeout=10_000):
        pass
    assert page.sharing.parentWidget().title() == "Sharing"
    saved = []
    page.saved.connect(saved.append)
    page.usb_devices.saved.emit(live_ctx.store.get("box"))
    assert saved and page.stored == saved[0]


@pytest.mark.qemu
def test_checking_a_box_attaches_to_the_running_vm(
    qtbot: Any, live_ctx: Any, run_async: Any
) -> None:
    stored = live_ctx.store.create(tiny_spec("box", usb=True))
    controller = live_ctx.controller(stored.spec.id)
    assert run_async(controller.start(), timeout=60).ok
    widget = UsbSharing(live_ctx, stored, probe=UsbProbe(sysfs_root=SYSFS, access=_open))
    qtbot.addWidget(widget)
    widget.set_state(VmState.RUNNING)
    with qtbot.waitSignal(widget.listed, timeout=10_000):
        pass
    assert "at once" in widget.hint.text()
    serial = widget.list.item(2)
    assert serial.data(ID_ROLE) == "0403:6001"
    with qtbot.waitSignal(widget.saved, timeout=20_000):
        serial.setCheckState(Qt.CheckState.Checked)

    async def live_devices() -> set[str]:
        async def ids(session: Any) -> Any:
            return Outcome.success("", value=await live_usb_devices(session))

        return (await controller.with_monitor(ids)).value  # type: ignore[no-any-return]

    assert run_async(live_devices()) == {"usbhost-0403-6001"}
    assert live_ctx.store.get("box").spec.usb_devices == (UsbDeviceId("0403", "6001"),)
    with qtbot.waitSignal(widget.saved, timeout=20_000):
        widget.list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert run_async(live_devices()) == set()
    assert live_ctx.store.get("box").spec.usb_devices == ()
    assert run_async(controller.force_off(), timeout=60).ok
