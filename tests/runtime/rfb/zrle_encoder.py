"""A small ZRLE encoder for tests: it can force each tile subencoding, which QEMU alone would
not exercise on demand."""

from __future__ import annotations

import struct
import zlib

import numpy as np

TILE = 64


def _cpixel(px: np.ndarray) -> bytes:
    return bytes(px[:3])


def _run_length(n: int) -> bytes:
    n -= 1
    return b"\xff" * (n // 255) + bytes([n % 255])


def _palette_of(tile: np.ndarray) -> list[bytes]:
    seen: dict[bytes, None] = {}
    for px in tile.reshape(-1, 4):
        seen.setdefault(_cpixel(px), None)
    return list(seen)


def _runs(flat: list[bytes]) -> list[tuple[bytes, int]]:
    runs: list[tuple[bytes, int]] = []
    for c in flat:
        if runs and runs[-1][0] == c:
            runs[-1] = (c, runs[-1][1] + 1)
        else:
            runs.append((c, 1))
    return runs


def encode_tile(tile: np.ndarray, mode: str) -> bytes:
    """Encode one (h, w, 4) B G R X tile: mode is raw, solid, packed, plain_rle or palette_rle."""
    h, w = tile.shape[:2]
    flat = [_cpixel(px) for px in tile.reshape(-1, 4)]
    if mode == "raw":
        return b"\x00" + b"".join(flat)
    if mode == "solid":
        assert len(set(flat)) == 1
        return b"\x01" + flat[0]
    palette = _palette_of(tile)
    index = {c: i for i, c in enumerate(palette)}
    if mode == "packed":
        size = len(palette)
        assert 2 <= size <= 16
        bits = 1 if size == 2 else 2 if size <= 4 else 4
        out = bytearray([size]) + b"".join(palette)
        for row in range(h):
            acc, nbits = 0, 0
            for col in range(w):
                acc = (acc << bits) | index[flat[row * w + col]]
                nbits += bits
                if nbits == 8:
                    out.append(acc)
                    acc, nbits = 0, 0
            if nbits:
                out.append(acc << (8 - nbits))
        return bytes(out)
    if mode == "plain_rle":
        return b"\x80" + b"".join(c + _run_length(n) for c, n in _runs(flat))
    if mode == "palette_rle":
        size = len(palette)
        assert 2 <= size <= 127
        out = bytearray([128 + size]) + b"".join(palette)
        for c, n in _runs(flat):
            if n == 1:
                out.append(index[c])
            else:
                out.append(index[c] | 0x80)
                out += _run_length(n)
        return bytes(out)
    raise ValueError(mode)


def encode_rect(fb: np.ndarray, x: int, y: int, w: int, h: int, mode: str) -> bytes:
    """The uncompressed tile stream of one rectangle."""
    out = bytearray()
    for ty in range(y, y + h, TILE):
        for tx in range(x, x + w, TILE):
            tile = fb[ty : min(ty + TILE, y + h), tx : min(tx + TILE, x + w)]
            out += encode_tile(tile, mode)
    return bytes(out)


class ZrleWriter:
    """Compresses successive rectangles into one zlib stream, as a server does."""

    def __init__(self) -> None:
        self._z = zlib.compressobj(1)

    def rect_payload(self, tiles: bytes) -> bytes:
        data = self._z.compress(tiles) + self._z.flush(zlib.Z_SYNC_FLUSH)
        return struct.pack(">I", len(data)) + data
