"""ZRLE decoding (rfbproto §7.7.6) into a (h, w, 4) B G R A framebuffer (A = 255).

With our pixel format (32 bpp, depth 24, little-endian) a compressed pixel (CPIXEL) is 3 bytes,
B G R. Raw, solid and packed-palette tiles are decoded with numpy; run-length tiles need a
Python loop over the runs (their lengths are variable-length integers), then one np.repeat.
Decoded pixels are opaque (A = 255): the opaque bit is or-ed into the few colours of a tile,
never into every pixel, and the framebuffer is then a valid 0xFFRRGGBB image as it stands.
"""

from __future__ import annotations

import zlib

import numpy as np

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime.rfb.errors import RfbProtocolError

TILE = 64
CPIXEL = 3
OPAQUE = 0xFF000000  # the alpha byte of a B G R A pixel read as a little-endian uint32


class ZrleStream:
    """The zlib stream of one connection: it runs across all ZRLE rectangles, in order."""

    def __init__(self) -> None:
        self._z = zlib.decompressobj()

    def inflate(self, data: bytes) -> bytes:
        try:
            return self._z.decompress(data)
        except zlib.error as exc:
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.zrle", "The display sent corrupt compressed data ({exc})."),
                exc=str(exc))) from exc


def _unpack_indices(packed: np.ndarray, bits: int, width: int) -> np.ndarray:
    """Palette indices from rows of packed `bits`-wide fields, most significant first."""
    if bits == 1:
        return np.unpackbits(packed, axis=1)[:, :width]
    shifts = (6, 4, 2, 0) if bits == 2 else (4, 0)
    parts = [(packed >> s) & ((1 << bits) - 1) for s in shifts]
    return np.stack(parts, axis=2).reshape(packed.shape[0], -1)[:, :width]


def _palette(data: bytes, pos: int, size: int) -> np.ndarray:
    """`size` CPIXELs as uint32 B G R A words (A = 255), ready to store into the framebuffer."""
    if size <= 16:  # cheaper than numpy for the small palettes of text and UI tiles
        return np.array(
            [
                int.from_bytes(data[i : i + CPIXEL], "little") | OPAQUE
                for i in range(pos, pos + size * 3, 3)
            ],
            np.uint32,
        )
    wide = np.full((size, 4), 255, np.uint8)
    wide[:, :CPIXEL] = np.frombuffer(data, np.uint8, size * CPIXEL, pos).reshape(size, CPIXEL)
    return wide.view(np.uint32)[:, 0]


def decode_zrle(data: bytes, fb: np.ndarray, x: int, y: int, w: int, h: int) -> None:
    """Decode the inflated tile data of one rectangle into fb[y:y+h, x:x+w].

    Tiles are written as whole 32-bit pixels (B G R 255) wherever the tile type allows: one
    contiguous store per row is several times faster than writing three of every four bytes.
    """
    fb32 = fb.view(np.uint32)[..., 0]
    pos = 0
    end = len(data)
    try:
        for ty in range(y, y + h, TILE):
            th = min(TILE, y + h - ty)
            for tx in range(x, x + w, TILE):
                tw = min(TILE, x + w - tx)
                tile = fb32[ty : ty + th, tx : tx + tw]
                sub = data[pos]
                pos += 1
                if sub == 0:  # raw CPIXELs
                    n = tw * th * CPIXEL
                    if pos + n > end:
                        raise IndexError
                    pixels = np.frombuffer(data, np.uint8, n, pos).reshape(th, tw, CPIXEL)
                    fb[ty : ty + th, tx : tx + tw, :CPIXEL] = pixels
                    fb[ty : ty + th, tx : tx + tw, CPIXEL] = 255
                    pos += n
                elif sub == 1:  # solid
                    if pos + CPIXEL > end:
                        raise IndexError
                    tile[...] = int.from_bytes(data[pos : pos + CPIXEL], "little") | OPAQUE
                    pos += CPIXEL
                elif sub <= 16:  # packed palette
                    palette = _palette(data, pos, sub)
                    pos += sub * CPIXEL
                    bits = 1 if sub == 2 else 2 if sub <= 4 else 4
                    row_bytes = (tw * bits + 7) // 8
                    n = row_bytes * th
                    if pos + n > end:
                        raise IndexError
                    packed = np.frombuffer(data, np.uint8, n, pos).reshape(th, row_bytes)
                    pos += n
                    tile[...] = palette[_unpack_indices(packed, bits, tw)]
                elif sub == 128:  # plain RLE
                    pos = _plain_rle(data, pos, tile, tw * th)
                elif sub >= 130:  # palette RLE
                    palette = _palette(data, pos, sub - 128)
                    pos += (sub - 128) * CPIXEL
                    pos = _palette_rle(data, pos, tile, tw * th, palette)
                else:
                    raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                        "runtime.rfb.zrle", "The display sent an invalid ZRLE tile (type {sub})."),
                        sub=sub))
    except (IndexError, ValueError) as exc:
        raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.zrle", "The display sent a truncated ZRLE rectangle."))) from exc
    if pos != end:
        raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.zrle", "The display sent a ZRLE rectangle with trailing data.")))


def _run_length(data: bytes, pos: int) -> tuple[int, int]:
    length = 1
    while True:
        b = data[pos]
        pos += 1
        length += b
        if b != 255:
            return length, pos


def _plain_rle(data: bytes, pos: int, tile: np.ndarray, count: int) -> int:
    colours: list[int] = []
    lengths: list[int] = []
    total = 0
    while total < count:
        colours.append(int.from_bytes(data[pos : pos + CPIXEL], "little") | OPAQUE)
        pos += CPIXEL
        length, pos = _run_length(data, pos)
        lengths.append(length)
        total += length
    if total != count or pos > len(data):
        raise IndexError
    tile[...] = np.repeat(np.array(colours, np.uint32), lengths).reshape(tile.shape)
    return pos


def _palette_rle(data: bytes, pos: int, tile: np.ndarray, count: int, palette: np.ndarray) -> int:
    indices: list[int] = []
    lengths: list[int] = []
    total = 0
    while total < count:
        b = data[pos]
        pos += 1
        if b & 0x80:
            length, pos = _run_length(data, pos)
        else:
            length = 1
        indices.append(b & 0x7F)
        lengths.append(length)
        total += length
    if total != count:
        raise IndexError
    tile[...] = np.repeat(palette[np.array(indices, dtype=np.intp)], lengths).reshape(tile.shape)
    return pos
