"""Console pieces without a VM: key translation, image copies, geometry, window and tool bar."""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import pytest
import qasync
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kvmgui.runtime.rfb import Rect
from kvmgui.runtime.rfb.keymap import SEND_KEY_COMBOS
from kvmgui.ui.console import ConsoleWidget, ConsoleWindow, VmDisplayState, reconnect_delay
from kvmgui.ui.console.image import FrameImage
from kvmgui.ui.console.keys import keysym_for, scancode_for
from kvmgui.ui.console.send_keys import combo_label

Mod = Qt.KeyboardModifier


def key(k: int, text: str = "", mods: Mod = Mod.NoModifier, native: int = 0) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, k, mods, native, 0, 0, text)


def test_reconnect_backoff_is_quick_then_capped() -> None:
    delays = [reconnect_delay(n) for n in range(1, 9)]
    assert delays[0] <= 0.25 and delays == sorted(delays) and max(delays) == 5.0


@pytest.mark.parametrize(
    ("event", "keysym"),
    [
        (key(Qt.Key.Key_A, "a"), ord("a")),
        (key(Qt.Key.Key_A, "A", Mod.ShiftModifier), ord("A")),
        (key(Qt.Key.Key_A, "\x01", Mod.ControlModifier), ord("a")),  # Ctrl+A: text is ^A
        (key(Qt.Key.Key_Return, "\r"), 0xFF0D),
        (key(Qt.Key.Key_F5), 0xFFC2),
        (key(Qt.Key.Key_Control, "", Mod.ControlModifier), 0xFFE3),
        (key(Qt.Key.Key_Eacute, "é"), 0xE9),
        (key(0, "€"), 0x010020AC),
    ],
)
def test_keysyms(event: QKeyEvent, keysym: int) -> None:
    assert keysym_for(event) == keysym


def test_scancodes_from_xkb_keycodes() -> None:
    assert scancode_for(key(Qt.Key.Key_A, "a", native=30 + 8), 8) == 0x1E
    assert scancode_for(key(Qt.Key.Key_Delete, native=111 + 8), 8) == 0xE053
    assert scancode_for(key(Qt.Key.Key_A, "a", native=38), None) is None  # not an xkb platform
    assert scancode_for(key(Qt.Key.Key_A, "a", native=0), 8) is None


def test_combo_labels() -> None:
    labels = [combo_label(c) for c in SEND_KEY_COMBOS]
    assert labels[:2] == ["Ctrl+Alt+Del", "Ctrl+Alt+Backspace"]
    assert "Ctrl+Alt+F12" in labels and labels[-1] == "Print Screen"


def test_frame_image_copies_rects_and_makes_pixels_opaque() -> None:
    fb = np.zeros((4, 6, 4), np.uint8)
    fb[1:3, 2:5] = (10, 20, 30, 0)  # B G R X with X = 0, as QEMU sends it
    frame = FrameImage()
    frame.copy_rects(fb, [Rect(0, 0, 6, 4)])
    assert frame.size == (6, 4)
    assert frame.image.pixel(3, 2) == 0xFF1E140A  # ARGB: opaque, R=30 G=20 B=10
    fb[0, 0] = (1, 2, 3, 0)
    fb[3, 5] = (4, 5, 6, 0)
    frame.copy_rects(fb, [Rect(0, 0, 1, 1)])  # only the dirty rectangle is copied
    assert frame.image.pixel(0, 0) == 0xFF030201 and frame.image.pixel(5, 3) == 0xFF000000


def test_frame_image_is_the_framebuffer_and_outlives_being_replaced() -> None:
    frame = FrameImage()
    fb = frame.allocate(6, 4)  # what the RFB client decodes into
    assert frame.size == (6, 4) and frame.image.pixel(5, 3) == 0xFF000000  # black, opaque
    fb[2, 3] = (10, 20, 30, 255)
    assert frame.image.pixel(3, 2) == 0xFF1E140A  # no copy: the image is that memory
    assert frame.owns(fb) and not frame.owns(fb[1:3])  # only the whole framebuffer
    frame.copy_rects(fb, [Rect(0, 0, 6, 4)])  # its own memory: nothing to copy
    rows = fb[1:3]
    frame.allocate(8, 8)  # a new resolution; a decoder may still write the old rows
    frame.clear()
    del fb
    gc.collect()
    rows[...] = 7  # still valid memory: the rows keep their image alive
    assert not frame.owns(rows) and frame.image.isNull()


def test_pointer_mapping_in_fit_and_one_to_one(qtbot: QtBot) -> None:
    widget = ConsoleWidget()
    qtbot.addWidget(widget)
    widget._frame.resize(800, 600)  # a guest screen without a connection
    widget.resize(400, 400)  # fit: scaled by 0.5, letterboxed vertically (50 px bands)
    assert widget.to_guest(QPointF(0, 50)) == (0, 0)
    assert widget.to_guest(QPointF(200, 200)) == (400, 300)
    assert widget.to_guest(QPointF(399, 349.9)) == (798, 599)
    assert widget.to_guest(QPointF(-10, 1000)) == (0, 599)  # clamped
    widget.set_fit_to_window(False)
    assert widget.minimumSize().toTuple() == (800, 600)  # a scroll area around it scrolls
    widget.resize(1000, 800)  # 1:1, centred
    assert widget.to_guest(QPointF(100, 100)) == (0, 0)
    assert widget.to_guest(QPointF(150, 130)) == (50, 30)


def test_states_are_described_for_everyone(qtbot: QtBot) -> None:
    widget = ConsoleWidget()
    qtbot.addWidget(widget)
    assert "No screen connected" in widget.accessibleDescription()
    widget.set_vm_state(VmDisplayState.NO_DISPLAY)
    assert "no screen that kvmgui can show" in widget.accessibleDescription()
    widget.set_vm_state("stopped")
    assert "not running" in widget.accessibleDescription()
    assert widget.accessibleName() == "Virtual machine screen"
    assert not widget.save_screenshot("/nonexistent/x.png")  # nothing to save yet


def test_window_tool_bar_and_attach(qtbot: QtBot) -> None:
    window = ConsoleWindow(vm_name="debian")
    qtbot.addWidget(window)
    window.show()
    bar = window.toolbar
    assert "debian" in window.windowTitle()
    for action in (bar.fit_action, bar.fullscreen_action, bar.send_keys_action,
                   bar.screenshot_action, bar.dock_action):  # fmt: skip
        button = bar.widgetForAction(action)
        assert button is not None and button.accessibleName(), action.text()
    assert not bar.send_keys_action.isEnabled()  # nothing connected
    bar.fit_action.setChecked(False)
    assert not window.console.fit_to_window()
    window.console.set_fit_to_window(True)
    assert bar.fit_action.isChecked()
    bar.fullscreen_action.setChecked(True)
    assert window.isFullScreen() and window.statusBar().isHidden() and bar.isHidden()
    assert window.fullscreen_bar.is_active() and window.fullscreen_bar.isVisible()
    window.fullscreen_bar.leave_action.trigger()  # the revealed bar's button, F11 or Esc
    assert not window.isFullScreen() and not bar.isHidden()
    assert not bar.fullscreen_action.isChecked() and not window.fullscreen_bar.isVisible()
    with qtbot.waitSignal(window.attachRequested):
        window.close()  # closing a detached console puts it back
    console = window.take_console()
    assert console is window.console and window.scroll_area.widget() is None


def test_embedded_tool_bar_offers_detach(qtbot: QtBot) -> None:
    from kvmgui.ui.console import ConsoleToolBar

    console = ConsoleWidget()
    qtbot.addWidget(console)
    bar = ConsoleToolBar(console)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.detachRequested):
        bar.dock_action.trigger()
    with qtbot.waitSignal(bar.fullscreenToggled) as blocker:
        console.fullscreenRequested.emit()  # Ctrl+Alt+F inside the console
    assert blocker.args == [True]


def test_screenshot_folder_error_and_confirmation(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qloop: qasync.QEventLoop
) -> None:
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "user-dirs.dirs").write_text('XDG_PICTURES_DIR="$HOME/Bilder"\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    window = ConsoleWindow(vm_name="debian")
    qtbot.addWidget(window)
    window.show()
    window.console._frame.resize(64, 48)  # a (black) guest screen without a connection
    bar = window.toolbar
    dialog = bar.choose_screenshot_file()
    assert dialog is not None and dialog.isVisible()
    # The default place is the user's pictures folder, created when missing.
    chosen = Path(dialog.selectedFiles()[0])
    assert chosen.parent == home / "Bilder" and chosen.parent.is_dir()
    assert chosen.name.startswith("debian-") and chosen.suffix == ".png"

    # A place that cannot be written: the save dialog comes back, with the reason over it.
    bad = tmp_path / "missing" / "x.png"
    dialog.selectFile(str(bad))
    dialog.accept()
    assert bar.save_task is not None  # the write guard looks at the target first
    qloop.run_until_complete(bar.save_task)
    again = bar.save_dialog
    assert again is not None and again is not dialog and again.isVisible()
    assert Path(again.selectedFiles()[0]) == home / "Bilder" / "x.png"
    box = bar.error_box
    assert box is not None and box.isVisible() and str(bad.parent) in box.text()
    box.accept()

    # Saved: the status bar says where.
    good = tmp_path / "shot.png"
    with qtbot.waitSignal(bar.screenshotSaved):
        again.selectFile(str(good))
        again.accept()
        qloop.run_until_complete(bar.save_task)
    assert good.stat().st_size > 0
    assert str(good) in window.statusBar().currentMessage()


def test_console_without_a_connection_never_keeps_the_keyboard(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    console = ConsoleWidget(parent=host)
    other = QPushButton("other", host)
    layout.addWidget(console)
    layout.addWidget(other)
    host.show()
    console.setFocus()
    qtbot.waitUntil(console.hasFocus)
    assert not console.is_grabbed() and not console.hint_visible()
    QTest.keyClick(console, Qt.Key.Key_Tab)  # not grabbed: Tab moves on
    assert other.hasFocus()
