"""Steps the GUI tests take as a user would, written once: read a VM's state off the list,
make a VM with the wizard, start one from the list, boot an image file as a USB stick."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kvmgui.runtime.state import VmState
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.media.usb_test import UsbTestDialog

# The `launch` fixture (tests/ui/conftest.py): builds and starts the app as `kvmgui` does.
Launch = Callable[[], MainWindow]


def state_of(window: MainWindow, vm_id: str) -> VmState | None:
    """The state the window's list shows for `vm_id`; None when it is not listed."""
    row = window.model.get(vm_id)
    return row.state if row is not None else None


def create_with_wizard(qtbot: Any, window: MainWindow, iso: Path, name: str,
                       start_now: bool) -> Any:
    """Make a small VM (256 MiB, 1 CPU, 1 GiB disk) booting `iso` with the window's wizard;
    the StoredVm that Finish created."""
    wiz = window.open_wizard()
    qtbot.waitUntil(lambda: wiz.model.env_ready, timeout=60_000)
    wiz.source_page.iso.set_text(str(iso))
    for _ in range(2):
        wiz.next()
    wiz.resources_page.memory.setValue(256)
    wiz.resources_page.cpus.setValue(1)
    wiz.next()
    wiz.disk_page.size_spin.setValue(1)
    wiz.next()
    wiz.next()
    wiz.summary_page.name.clear()
    qtbot.keyClicks(wiz.summary_page.name, name)
    wiz.summary_page.start_now.setChecked(start_now)
    created: list[Any] = []
    wiz.vm_created.connect(lambda stored, _start: created.append(stored))
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=30_000)
    return created[0]


def start_from_list(qtbot: Any, window: MainWindow, vm_id: str, timeout_ms: int) -> None:
    """Select `vm_id` in the list, press Start and wait until the list shows it running."""
    assert window.select(vm_id)
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.RUNNING, timeout=timeout_ms)


def boot_file_as_stick(qtbot: Any, dlg: UsbTestDialog, image: Path) -> None:
    """In "Test a USB stick", boot the image file `image` (protected, 256 MiB of memory)."""
    dlg.use_file.setChecked(True)
    qtbot.keyClicks(dlg.file.edit, str(image))
    dlg.memory.setValue(256)
    assert dlg.protect.isChecked()
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
