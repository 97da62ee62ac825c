"""The console as a page of the main window, with a real guest under TCG: open it, see the
screen, pause (dimmed), reset (reconnects), detach and attach, force off (Start button),
start again (reconnects), back to the list."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kvmgui.core.model import BootDevice, Cdrom, CdromSource
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.console import ConnectionState, VmDisplayState
from kvmgui.ui.main_window import MainWindow
from tests.ui.flows import start_from_list, state_of

BOOT_TIMEOUT_MS = 180_000


def _window(qtbot: Any, ctx: Any, run_async: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    run_async(window.startup(), timeout=60)
    return window


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
    start_from_list(qtbot, window, vm, timeout_ms=60_000)

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
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.STOPPED, timeout=30_000)
    assert page.stack.currentWidget() is page.message_page
    assert page.message_button.isVisible()
    qtbot.mouseClick(page.message_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.RUNNING, timeout=60_000)
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
    qtbot.waitUntil(lambda: state_of(window, spec.id) is VmState.RUNNING, timeout=30_000)
    qtbot.waitUntil(lambda: page.console.connection_state == ConnectionState.CONNECTED,
                    timeout=30_000)
    qtbot.waitUntil(lambda: not page.console.display_size().isEmpty(), timeout=30_000)
    window.show_list()
    assert run_async(live_ctx.controller(spec.id).force_off(), timeout=60).ok


def test_detached_console_page_says_where_it_went(qtbot: Any, ctx: Any) -> None:
    spec = new_spec("away", memory_mib=256, cpus=1)
    ctx.store.create(spec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.open_console(spec.id)
    detached = page.detach()
    assert page.window_ is detached and detached.isVisible()
    assert page.stack.currentWidget() is page.message_page
    assert "its own window" in page.message_title.text()
    assert page.raise_button.isVisible() and "Show" in page.raise_button.text().replace("&", "")
    assert "Bring it back" in page.message_button.text().replace("&", "")
    qtbot.mouseClick(page.raise_button, Qt.MouseButton.LeftButton)  # raises it, keeps it
    assert page.window_ is detached and detached.isVisible()
    qtbot.mouseClick(page.message_button, Qt.MouseButton.LeftButton)
    assert page.window_ is None and not page.raise_button.isVisible()


def _ctrl_alt(widget: Any) -> None:
    """Ctrl+Alt pressed and released alone, as a person does it."""
    ctrl, both = Qt.KeyboardModifier.ControlModifier, (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    QTest.keyPress(widget, Qt.Key.Key_Control, ctrl)
    QTest.keyPress(widget, Qt.Key.Key_Alt, both)
    QTest.keyRelease(widget, Qt.Key.Key_Alt, ctrl)
    QTest.keyRelease(widget, Qt.Key.Key_Control)


def _focus() -> Any:
    return QApplication.focusWidget()


@pytest.mark.qemu
def test_console_opened_by_keyboard_grabs_until_ctrl_alt(
    qtbot: Any, live_ctx: Any, run_async: Any, tmp_path: Path
) -> None:
    from kvmgui.core.model import Disk, DiskFormat
    from tests.runtime.helpers import tiny_spec
    from tests.runtime.rfb.bootsectors import READY_LINE, write_disk

    # The key-echo boot sector: every typed character comes back on the serial log.
    disk = write_disk(tmp_path / "keyecho.img")
    spec = tiny_spec(
        "keys", disks=(Disk(str(disk), format=DiskFormat.RAW),), boot_order=(BootDevice.DISK,)
    )
    stored = live_ctx.store.create(spec)
    window = _window(qtbot, live_ctx, run_async)
    vm = spec.id
    start_from_list(qtbot, window, vm, timeout_ms=30_000)
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: READY_LINE in serial.read_bytes(), timeout=60_000)

    # Paused: Resume is the only play button (Start, with the same icon, is not shown).
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.PAUSED, timeout=20_000)
    assert not window.vm_actions.start.isVisible()
    assert window.vm_actions.pause.isVisible() and window.vm_actions.pause.isEnabled()
    assert "Resume" in window.vm_actions.pause.text().replace("&", "")
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.RUNNING, timeout=20_000)
    assert window.vm_actions.start.isVisible()

    # Enter on the VM's row opens its console, which takes the keyboard at once and says how
    # to get it back.
    view = window.current_view()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.console_vm_id() == vm
    page = window.console_view.page(vm)
    console = page.console
    qtbot.waitUntil(console.is_grabbed, timeout=30_000)
    assert console.hasFocus() and console.hint_visible()
    assert "Press Ctrl+Alt to release" in console.grab_hint_text()
    assert "Press Ctrl+Alt to release" in page.toolbar.grab_label.text()
    assert page.toolbar.grab_label.isVisible()

    # While grabbed every key is the guest's: Tab, Ctrl+Q, Alt+Left, F10 and Esc do nothing
    # to the window.
    quits: list[bool] = []
    window.quit_action.triggered.connect(lambda: quits.append(True))
    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    QTest.keyClicks(_focus(), "a")
    QTest.keyClick(_focus(), Qt.Key.Key_Tab)
    QTest.keyClick(_focus(), Qt.Key.Key_Q, ctrl)
    QTest.keyClick(_focus(), Qt.Key.Key_Left, alt)
    QTest.keyClick(_focus(), Qt.Key.Key_F10)
    QTest.keyClick(_focus(), Qt.Key.Key_Escape)
    QTest.keyClicks(_focus(), "z")
    QTest.keyClick(_focus(), Qt.Key.Key_Return)
    # Tab, Ctrl+Q and Esc are characters for the guest (Alt+Left and F10 are not).
    qtbot.waitUntil(lambda: b"a\t\x11\x1bz\r\n" in serial.read_bytes(), timeout=20_000)
    assert window.console_vm_id() == vm and not quits
    assert console.hasFocus() and console.is_grabbed()

    # Ctrl+Alt lets go: the focus leaves the screen, and the window's keys work again.
    _ctrl_alt(console)
    assert not console.is_grabbed() and not console.hasFocus()
    assert "Click the screen" in page.toolbar.grab_label.text()
    QTest.keyClick(_focus() or window, Qt.Key.Key_Tab)  # Tab moves between the controls
    assert not console.is_grabbed()
    QTest.keyClick(_focus() or window, Qt.Key.Key_P, ctrl)  # Pause (no other Ctrl+P here)
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.PAUSED, timeout=20_000)
    QTest.keyClick(_focus() or window, Qt.Key.Key_P, ctrl)
    qtbot.waitUntil(lambda: state_of(window, vm) is VmState.RUNNING, timeout=20_000)
    QTest.keyClick(_focus() or window, Qt.Key.Key_Left, alt)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.stack)  # an animated click
    assert window.current_view().hasFocus()

    # Ctrl+O opens it again, grabbed again; a click on the screen grabs after a release.
    QTest.keyClick(window.current_view(), Qt.Key.Key_O, ctrl)
    page = window.console_view.page(vm)
    console = page.console
    qtbot.waitUntil(console.is_grabbed, timeout=30_000)
    _ctrl_alt(console)
    assert not console.is_grabbed()
    QTest.mouseClick(console, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert console.is_grabbed() and console.hasFocus()

    # Full screen: only the guest's screen.
    chrome = [window.menuBar(), window.statusBar(), window.toolbar, window.banner,
              window.console_view.header, page.toolbar]  # fmt: skip
    page.toolbar.fullscreen_action.trigger()
    assert window.isFullScreen()
    assert all(w.isHidden() for w in chrome)
    QTest.keyClick(_focus(), Qt.Key.Key_Escape)  # grabbed: Esc is the guest's
    QTest.keyClick(_focus(), Qt.Key.Key_F11)
    assert window.isFullScreen() and page.is_fullscreen()
    bar = page.fullscreen_bar
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)  # shown a moment, then gone
    # The pointer at the top edge reveals the bar; its button leaves full screen.
    qtbot.waitUntil(lambda: console.mapTo(page.console_page, QPoint(0, 0)).y() == 0)
    top_edge = QPointF(40, 0)
    QApplication.sendEvent(
        console,
        QMouseEvent(QEvent.Type.MouseMove, top_edge, console.mapToGlobal(top_edge),
                    Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier),
    )  # fmt: skip
    assert bar.isVisible() and bar.leave_button.isVisible()
    qtbot.mouseClick(bar.leave_button, Qt.MouseButton.LeftButton)
    assert not window.isFullScreen() and not page.is_fullscreen()
    assert all(not w.isHidden() for w in chrome if w is not window.toolbar)
    assert window.banner.isHidden() == (live_ctx.host_report is None
                                        or live_ctx.host_report.facts.kvm_usable)  # fmt: skip

    # Ctrl+Alt, then F11, leaves full screen too.
    page.toolbar.fullscreen_action.trigger()
    assert window.isFullScreen()
    console.setFocus()
    qtbot.waitUntil(console.is_grabbed)
    assert "F11" in console.grab_hint_text()
    _ctrl_alt(console)
    QTest.keyClick(_focus() or window, Qt.Key.Key_F11)
    assert not window.isFullScreen() and not window.menuBar().isHidden()
    assert not console.is_grabbed()  # released means released, also after full screen
    assert "Click the screen" in page.toolbar.grab_label.text()
    window.show_list()
    assert run_async(live_ctx.controller(vm).force_off(), timeout=60).ok
