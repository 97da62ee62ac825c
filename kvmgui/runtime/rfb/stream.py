"""A buffered asyncio protocol that can receive straight into a caller's buffer.

asyncio's StreamReader copies every byte three times (recv into a new bytes object, append to
its buffer, slice out for readexactly) and wakes the reader for every 256 KiB chunk. A full
1920x1080 Raw frame is 8 MiB, 30 times a second. Here the socket's recv_into() writes a large
Raw rectangle directly into the framebuffer (`readinto`), and the reader is woken once, when
the whole rectangle has arrived. Small reads (headers) go through an internal buffer.

While a large read is pending on TCP, SO_RCVLOWAT asks the kernel to report the socket
readable only once a large part of it has arrived: every wake-up of the event loop costs a
few dozen Python calls (under qasync, a Qt socket notifier and a zero timer too), and without
it a frame arrives in a wake-up per few hundred KiB.

After the handshake the client stops the transport's reading and hands the socket to a
`SocketReader` on a worker thread: blocking reads there cost no event-loop wake-up at all, and
the loop hears from the reader once per server message (see client.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import socket

_INITIAL = 1 << 20
_MIN_FREE = 1 << 16
# Stop reading from the socket when this much is buffered and nobody reads it (backpressure).
_HIGH_WATER = 32 << 20
# Wake up for at most this much of a pending large read. The kernel caps it at half of its
# largest TCP receive buffer (3 MiB by default: a whole 1024x768 frame) and grows the buffer
# to hold it.
_LOW_WATER_CAP = 16 << 20


class RfbStream(asyncio.BufferedProtocol):
    def __init__(self) -> None:
        self._buf = bytearray(_INITIAL)
        self._start = 0
        self._end = 0
        self._need = 0
        self._target: memoryview | None = None
        self._target_pos = 0
        self._waiter: asyncio.Future[None] | None = None
        self._eof = False
        self._error: BaseException | None = None
        self._reading_paused = False
        self._writing_paused = False
        self._drain_waiter: asyncio.Future[None] | None = None
        self._low_water: socket.socket | None = None  # a TCP socket whose SO_RCVLOWAT we set
        self._low_water_value = 1
        self.transport: asyncio.Transport | None = None
        self.bytes_received = 0

    # -- protocol callbacks (called by the event loop) ----------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            self._low_water = sock  # unix sockets' poll ignores SO_RCVLOWAT

    def get_buffer(self, sizehint: int) -> memoryview:
        if self._target is not None:
            return self._target[self._target_pos :]
        if len(self._buf) - self._end < _MIN_FREE:
            self._make_room(_MIN_FREE)
        return memoryview(self._buf)[self._end :]

    def buffer_updated(self, nbytes: int) -> None:
        self.bytes_received += nbytes
        if self._target is not None:
            self._target_pos += nbytes
            if self._target_pos >= len(self._target):
                self._target = None
                self._set_low_water(1)
                self._wake()
            else:
                self._set_low_water(len(self._target) - self._target_pos)
            return
        self._end += nbytes
        if self._end - self._start >= self._need:
            self._wake()
        if self._end - self._start > _HIGH_WATER and not self._reading_paused:
            self._reading_paused = True
            assert self.transport is not None
            self.transport.pause_reading()

    def eof_received(self) -> bool:
        self._eof = True
        self._wake()
        return False  # let the transport close itself

    def connection_lost(self, exc: Exception | None) -> None:
        self._eof = True
        self._error = exc
        self._wake()
        if self._drain_waiter is not None and not self._drain_waiter.done():
            self._drain_waiter.set_result(None)

    def pause_writing(self) -> None:
        self._writing_paused = True

    def resume_writing(self) -> None:
        self._writing_paused = False
        if self._drain_waiter is not None and not self._drain_waiter.done():
            self._drain_waiter.set_result(None)

    # -- reading ------------------------------------------------------------------------------

    def _make_room(self, free: int) -> None:
        used = self._end - self._start
        if self._start and used + free <= len(self._buf):
            self._buf[:used] = self._buf[self._start : self._end]
        else:
            new = bytearray(max(len(self._buf) * 2, used + free))
            new[:used] = self._buf[self._start : self._end]
            self._buf = new
        self._start, self._end = 0, used

    def _set_low_water(self, nbytes: int) -> None:
        self._low_water, self._low_water_value = _low_water(
            self._low_water, self._low_water_value, nbytes
        )

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def _wait(self) -> None:
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _consumed(self) -> None:
        if self._start == self._end:
            self._start = self._end = 0
        if self._reading_paused and self._end - self._start <= _HIGH_WATER // 2:
            self._reading_paused = False
            if self.transport is not None and not self.transport.is_closing():
                self.transport.resume_reading()

    def _raise_eof(self, partial: int, expected: int) -> None:
        if isinstance(self._error, Exception):
            raise ConnectionError(str(self._error)) from self._error
        raise asyncio.IncompleteReadError(b"\0" * partial, expected)

    async def readexactly(self, n: int) -> bytes:
        while self._end - self._start < n:
            if self._eof:
                self._raise_eof(self._end - self._start, n)
            self._need = n
            await self._wait()
        data = bytes(self._buf[self._start : self._start + n])
        self._start += n
        self._consumed()
        return data

    async def readinto(self, target: memoryview) -> None:
        """Fill `target` (a writable, contiguous byte view) with the next len(target) bytes."""
        n = len(target)
        have = min(self._end - self._start, n)
        if have:
            target[:have] = self._buf[self._start : self._start + have]
            self._start += have
            self._consumed()
        if have == n:
            return
        if self._eof:
            self._raise_eof(have, n)
        self._target, self._target_pos = target, have
        self._set_low_water(n - have)
        if self._reading_paused and self.transport is not None:
            self._reading_paused = False
            self.transport.resume_reading()
        try:
            while self._target is not None:
                if self._eof:
                    self._raise_eof(self._target_pos, n)
                await self._wait()
        finally:
            self._target = None
            self._set_low_water(1)

    # -- writing ------------------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(data)

    def is_closing(self) -> bool:
        return self.transport is None or self.transport.is_closing()

    async def drain(self) -> None:
        if self._eof and self._error is not None:
            raise ConnectionError(str(self._error))
        if self._writing_paused and not self._eof:
            self._drain_waiter = asyncio.get_running_loop().create_future()
            await self._drain_waiter

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def hand_over(self) -> tuple[socket.socket, bytes]:
        """Stop reading on the event loop; return the socket and what was already received
        but not read, for a `SocketReader`. Writing stays with the transport."""
        assert self.transport is not None
        self.transport.pause_reading()
        self._reading_paused = True
        data = bytes(self._buf[self._start : self._end])
        self._start = self._end = 0
        return self.transport.get_extra_info("socket"), data


class ReaderStopped(ConnectionError):
    """`SocketReader.stop()` was called."""


class SocketReader:
    """Blocking reads of a non-blocking socket, for one worker thread.

    The socket stays non-blocking (the event loop's transport still writes to it): reads wait
    in poll(), which also watches a pipe so that `stop()` interrupts them from any thread.
    The socket is not closed here; close it once the reading thread has finished.
    """

    def __init__(self, sock: socket.socket, buffered: bytes = b"") -> None:
        self._fd = sock.fileno()
        self._buf = bytearray(max(_INITIAL, len(buffered)))
        self._buf[: len(buffered)] = buffered
        self._start, self._end = 0, len(buffered)
        self._wake_r, self._wake_w = os.pipe()
        self._poll = select.poll()
        self._poll.register(self._fd, select.POLLIN)
        self._poll.register(self._wake_r, select.POLLIN)
        is_tcp = sock.family in (socket.AF_INET, socket.AF_INET6)
        self._low_water = sock if is_tcp else None  # unix sockets' poll ignores SO_RCVLOWAT
        self._low_water_value = 1
        self.bytes_received = 0

    def stop(self) -> None:
        """Make the current and every later read raise ReaderStopped (any thread)."""
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"!")

    def close(self) -> None:
        """Release the wake-up pipe (after the reading thread has finished)."""
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _receive(self, view: memoryview) -> int:
        """Wait for data and read what is there into `view` (at least one byte)."""
        while True:
            for fd, _mask in self._poll.poll():
                if fd == self._wake_r:
                    raise ReaderStopped()
            try:
                n = os.readv(self._fd, (view,))
            except BlockingIOError:
                continue
            if n == 0:
                raise asyncio.IncompleteReadError(b"", len(view))
            self.bytes_received += n
            return n

    def _set_low_water(self, nbytes: int) -> None:
        self._low_water, self._low_water_value = _low_water(
            self._low_water, self._low_water_value, nbytes
        )

    def readexactly(self, n: int) -> bytes:
        while self._end - self._start < n:
            if self._start and len(self._buf) - self._start < max(n, _MIN_FREE):
                used = self._end - self._start
                self._buf[:used] = self._buf[self._start : self._end]
                self._start, self._end = 0, used
            if len(self._buf) - self._end < _MIN_FREE or len(self._buf) < n:
                self._buf.extend(bytes(max(n, len(self._buf))))
            self._end += self._receive(memoryview(self._buf)[self._end :])
        data = bytes(self._buf[self._start : self._start + n])
        self._start += n
        if self._start == self._end:
            self._start = self._end = 0
        return data

    def readinto(self, target: memoryview) -> None:
        """Fill `target` (a writable, contiguous byte view) with the next len(target) bytes;
        what is not buffered yet goes from the socket straight into it."""
        n = len(target)
        have = min(self._end - self._start, n)
        if have:
            target[:have] = self._buf[self._start : self._start + have]
            self._start += have
            if self._start == self._end:
                self._start = self._end = 0
        try:
            while have < n:
                self._set_low_water(n - have)
                have += self._receive(target[have:])
        finally:
            self._set_low_water(1)


def _low_water(
    sock: socket.socket | None, current: int, nbytes: int
) -> tuple[socket.socket | None, int]:
    """Set SO_RCVLOWAT for a pending read of `nbytes`; returns the socket (None once the
    option proved unsupported: then wake up for every piece) and the value now set."""
    value = min(nbytes, _LOW_WATER_CAP)
    if sock is None or value == current:
        return sock, current
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVLOWAT, value)
    except OSError:
        return None, current
    return sock, value
