"""What an RFB session reports to its owner (plain data; no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class CursorImage:
    """A guest cursor shape: `pixels` is (h, w, 4) uint8, B G R A, alpha pre-multiplied
    (QImage::Format_ARGB32_Premultiplied on little-endian hosts)."""

    hot_x: int
    hot_y: int
    pixels: np.ndarray

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


class RfbEvent:
    """Base class of everything a session reports."""

    __slots__ = ()


@dataclass(frozen=True)
class FrameUpdated(RfbEvent):
    """One FramebufferUpdate was decoded; `rects` are the parts of the framebuffer it changed."""

    rects: tuple[Rect, ...]


@dataclass(frozen=True)
class Resized(RfbEvent):
    """The guest changed its resolution; the framebuffer was reallocated (contents black)."""

    width: int
    height: int


@dataclass(frozen=True)
class CursorChanged(RfbEvent):
    """The guest defined a new cursor shape (None: the cursor is hidden)."""

    cursor: CursorImage | None


@dataclass(frozen=True)
class PointerTypeChanged(RfbEvent):
    """True once the guest has an absolute pointing device (USB tablet), False for a mouse."""

    absolute: bool


@dataclass(frozen=True)
class Bell(RfbEvent):
    pass


@dataclass(frozen=True)
class ClipboardReceived(RfbEvent):
    """The guest (or another viewer) copied `text`, and the user shares the clipboard."""

    text: str


@dataclass(frozen=True)
class Disconnected(RfbEvent):
    """The session ended. `reason` is a sentence a user can read; `by_client` is True after
    close()."""

    reason: str
    by_client: bool = False
