"""A focused asyncio RFB 3.8 (VNC) client for QEMU's display server. No Qt.

Typical use: create an `RfbClient`, `add_listener(callback)` for FrameUpdated, Resized,
CursorChanged, PointerTypeChanged and Disconnected events, then `await connect(address)` with
a unix socket path or a loopback ("127.0.0.1", port). `framebuffer` is a numpy (h, w, 4) uint8
array of opaque B G R A pixels (QImage.Format_RGB32 as it stands). Input goes out with
`send_scancode` (PC/XT scancodes through QEMU's extended key event), `send_keysym`, `send_combo`,
`send_pointer` and `send_relative_pointer`; `await close()` ends the session. Clipboard text
is shared only when the client is made with `clipboard=True` or `set_clipboard_sharing(True)`
is called (ClipboardReceived events, `send_clipboard_text`).
"""

from kvmgui.runtime.rfb.address import TcpAddress, UnixAddress, VncAddress, parse_address
from kvmgui.runtime.rfb.client import RfbClient, SessionStats
from kvmgui.runtime.rfb.errors import RfbAuthError, RfbConnectError, RfbError, RfbProtocolError
from kvmgui.runtime.rfb.events import (
    Bell,
    ClipboardReceived,
    CursorChanged,
    CursorImage,
    Disconnected,
    FrameUpdated,
    PointerTypeChanged,
    Rect,
    Resized,
    RfbEvent,
)
from kvmgui.runtime.rfb.keymap import SEND_KEY_COMBOS, KeyCombo

__all__ = [
    "SEND_KEY_COMBOS",
    "Bell",
    "ClipboardReceived",
    "CursorChanged",
    "CursorImage",
    "Disconnected",
    "FrameUpdated",
    "KeyCombo",
    "PointerTypeChanged",
    "Rect",
    "Resized",
    "RfbAuthError",
    "RfbClient",
    "RfbConnectError",
    "RfbError",
    "RfbEvent",
    "RfbProtocolError",
    "SessionStats",
    "TcpAddress",
    "UnixAddress",
    "VncAddress",
    "parse_address",
]
