"""The main window with the real runtime: wizard to a running guest under TCG, pause, resume,
ACPI shut down — the list's state follows each step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kvmgui.runtime.state import VmState
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.models import Column

BOOT_TIMEOUT_MS = 180_000  # TCG on a busy 2-core machine


def _window(qtbot: Any, ctx: Any, run_async: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_async(window.startup(), timeout=60)
    return window


def _state(window: MainWindow, vm_id: str) -> VmState | None:
    row = window.model.get(vm_id)
    return row.state if row is not None else None


def _create_with_wizard(qtbot: Any, window: MainWindow, iso: Path, name: str,
                        start_now: bool) -> Any:
    wiz = window.open_wizard()
    qtbot.waitUntil(lambda: wiz.env_ready, timeout=60_000)
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


def test_empty_state_then_list(qtbot: Any, live_ctx: Any, run_async: Any) -> None:
    window = _window(qtbot, live_ctx, run_async)
    assert window.stack.currentWidget() is window.empty
    assert not window.vm_actions.start.isEnabled()
    assert window.vm_actions.new.isEnabled()
    wiz = window.empty.usb_button
    qtbot.mouseClick(wiz, Qt.MouseButton.LeftButton)
    assert window.wizard is not None
    assert window.wizard.draft.source.value == "usb"
    window.wizard.reject()


@pytest.mark.qemu
@pytest.mark.slow
def test_create_start_pause_resume_shutdown(qtbot: Any, live_ctx: Any, run_async: Any,
                                             test_iso: Path) -> None:
    window = _window(qtbot, live_ctx, run_async)
    stored = _create_with_wizard(qtbot, window, test_iso, "tcg-guest", start_now=True)
    vm_id = stored.spec.id
    # Finish started it and opened its console; the list follows the real state.
    qtbot.waitUntil(lambda: _state(window, vm_id) is VmState.RUNNING, timeout=60_000)
    index = window.model.index_of(vm_id, Column.STATE)
    assert index.data() == "Running"
    qtbot.waitUntil(lambda: vm_id in window.vm_windows, timeout=10_000)
    vm_window = window.vm_windows[vm_id]
    assert vm_window.tabs.currentWidget() is vm_window.console
    status = live_ctx.status(vm_id)
    assert status.accel == "tcg" and status.pid

    # Pause and resume from the main window's actions.
    assert window.select(vm_id)
    assert window.vm_actions.pause.isEnabled()
    assert not window.vm_actions.start.isEnabled()
    assert not window.vm_actions.delete.isEnabled()  # never delete a running VM
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: _state(window, vm_id) is VmState.PAUSED, timeout=20_000)
    assert window.vm_actions.pause.text().replace("&", "") == "Resume"
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: _state(window, vm_id) is VmState.RUNNING, timeout=20_000)

    # Stats and a thumbnail arrive while it runs.
    qtbot.waitUntil(lambda: window.model.get(vm_id).cpu_percent is not None, timeout=30_000)
    window.thumbnails.refresh_soon(vm_id)
    qtbot.waitUntil(lambda: window.model.get(vm_id).thumbnail is not None, timeout=30_000)

    # The guest listens to the ACPI power button once it is up.
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: serial.exists() and "KVMGUI-GUEST: ready" in
                    serial.read_text(errors="replace"), timeout=BOOT_TIMEOUT_MS)
    window.vm_actions.shutdown.trigger()
    qtbot.waitUntil(lambda: _state(window, vm_id) is VmState.STOPPED, timeout=90_000)
    assert window.model.index_of(vm_id, Column.STATE).data() == "Stopped"
    assert window.vm_actions.start.isEnabled()
    assert window.vm_actions.delete.isEnabled()
    assert window.model.get(vm_id).thumbnail is None
