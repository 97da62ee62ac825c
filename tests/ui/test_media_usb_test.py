"""'Test a USB stick': a real throwaway VM boots an image file standing in for a stick, the
guest writes to it, and the file is byte-identical afterwards; the VM disappears when it
stops. Turning protection off needs a confirmation."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from kvmgui.runtime.state import VmState
from kvmgui.ui import errors
from kvmgui.ui.media.usb_test import UsbTestDialog
from tests.ui.flows import boot_file_as_stick


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dialog(qtbot: Any, ctx: Any, opened: list[str] | None = None) -> UsbTestDialog:
    dlg = UsbTestDialog(ctx, open_console=(opened.append if opened is not None else None))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.scanned > 0, timeout=15_000)
    return dlg


def answer(qtbot: Any, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: bool(errors.open_boxes()), timeout=10_000)
    box = errors.open_boxes()[-1]
    text = box.text() + " " + box.informativeText()
    box.button(button).click()
    return text


def test_protection_off_needs_a_confirmation(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    dlg = dialog(qtbot, ctx)
    assert dlg.protect.isChecked()
    dlg.use_file.setChecked(True)
    assert not dlg.start_button.isEnabled()
    assert dlg.problem.text() == "Choose the image file to boot."
    stick = tmp_path / "stick.img"
    stick.write_bytes(b"\0" * 1024 * 1024)
    qtbot.keyClicks(dlg.file.edit, str(stick))
    assert dlg.start_button.isEnabled() and dlg.problem.text() == ""

    dlg.protect.click()  # unchecking asks first; "keep it protected" puts the tick back
    assert "change the stick" in answer(qtbot, QMessageBox.StandardButton.No)
    qtbot.waitUntil(lambda: dlg.protect.isChecked() and not dlg.tasks, timeout=5_000)
    assert dlg.warning.text() == ""
    dlg.protect.click()
    answer(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: "Protection is off" in dlg.warning.text(), timeout=5_000)
    assert not dlg.protect.isChecked()


@pytest.mark.qemu
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("qemu-system-x86_64") is None, reason="needs QEMU")
def test_image_file_boots_as_a_protected_stick_and_stays_unchanged(
    qtbot: Any, live_ctx: Any, test_iso_write_boot: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "stick.iso"
    shutil.copyfile(test_iso_write_boot, stick)
    before = sha256(stick)
    opened: list[str] = []
    dlg = dialog(qtbot, live_ctx, opened)
    boot_file_as_stick(qtbot, dlg, stick)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    vm_id = opened[0]
    controller = live_ctx.controller(vm_id)
    assert controller is not None and controller.state is VmState.RUNNING
    assert controller.spec.disks == () and controller.spec.usb_stick.protected
    serial = controller.stored.folder.serial_log

    def log() -> str:
        return serial.read_text(errors="replace") if serial.exists() else ""

    qtbot.waitUntil(lambda: "KVMGUI-GUEST: ready" in log(), timeout=240_000)
    assert "KVMGUI-GUEST: wrote boot device" in log()  # the guest wrote to its "stick"
    run_async_force_off = controller.force_off()
    import asyncio

    task = asyncio.ensure_future(run_async_force_off)
    qtbot.waitUntil(task.done, timeout=30_000)
    assert task.result().ok
    # The throwaway VM disappears once it has stopped.
    qtbot.waitUntil(lambda: live_ctx.controller(vm_id) is None, timeout=30_000)
    assert sha256(stick) == before
