"""The QImage the console paints, which is also the RFB client's framebuffer.

`FrameImage.allocate` is the client's allocator: it makes a Format_RGB32 QImage and hands the
client a numpy array over that image's own pixels. The client decodes straight into it (its
pixels are already opaque B G R A, which is Format_RGB32), so a frame goes from the socket to
the screen with no copy and no conversion in the UI.

Lifetimes, which crashed earlier designs (a QImage over a numpy buffer outlived the buffer):
- the QImage owns the memory, and the array handed out holds a reference to that QImage, as
  does every view sliced from it; the memory is freed only when neither the QImage nor any
  array over it is left, whichever goes first (a decoder thread may still hold the array of a
  frame the widget has already replaced);
- the array is taken once, from a QImage nobody else shares, and nothing calls a non-const
  method of the QImage afterwards, so Qt never detaches it from that memory; readers take
  copies (`image.copy()`) or paint it;
- a new resolution gets a new QImage and array; the old ones are dropped, never resized.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage, QImageWriter

from kvmgui.runtime.rfb.events import Rect
from kvmgui.ui.i18n import translate

_OPAQUE = np.uint32(0xFF000000)
_BLACK = _OPAQUE


class ImagePixels(np.ndarray):
    """A (h, w, 4) uint8 array over a QImage's pixels that keeps that QImage alive."""

    image: QImage | None = None

    def __array_finalize__(self, obj: object) -> None:
        # Views (rows, rectangles, dtype views) carry the reference along.
        self.image = getattr(obj, "image", None)


class FrameImage:
    def __init__(self) -> None:
        self.image = QImage()
        self._pixels: ImagePixels | None = None

    @property
    def size(self) -> tuple[int, int]:
        return self.image.width(), self.image.height()

    def allocate(self, width: int, height: int) -> np.ndarray:
        """A black Format_RGB32 image of this size; returns the array over its pixels (the
        RFB client's allocator)."""
        image = QImage(width, height, QImage.Format.Format_RGB32)
        if image.isNull():
            raise MemoryError(translate(
                "ConsoleWidget",
                "There is not enough memory to show a {0}×{1} screen; close other programs, "
                "then reconnect.",
            ).format(width, height))
        # bits() of an image that is not shared returns its own memory without a copy.
        flat = np.frombuffer(image.bits(), np.uint8, height * image.bytesPerLine())
        rows = flat.reshape(height, image.bytesPerLine())[:, : width * 4]
        pixels = rows.reshape(height, width, 4).view(ImagePixels)
        pixels.image = image
        pixels.view(np.uint32)[...] = _BLACK
        self.image, self._pixels = image, pixels
        return pixels

    def owns(self, framebuffer: np.ndarray) -> bool:
        """Whether `framebuffer` is the memory of the image shown now (then nothing to copy)."""
        pixels = self._pixels
        return (
            pixels is not None
            and isinstance(framebuffer, ImagePixels)
            and framebuffer.image is pixels.image
            and framebuffer.shape == pixels.shape
        )

    def resize(self, width: int, height: int) -> None:
        self.allocate(width, height)

    def clear(self) -> None:
        self.image, self._pixels = QImage(), None

    def copy_rects(self, framebuffer: np.ndarray, rects: Iterable[Rect]) -> None:
        """Copy rectangles of a (h, w, 4) B G R X framebuffer that is not this image's own
        memory, forcing alpha to 0xFF as Format_RGB32 requires."""
        h, w = framebuffer.shape[:2]
        if (w, h) != self.size or self._pixels is None:
            self.allocate(w, h)
            rects = (Rect(0, 0, w, h),)
        if w == 0 or h == 0 or self.owns(framebuffer):
            return
        assert self._pixels is not None
        src = framebuffer.view(np.uint32)
        dst = self._pixels.view(np.uint32)
        for r in rects:
            area = (slice(r.y, r.y + r.h), slice(r.x, r.x + r.w))
            np.bitwise_or(src[area], _OPAQUE, out=dst[area])


def save_png(image: QImage, path: str) -> bool:
    """Write `image` as PNG whatever the file name's suffix."""
    writer = QImageWriter(path)
    writer.setFormat(QByteArray(b"png"))
    return bool(writer.write(image))
