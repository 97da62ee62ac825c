"""An asyncio RFB 3.8 client focused on QEMU's VNC server.

One `RfbClient` is one connection. After `connect()` a reader task decodes server messages into
`framebuffer` (a numpy (h, w, 4) uint8 array, B G R A with A = 255) and reports `RfbEvent`s to
listeners. Every pixel is stored opaque as it is decoded, so the framebuffer is a valid 32-bit
0xFFRRGGBB image (QImage::Format_RGB32 on little-endian hosts) at every moment: a viewer can
paint straight from it (give the client an `allocate` that returns memory the viewer paints)
with no per-frame conversion. The RFB pixel format has no alpha and QEMU leaves the padding
byte 0 or whatever the guest wrote, so the bit is or-ed in here, on data that just arrived.

Flow control: only incremental FramebufferUpdateRequests after the first full one, so an idle
guest costs nothing (QEMU answers an incremental request only when something changed); the
next request is sent *before* the current update is decoded, so QEMU encodes the next frame
while we decode this one (pipelining). Large ZRLE rectangles are decoded on a worker thread so
the event loop (the GUI, under qasync) keeps running.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import struct
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime.rfb import protocol as p
from kvmgui.runtime.rfb.address import TcpAddress, VncAddress, VncAddressLike, parse_address
from kvmgui.runtime.rfb.cursor import decode_alpha_cursor, decode_rich_cursor, rich_cursor_sizes
from kvmgui.runtime.rfb.des import vnc_auth_response
from kvmgui.runtime.rfb.errors import RfbAuthError, RfbConnectError, RfbError, RfbProtocolError
from kvmgui.runtime.rfb.events import (
    Bell,
    CursorChanged,
    CursorImage,
    Disconnected,
    FrameUpdated,
    PointerTypeChanged,
    Rect,
    Resized,
    RfbEvent,
)
from kvmgui.runtime.rfb.keymap import KeyCombo, keysym_for_scancode, qemu_keycode
from kvmgui.runtime.rfb.stream import RfbStream
from kvmgui.runtime.rfb.zrle import OPAQUE, ZrleStream, decode_zrle

log = logging.getLogger(__name__)

Listener = Callable[[RfbEvent], None]
# allocate(width, height) → a C-contiguous (height, width, 4) uint8 array for the framebuffer.
Allocator = Callable[[int, int], np.ndarray]
_OPAQUE = np.uint32(OPAQUE)

# ZRLE rectangles at least this large (pixels) are decoded on the worker thread: a 256x256
# area with run-length tiles can take a few milliseconds in Python.
_OFFLOAD_PIXELS = 256 * 256
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
        offload_pixels: int = _OFFLOAD_PIXELS,
        allocate: Allocator | None = None,
    ) -> None:
        """`encodings`: the SetEncodings list (preference order); by default Raw for a unix
        socket and ZRLE for TCP. `shared`: let other viewers stay connected. `allocate`:
        where the framebuffer lives (called at connection and at every resolution change;
        the array must stay valid for as long as anything holds it, e.g. by owning its
        memory); by default a numpy array of the client's own."""
        self._allocator = allocate
        self._password = password
        self._encodings = tuple(encodings) if encodings is not None else None
        self._shared = shared
        self._offload_pixels = offload_pixels
        self._stream: RfbStream | None = None
        self._task: asyncio.Task[None] | None = None
        self._executor: ThreadPoolExecutor | None = None
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

        Listeners run inside the reader task: a FrameUpdated listener may read `framebuffer`
        safely (nothing decodes until it returns) but must not block.
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
        if self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor = None

    async def wait_closed(self) -> Disconnected:
        """Wait until the session ends (server gone, error or close())."""
        await self._done.wait()
        assert self.disconnected is not None
        return self.disconnected

    # -- handshake ----------------------------------------------------------------------------

    async def _read(self, n: int) -> bytes:
        assert self._stream is not None
        data = await self._stream.readexactly(n)
        self.stats.bytes_received += n
        return data

    async def _read_reason(self) -> str:
        (length,) = struct.unpack(">I", await self._read(4))
        return (await self._read(min(length, 4096))).decode("utf-8", "replace")

    async def _handshake(self, addr: VncAddress) -> None:
        assert self._stream is not None
        greeting = await self._read(12)
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
            (count,) = await self._read(1)
            if count == 0:
                reason = await self._read_reason()
                raise RfbConnectError(_refused(reason))
            offered = set(await self._read(count))
            security = self._choose_security(offered)
            self._stream.write(bytes([security]))
        else:
            (security,) = struct.unpack(">I", await self._read(4))
            if security == p.Security.INVALID:
                reason = await self._read_reason()
                raise RfbConnectError(_refused(reason))
            self._choose_security({security})

        if security == p.Security.VNC_AUTH:
            challenge = await self._read(16)
            self._stream.write(vnc_auth_response(self._password or "", challenge))
        if security == p.Security.VNC_AUTH or minor >= 8:
            (result,) = struct.unpack(">I", await self._read(4))
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
        w, h = struct.unpack(">HH", await self._read(4))
        p.PixelFormat.unpack(await self._read(16))  # the server's native format; we set ours
        (name_len,) = struct.unpack(">I", await self._read(4))
        self.name = (await self._read(min(name_len, 4096))).decode("utf-8", "replace")
        self._allocate(w, h)

        encodings = self._encodings
        if encodings is None:
            encodings = p.REMOTE_ENCODINGS if isinstance(addr, TcpAddress) else p.LOCAL_ENCODINGS
        self._stream.write(p.set_pixel_format(p.BGRX_FORMAT) + p.set_encodings(list(encodings)))
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
        try:
            while True:
                (msg,) = await self._read(1)
                if msg == p.ServerMsg.FRAMEBUFFER_UPDATE:
                    await self._framebuffer_update()
                elif msg == p.ServerMsg.SET_COLOUR_MAP_ENTRIES:
                    _first, count = struct.unpack(">xHH", await self._read(5))
                    await self._read(count * 6)  # colour maps: unused with true colour
                elif msg == p.ServerMsg.BELL:
                    self._emit(Bell())
                elif msg == p.ServerMsg.SERVER_CUT_TEXT:
                    (length,) = struct.unpack(">xxxI", await self._read(7))
                    await self._skip(length)  # clipboard sharing is not offered (user's privacy)
                elif msg == p.ServerMsg.QEMU:
                    await self._qemu_message()
                else:
                    raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                        "runtime.rfb.client", "The display sent an unknown message (type {msg})."),
                        msg=msg))
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
            if self._stream is not None:
                self._stream.close()
            self.disconnected = Disconnected(reason, by_client)
            self._done.set()
            self._emit(self.disconnected)

    async def _skip(self, length: int) -> None:
        while length > 0:
            chunk = min(length, _MAX_CUT_TEXT)
            await self._read(chunk)
            length -= chunk

    async def _qemu_message(self) -> None:
        (sub,) = await self._read(1)
        if sub != 1:  # 1 = audio; we never enable it, but tolerate its messages
            raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.client", "The display sent an unknown QEMU message (type {sub})."),
                sub=sub))
        (operation,) = struct.unpack(">H", await self._read(2))
        if operation == 2:
            (length,) = struct.unpack(">I", await self._read(4))
            await self._skip(length)

    async def _framebuffer_update(self) -> None:
        (count,) = struct.unpack(">xH", await self._read(3))
        # Pipelining: QEMU can prepare the next update while we decode this one.
        self._request_update(incremental=True)
        self.stats.updates += 1
        dirty: list[Rect] = []
        for _ in range(count):
            x, y, w, h, enc = struct.unpack(">HHHHi", await self._read(12))
            if enc == p.Encoding.RAW:
                if w and h:
                    self._check_rect(x, y, w, h)
                    await self._read_raw(x, y, w, h)
                    self._count(enc)
                    dirty.append(Rect(x, y, w, h))
            elif enc == p.Encoding.ZRLE:
                (length,) = struct.unpack(">I", await self._read(4))
                data = await self._read(length)
                if w and h:
                    self._check_rect(x, y, w, h)
                    await self._decode_zrle(data, x, y, w, h)
                    self._count(enc)
                    dirty.append(Rect(x, y, w, h))
                else:
                    self._zrle.inflate(data)  # keep the zlib stream in step
            elif enc == p.Encoding.DESKTOP_SIZE:
                self._resize(w, h)
                dirty.clear()
            elif enc == p.Encoding.EXTENDED_DESKTOP_SIZE:
                (screens,) = struct.unpack(">Bxxx", await self._read(4))
                await self._read(16 * screens)
                # QEMU repeats this rectangle after every full update request, so only a new
                # size counts (y is a status, non-zero when a SetDesktopSize was refused).
                if (w, h) != (self.width, self.height):
                    self._resize(w, h)
                    dirty.clear()
            elif enc == p.Encoding.CURSOR:
                n_pixels, n_mask = rich_cursor_sizes(w, h)
                pixels = await self._read(n_pixels)
                mask = await self._read(n_mask)
                self.cursor = decode_rich_cursor(pixels, mask, w, h, x, y)
                self._emit(CursorChanged(self.cursor))
            elif enc == p.Encoding.ALPHA_CURSOR:
                (inner,) = struct.unpack(">i", await self._read(4))
                if inner != p.Encoding.RAW:
                    raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                        "runtime.rfb.client",
                        "The display sent a cursor in an unsupported encoding ({encoding})."),
                        encoding=inner))
                self.cursor = decode_alpha_cursor(await self._read(w * h * 4), w, h, x, y)
                self._emit(CursorChanged(self.cursor))
            elif enc == p.Encoding.POINTER_TYPE_CHANGE:
                self.absolute_pointer = bool(x)
                self._emit(PointerTypeChanged(self.absolute_pointer))
            elif enc == p.Encoding.QEMU_EXTENDED_KEY_EVENT:
                self.ext_key_supported = True
            elif enc == p.Encoding.LED_STATE:
                await self._read(1)
            elif enc == p.Encoding.LAST_RECT:
                break
            else:
                raise RfbProtocolError(Message(QT_TRANSLATE_NOOP(
                    "runtime.rfb.client",
                    "The display sent a rectangle in an encoding kvmgui did not ask for "
                    "({encoding})."), encoding=enc))
        self.stats.rects += len(dirty)
        if dirty:
            self._emit(FrameUpdated(tuple(dirty)))

    async def _read_raw(self, x: int, y: int, w: int, h: int) -> None:
        assert self._stream is not None
        if x == 0 and w == self.width:
            # Full-width rows are contiguous in the framebuffer: the socket writes into it.
            rows = self.framebuffer[y : y + h]
            await self._stream.readinto(rows.data.cast("B"))
            t0 = time.perf_counter()
            pixels = rows.view(np.uint32)
            np.bitwise_or(pixels, _OPAQUE, out=pixels)  # in place, on bytes still in cache
            self.stats.decode_seconds += time.perf_counter() - t0
        else:
            data = await self._stream.readexactly(w * h * 4)
            t0 = time.perf_counter()
            target = self.framebuffer[y : y + h, x : x + w].view(np.uint32)
            np.bitwise_or(np.frombuffer(data, np.uint32).reshape(h, w, 1), _OPAQUE, out=target)
            self.stats.decode_seconds += time.perf_counter() - t0
        self.stats.bytes_received += w * h * 4

    def _count(self, encoding: int) -> None:
        counts = self.stats.rects_by_encoding
        counts[encoding] = counts.get(encoding, 0) + 1

    async def _decode_zrle(self, data: bytes, x: int, y: int, w: int, h: int) -> None:
        t0 = time.perf_counter()
        if w * h >= self._offload_pixels:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="rfb-decode")
            fb = self.framebuffer
            # Inflate on the worker too (zlib releases the GIL); the stream stays in order
            # because we await each rectangle before reading the next.
            await asyncio.get_running_loop().run_in_executor(
                self._executor, lambda: decode_zrle(self._zrle.inflate(data), fb, x, y, w, h)
            )
        else:
            decode_zrle(self._zrle.inflate(data), self.framebuffer, x, y, w, h)
        self.stats.decode_seconds += time.perf_counter() - t0

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

    def _resize(self, w: int, h: int) -> None:
        self._allocate(w, h)
        self._emit(Resized(w, h))
        self._request_update(incremental=False)

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


def _connect_failure(addr: VncAddress, exc: BaseException) -> Message:
    where = str(addr)
    if isinstance(exc, FileNotFoundError):
        return Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.client",
            "No display is listening at {addr}: the VM is probably not running."), addr=where)
    if isinstance(exc, ConnectionRefusedError):
        return Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.client",
            "The display at {addr} refused the connection: the VM is probably not running."),
            addr=where)
    if isinstance(exc, PermissionError):
        return Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.client",
            "kvmgui may not open the display socket {addr} (permission denied)."), addr=where)
    if isinstance(exc, TimeoutError):
        return Message(QT_TRANSLATE_NOOP(
            "runtime.rfb.client", "The display at {addr} did not answer in time."), addr=where)
    return Message(QT_TRANSLATE_NOOP(
        "runtime.rfb.client", "Could not connect to the display at {addr}: {exc}"),
        addr=where, exc=str(exc))
