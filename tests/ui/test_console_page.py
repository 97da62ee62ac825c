"""The console as a page of the main window, with a real guest under TCG: open it, see the
screen, pause (dimmed), reset (reconnects), detach and attach, force off (Start button),
start again (reconnects), back to the list."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kvmgui.core.model import BootDevice, Cdrom, CdromSource
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.console import ConnectionState, VmDisplayState
from kvmgui.ui.main_window import MainWindow

BOOT_TIMEOUT_MS = 180_000


def _window(qtbot: Any, ctx: Any, run_async: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    run_async(window.startup(), timeout=60)
    return window


def _state(window: MainWindow, vm_id: str) -> VmState | None:
    row = window.model.get(vm_id)
    return row.state if row is not None else None


def test_stopped_vm_page_offers_start(qtbot: Any, ctx: Any) -> None:
    spec = new_spec("idle", memory_mib=256, cpus=1)
    ctx.store.create(spec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.open_console(spec.id)
    assert window.pages.currentWidget() is window.console_view
    assert window.console_vm_id() == spec.id
    assert not window.toolbar.isVisible()
    assert "All machines" in window.console_view.crumb.text()
    assert "idle" in window.console_view.crumb.text()
    assert page.stack.currentWidget() is page.message_page
    assert "not running" in page.message_title.text()
    assert page.message_button.isVisible() and "Start" in page.message_button.text()
    # The power actions act on the console's VM.
    assert getattr(window.selected_row(), "vm_id", None) == spec.id
    assert window.vm_actions.start.isEnabled()
    window.console_view.back.click()
    assert window.pages.currentWidget() is window.stack
    assert window.toolbar.isVisible()
    assert window.console_view.page(spec.id) is None  # closed, not kept


@pytest.mark.qemu
@pytest.mark.slow
def test_console_page_follows_the_guest(qtbot: Any, live_ctx: Any, run_async: Any,
                                        test_iso: Path) -> None:
    spec = new_spec("guest", memory_mib=256, cpus=1)
    spec = replace(spec, cdrom=Cdrom(CdromSource.ISO, str(test_iso)),
                   boot_order=(BootDevice.CDROM,))
    stored = live_ctx.store.create(spec)
    window = _window(qtbot, live_ctx, run_async)
    vm = spec.id
    window.select(vm)
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: _state(window, vm) is VmState.RUNNING, timeout=60_000)

    # Double-click (activate) a running VM: its screen opens in the main window.
    index = window.model.index_of(vm)
    window.current_view().activated.emit(index)
    assert window.console_vm_id() == vm
    page = window.console_view.page(vm)
    assert page is not None and page.stack.currentWidget() is page.console_page
    console = page.console
    qtbot.waitUntil(lambda: console.connection_state == ConnectionState.CONNECTED,
                    timeout=30_000)
    qtbot.waitUntil(lambda: not console.display_size().isEmpty(), timeout=30_000)
    assert page.toolbar.screenshot_action.isEnabled()
    shot = live_ctx.paths.cache_dir / "console.png"
    assert console.save_screenshot(shot) and shot.stat().st_size > 0

    # Paused: the last frame stays, dimmed, with a note.
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: console.vm_state == VmDisplayState.PAUSED, timeout=20_000)
    assert "Paused" in console.accessibleDescription()
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: console.vm_state == VmDisplayState.RUNNING, timeout=20_000)

    # A guest reboot (reset) keeps the console connected or brings it back by itself.
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: "KVMGUI-GUEST: ready" in serial.read_text(errors="replace"),
                    timeout=BOOT_TIMEOUT_MS)
    window.vm_actions.reset.trigger()
    qtbot.waitUntil(lambda: serial.read_text(errors="replace").count("KVMGUI-GUEST: booted")
                    >= 2, timeout=BOOT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: console.connection_state == ConnectionState.CONNECTED,
                    timeout=30_000)

    # Detach into its own window, then attach back into the main window.
    page.toolbar.dock_action.trigger()
    detached = page.window_
    assert detached is not None and detached.console is console
    assert page.stack.currentWidget() is page.message_page
    window.show_list()  # a detached console stays open while the list is shown
    assert window.console_view.page(vm) is page
    assert detached.isVisible()
    detached.toolbar.dock_action.trigger()  # "Attach to Main Window"
    assert page.window_ is None
    assert window.console_vm_id() == vm  # attaching shows it in the main window again
    assert page.stack.currentWidget() is page.console_page
    assert console.connection_state == ConnectionState.CONNECTED

    # Forced off: the page says so and offers Start, which brings the screen back.
    ctrl = live_ctx.controller(vm)
    assert run_async(ctrl.force_off(), timeout=60).ok
    qtbot.waitUntil(lambda: _state(window, vm) is VmState.STOPPED, timeout=30_000)
    assert page.stack.currentWidget() is page.message_page
    assert page.message_button.isVisible()
    qtbot.mouseClick(page.message_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _state(window, vm) is VmState.RUNNING, timeout=60_000)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.console_page, timeout=10_000)
    qtbot.waitUntil(lambda: console.connection_state == ConnectionState.CONNECTED,
                    timeout=30_000)
    qtbot.waitUntil(lambda: not console.display_size().isEmpty(), timeout=30_000)

    window.console_view.back.click()
    assert window.pages.currentWidget() is window.stack
    assert window.console_view.page(vm) is None
    qtbot.waitUntil(lambda: _deleted(console), timeout=10_000)  # closed with its page
    # Collect the dead wrappers now: a PySide6 destructor run by the garbage collector in the
    # middle of a later import upsets CPython 3.11's recursion count ("AST constructor
    # recursion depth mismatch").
    page = console = detached = None  # type: ignore[assignment]
    gc.collect()


def _deleted(widget: Any) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return True
    return False


@pytest.mark.qemu
def test_console_of_a_vm_with_a_display_password(qtbot: Any, live_ctx: Any,
                                                 run_async: Any) -> None:
    from kvmgui.core.model import Display
    from tests.runtime.helpers import tiny_spec

    spec = tiny_spec("locked", display=Display(password=True))
    live_ctx.store.create(spec)
    window = _window(qtbot, live_ctx, run_async)
    window.select(spec.id)
    window.vm_actions.start.trigger()
    page = window.open_console(spec.id)  # opened while it starts: no password yet
    qtbot.waitUntil(lambda: _state(window, spec.id) is VmState.RUNNING, timeout=30_000)
    qtbot.waitUntil(lambda: page.console.connection_state == ConnectionState.CONNECTED,
                    timeout=30_000)
    qtbot.waitUntil(lambda: not page.console.display_size().isEmpty(), timeout=30_000)
    window.show_list()
    assert run_async(live_ctx.controller(spec.id).force_off(), timeout=60).ok
