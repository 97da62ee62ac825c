"""Live thumbnails of running guests: a QMP screendump every few seconds, scaled down.

The runtime asks QEMU for the picture (the file is written by QEMU into the VM's private
runtime folder); this module only schedules that, reads the PNG off the Qt thread and hands a
small QImage to the list model. One request per VM at a time, so a slow guest never piles up
screendumps.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage

from kvmgui.runtime.state import VmState
from kvmgui.ui.context import AppContext
from kvmgui.ui.models import VmListModel

log = logging.getLogger(__name__)
THUMB_SIZE = QSize(320, 180)


def scaled_thumbnail(data: bytes) -> QImage | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(
        THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


async def _read(path: Path) -> bytes | None:
    def read() -> bytes | None:
        try:
            return path.read_bytes()
        except OSError:
            return None

    return await asyncio.to_thread(read)


class ThumbnailPoller(QObject):
    def __init__(self, ctx: AppContext, model: VmListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self._busy: set[str] = set()
        self._tasks: set[asyncio.Task[object]] = set()
        self.grabbed = 0  # pictures received (tests and diagnostics)
        self.apply_interval()

    def apply_interval(self) -> None:
        self.timer.setInterval(int(self.ctx.settings.thumbnail_interval_s * 1000))

    def start(self) -> None:
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()
        for task in list(self._tasks):
            task.cancel()

    def tick(self) -> None:
        for row in self.model.rows():
            if row.state is VmState.RUNNING:
                self.refresh_soon(row.vm_id)

    def refresh_soon(self, vm_id: str) -> asyncio.Task[object] | None:
        if vm_id in self._busy or self.ctx.manager is None:
            return None
        self._busy.add(vm_id)
        task = asyncio.ensure_future(self._grab(vm_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _grab(self, vm_id: str) -> QImage | None:
        try:
            image = await self.screenshot(vm_id)
        except asyncio.CancelledError:
            raise
        except Exception:  # a thumbnail is decoration: log it, keep the last one
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
        """A scaled picture of the guest's screen, or None when there is none."""
        controller = self.ctx.controller(vm_id)
        if controller is None:
            return None
        folder = self.ctx.paths.cache_dir / "thumbnails"
        await asyncio.to_thread(folder.mkdir, mode=0o700, parents=True, exist_ok=True)
        target = folder / f"{vm_id[:12]}.png"
        outcome = await controller.screenshot(target)
        if not outcome.ok:
            return None
        data = await _read(Path(outcome.value or target))
        # Decoding and scaling a PNG takes 7-16 ms: off the Qt thread (QImage is thread-safe),
        # or ten running guests stall the UI every round (benches/bench_ui_latency.py).
        return await asyncio.to_thread(scaled_thumbnail, data) if data else None
