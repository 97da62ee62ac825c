"""The QImage the console paints, fed from the RFB client's numpy framebuffer.

The QImage owns its memory: decoded rectangles are copied into it (a memcpy of the dirty area,
about 2 ms for a full 1080p frame). Wrapping the numpy array in a QImage instead would tie the
image to the array's lifetime, and Qt could still paint from the array after Python freed it
(a prototype crashed that way at exit).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QImageWriter

from kvmgui.runtime.rfb.events import Rect

_OPAQUE = np.uint32(0xFF000000)


class FrameImage:
    def __init__(self) -> None:
        self.image = QImage()

    @property
    def size(self) -> tuple[int, int]:
        return self.image.width(), self.image.height()

    def resize(self, width: int, height: int) -> None:
        self.image = QImage(width, height, QImage.Format.Format_RGB32)
        self.image.fill(Qt.GlobalColor.black)

    def clear(self) -> None:
        self.image = QImage()

    def copy_rects(self, framebuffer: np.ndarray, rects: Iterable[Rect]) -> None:
        """Copy rectangles of a (h, w, 4) B G R X framebuffer, forcing alpha to 0xFF as
        Format_RGB32 requires."""
        h, w = framebuffer.shape[:2]
        if (w, h) != self.size:
            self.resize(w, h)
            rects = (Rect(0, 0, w, h),)
        if w == 0 or h == 0:
            return
        src = framebuffer.view(np.uint32).reshape(h, w)
        bpl = self.image.bytesPerLine()
        dst = np.frombuffer(self.image.bits(), np.uint32).reshape(h, bpl // 4)
        for r in rects:
            area = (slice(r.y, r.y + r.h), slice(r.x, r.x + r.w))
            np.bitwise_or(src[area], _OPAQUE, out=dst[area])

    def copy_all(self, framebuffer: np.ndarray) -> None:
        h, w = framebuffer.shape[:2]
        self.copy_rects(framebuffer, (Rect(0, 0, w, h),))


def save_png(image: QImage, path: str) -> bool:
    """Write `image` as PNG whatever the file name's suffix."""
    writer = QImageWriter(path)
    writer.setFormat(QByteArray(b"png"))
    return bool(writer.write(image))
