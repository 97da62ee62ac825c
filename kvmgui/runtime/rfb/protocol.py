"""RFB 3.8 wire constants and client-message builders (rfbproto.rst; QEMU's ui/vnc.c).

Only what kvmgui's client sends or understands is here. Every builder returns bytes so the
client can write them in one call.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import IntEnum


class Encoding(IntEnum):
    RAW = 0
    COPY_RECT = 1  # QEMU never sends it; listed so a stray one is named in errors
    ZRLE = 16
    # Pseudo-encodings
    CURSOR = -239
    DESKTOP_SIZE = -223
    LAST_RECT = -224
    POINTER_TYPE_CHANGE = -257
    QEMU_EXTENDED_KEY_EVENT = -258
    QEMU_AUDIO = -259
    LED_STATE = -261
    EXTENDED_DESKTOP_SIZE = -308
    ALPHA_CURSOR = -314


class ClientMsg(IntEnum):
    SET_PIXEL_FORMAT = 0
    SET_ENCODINGS = 2
    FRAMEBUFFER_UPDATE_REQUEST = 3
    KEY_EVENT = 4
    POINTER_EVENT = 5
    CLIENT_CUT_TEXT = 6
    QEMU = 255


class ServerMsg(IntEnum):
    FRAMEBUFFER_UPDATE = 0
    SET_COLOUR_MAP_ENTRIES = 1
    BELL = 2
    SERVER_CUT_TEXT = 3
    QEMU = 255


class Security(IntEnum):
    INVALID = 0
    NONE = 1
    VNC_AUTH = 2


QEMU_EXT_KEY_SUBMSG = 0

# Pseudo-encodings every session announces, in order of preference. ExtendedDesktopSize is
# preferred by QEMU over DesktopSize when both are offered.
PSEUDO_ENCODINGS: tuple[int, ...] = (
    Encoding.EXTENDED_DESKTOP_SIZE,
    Encoding.DESKTOP_SIZE,
    Encoding.ALPHA_CURSOR,
    Encoding.CURSOR,
    Encoding.POINTER_TYPE_CHANGE,
    Encoding.QEMU_EXTENDED_KEY_EVENT,
    Encoding.LAST_RECT,
)

# Raw over a local socket: copying bytes is cheaper than any decompression in Python, and the
# socket has bandwidth to spare (measured: 33 full updates/s at 10-15 % of a core).
LOCAL_ENCODINGS: tuple[int, ...] = (Encoding.RAW, *PSEUDO_ENCODINGS)
# ZRLE over TCP: 17 KiB per update instead of 750 KiB for a text screen.
REMOTE_ENCODINGS: tuple[int, ...] = (Encoding.ZRLE, Encoding.RAW, *PSEUDO_ENCODINGS)

# Pointer button mask bits (PointerEvent).
BUTTON_LEFT = 1 << 0
BUTTON_MIDDLE = 1 << 1
BUTTON_RIGHT = 1 << 2
WHEEL_UP = 1 << 3
WHEEL_DOWN = 1 << 4
WHEEL_LEFT = 1 << 5
WHEEL_RIGHT = 1 << 6

# QEMU reads relative motion as offsets from this value once PointerTypeChange is negotiated.
RELATIVE_POINTER_ORIGIN = 0x7FFF


@dataclass(frozen=True)
class PixelFormat:
    bits_per_pixel: int
    depth: int
    big_endian: bool
    true_colour: bool
    red_max: int
    green_max: int
    blue_max: int
    red_shift: int
    green_shift: int
    blue_shift: int

    _STRUCT = struct.Struct(">BBBBHHHBBBxxx")

    def pack(self) -> bytes:
        return self._STRUCT.pack(
            self.bits_per_pixel, self.depth, int(self.big_endian), int(self.true_colour),
            self.red_max, self.green_max, self.blue_max,
            self.red_shift, self.green_shift, self.blue_shift,
        )  # fmt: skip

    @classmethod
    def unpack(cls, data: bytes) -> PixelFormat:
        bpp, depth, be, tc, rmax, gmax, bmax, rs, gs, bs = cls._STRUCT.unpack(data)
        return cls(bpp, depth, bool(be), bool(tc), rmax, gmax, bmax, rs, gs, bs)


# 32 bpp little-endian x8r8g8b8: the bytes are B, G, R, X, which is exactly QImage::Format_RGB32
# on little-endian hosts, so frames go from the socket to the screen without conversion.
BGRX_FORMAT = PixelFormat(32, 24, False, True, 255, 255, 255, 16, 8, 0)


def set_pixel_format(pf: PixelFormat) -> bytes:
    return struct.pack(">Bxxx", ClientMsg.SET_PIXEL_FORMAT) + pf.pack()


def set_encodings(encodings: tuple[int, ...] | list[int]) -> bytes:
    return struct.pack(
        f">BxH{len(encodings)}i", ClientMsg.SET_ENCODINGS, len(encodings), *encodings
    )


def framebuffer_update_request(incremental: bool, x: int, y: int, w: int, h: int) -> bytes:
    return struct.pack(
        ">BBHHHH", ClientMsg.FRAMEBUFFER_UPDATE_REQUEST, int(incremental), x, y, w, h
    )


def key_event(keysym: int, down: bool) -> bytes:
    return struct.pack(">BBxxI", ClientMsg.KEY_EVENT, int(down), keysym)


def qemu_extended_key_event(keycode: int, keysym: int, down: bool) -> bytes:
    """QEMU's key message: `keycode` is an XT scancode, 0xE0-prefixed codes sent as code|0x80."""
    return struct.pack(">BBHII", ClientMsg.QEMU, QEMU_EXT_KEY_SUBMSG, int(down), keysym, keycode)


def pointer_event(x: int, y: int, buttons: int) -> bytes:
    return struct.pack(">BBHH", ClientMsg.POINTER_EVENT, buttons & 0xFF, x, y)
