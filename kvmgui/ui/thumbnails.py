"""Live thumbnails of running guests: a QMP screendump every few seconds (a libvirt
connection's domain: virDomainScreenshot), scaled down.

The runtime asks QEMU for the picture (written by QEMU into the VM's private runtime folder,
read back and removed there); this module only schedules that, decodes the PNG off the Qt
thread and hands a small QImage to the list model. One request per VM at a time, so a slow
guest never piles up screendumps.

Idle guests cost next to nothing: only VMs whose card (or table row) is on screen are asked,
nothing at all while the window is hidden, minimised or shows a console; a picture whose bytes
were seen lately (a blinking cursor alternates two) is not decoded again, and one identical to
the picture shown is not handed to the model, so the views repaint nothing
(benches/bench_grid.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage

from kvmgui.runtime.state import VmState
from kvmgui.ui.context import AppContext
from kvmgui.ui.models import VmListModel

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)
THUMB_SIZE = QSize(320, 180)
RECENT_PICTURES = 3

# The VMs whose picture is on screen now; None: every VM (no view to ask).
VisibleIds = Callable[[], Iterable[str] | None]


def scaled_thumbnail(data: bytes) -> QImage | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(
        THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class ThumbnailPoller(QObject):
    def __init__(
        self,
        ctx: AppContext,
        model: VmListModel,
        parent: QObject | None = None,
        *,
        visible_ids: VisibleIds | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.visible_ids = visible_ids
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        # A card scrolled into view (or the list shown again) gets its picture without
        # waiting for the next round; bursts of scrolling make one tick.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(250)
        self._soon.timeout.connect(self.tick)
        self._busy: set[str] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        # Per VM, its last pictures by digest, the most recent last.
        self._recent: dict[str, dict[bytes, QImage]] = {}
        self.grabbed = 0  # pictures received (tests and diagnostics)
        self.unchanged = 0  # pictures identical to the one shown (tests and diagnostics)
        self.apply_interval()

    def apply_interval(self) -> None:
        self.timer.setInterval(int(self.ctx.settings.thumbnail_interval_s * 1000))

    def start(self) -> None:
        self.timer.start()
        self.tick()

    def tick_soon(self) -> None:
        """Look again shortly at which pictures are on screen (while polling runs)."""
        if self.timer.isActive():
            self._soon.start()

    def stop(self) -> None:
        self.timer.stop()
        self._soon.stop()
        for task in list(self._tasks):
            task.cancel()

    def tick(self) -> None:
        shown = self.visible_ids() if self.visible_ids is not None else None
        wanted = set(shown) if shown is not None else None
        for row in self.model.rows():
            if row.state is not VmState.RUNNING:
                self._recent.pop(row.vm_id, None)  # the next start shows fresh pictures
            elif wanted is None or row.vm_id in wanted:
                self.refresh_soon(row.vm_id)

    def refresh_soon(self, vm_id: str) -> asyncio.Task[object] | None:
        if vm_id in self._busy or self.ctx.manager is None:
            return None
        self._busy.add(vm_id)
        # Imported here for start-up cost: the main window is painted before asyncio is loaded.
        import asyncio

        task = asyncio.ensure_future(self._grab(vm_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _grab(self, vm_id: str) -> QImage | None:
        try:
            image = await self.screenshot(vm_id)
        except Exception:  # a thumbnail is decoration: log it, keep the last one
            # (a CancelledError is no Exception: a cancelled grab goes on being cancelled)
            log.debug("thumbnail of %s failed", vm_id, exc_info=True)
            return None
        finally:
            self._busy.discard(vm_id)
        row = self.model.get(vm_id)
        if image is not None and row is not None and row.state.is_active:
            self.grabbed += 1
            self.model.update(vm_id, thumbnail=image)
        return image

    async def screenshot(self, vm_id: str) -> QImage | None:
        """A scaled picture of the guest's screen; None when there is none or when it is the
        picture already shown (the list keeps that one)."""
        shown = self.model.get(vm_id)
        if shown is not None and shown.is_libvirt:
            # A libvirt connection's domain: virDomainScreenshot through its connection.
            data: object = await self.ctx.libvirt_hosts.screenshot(shown.connection, shown.name)
        else:
            controller = self.ctx.controller(vm_id)
            if controller is None:
                return None
            outcome = await controller.screen_png()
            data = outcome.value if outcome.ok else None
        if not isinstance(data, bytes) or not data:
            return None
        # QEMU encodes the same screen into the same bytes: an unchanged screen is found
        # without decoding it. The last few pictures are kept decoded, because a text screen
        # with a blinking cursor alternates between two.
        import hashlib  # loads OpenSSL: not before the window's first paint

        digest = hashlib.blake2b(data, digest_size=16).digest()
        recent = self._recent.setdefault(vm_id, {})
        row = self.model.get(vm_id)
        known = recent.pop(digest, None)
        if known is not None:
            recent[digest] = known  # the most recent last
            if row is not None and row.thumbnail is known:
                self.unchanged += 1
                return None
            return known
        # Decoding and scaling a PNG takes 7-16 ms: off the Qt thread (QImage is thread-safe),
        # or ten running guests stall the UI every round (benches/bench_ui_latency.py).
        import asyncio  # see refresh_soon

        image = await asyncio.to_thread(scaled_thumbnail, data)
        if image is not None:
            recent[digest] = image
            while len(recent) > RECENT_PICTURES:
                del recent[next(iter(recent))]
        return image
