"""An asyncio RFB 3.8 client focused on QEMU's VNC server.

One `RfbClient` is one connection. After `connect()` a reading thread decodes server messages into
`framebuffer` (a numpy (h, w, 4) uint8 array, B G R A with A = 255) and reports `RfbEvent`s to
listeners. Every pixel is stored opaque as it is decoded, so the framebuffer is a valid 32-bit
0xFFRRGGBB image (QImage::Format_RGB32 on little-endian hosts) at every moment: a viewer can
paint straight from it (give the client an `allocate` that returns memory the viewer paints)
with no per-frame conversion. The RFB pixel format has no alpha and QEMU leaves the padding
byte 0 or whatever the guest wrote, so the bit is or-ed in here, on data that just arrived.

Threads: the greeting runs on the event loop; then a worker thread reads and decodes every
server message with blocking reads (`SocketReader`) and hands the loop one call per message
(the events it produced), so a frame costs the loop one wake-up, not one per socket read and
task step. Everything the client writes, and every listener, stays on the event loop; a new
framebuffer is allocated there too (the allocator may belong to a GUI).

Flow control: only incremental FramebufferUpdateRequests after the first full one, so an idle
guest costs nothing (QEMU answers an incremental request only when something changed). The
next request goes out with the loop's call for the current update: QEMU samples the screen
every 30 ms, long after that. Only before a slow ZRLE decode is it sent at once, so QEMU
encodes the next frame while we decode this one (pipelining).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import struct
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from kvmgui.core.keyboard import qemu_keycode
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template
from kvmgui.runtime.rfb import protocol as p
from kvmgui.runtime.rfb.address import TcpAddress, VncAddress, VncAddressLike, parse_address
from kvmgui.runtime.rfb.clipboard import (
    EXTENDED_CLIPBOARD,
    MAX_TEXT,
    ClipboardChannel,
    parse_server_cut_text,
)
from kvmgui.runtime.rfb.cursor import decode_alpha_cursor, decode_rich_cursor, rich_cursor_sizes
from kvmgui.runtime.rfb.des import vnc_auth_response
from kvmgui.runtime.rfb.errors import RfbAuthError, RfbConnectError, RfbError, RfbProtocolError
from kvmgui.runtime.rfb.events import (
    Bell,
    ClipboardReceived,
    CursorChanged,
    CursorImage,
    Disconnected,
    FrameUpdated,
    PointerTypeChanged,
    Rect,
    Resized,
    RfbEvent,
)
from kvmgui.runtime.rfb.keymap import KeyCombo, keysym_for_scancode
from kvmgui.runtime.rfb.stream import RfbStream, SocketReader
from kvmgui.runtime.rfb.zrle import OPAQUE, ZrleStream, decode_zrle

log = logging.getLogger(__name__)

Listener = Callable[[RfbEvent], None]
# allocate(width, height) → a C-contiguous (height, width, 4) uint8 array for the framebuffer.
Allocator = Callable[[int, int], np.ndarray]
_OPAQUE = np.uint32(OPAQUE)

# Before decoding a ZRLE rectangle at least this large (pixels) the next update is requested
# at once: a 256x256 area with run-length tiles can take a few milliseconds in Python.
_PIPELINE_PIXELS = 256 * 256
_MAX_CUT_TEXT = 1 << 20
_MAX_DIMENSION = 16384


@dataclass
class SessionStats:
    """Counters for benchmarks and diagnostics."""

    updates: int = 0
    rects: int = 0
    bytes_received: int = 0
    decode_seconds: float = 0.0  # time spent decoding pixel rectangles (Raw copy, ZRLE)
    rects_by_encoding: dict[int, int] = field(default_factory=dict)


class RfbClient:
    def __init__(
        self,
        *,
        password: str | None = None,
        encodings: Sequence[int] | None = None,
        shared: bool = True,
        allocate: Allocator | None = None,
        clipboard: bool = False,
    ) -> None:
        """`encodings`: the SetEncodings list (preference order); by default Raw for a unix
        socket and ZRLE for TCP. `shared`: let other viewers stay connected. `allocate`:
        where the framebuffer lives (called at connection and at every resolution change;
        the array must stay valid for as long as anything holds it, e.g. by owning its
        memory); by default a numpy array of the client's own. `clipboard`: share clipboard
        text from the start (see `set_clipboard_sharing`)."""
        self._allocator = allocate
        self._password = password
        self._encodings = tuple(encodings) if encodings is not None else None
        self._shared = shared
        self._sent_encodings: list[int] = []
        self._clipboard = ClipboardChannel(sharing=clipboard)
        self._stream: RfbStream | None = None
        self._reader: SocketReader | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._listeners: list[Listener] = []
        self._zrle = ZrleStream()
        self._keys_down: dict[tuple[str, int], int] = {}
        self._closing = False
        self._done = asyncio.Event()
        self.disconnected: Disconnected | None = None
        self.address: VncAddress | None = None
        self.framebuffer: np.ndarray = np.zeros((0, 0, 4), np.uint8)
        self.name = ""
        self.absolute_pointer = False
        self.ext_key_supported = False
        self.cursor: CursorImage | None = None
        self.stats = SessionStats()

    # -- properties ---------------------------------------------------------------------------

    @property
    def width(self) -> int:
        return int(self.framebuffer.shape[1])

    @property
    def height(self) -> int:
        return int(self.framebuffer.shape[0])

    @property
    def connected(self) -> bool:
        return self._task is not None and not self._task.done()

    # -- listeners ----------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(event)` for every event, on the event loop; returns an unsubscriber.

        Listeners run on the event loop, never on the reading thread; they must not block. A
        FrameUpdated listener may read `framebuffer`: the next incremental update is requested
        only after it returns, so only a slow ZRLE frame can be decoded into it meanwhile.
        """
        self._listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return remove

    async def events(self) -> AsyncIterator[RfbEvent]:
        """Iterate over events until (and including) Disconnected. Consume it promptly: the
        queue behind it is unbounded."""
        queue: asyncio.Queue[RfbEvent] = asyncio.Queue()
        remove = self.add_listener(queue.put_nowait)
        try:
            if self.disconnected is not None:
                yield self.disconnected
                return
            while True:
                event = await queue.get()
                yield event
                if isinstance(event, Disconnected):
                    return
        finally:
            remove()

    def _emit(self, event: RfbEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not end the session
                log.exception("RFB event listener failed")

    # -- connection ---------------------------------------------------------------------------

    async def connect(self, address: VncAddressLike | VncAddress, *, timeout: float = 5.0) -> None:
        """Connect, authenticate and start receiving updates.

        Raises RfbConnectError (nothing listening), RfbAuthError (password needed or refused),
        RfbProtocolError; the client can then be discarded.
        """
        if self._task is not None:
            raise RuntimeError("an RfbClient connects once; create a new one to reconnect")
        addr = parse_address(address)
        self.address = addr
        try:
            loop = asyncio.get_running_loop()
            stream = RfbStream()
            if isinstance(addr, TcpAddress):
                coro = loop.create_connection(lambda: stream, addr.host, addr.port)
            else:
                coro = loop.create_unix_connection(lambda: stream, str(addr.path))
            await asyncio.wait_for(coro, timeout)
            writer = self._stream = stream
        except (OSError, TimeoutError) as exc:
            raise RfbConnectError(_connect_failure(addr, exc)) from exc
        try:
            await asyncio.wait_for(self._handshake(addr), timeout)
        except BaseException as exc:
            writer.close()
            if isinstance(exc, TimeoutError):
                raise RfbConnectError(Message(QT_TRANSLATE_NOOP(
                    "runtime.rfb.client",
                    "The display at {addr} did not answer in time. Is the VM still starting?"),
                    addr=str(addr))) from exc
            if isinstance(exc, asyncio.IncompleteReadError | ConnectionError):
                raise RfbConnectError(Message(QT_TRANSLATE_NOOP(
                    "runtime.rfb.client",
                    "The display at {addr} closed the connection during the greeting; another "
                    "viewer may hold it exclusively."), addr=str(addr))) from exc
            raise
        self._task = asyncio.create_task(self._run(), name=f"rfb-reader {addr}")

    async def close(self) -> None:
        """Disconnect. Idempotent; listeners get Disconnected(by_client=True)."""
        self._closing = True
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        elif self._task is None and self._stream is not None:
            self._stream.close()

    async def wait_closed(self) -> Disconnected:
        """Wait until the session ends (server gone, error or close())."""
        await self._done.wait()
        assert self.disconnected is not None
        return self.disconnected

    # -- handshake ----------------------------------------------------------------------------

    async def _receive(self, n: int) -> bytes:
        assert self._stream is not None
        data = await self._stream.readexactly(n)
        self.stats.bytes_received += n
        return data

    async def _read_reason(self) -> str:
        (length,) = struct.unpack(">I", await self._receive(4))
        return (await self._receive(min(length, 4096))).decode("utf-8", "replace")

    async def _handshake(self, addr: VncAddress) -> None:
        assert self._stream is not None
        greeting = await self._receive(12)
        if not greeting.startswith(b"RFB ") or greeting[7:8] != b".":
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "{addr} is not a VNC display (it greeted with {greeting})."),
                addr=str(addr), greeting=repr(greeting)))
        major, minor = int(greeting[4:7]), int(greeting[8:11])
        if major != 3:
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "The display speaks RFB {major}.{minor}, which kvmgui "
                "cannot."), major=major, minor=minor))
        minor = 8 if minor >= 8 else 7 if minor == 7 else 3
        self._stream.write(b"RFB 003.%03d\n" % minor)

        if minor >= 7:
            (count,) = await self._receive(1)
            if count == 0:
                reason = await self._read_reason()
                raise RfbConnectError(_refused(reason))
            offered = set(await self._receive(count))
            security = self._choose_security(offered)
            self._stream.write(bytes([security]))
        else:
            (security,) = struct.unpack(">I", await self._receive(4))
            if security == p.Security.INVALID:
                reason = await self._read_reason()
                raise RfbConnectError(_refused(reason))
            self._choose_security({security})

        if security == p.Security.VNC_AUTH:
            challenge = await self._receive(16)
            self._stream.write(vnc_auth_response(self._password or "", challenge))
        if security == p.Security.VNC_AUTH or minor >= 8:
            (result,) = struct.unpack(">I", await self._receive(4))
            if result != 0:
                detail = await self._read_reason() if minor >= 8 else ""
                if security == p.Security.VNC_AUTH:
                    raise RfbAuthError(
                        Message(QT_TRANSLATE_NOOP(
                            "runtime.rfb.client",
                            "The display refused the password. Check the VM's display password. "
                            "({detail})"), detail=detail) if detail else
                        Message(QT_TRANSLATE_NOOP(
                            "runtime.rfb.client",
                            "The display refused the password. Check the VM's display password."))
                    )
                raise RfbAuthError(
                    Message(QT_TRANSLATE_NOOP("runtime.rfb.client",
                                              "The display refused the connection. {detail}"),
                            detail=detail) if detail else
                    Message(QT_TRANSLATE_NOOP("runtime.rfb.client",
                                              "The display refused the connection.")))

        self._stream.write(bytes([1 if self._shared else 0]))
        w, h = struct.unpack(">HH", await self._receive(4))
        p.PixelFormat.unpack(await self._receive(16))  # the server's native format; we set ours
        (name_len,) = struct.unpack(">I", await self._receive(4))
        self.name = (await self._receive(min(name_len, 4096))).decode("utf-8", "replace")
        self._allocate(w, h)

        encodings = self._encodings
        if encodings is None:
            encodings = p.REMOTE_ENCODINGS if isinstance(addr, TcpAddress) else p.LOCAL_ENCODINGS
        self._sent_encodings = list(encodings)
        if self._clipboard.sharing:
            self._sent_encodings.append(EXTENDED_CLIPBOARD)
            self._clipboard.advertised = True
        self._stream.write(
            p.set_pixel_format(p.BGRX_FORMAT) + p.set_encodings(self._sent_encodings)
        )
        self._request_update(incremental=False)
        await self._stream.drain()

    def _choose_security(self, offered: set[int]) -> int:
        if p.Security.NONE in offered and (
            self._password is None or p.Security.VNC_AUTH not in offered
        ):
            return p.Security.NONE
        if p.Security.VNC_AUTH in offered:
            if self._password is None:
                raise RfbAuthError(Message(QT_TRANSLATE_NOOP(
                    "runtime.rfb.client", "The display asks for a password.")))
            return p.Security.VNC_AUTH
        raise RfbAuthError(Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.client",
            "The display requires an authentication method kvmgui does not support (types "
            "{types}); use no password or a VNC password."), types=str(sorted(offered))))

    # -- reader -------------------------------------------------------------------------------

    async def _run(self) -> None:
        reason: str = Message(QT_TRANSLATE_NOOP("runtime.rfb.client",
                                                "The display closed the connection."))
        by_client = False
        loop = self._loop = asyncio.get_running_loop()
        assert self._stream is not None
        sock, buffered = self._stream.hand_over()
        reader = self._reader = SocketReader(sock, buffered)
        finished: asyncio.Future[None] = loop.create_future()
        threading.Thread(
            target=self._read_messages, args=(finished,), name="rfb-reader", daemon=True
        ).start()
        try:
            try:
                await asyncio.shield(finished)
            except asyncio.CancelledError:
                reader.stop()
                with contextlib.suppress(BaseException):
                    await finished  # the thread is done with the socket once this is set
                raise
        except asyncio.CancelledError:
            reason, by_client = _disconnected(), True
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            if self._closing:
                reason, by_client = _disconnected(), True
        except RfbError as exc:
            reason = exc.message
        except Exception as exc:  # a decoder bug: report it instead of dying silently
            log.exception("RFB session failed")
            reason = Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "The display connection failed: {exc}"), exc=str(exc))
        finally:
            self._stream.close()
            reader.close()
            self.disconnected = Disconnected(reason, by_client)
            self._done.set()
            self._emit(self.disconnected)

    # -- the reading thread -------------------------------------------------------------------

    def _read_messages(self, finished: asyncio.Future[None]) -> None:
        """The reading thread: decode server messages until the connection ends."""
        try:
            while True:
                self._read_message()
        except BaseException as exc:
            self._call_soon(_settle, finished, exc)

    def _call_soon(self, callback: Callable[..., object], *args: object) -> None:
        assert self._loop is not None
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is listening
            self._loop.call_soon_threadsafe(callback, *args)

    def _post(self, events: list[RfbEvent], request: bool | None = None) -> None:
        """Hand events to the loop in one call; `request`: then ask for the next update
        (True: incremental)."""
        if events or request is not None:
            self._call_soon(self._deliver, events, request)

    def _deliver(self, events: list[RfbEvent], request: bool | None) -> None:
        if request is not None:
            self._request_update(incremental=request)
        for event in events:
            self._emit(event)

    def _on_loop(self, function: Callable[[int, int], None], *args: int) -> None:
        """Run `function` on the event loop and wait for it (from the reading thread)."""
        done: concurrent.futures.Future[None] = concurrent.futures.Future()

        def run() -> None:
            try:
                function(*args)
                done.set_result(None)
            except BaseException as exc:
                done.set_exception(exc)

        self._call_soon(run)
        done.result()

    def _read(self, n: int) -> bytes:
        assert self._reader is not None
        self.stats.bytes_received += n
        return self._reader.readexactly(n)

    def _read_message(self) -> None:
        (msg,) = self._read(1)
        if msg == p.ServerMsg.FRAMEBUFFER_UPDATE:
            self._framebuffer_update()
        elif msg == p.ServerMsg.SET_COLOUR_MAP_ENTRIES:
            _first, count = struct.unpack(">xHH", self._read(5))
            self._read(count * 6)  # colour maps: unused with true colour
        elif msg == p.ServerMsg.BELL:
            self._post([Bell()])
        elif msg == p.ServerMsg.SERVER_CUT_TEXT:
            (length,) = struct.unpack(">xxxi", self._read(7))
            size = abs(length)
            # Read only while the user shares (a bool read across threads is atomic); the loop
            # decides what it means. Larger than any text we accept: skipped unread.
            if self._clipboard.sharing and size <= 2 * MAX_TEXT:
                self._call_soon(self._cut_text, length, self._read(size))
            else:
                self._skip(size)
        elif msg == p.ServerMsg.QEMU:
            self._qemu_message()
        else:
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "The display sent an unknown message (type {msg})."),
                msg=msg))

    def _skip(self, length: int) -> None:
        while length > 0:
            chunk = min(length, _MAX_CUT_TEXT)
            self._read(chunk)
            length -= chunk

    def _qemu_message(self) -> None:
        (sub,) = self._read(1)
        if sub != 1:  # 1 = audio; we never enable it, but tolerate its messages
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "The display sent an unknown QEMU message (type {sub})."),
                sub=sub))
        (operation,) = struct.unpack(">H", self._read(2))
        if operation == 2:
            (length,) = struct.unpack(">I", self._read(4))
            self._skip(length)

    def _framebuffer_update(self) -> None:
        (count,) = struct.unpack(">xH", self._read(3))
        self.stats.updates += 1
        if self.stats.updates == 1:
            self._call_soon(self._first_update)
        dirty: list[Rect] = []
        events: list[RfbEvent] = []
        request: bool | None = True  # what to request with the events (None: already done)
        for _ in range(count):
            x, y, w, h, enc = struct.unpack(">HHHHi", self._read(12))
            if enc == p.Encoding.RAW:
                if w and h:
                    self._check_rect(x, y, w, h)
                    self._read_raw(x, y, w, h)
                    self._count(enc)
                    dirty.append(Rect(x, y, w, h))
            elif enc == p.Encoding.ZRLE:
                (length,) = struct.unpack(">I", self._read(4))
                data = self._read(length)
                if w and h:
                    self._check_rect(x, y, w, h)
                    if request and w * h >= _PIPELINE_PIXELS:
                        self._post([], request)  # QEMU encodes the next while we decode
                        request = None
                    t0 = time.perf_counter()
                    decode_zrle(self._zrle.inflate(data), self.framebuffer, x, y, w, h)
                    self.stats.decode_seconds += time.perf_counter() - t0
                    self._count(enc)
                    dirty.append(Rect(x, y, w, h))
                else:
                    self._zrle.inflate(data)  # keep the zlib stream in step
            elif enc == p.Encoding.DESKTOP_SIZE or (
                enc == p.Encoding.EXTENDED_DESKTOP_SIZE and self._read_screens(w, h)
            ):
                self._on_loop(self._allocate, w, h)
                events.append(Resized(w, h))
                request = False
                dirty.clear()
            elif enc == p.Encoding.CURSOR:
                n_pixels, n_mask = rich_cursor_sizes(w, h)
                pixels = self._read(n_pixels)
                mask = self._read(n_mask)
                self.cursor = decode_rich_cursor(pixels, mask, w, h, x, y)
                events.append(CursorChanged(self.cursor))
            elif enc == p.Encoding.ALPHA_CURSOR:
                (inner,) = struct.unpack(">i", self._read(4))
                if inner != p.Encoding.RAW:
                    raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                        "runtime.rfb.client",
                        "The display sent a cursor in an unsupported encoding ({encoding})."),
                        encoding=inner))
                self.cursor = decode_alpha_cursor(self._read(w * h * 4), w, h, x, y)
                events.append(CursorChanged(self.cursor))
            elif enc == p.Encoding.POINTER_TYPE_CHANGE:
                self.absolute_pointer = bool(x)
                events.append(PointerTypeChanged(self.absolute_pointer))
            elif enc == p.Encoding.QEMU_EXTENDED_KEY_EVENT:
                self.ext_key_supported = True
            elif enc == p.Encoding.LED_STATE:
                self._read(1)
            elif enc == p.Encoding.LAST_RECT:
                break
            elif enc != p.Encoding.EXTENDED_DESKTOP_SIZE:
                raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                    "runtime.rfb.client",
                    "The display sent a rectangle in an encoding kvmgui did not ask for "
                    "({encoding})."), encoding=enc))
        self.stats.rects += len(dirty)
        if dirty:
            events.append(FrameUpdated(tuple(dirty)))
        self._post(events, request)

    def _read_screens(self, w: int, h: int) -> bool:
        """Read an ExtendedDesktopSize rectangle's screens; whether it is a new size. QEMU
        repeats this rectangle after every full update request, so only a new size counts (y
        is a status, non-zero when a SetDesktopSize was refused)."""
        (screens,) = struct.unpack(">Bxxx", self._read(4))
        self._read(16 * screens)
        return (w, h) != (self.width, self.height)

    def _read_raw(self, x: int, y: int, w: int, h: int) -> None:
        assert self._reader is not None
        if x == 0 and w == self.width:
            # Full-width rows are contiguous in the framebuffer: the socket writes into it.
            rows = self.framebuffer[y : y + h]
            self._reader.readinto(rows.data.cast("B"))
            t0 = time.perf_counter()
            pixels = rows.view(np.uint32)
            np.bitwise_or(pixels, _OPAQUE, out=pixels)  # in place, on bytes still in cache
            self.stats.decode_seconds += time.perf_counter() - t0
        else:
            data = self._reader.readexactly(w * h * 4)
            t0 = time.perf_counter()
            target = self.framebuffer[y : y + h, x : x + w].view(np.uint32)
            np.bitwise_or(np.frombuffer(data, np.uint32).reshape(h, w, 1), _OPAQUE, out=target)
            self.stats.decode_seconds += time.perf_counter() - t0
        self.stats.bytes_received += w * h * 4

    def _count(self, encoding: int) -> None:
        counts = self.stats.rects_by_encoding
        counts[encoding] = counts.get(encoding, 0) + 1

    def _check_rect(self, x: int, y: int, w: int, h: int) -> None:
        if x + w > self.width or y + h > self.height:
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client",
                "The display sent a rectangle outside its screen ({w}x{h}+{x}+{y} on "
                "{width}x{height})."), w=w, h=h, x=x, y=y, width=self.width, height=self.height))

    def _allocate(self, w: int, h: int) -> None:
        if not (0 < w <= _MAX_DIMENSION and 0 < h <= _MAX_DIMENSION):
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "The display reported an impossible size ({w}x{h})."),
                w=w, h=h))
        fb = self._allocator(w, h) if self._allocator is not None else np.empty((h, w, 4), np.uint8)
        if fb.shape != (h, w, 4) or fb.dtype != np.uint8 or not fb.flags.c_contiguous:
            raise ValueError(f"allocate({w}, {h}) returned an unusable array {fb.shape}")
        fb.view(np.uint32)[...] = _OPAQUE  # black until the server sends the screen
        self.framebuffer = fb

    # -- client → server ----------------------------------------------------------------------

    def _send(self, data: bytes) -> bool:
        if self._stream is None or self._stream.is_closing() or not self.connected:
            return False
        self._stream.write(data)
        return True

    def _request_update(self, *, incremental: bool) -> None:
        if self._stream is not None and not self._stream.is_closing():
            self._stream.write(
                p.framebuffer_update_request(incremental, 0, 0, self.width, self.height)
            )

    # -- clipboard (on the event loop) -----------------------------------------------------

    @property
    def clipboard_sharing(self) -> bool:
        return self._clipboard.sharing

    def set_clipboard_sharing(self, on: bool) -> None:
        """Share clipboard text from now on, or stop. Turning it on during a session lists the
        extended clipboard in a new SetEncodings (once per connection: QEMU registers a
        client's clipboard each time it sees it). Turning it off sends no more text, withdraws
        host text announced and not yet pasted, and drops what the server sends."""
        for data in self._clipboard.set_sharing(on):
            self._send(data)
        if on and not self._clipboard.advertised and self.connected:
            self._clipboard.advertised = True
            self._sent_encodings.append(EXTENDED_CLIPBOARD)
            self._send(p.set_encodings(self._sent_encodings))

    def send_clipboard_text(self, text: str | None) -> bool:
        """The host clipboard now holds `text` (None: no text); tell the server if shared.
        Returns whether anything was sent (QEMU asks for the text itself when the guest
        pastes)."""
        sent = False
        for data in self._clipboard.host_changed(text):
            sent = self._send(data) or sent
        return sent

    def _cut_text(self, length: int, body: bytes) -> None:
        message = parse_server_cut_text(length, body)
        if message is None:
            return
        replies, text = self._clipboard.from_server(message)
        for data in replies:
            self._send(data)
        if text is not None:
            self._emit(ClipboardReceived(text))

    def _first_update(self) -> None:
        for data in self._clipboard.first_update():
            self._send(data)

    def request_refresh(self) -> None:
        """Ask for the whole screen again (e.g. after a repaint glitch)."""
        self._request_update(incremental=False)

    def send_scancode(self, scancode: int, down: bool, keysym: int = 0) -> bool:
        """Press or release a key by PC/XT scancode (0xE0xx for extended keys).

        Uses QEMU's extended key event when the server supports it (layout-independent);
        otherwise sends `keysym`, or the US-layout keysym of the scancode.
        """
        if self.ext_key_supported:
            sent = self._send(p.qemu_extended_key_event(qemu_keycode(scancode), keysym, down))
        else:
            keysym = keysym or (keysym_for_scancode(scancode) or 0)
            if not keysym:
                return False
            sent = self._send(p.key_event(keysym, down))
        self._track(("sc", scancode), keysym, down)
        return sent

    def send_keysym(self, keysym: int, down: bool) -> bool:
        """Press or release a key by X keysym (the server maps it through its keymap)."""
        sent = self._send(p.key_event(keysym, down))
        self._track(("ks", keysym), keysym, down)
        return sent

    def _track(self, key: tuple[str, int], keysym: int, down: bool) -> None:
        if down:
            self._keys_down[key] = keysym
        else:
            self._keys_down.pop(key, None)

    def release_all_keys(self) -> None:
        """Release every key we pressed and did not release (e.g. when the window loses focus,
        so the guest never sees a key stuck down)."""
        for (kind, code), keysym in list(self._keys_down.items()):
            if kind == "sc":
                self.send_scancode(code, False, keysym)
            else:
                self.send_keysym(code, False)

    def send_combo(self, combo: KeyCombo | Sequence[int]) -> bool:
        """Press keys in order, then release them in reverse (e.g. Ctrl+Alt+Del)."""
        keys = combo.keys if isinstance(combo, KeyCombo) else tuple(combo)
        ok = all([self.send_scancode(sc, True) for sc in keys])
        return all([self.send_scancode(sc, False) for sc in reversed(keys)]) and ok

    def send_pointer(self, x: int, y: int, buttons: int) -> bool:
        """Absolute pointer position in framebuffer pixels (clamped) and button mask."""
        x = min(max(x, 0), max(self.width - 1, 0))
        y = min(max(y, 0), max(self.height - 1, 0))
        return self._send(p.pointer_event(x, y, buttons))

    def send_relative_pointer(self, dx: int, dy: int, buttons: int) -> bool:
        """Relative motion for a guest with a PS/2 mouse (QEMU reads x-0x7FFF as a delta)."""
        limit = p.RELATIVE_POINTER_ORIGIN
        dx = min(max(dx, -limit), limit)
        dy = min(max(dy, -limit), limit)
        return self._send(p.pointer_event(limit + dx, limit + dy, buttons))

    async def drain(self) -> None:
        """Wait until queued input has been handed to the socket."""
        if self._stream is not None and not self._stream.is_closing():
            with contextlib.suppress(ConnectionError):
                await self._stream.drain()


def _refused(reason: str) -> Message:
    # The display's own reason: a value.
    return Message(QT_TRANSLATE_NOOP("runtime.rfb.client",
                                     "The display refused the connection: {reason}"),
                   reason=reason)


def _disconnected() -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.rfb.client", "The console was disconnected."))


# Why a connection failed, by the kind of error, first match wins; {addr} is the display.
_CONNECT_FAILURES: tuple[tuple[type[BaseException], Template], ...] = (
    (FileNotFoundError, QT_TRANSLATE_NOOP(
        "runtime.rfb.client",
        "No display is listening at {addr}: the VM is probably not running.")),
    (ConnectionRefusedError, QT_TRANSLATE_NOOP(
        "runtime.rfb.client",
        "The display at {addr} refused the connection: the VM is probably not running.")),
    (PermissionError, QT_TRANSLATE_NOOP(
        "runtime.rfb.client",
        "kvmgui may not open the display socket {addr} (permission denied).")),
    (TimeoutError, QT_TRANSLATE_NOOP(
        "runtime.rfb.client", "The display at {addr} did not answer in time.")),
)


def _connect_failure(addr: VncAddress, exc: BaseException) -> Message:
    where = str(addr)
    for kind, template in _CONNECT_FAILURES:
        if isinstance(exc, kind):
            return Message(template, addr=where)
    return Message(QT_TRANSLATE_NOOP(
        "runtime.rfb.client", "Could not connect to the display at {addr}: {exc}"),
        addr=where, exc=str(exc))


def _settle(future: asyncio.Future[None], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)
