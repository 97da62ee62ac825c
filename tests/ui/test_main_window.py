"""The main window with the real runtime: wizard to a running guest under TCG, pause, resume,
ACPI shut down — the list's state follows each step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMenu

from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.models import Column
from tests.ui.flows import Launch, create_with_wizard, start_from_list, state_of

BOOT_TIMEOUT_MS = 180_000  # TCG on a busy 2-core machine


def _window(qtbot: Any, ctx: Any, run_async: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_async(window.startup(), timeout=60)
    return window


def _row(window: MainWindow, vm_id: str) -> Any:
    row = window.model.get(vm_id)
    assert row is not None
    return row


@pytest.mark.qemu
def test_empty_state_then_list(qtbot: Any, live_ctx: Any, run_async: Any) -> None:
    window = _window(qtbot, live_ctx, run_async)
    assert window.stack.currentWidget() is window.empty
    assert not window.vm_actions.start.isEnabled()
    assert window.vm_actions.new.isEnabled()
    usb = window.empty.usb_button
    qtbot.mouseClick(usb, Qt.MouseButton.LeftButton)
    # "Test a USB stick" opens its own dialog (kvmgui/ui/media/usb_test.py).
    from kvmgui.ui.media.usb_test import UsbTestDialog

    dialogs = [d for d in window.dialogs if isinstance(d, UsbTestDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()


@pytest.mark.qemu
@pytest.mark.slow
def test_create_start_pause_resume_shutdown(qtbot: Any, live_ctx: Any, run_async: Any,
                                             test_iso: Path) -> None:
    window = _window(qtbot, live_ctx, run_async)
    stored = create_with_wizard(qtbot, window, test_iso, "tcg-guest", start_now=True)
    vm_id = stored.spec.id
    # Finish started it and opened its console; the list follows the real state.
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.RUNNING, timeout=60_000)
    index = window.model.index_of(vm_id, Column.STATE)
    assert index.data() == "Running"
    qtbot.waitUntil(lambda: window.console_vm_id() == vm_id, timeout=10_000)
    window.show_list()
    status = live_ctx.status(vm_id)
    assert status.accel == "tcg" and status.pid

    # Pause and resume from the main window's actions.
    assert window.select(vm_id)
    assert window.vm_actions.pause.isEnabled()
    assert not window.vm_actions.start.isEnabled()
    assert not window.vm_actions.delete.isEnabled()  # never delete a running VM
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.PAUSED, timeout=20_000)
    assert window.vm_actions.pause.text().replace("&", "") == "Resume"
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.RUNNING, timeout=20_000)

    # Stats and a thumbnail arrive while it runs.
    qtbot.waitUntil(lambda: _row(window, vm_id).cpu_percent is not None, timeout=30_000)
    window.thumbnails.refresh_soon(vm_id)
    qtbot.waitUntil(lambda: _row(window, vm_id).thumbnail is not None, timeout=30_000)

    # The guest listens to the ACPI power button once it is up.
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: serial.exists() and "KVMGUI-GUEST: ready" in
                    serial.read_text(errors="replace"), timeout=BOOT_TIMEOUT_MS)
    window.vm_actions.shutdown.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.STOPPED, timeout=90_000)
    assert window.model.index_of(vm_id, Column.STATE).data() == "Stopped"
    assert window.vm_actions.start.isEnabled()
    assert window.vm_actions.delete.isEnabled()
    assert _row(window, vm_id).thumbnail is None


def _fake_vm(ctx: Any, name: str) -> Any:
    """A stored VM with a real (small) disk, created without the wizard."""
    from dataclasses import replace

    from kvmgui.core.model import Disk
    from kvmgui.core.presets import new_spec

    spec = new_spec(name, memory_mib=256, cpus=1)
    spec = replace(spec, disks=(Disk(path="disk.qcow2", size_bytes=1 << 30),))
    stored = ctx.store.create(spec)
    (stored.folder.dir / "disk.qcow2").write_bytes(b"placeholder")
    return stored


def test_quit_asks_about_running_guests(qtbot: Any, ctx: Any, run_async: Any) -> None:
    from kvmgui.core.settings import OnQuit
    from kvmgui.ui import errors  # noqa: F401 - the box is a QMessageBox child of the window

    stored = _fake_vm(ctx, "runner")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.model.update(stored.spec.id, state=VmState.RUNNING)  # as the runtime would say
    assert ctx.settings.on_quit is OnQuit.ASK
    window.close()
    qtbot.waitUntil(lambda: getattr(window, "_quit_box", None) is not None
                    and window._quit_box.isVisible(), timeout=5000)
    box = window._quit_box
    assert "runner" in box.text()
    assert window.isVisible()  # nothing happens before an answer
    assert box.checkBox().isChecked()  # asked the first time only
    keep = next(b for b in box.buttons() if "Keep running" in b.text())
    keep.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    remembered: OnQuit = ctx.settings.on_quit
    assert remembered is OnQuit.KEEP_RUNNING  # remembered, as asked


def test_toolbar_buttons_are_named_without_the_ellipsis(qtbot: Any, ctx: Any) -> None:
    """A tool button's label and accessible name come from its action's icon text; the "…"
    of "New virtual machine…" belongs to menus (a dialog follows), not to tool buttons."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    names = {}
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        if button is not None and action.text():
            read = QAccessible.queryAccessibleInterface(button)
            assert read is not None
            names[action.objectName()] = (button.text(), read.text(QAccessible.Text.Name))
    assert names["action-new"] == ("New virtual machine", "New virtual machine")
    assert names["action-delete"] == ("Delete", "Delete")
    assert all("…" not in text + said and "&" not in text for text, said in names.values())
    assert window.vm_actions.new.text().endswith("…")  # the menu keeps it


def test_geometry_and_view_are_remembered(qtbot: Any, ctx: Any) -> None:
    _fake_vm(ctx, "one")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(760, 540)  # inside the offscreen screen (800×600): restore clamps to it
    window.set_view("table")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.view_mode == "table"
    assert again.stack.currentWidget() is again.table
    assert (again.width(), again.height()) == (760, 540)


@pytest.mark.qemu  # deleting reads the disks' backing chains with qemu-img
def test_delete_asks_and_keeps_disks_by_default(qtbot: Any, ctx: Any) -> None:
    from kvmgui.ui.errors import open_boxes

    stored = _fake_vm(ctx, "doomed")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.select(stored.spec.id)
    assert window.vm_actions.delete.isEnabled()
    window.vm_actions.delete.trigger()
    qtbot.waitUntil(lambda: bool(open_boxes()), timeout=5000)
    box = open_boxes()[-1]
    assert "doomed" in box.text()
    assert box.checkBox() is not None and box.checkBox().isChecked()  # keep the disks
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.model.get(stored.spec.id) is None, timeout=5000)
    assert not stored.folder.definition.exists()
    assert (stored.folder.dir / "disk.qcow2").exists()
    assert window.stack.currentWidget() is window.empty


@pytest.mark.qemu  # deleting reads the disks' backing chains with qemu-img
def test_delete_can_remove_the_disks(qtbot: Any, ctx: Any) -> None:
    from kvmgui.ui.errors import open_boxes

    stored = _fake_vm(ctx, "gone")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.select(stored.spec.id)
    window.vm_actions.delete.trigger()
    qtbot.waitUntil(lambda: bool(open_boxes()), timeout=5000)
    box = open_boxes()[-1]
    box.checkBox().setChecked(False)
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not stored.folder.dir.exists(), timeout=5000)


def test_actions_apply_only_to_their_states(qtbot: Any, ctx: Any) -> None:
    from kvmgui.ui.vm_actions import applies

    stored = _fake_vm(ctx, "states")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    vm = stored.spec.id
    window.select(vm)
    a = window.vm_actions
    expect = {
        VmState.STOPPED: {"start", "details", "delete", "new", "export_libvirt", "move"},
        VmState.RUNNING: {"pause", "shutdown", "force_off", "reset", "console", "details",
                          "new", "export_libvirt"},
        VmState.PAUSED: {"pause", "force_off", "reset", "console", "details", "new",
                         "export_libvirt"},
        VmState.STARTING: {"force_off", "console", "details", "new", "export_libvirt"},
    }
    for state, enabled in expect.items():
        window.model.update(vm, state=state)
        assert {n for n, act in a.all.items() if act.isEnabled()} == enabled, state
        assert {n for n in a.all if applies(n, window.model.get(vm))} == enabled
    window.model.update(vm, state=VmState.PAUSED)
    assert a.pause.text().replace("&", "") == "Resume"


@pytest.mark.qemu
@pytest.mark.slow
def test_details_window_and_force_off(qtbot: Any, live_ctx: Any, run_async: Any,
                                      test_iso: Path) -> None:
    from dataclasses import replace

    from kvmgui.core.model import BootDevice, Cdrom, CdromSource
    from kvmgui.core.presets import new_spec
    from kvmgui.ui.errors import open_boxes

    spec = new_spec("live-cd", memory_mib=256, cpus=1)
    spec = replace(spec, cdrom=Cdrom(CdromSource.ISO, str(test_iso)),
                   boot_order=(BootDevice.CDROM,))
    stored = live_ctx.store.create(spec)
    window = _window(qtbot, live_ctx, run_async)
    vm = spec.id
    start_from_list(qtbot, window, vm, timeout_ms=60_000)

    details = window.open_vm_window(vm, "overview")
    assert details.tabs.currentWidget() is details.overview
    qtbot.waitUntil(lambda: details.overview.pid.text().isdigit(), timeout=10_000)
    assert "TCG" in details.overview.accel.text()
    assert details.overview.display.text().startswith("vnc+unix://")
    qtbot.waitUntil(lambda: details.overview.command.plain_text().startswith(
        "qemu-system-x86_64"), timeout=30_000)
    assert "live-cd" in details.windowTitle() and "Running" in details.windowTitle()

    # Its console opens in the main window, connects to the VNC socket and shows the screen.
    details.show_page("console")
    assert window.console_vm_id() == vm
    page = window.console_view.page(vm)
    qtbot.waitUntil(lambda: not page.console.display_size().isEmpty(), timeout=30_000)
    window.show_list()

    # Graphs fill while it runs.
    details.show_page("performance")
    qtbot.waitUntil(lambda: len(details.history.history(vm).cpu.values) >= 2, timeout=30_000)
    assert details.performance.cpu.summary().endswith("%")

    # The serial log shows the guest's lines; the QEMU log is read in plain words.
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: "KVMGUI-GUEST: ready" in serial.read_text(errors="replace"),
                    timeout=BOOT_TIMEOUT_MS)
    details.show_page("serial")
    qtbot.waitUntil(lambda: "KVMGUI-GUEST: ready" in details.serial.text.toPlainText(),
                    timeout=10_000)
    details.show_page("qemu-log")
    qtbot.waitUntil(lambda: details.qemu_log.explanation.isVisible(), timeout=10_000)
    assert "no problems" in details.qemu_log.explanation.text()

    # Hardware: a change while running is saved and said to wait for the next start; the
    # disc is ejected at once.
    details.show_page("hardware")
    hw = details.hardware
    hw.memory.setValue(384)
    assert "memory" in hw.restart_note.text()
    assert hw.apply()
    assert live_ctx.store.find("live-cd").spec.memory_mib == 384
    trays: list[Any] = []
    window.bridge.tray_moved.connect(lambda *a: trays.append(a))
    hw.eject.click()
    qtbot.waitUntil(lambda: any(t[2] == 1 for t in trays), timeout=20_000)
    qtbot.waitUntil(lambda: live_ctx.store.find("live-cd").spec.cdrom.source
                    is CdromSource.EMPTY, timeout=10_000)

    # Force off asks first; the VM stops.
    window.select(vm)
    window.vm_actions.force_off.trigger()
    qtbot.waitUntil(lambda: bool(open_boxes()), timeout=5_000)
    box = open_boxes()[-1]
    assert "Force" in box.text()
    assert box.defaultButton() is box.button(box.StandardButton.No)  # Enter is safe
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.STOPPED, timeout=30_000)
    assert "Stopped" in details.windowTitle()
    assert details.overview.pid.text() == "—"


@pytest.mark.qemu
def test_running_guest_is_reattached_after_a_restart(qtbot: Any, live_ctx: Any, launch: Launch,
                                                     run_async: Any, test_iso: Path) -> None:
    from dataclasses import replace

    from kvmgui.core.model import BootDevice, Cdrom, CdromSource
    from kvmgui.core.presets import new_spec

    spec = replace(new_spec("survivor", memory_mib=256, cpus=1),
                   cdrom=Cdrom(CdromSource.ISO, str(test_iso)), boot_order=(BootDevice.CDROM,))
    live_ctx.store.create(spec)
    first = _window(qtbot, live_ctx, run_async)
    start_from_list(qtbot, first, spec.id, timeout_ms=60_000)
    status = live_ctx.status(spec.id)
    assert status is not None
    pid = status.pid
    # The app goes away; QEMU stays.
    run_async(live_ctx.manager.close())

    # The app started again, as `kvmgui` starts it, on the same folders.
    second = launch()
    ctx2 = second.ctx
    # Reattached: "starting" until the guest's monitor has answered (a moment on a busy host).
    qtbot.waitUntil(lambda: state_of(second, spec.id) is VmState.RUNNING, timeout=30_000)
    status2 = ctx2.status(spec.id)
    assert status2 is not None and status2.pid == pid
    second.select(spec.id)
    assert second.vm_actions.force_off.isEnabled()
    controller = ctx2.controller(spec.id)
    assert controller is not None
    run_async(controller.force_off())
    qtbot.waitUntil(lambda: state_of(second, spec.id) is VmState.STOPPED, timeout=30_000)


def test_tools_menu_and_disk_actions_follow_the_selection(qtbot: Any, ctx: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    tools = window.menuBar().findChild(QMenu, "menu-tools")
    assert tools is not None
    assert tools.actions() == [window.image_tools_action, window.restore_action]
    assert not window.clone_action.isEnabled() and not window.copy_device_action.isEnabled()
    stored = ctx.store.create(new_spec("disks", memory_mib=256, cpus=1))
    window.reload()
    assert window.select(stored.spec.id)
    assert window.clone_action.isEnabled() and window.copy_device_action.isEnabled()


@pytest.mark.qemu  # the app's start-up probes the host and QEMU after the paint
def test_the_app_reads_its_list_right_after_the_first_paint(
    qtbot: Any, app_paths: Any, settings: Any, launch: Launch
) -> None:
    from kvmgui.core.store import VmStore
    from kvmgui.ui import app

    store = VmStore(app_paths.default_vm_root)
    made = store.create(new_spec("listed", memory_mib=256, cpus=1))
    # As `kvmgui` builds it: nothing read yet, and no "no virtual machines" flashing by.
    built = app.build(app_paths)
    qtbot.addWidget(built)
    assert built.model.rowCount() == 0
    assert built.stack.currentWidget() is built.grid
    window = launch()  # shown, painted, started
    assert window.model.get(made.spec.id) is not None
    assert window.stack.currentWidget() is window.grid


def test_an_empty_folder_shows_its_empty_state_at_once(
    qtbot: Any, qloop: Any, app_paths: Any, settings: Any
) -> None:
    from kvmgui.ui import app

    window = app.build(app_paths)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.empty
