"""ConsoleWidget against a real QEMU under qasync (offscreen): painted pixels equal QMP
screendump, keys typed into the widget reach the guest, resolution changes, reconnects."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import numpy as np
import pytest
import qasync
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.runtime.rfb.keymap import SC_ENTER, SC_F, SC_LEFT_SHIFT, us_text_strokes
from kvmgui.ui.console import ConnectionState, ConsoleWidget, VmDisplayState
from tests.runtime.rfb.bootsectors import MODE_LINE, READY_LINE
from tests.runtime.rfb.qemu_vm import QemuVm, wait_until_matches

pytestmark = [
    pytest.mark.qemu,
    pytest.mark.usefixtures("needs_qemu"),
    # The offscreen platform cannot grab input or resize top-level windows; it says so.
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

Scenario = Callable[[], Awaitable[None]]


def qimage_rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def painted_rgb(widget: ConsoleWidget) -> np.ndarray:
    """What the widget actually paints (its paintEvent rendered into a pixmap)."""
    return qimage_rgb(widget.grab().toImage())


async def until(predicate: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


def press(widget: ConsoleWidget, scancode: int, down: bool, text: str = "") -> None:
    """A key event as xcb delivers it: nativeScanCode = evdev + 8 (evdev = XT for 1..83)."""
    kind = QEvent.Type.KeyPress if down else QEvent.Type.KeyRelease
    event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, scancode + 8, 0, 0, text)
    QApplication.sendEvent(widget, event)


def type_scancodes(widget: ConsoleWidget, text: str) -> None:
    for scancode, shift, _ in us_text_strokes(text):
        if shift:
            press(widget, SC_LEFT_SHIFT, True)
        press(widget, scancode, True)
        press(widget, scancode, False)
        if shift:
            press(widget, SC_LEFT_SHIFT, False)


@pytest.fixture
def console(qtbot: QtBot) -> ConsoleWidget:
    widget = ConsoleWidget()
    qtbot.addWidget(widget)
    widget.set_fit_to_window(False)
    widget.resize(720, 400)
    widget.show()
    return widget


def test_painted_screen_matches_screendump_of_paused_vm(
    qloop: qasync.QEventLoop, console: ConsoleWidget
) -> None:
    async def scenario() -> None:
        async with QemuVm(paused=True) as vm:
            assert await console.connect_to(vm.vnc_socket)
            assert console.connection_state == ConnectionState.CONNECTED
            await until(lambda: console.display_size().width() == 640)
            console.resize(640, 480)  # 1:1 and exactly the guest size: no scaling, no border
            await wait_until_matches(vm, lambda: qimage_rgb(console.image()), tolerance=0)
            await wait_until_matches(vm, lambda: painted_rgb(console), tolerance=0)
            # Fit mode, window twice the size: the guest image is scaled, centred, not cropped.
            console.set_fit_to_window(True)
            console.resize(1280, 960)
            painted = painted_rgb(console)
            reference = await vm.screendump()
            scaled = painted[::2, ::2]
            assert np.abs(scaled.astype(int) - reference.astype(int)).mean() < 8
            await console.aclose()
            assert console.connection_state.value == "idle"

    qloop.run_until_complete(scenario())


def test_typed_keys_reach_the_guest_and_its_screen(
    qloop: qasync.QEventLoop, console: ConsoleWidget, keyecho_disk: Path
) -> None:
    async def scenario() -> None:
        async with QemuVm(paused=False, disk=keyecho_disk) as vm:
            await console.connect_to(vm.vnc_socket)
            await vm.wait_serial(READY_LINE)
            console.setFocus()
            # Raw scancodes, as on X11/Wayland: the guest sees physical keys.
            console.set_native_scancode_offset(8)
            type_scancodes(console, "Scan codes: OK!")
            press(console, SC_ENTER, True)
            press(console, SC_ENTER, False)
            await vm.wait_serial(b"Scan codes: OK!\r\n", timeout=15)
            # Platforms without xkb scancodes (here: offscreen) fall back to keysyms.
            console.set_native_scancode_offset(None)
            QTest.keyClicks(console, "keysyms too")
            QTest.keyClick(console, Qt.Key.Key_Return)
            await vm.wait_serial(b"keysyms too\r\n", timeout=15)
            await vm.execute("stop")
            await wait_until_matches(vm, lambda: qimage_rgb(console.image()), tolerance=0)
            console.resize(720, 400)  # 1:1 at the guest's size (it grew for the 640x480 splash)
            await wait_until_matches(vm, lambda: painted_rgb(console), tolerance=0)
            await console.aclose()

    qloop.run_until_complete(scenario())


def test_send_keys_menu_ctrl_alt_del_reboots_the_guest(
    qloop: qasync.QEventLoop, qtbot: QtBot, keyecho_disk: Path
) -> None:
    from kvmgui.ui.console import ConsoleWindow

    async def scenario() -> None:
        async with QemuVm(paused=False, disk=keyecho_disk) as vm:
            window = ConsoleWindow(vm_name="keyecho")
            qtbot.addWidget(window)
            window.show()
            await window.console.connect_to(vm.vnc_socket)
            await vm.wait_serial(READY_LINE)
            menu = window.toolbar.send_keys_menu
            names = [a.objectName() for a in menu.findChildren(type(menu.actions()[0]))]
            assert {f"send-key-ctrl-alt-f{i}" for i in range(1, 13)} <= set(names)
            assert {"send-key-ctrl-alt-del", "send-key-ctrl-alt-backspace", "send-key-print"} <= (
                set(names)
            )
            action = next(a for a in menu.actions() if a.objectName() == "send-key-ctrl-alt-del")
            action.trigger()
            # SeaBIOS answers Ctrl+Alt+Del with a reset: the boot sector greets a second time.
            await until(lambda: vm.serial().count(READY_LINE) == 2, timeout=20)
            await window.console.aclose()

    qloop.run_until_complete(scenario())


def test_guest_resolution_change_resizes_the_image(
    qloop: qasync.QEventLoop, console: ConsoleWidget, keyecho_disk: Path, qtbot: QtBot
) -> None:
    sizes: list[tuple[int, int]] = []
    console.displaySizeChanged.connect(lambda w, h: sizes.append((w, h)))

    async def scenario() -> None:
        async with QemuVm(paused=False, disk=keyecho_disk) as vm:
            await console.connect_to(vm.vnc_socket)
            await vm.wait_serial(READY_LINE)
            await until(lambda: console.display_size().width() == 720)
            console.set_native_scancode_offset(8)
            press(console, SC_F[0], True)  # F1: the guest switches to 800x600
            press(console, SC_F[0], False)
            await vm.wait_serial(MODE_LINE)
            await until(lambda: (800, 600) in sizes)
            assert console.image().size().toTuple() == (800, 600)
            console.resize(800, 600)
            await wait_until_matches(vm, lambda: painted_rgb(console), tolerance=0)
            await console.aclose()

    qloop.run_until_complete(scenario())


def test_reconnects_by_itself_when_the_vm_comes_back(
    qloop: qasync.QEventLoop, console: ConsoleWidget
) -> None:
    states: list[str] = []
    console.connectionStateChanged.connect(states.append)
    directory = Path(tempfile.mkdtemp(prefix="kvc-re-"))

    async def scenario() -> None:
        first = await QemuVm(paused=True, directory=directory).start()
        try:
            assert await console.connect_to(first.vnc_socket)
        finally:
            await first.stop()  # the VM goes away (shut down, or QEMU restarted)
        await until(lambda: console.connection_state == ConnectionState.RECONNECTING)
        assert "not running" in console.last_error or "closed" in console.last_error
        console.set_vm_state(VmDisplayState.STOPPED)  # the manager knows: stop retrying
        await until(lambda: console.connection_state == ConnectionState.IDLE)
        assert "not running" in console.accessibleDescription()

        async with QemuVm(paused=True, directory=directory) as second:  # same socket path
            console.set_vm_state(VmDisplayState.RUNNING)
            await until(lambda: console.connection_state == ConnectionState.CONNECTED, 15)
            console.resize(640, 480)
            await wait_until_matches(second, lambda: painted_rgb(console), tolerance=0)

            console.set_vm_state(VmDisplayState.PAUSED)  # last frame stays, dimmed, with a note
            assert "Paused" in console.accessibleDescription()
            guest_text = qimage_rgb(console.image()).max(axis=2) > 100
            assert guest_text.any()
            assert np.median(painted_rgb(console).max(axis=2)[guest_text]) < 100  # dimmed

            # Closing and reopening the console reconnects.
            await console.aclose()
            assert console.client is None
            assert await console.connect_to(second.vnc_socket)
            await wait_until_matches(second, lambda: qimage_rgb(console.image()), tolerance=0)
            await console.aclose()
        assert states[:2] == ["connecting", "connected"] and "reconnecting" in states

    qloop.run_until_complete(scenario())


def test_click_grabs_and_ctrl_alt_releases(
    qloop: qasync.QEventLoop, console: ConsoleWidget, tmp_path: Path
) -> None:
    grabs: list[bool] = []
    console.grabChanged.connect(grabs.append)

    async def scenario() -> None:
        tablet = ["-device", "qemu-xhci", "-device", "usb-tablet"]
        async with QemuVm(paused=True, extra=tablet) as vm:
            await console.connect_to(vm.vnc_socket)
            QTest.mouseClick(console, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
            assert console.is_grabbed() and grabs == [True]
            assert "Ctrl+Alt" in console.grab_hint_text()
            QTest.keyPress(console, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
            QTest.keyPress(
                console,
                Qt.Key.Key_Alt,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
            )
            QTest.keyRelease(console, Qt.Key.Key_Alt, Qt.KeyboardModifier.ControlModifier)
            QTest.keyRelease(console, Qt.Key.Key_Control)
            assert not console.is_grabbed() and grabs == [True, False]

            # Ctrl+Alt+<key> goes to the guest and keeps the grab; Ctrl+Alt+F is full screen.
            QTest.mouseClick(console, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
            fullscreen: list[bool] = []
            console.fullscreenRequested.connect(lambda: fullscreen.append(True))
            both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            QTest.keyPress(console, Qt.Key.Key_Control)
            QTest.keyPress(console, Qt.Key.Key_Alt)
            QTest.keyClick(console, Qt.Key.Key_Delete, both)
            QTest.keyClick(console, Qt.Key.Key_F, both)
            QTest.keyRelease(console, Qt.Key.Key_Alt)
            QTest.keyRelease(console, Qt.Key.Key_Control)
            assert console.is_grabbed() and fullscreen == [True]
            console.release_grab()

            shot = tmp_path / "screen.png"
            # The reader thread decodes into the image as updates arrive: wait until the
            # paused guest's whole screen is in, so the two reads below see the same frame.
            await wait_until_matches(vm, lambda: qimage_rgb(console.image()), tolerance=0)
            assert console.save_screenshot(shot)
            saved = qimage_rgb(QImage(str(shot)))
            assert np.array_equal(saved, qimage_rgb(console.image()))
            await console.aclose()

    qloop.run_until_complete(scenario())


def test_address_given_to_the_constructor_connects_once_the_loop_runs(
    qloop: qasync.QEventLoop,
) -> None:
    async def scenario() -> None:
        async with QemuVm(paused=True) as vm:
            widget = ConsoleWidget(vm.vnc_socket)  # not given to qtbot: deleted below
            await until(lambda: widget.connection_state == ConnectionState.CONNECTED)
            client = widget.client
            assert client is not None
            # Qt deletes the widget (its window closed): the session ends with it.
            widget.deleteLater()
            await until(lambda: not client.connected)

    qloop.run_until_complete(scenario())
