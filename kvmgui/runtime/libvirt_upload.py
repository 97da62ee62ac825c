"""Uploading a local file into a new volume of a libvirt storage pool.

libvirt's volume upload (virStorageVolUpload) sends the bytes over the connection's own
stream, so it works the same for qemu:///system and a remote qemu+ssh:// host, and libvirt
writes the file with the pool's owner, permissions and labels. Holes of the local file are
sent as holes (a sparse stream) where the binding and the daemon allow it, so a mostly empty
disk image costs what it holds, not its size.

The stream is blocking: it is fed from a worker thread (LibvirtConnection.run) and its
progress is handed to the event loop. Cancelling the coroutine stops the feeding at the next
chunk, aborts the stream and removes the volume it made: nothing is left on the host.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from kvmgui.core.choices import DiskFormat
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import VIR_ERR_INVALID_ARG, VIR_ERR_NO_SUPPORT, LibvirtError
from kvmgui.runtime.libvirt_storage import VolumeInfo, create_volume, delete_volume, volumes

R = TypeVar("R")

# (bytes done, bytes in all), called on the event loop's thread.
Progress = Callable[[int, int], None]

# Progress is reported at most this often (seconds), besides at the start and at the end.
_REPORT_EVERY_S = 0.2
# A volume still held by its aborted stream is released by the daemon shortly after.
_DELETE_TRIES = 20
_DELETE_PAUSE_S = 0.25


class _Stopped(Exception):
    """The upload was cancelled; raised inside the stream's read callback."""


class _Feeder:
    """Reads the local file for the stream, counting what was sent (holes included)."""

    def __init__(self, fd: int, total: int, stop: threading.Event,
                 report: Callable[[int], None]) -> None:
        self.fd = fd
        self.total = total
        self.done = 0
        self._stop = stop
        self._report = report
        self._last = 0.0

    def _advance(self, count: int) -> None:
        if self._stop.is_set():
            raise _Stopped
        self.done += count
        now = time.monotonic()
        if now - self._last >= _REPORT_EVERY_S or (count and self.done >= self.total):
            self._last = now
            self._report(self.done)

    def read(self, _stream: Any, count: int, _opaque: object) -> bytes:
        if self._stop.is_set():
            raise _Stopped
        data = os.read(self.fd, count)
        self._advance(len(data))
        return data

    def skip(self, _stream: Any, length: int, _opaque: object) -> int:
        position = os.lseek(self.fd, length, os.SEEK_CUR)
        self._advance(length)
        return position

    def hole(self, _stream: Any, _opaque: object) -> tuple[bool, int]:
        """(in data, length of the section) at the current position; the end of the file is
        an empty hole, which ends the transfer."""
        here = os.lseek(self.fd, 0, os.SEEK_CUR)
        try:
            data = os.lseek(self.fd, here, os.SEEK_DATA)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
            return False, max(self.total - here, 0)  # a trailing hole, or the end
        # Both seeks move the file's position; the stream reads or skips from `here`.
        hole = os.lseek(self.fd, data, os.SEEK_HOLE)
        os.lseek(self.fd, here, os.SEEK_SET)
        if data > here:
            return False, data - here
        return True, hole - data


async def upload_volume(connection: LibvirtConnection, pool: str, name: str, source: Path,
                        progress: Progress | None = None) -> VolumeInfo:
    """Copy `source` byte for byte into a new volume `name` of `pool`; the volume made.

    Raises LibvirtError when the pool already has a volume of that name (it is never
    touched) or the upload fails; on failure or cancellation the new volume is removed.
    """
    total = source.stat().st_size
    # A raw volume of the file's exact length, which the upload then fills: libvirt
    # recognises a qcow2 (or any other) image from its content when it refreshes the pool
    # after the upload, and nothing of a header libvirt would write itself is left behind.
    creating = asyncio.ensure_future(
        create_volume(connection, pool, name, max(total, 1), DiskFormat.RAW))
    try:
        made = await settle(creating, lambda: None)
    except asyncio.CancelledError:
        if creating.done() and not creating.cancelled() and creating.exception() is None:
            await remove_volume(connection, pool, name)
        raise
    stop = threading.Event()
    loop = asyncio.get_running_loop()

    def report(done: int) -> None:
        if progress is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closed
                loop.call_soon_threadsafe(progress, done, total)

    if progress is not None:
        progress(0, total)
    sending = asyncio.ensure_future(connection.run(
        lambda conn: _send(conn, connection.binding, pool, name, source, total, stop, report)))
    try:
        await settle(sending, stop.set)
        found = [v for v in await volumes(connection, pool) if v.name == name]
    except BaseException:
        await remove_volume(connection, pool, name)
        raise
    return found[0] if found else made


async def settle(task: asyncio.Future[R], on_cancel: Callable[[], None]) -> R:
    """`task`'s result. A libvirt call in a worker thread cannot be interrupted, so when the
    caller is cancelled meanwhile, `on_cancel` asks the work to stop early and the
    cancellation goes on only once the work has ended (what it made can then be removed)."""
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        if not task.done():
            on_cancel()
            await asyncio.wait([task])
        if not task.cancelled():
            task.exception()  # retrieved: the cancellation is what the caller sees
        raise


def _send(conn: Any, libvirt: Any, pool: str, name: str, source: Path, total: int,
          stop: threading.Event, report: Callable[[int], None]) -> None:
    """The upload itself, in a worker thread."""
    vol = conn.storagePoolLookupByName(pool).storageVolLookupByName(name)
    sparse_flag = getattr(libvirt, "VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM", None)
    with source.open("rb") as handle:
        feeder = _Feeder(handle.fileno(), total, stop, report)
        stream = conn.newStream(0)
        try:
            sparse = False
            if sparse_flag is not None and hasattr(stream, "sparseSendAll"):
                try:
                    vol.upload(stream, 0, total, sparse_flag)
                    sparse = True
                except libvirt.libvirtError as exc:
                    # An older daemon without sparse streams: a plain one instead.
                    if exc.get_error_code() not in (VIR_ERR_NO_SUPPORT, VIR_ERR_INVALID_ARG):
                        raise
                    stream = conn.newStream(0)
            if sparse:
                stream.sparseSendAll(feeder.read, feeder.hole, feeder.skip, None)
            else:
                vol.upload(stream, 0, total, 0)
                stream.sendAll(feeder.read, None)
            stream.finish()
        except BaseException:
            with contextlib.suppress(libvirt.libvirtError):
                stream.abort()
            raise
    if feeder.done != total:  # the file changed size meanwhile: the end is reported anyway
        report(total)


async def remove_volume(connection: LibvirtConnection, pool: str, name: str) -> None:
    """Delete volume `name`, waiting for the daemon to let go of an aborted upload's volume;
    runs to its end even when the caller is cancelled again."""

    async def remove() -> None:
        for attempt in range(_DELETE_TRIES):
            try:
                await delete_volume(connection, pool, name)
                return
            except LibvirtError:
                if attempt == _DELETE_TRIES - 1:
                    raise
                await asyncio.sleep(_DELETE_PAUSE_S)

    await run_to_end(remove())


async def run_to_end(work: Coroutine[Any, Any, None]) -> None:
    """Await `work` (a clean-up) to its end even when the caller is cancelled meanwhile; the
    cancellation goes on afterwards."""
    task = asyncio.ensure_future(work)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait([task])
        raise
