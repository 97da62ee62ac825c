"""A focused asyncio RFB 3.8 (VNC) client for QEMU's display server. No Qt.

client = RfbClient()
client.add_listener(on_event)          # FrameUpdated, Resized, CursorChanged, ...
await client.connect(Path(".../vnc.sock"))   # or ("127.0.0.1", 5901)
client.framebuffer                     # numpy (h, w, 4) uint8, B G R X (= QImage RGB32)
client.send_scancode(0x1E, True)       # 'a' down, as a PC/XT scancode
await client.close()
"""

from kvmgui.runtime.rfb.address import TcpAddress, UnixAddress, VncAddress, parse_address
from kvmgui.runtime.rfb.client import RfbClient, SessionStats
from kvmgui.runtime.rfb.errors import RfbAuthError, RfbConnectError, RfbError, RfbProtocolError
from kvmgui.runtime.rfb.events import (
    Bell,
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
