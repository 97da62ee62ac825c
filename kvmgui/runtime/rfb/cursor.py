"""Cursor pseudo-encodings → CursorImage (B G R A, alpha pre-multiplied)."""

from __future__ import annotations

import numpy as np

from kvmgui.runtime.rfb.events import CursorImage


def rich_cursor_sizes(w: int, h: int) -> tuple[int, int]:
    """Byte counts of the pixel data and of the 1-bit mask of a Cursor (-239) rectangle."""
    return w * h * 4, ((w + 7) // 8) * h


def decode_rich_cursor(
    pixels: bytes, mask: bytes, w: int, h: int, hot_x: int, hot_y: int
) -> CursorImage | None:
    """Cursor (-239): pixels in our B G R X format plus a bitmask (1 = opaque, MSB first)."""
    if w == 0 or h == 0:
        return None
    img = np.frombuffer(pixels, np.uint8).reshape(h, w, 4).copy()
    bits = np.unpackbits(np.frombuffer(mask, np.uint8).reshape(h, (w + 7) // 8), axis=1)[:, :w]
    opaque = bits.astype(bool)
    img[..., 3] = np.where(opaque, 255, 0)
    img[~opaque] = 0  # pre-multiplied: a transparent pixel is all zero
    return CursorImage(hot_x, hot_y, img)


def decode_alpha_cursor(data: bytes, w: int, h: int, hot_x: int, hot_y: int) -> CursorImage | None:
    """AlphaCursor (-314) with Raw payload: 32-bit A R G B words (B G R A bytes), pre-multiplied
    as rfbproto specifies."""
    if w == 0 or h == 0:
        return None
    img = np.frombuffer(data, np.uint8).reshape(h, w, 4).copy()
    return CursorImage(hot_x, hot_y, img)
