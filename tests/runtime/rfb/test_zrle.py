"""ZRLE tile decoding: every subencoding, partial tiles, one zlib stream across rectangles."""

from __future__ import annotations

import numpy as np
import pytest

from kvmgui.runtime.rfb.errors import RfbProtocolError
from kvmgui.runtime.rfb.zrle import ZrleStream, decode_zrle
from tests.runtime.rfb.zrle_encoder import ZrleWriter, encode_rect


def _image(h: int, w: int, colours: int, seed: int, runs: bool = False) -> np.ndarray:
    rng = np.random.default_rng(seed)
    palette = rng.integers(0, 256, (colours, 4), dtype=np.uint8)
    if runs:  # horizontal runs of random length: what text and window borders look like
        idx = np.repeat(rng.integers(0, colours, h * w), rng.integers(1, 300, h * w))[: h * w]
    else:
        idx = rng.integers(0, colours, h * w)
    img = palette[idx].reshape(h, w, 4)
    img[..., 3] = 255  # decoded pixels are opaque
    return img


@pytest.mark.parametrize(
    ("mode", "colours", "runs"),
    [
        ("raw", 256, False),
        ("packed", 2, False),
        ("packed", 3, False),
        ("packed", 4, False),
        ("packed", 9, False),
        ("packed", 16, False),
        ("plain_rle", 200, True),
        ("palette_rle", 5, True),
        ("palette_rle", 100, False),
    ],
)
def test_subencodings_decode_exactly(mode: str, colours: int, runs: bool) -> None:
    # 150x90 at (5, 3): full 64x64 tiles plus partial ones on the right and bottom edges.
    src = np.zeros((100, 160, 4), np.uint8)
    x, y, w, h = 5, 3, 150, 90
    src[y : y + h, x : x + w] = _image(h, w, colours, seed=colours, runs=runs)
    payload = encode_rect(src, x, y, w, h, mode)
    fb = np.full_like(src, 7)
    decode_zrle(payload, fb, x, y, w, h)
    np.testing.assert_array_equal(fb[y : y + h, x : x + w], src[y : y + h, x : x + w])
    assert (fb[:y] == 7).all() and (fb[:, :x] == 7).all()  # nothing outside the rectangle


def test_solid_tiles() -> None:
    src = np.zeros((64, 128, 4), np.uint8)
    src[:, :64] = (10, 20, 30, 255)
    src[:, 64:] = (40, 50, 60, 255)
    fb = np.zeros_like(src)
    decode_zrle(encode_rect(src, 0, 0, 128, 64, "solid"), fb, 0, 0, 128, 64)
    np.testing.assert_array_equal(fb, src)


def test_one_zlib_stream_spans_rectangles() -> None:
    src = _image(64, 64, 6, seed=1)
    writer, stream = ZrleWriter(), ZrleStream()
    fb = np.zeros_like(src)
    for x, y, w, h in ((0, 0, 32, 64), (32, 0, 32, 64)):
        payload = writer.rect_payload(encode_rect(src, x, y, w, h, "palette_rle"))
        decode_zrle(stream.inflate(payload[4:]), fb, x, y, w, h)
    np.testing.assert_array_equal(fb, src)


def test_truncated_and_invalid_data_raise_protocol_errors() -> None:
    src = _image(64, 64, 256, seed=2)
    payload = encode_rect(src, 0, 0, 64, 64, "raw")
    fb = np.zeros_like(src)
    with pytest.raises(RfbProtocolError):
        decode_zrle(payload[:-10], fb, 0, 0, 64, 64)
    with pytest.raises(RfbProtocolError):
        decode_zrle(payload + b"\0", fb, 0, 0, 64, 64)
    with pytest.raises(RfbProtocolError):
        decode_zrle(b"\x11" + payload[1:], fb, 0, 0, 64, 64)  # subencoding 17 is unused
    with pytest.raises(RfbProtocolError):
        ZrleStream().inflate(b"not zlib at all")
