"""Qt key events → PC/XT scancodes (layout-independent) and X keysyms (fallback)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from kvmgui.runtime.rfb.keymap import XKB_KEYCODE_OFFSET, evdev_to_xt, keysym_for_char

Key = Qt.Key

_QT_KEYSYMS: dict[int, int] = {
    Key.Key_Escape: 0xFF1B,
    Key.Key_Tab: 0xFF09,
    Key.Key_Backtab: 0xFF09,
    Key.Key_Backspace: 0xFF08,
    Key.Key_Return: 0xFF0D,
    Key.Key_Enter: 0xFF8D,
    Key.Key_Insert: 0xFF63,
    Key.Key_Delete: 0xFFFF,
    Key.Key_Pause: 0xFF13,
    Key.Key_Print: 0xFF61,
    Key.Key_SysReq: 0xFF15,
    Key.Key_Home: 0xFF50,
    Key.Key_End: 0xFF57,
    Key.Key_Left: 0xFF51,
    Key.Key_Up: 0xFF52,
    Key.Key_Right: 0xFF53,
    Key.Key_Down: 0xFF54,
    Key.Key_PageUp: 0xFF55,
    Key.Key_PageDown: 0xFF56,
    Key.Key_Shift: 0xFFE1,
    Key.Key_Control: 0xFFE3,
    Key.Key_Meta: 0xFFEB,
    Key.Key_Alt: 0xFFE9,
    Key.Key_AltGr: 0xFE03,
    Key.Key_CapsLock: 0xFFE5,
    Key.Key_NumLock: 0xFF7F,
    Key.Key_ScrollLock: 0xFF14,
    Key.Key_Menu: 0xFF67,
    Key.Key_Space: 0x20,
} | {Key.Key_F1 + i: 0xFFBE + i for i in range(24)}

# Platforms whose QKeyEvent.nativeScanCode() is an xkb keycode (evdev + 8).
_XKB_PLATFORMS = ("xcb", "wayland", "wayland-egl")


def native_scancode_offset() -> int | None:
    """What to subtract from nativeScanCode() to get an evdev code; None when the platform's
    native codes are something else (then keys go as keysyms)."""
    if QGuiApplication.platformName() in _XKB_PLATFORMS:
        return XKB_KEYCODE_OFFSET
    return None


def scancode_for(event: QKeyEvent, offset: int | None) -> int | None:
    if offset is None:
        return None
    native = event.nativeScanCode()
    if native <= offset:
        return None
    return evdev_to_xt(native - offset)


def keysym_for(event: QKeyEvent) -> int:
    key = event.key()
    if key in _QT_KEYSYMS:
        return _QT_KEYSYMS[key]
    text = event.text()
    if len(text) == 1 and text.isprintable():
        return keysym_for_char(text)
    # Ctrl+letter gives a control character as text: fall back to the key itself.
    if Key.Key_Space <= key <= Key.Key_AsciiTilde:
        ch = chr(key)
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        return keysym_for_char(ch if shifted else ch.lower())
    return 0
