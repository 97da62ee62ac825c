"""RfbClient against a scripted server: message layout, pipelining, pseudo-encodings QEMU's std
VGA never sends (cursors), and error paths. The real-QEMU tests are in test_client_qemu.py."""

from __future__ import annotations

import asyncio
import struct
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest
import pytest_asyncio

from kvmgui.runtime.rfb import (
    CursorChanged,
    Disconnected,
    FrameUpdated,
    PointerTypeChanged,
    Rect,
    Resized,
    RfbAuthError,
    RfbClient,
    RfbConnectError,
    RfbEvent,
    protocol as p,
)
from kvmgui.runtime.rfb.des import vnc_auth_response
from kvmgui.runtime.rfb.keymap import COMBOS_BY_NAME

pytestmark = pytest.mark.asyncio


class FakeServer:
    """Accepts one client on a unix socket; the test drives the server side by hand."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="kvc-fake-")) / "vnc.sock"
        self._conn: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = (
            asyncio.get_running_loop().create_future()
        )
        self.r: asyncio.StreamReader
        self.w: asyncio.StreamWriter

    async def start(self) -> None:
        async def on_client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            self._conn.set_result((r, w))

        self._server = await asyncio.start_unix_server(on_client, str(self.path))

    async def accept(self) -> None:
        self.r, self.w = await asyncio.wait_for(self._conn, 5)

    async def read(self, n: int) -> bytes:
        return await asyncio.wait_for(self.r.readexactly(n), 5)

    async def greet(self, security: bytes = b"\x01", result: bool = True) -> None:
        await self.accept()
        self.w.write(b"RFB 003.008\n")
        assert await self.read(12) == b"RFB 003.008\n"
        self.w.write(bytes([len(security)]) + security)
        if not security:
            return
        chosen = (await self.read(1))[0]
        if chosen == p.Security.VNC_AUTH:
            self.challenge = bytes(range(100, 116))
            self.w.write(self.challenge)
            self.response = await self.read(16)
        if result:
            self.w.write(struct.pack(">I", 0))

    async def init(self, w: int = 4, h: int = 2) -> tuple[bytes, list[int], bytes]:
        """ServerInit; returns the client's SetPixelFormat, encodings and first request."""
        assert (await self.read(1)) == b"\x01"  # shared
        self.w.write(
            struct.pack(">HH", w, h) + p.BGRX_FORMAT.pack() + struct.pack(">I", 4) + b"test"
        )
        pixel_format = await self.read(20)
        head = await self.read(4)
        (count,) = struct.unpack(">xxH", head)
        encodings = list(struct.unpack(f">{count}i", await self.read(4 * count)))
        request = await self.read(10)
        return pixel_format, encodings, request

    def update(self, *rects: bytes, count: int | None = None) -> None:
        n = len(rects) if count is None else count
        self.w.write(struct.pack(">BxH", 0, n) + b"".join(rects))

    async def close(self) -> None:
        self._server.close()
        if self._conn.done():
            self._conn.result()[1].close()


def rect(x: int, y: int, w: int, h: int, enc: int, payload: bytes = b"") -> bytes:
    return struct.pack(">HHHHi", x, y, w, h, enc) + payload


@pytest_asyncio.fixture
async def server() -> AsyncIterator[FakeServer]:
    srv = FakeServer()
    await srv.start()
    yield srv
    await srv.close()


async def connected(server: FakeServer, **kwargs: object) -> tuple[RfbClient, list[RfbEvent]]:
    client = RfbClient(**kwargs)  # type: ignore[arg-type]
    events: list[RfbEvent] = []
    client.add_listener(events.append)
    task = asyncio.create_task(client.connect(server.path))
    await server.greet()
    server.init_result = await server.init()  # type: ignore[attr-defined]
    await task
    return client, events


async def until(predicate: object, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def test_handshake_sets_bgrx_format_encodings_and_one_full_request(
    server: FakeServer,
) -> None:
    client, _ = await connected(server)
    pixel_format, encodings, request = server.init_result  # type: ignore[attr-defined]
    assert pixel_format == p.set_pixel_format(p.BGRX_FORMAT)
    assert encodings == list(p.LOCAL_ENCODINGS)  # unix socket: Raw first
    assert request == p.framebuffer_update_request(False, 0, 0, 4, 2)
    assert (client.width, client.height, client.name) == (4, 2, "test")
    await client.close()


async def test_next_request_goes_out_with_the_decoded_update(server: FakeServer) -> None:
    client, events = await connected(server)
    # The request goes out in the loop's one call for the frame, before its listeners: QEMU
    # has it long before its next 30 ms sample, with no extra wake-up of the loop.
    server.update(rect(0, 0, 2, 1, p.Encoding.RAW, bytes([1, 2, 3, 0, 4, 5, 6, 0])))
    assert await server.read(10) == p.framebuffer_update_request(True, 0, 0, 4, 2)
    await until(lambda: any(isinstance(e, FrameUpdated) for e in events))
    assert client.framebuffer[0, :2, :3].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert events[-1] == FrameUpdated((Rect(0, 0, 2, 1),))
    await client.close()


async def test_cursor_pseudo_encodings(server: FakeServer) -> None:
    client, events = await connected(server)
    pixels = bytes([10, 20, 30, 0, 40, 50, 60, 0, 70, 80, 90, 0, 1, 2, 3, 0])
    mask = bytes([0b10000000, 0b01000000])  # (0,0) and (1,1) opaque
    server.update(rect(1, 0, 2, 2, p.Encoding.CURSOR, pixels + mask))
    await until(lambda: any(isinstance(e, CursorChanged) for e in events))
    cursor = client.cursor
    assert cursor is not None and (cursor.hot_x, cursor.hot_y, cursor.width) == (1, 0, 2)
    assert cursor.pixels[..., 3].tolist() == [[255, 0], [0, 255]]
    assert cursor.pixels[0, 1].tolist() == [0, 0, 0, 0]  # transparent = zero, pre-multiplied
    assert cursor.pixels[1, 1, :3].tolist() == [1, 2, 3]

    argb = bytes([1, 2, 3, 128] * 4)
    server.update(rect(0, 0, 2, 2, p.Encoding.ALPHA_CURSOR, struct.pack(">i", 0) + argb))
    await until(lambda: sum(isinstance(e, CursorChanged) for e in events) == 2)
    assert client.cursor is not None and client.cursor.pixels[..., 3].tolist() == [[128, 128]] * 2
    await client.close()


async def test_desktop_size_reallocates_and_asks_for_the_whole_new_screen(
    server: FakeServer,
) -> None:
    client, events = await connected(server)
    server.update(rect(0, 0, 8, 6, p.Encoding.DESKTOP_SIZE))
    assert await server.read(10) == p.framebuffer_update_request(False, 0, 0, 8, 6)
    assert Resized(8, 6) in events and client.framebuffer.shape == (6, 8, 4)
    # QEMU repeats ExtendedDesktopSize after every full request: the same size is no resize.
    screens = struct.pack(">Bxxx", 1) + struct.pack(">IHHHHI", 0, 0, 0, 8, 6, 0)
    server.update(rect(0, 0, 8, 6, p.Encoding.EXTENDED_DESKTOP_SIZE, screens))
    server.update(rect(0, 0, 9, 7, p.Encoding.EXTENDED_DESKTOP_SIZE, screens))
    await until(lambda: Resized(9, 7) in events)
    assert sum(isinstance(e, Resized) for e in events) == 2
    await client.close()


async def test_pixels_are_stored_opaque_in_the_callers_memory(server: FakeServer) -> None:
    allocated: list[np.ndarray] = []

    def allocate(w: int, h: int) -> np.ndarray:
        allocated.append(np.full((h, w, 4), 9, np.uint8))
        return allocated[-1]

    client, events = await connected(server, allocate=allocate)
    assert client.framebuffer is allocated[0]
    assert (client.framebuffer == (0, 0, 0, 255)).all()  # black and opaque before any update
    server.update(
        rect(0, 0, 4, 1, p.Encoding.RAW, bytes([1, 2, 3, 0] * 4)),  # whole rows: read in place
        rect(1, 1, 2, 1, p.Encoding.RAW, bytes([4, 5, 6, 77] * 2)),  # part of a row: copied
    )
    await until(lambda: any(isinstance(e, FrameUpdated) for e in events))
    assert client.framebuffer[0].tolist() == [[1, 2, 3, 255]] * 4
    assert client.framebuffer[1].tolist() == [[0, 0, 0, 255]] + [[4, 5, 6, 255]] * 2 + [
        [0, 0, 0, 255]
    ]
    await client.close()


async def test_last_rect_ends_an_update_of_unknown_length(server: FakeServer) -> None:
    client, events = await connected(server)
    server.update(
        rect(0, 0, 1, 1, p.Encoding.RAW, b"\x09\x08\x07\x00"),
        rect(0, 0, 0, 0, p.Encoding.LAST_RECT),
        count=0xFFFF,
    )
    server.w.write(bytes([p.ServerMsg.BELL]))
    server.update(
        rect(1, 0, 0, 0, p.Encoding.POINTER_TYPE_CHANGE),
        rect(0, 0, 4, 2, p.Encoding.QEMU_EXTENDED_KEY_EVENT),
    )
    await until(lambda: any(isinstance(e, PointerTypeChanged) for e in events))
    assert client.framebuffer[0, 0, :3].tolist() == [9, 8, 7]
    assert client.absolute_pointer and client.ext_key_supported
    await client.close()
    assert isinstance(events[-1], Disconnected) and events[-1].by_client


async def test_unrequested_encoding_ends_the_session_with_a_reason(server: FakeServer) -> None:
    client, _ = await connected(server)
    server.update(rect(0, 0, 1, 1, 5))  # Hextile: never requested
    reason = await asyncio.wait_for(client.wait_closed(), 5)
    assert "encoding kvmgui did not ask for (5)" in reason.reason and not reason.by_client


async def test_server_closing_is_reported(server: FakeServer) -> None:
    client, _ = await connected(server)
    server.w.close()
    reason = await asyncio.wait_for(client.wait_closed(), 5)
    assert reason.reason == "The display closed the connection." and not client.connected


async def test_key_and_pointer_messages(server: FakeServer) -> None:
    client, _ = await connected(server)
    # Without the QEMU extension: keysyms (US layout for bare scancodes).
    assert client.send_scancode(0x1E, True)  # 'a'
    assert await server.read(8) == p.key_event(ord("a"), True)
    client.release_all_keys()
    assert await server.read(8) == p.key_event(ord("a"), False)
    # With it: raw scancodes, E0 codes as code|0x80.
    server.update(rect(0, 0, 4, 2, p.Encoding.QEMU_EXTENDED_KEY_EVENT))
    await server.read(10)
    await until(lambda: client.ext_key_supported)
    client.send_combo(COMBOS_BY_NAME["ctrl-alt-del"])
    sent = [struct.unpack(">BBHII", await server.read(12)) for _ in range(6)]
    assert [(s[2], s[4]) for s in sent] == [
        (1, 0x1D), (1, 0x38), (1, 0xD3), (0, 0xD3), (0, 0x38), (0, 0x1D)
    ]  # fmt: skip
    client.send_pointer(10, -5, p.BUTTON_LEFT)  # clamped to the 4x2 screen
    assert await server.read(6) == p.pointer_event(3, 0, 1)
    client.send_relative_pointer(-3, 4, 0)
    assert await server.read(6) == p.pointer_event(0x7FFF - 3, 0x7FFF + 4, 0)
    await client.close()
    assert not client.send_pointer(0, 0, 0)  # after close: dropped, not raised


async def test_security_failures_are_readable(server: FakeServer) -> None:
    client = RfbClient()
    task = asyncio.create_task(client.connect(server.path))
    await server.accept()
    server.w.write(b"RFB 003.008\n")
    await server.read(12)
    server.w.write(b"\x00" + struct.pack(">I", 11) + b"Too many!!!")
    with pytest.raises(RfbConnectError, match="refused the connection: Too many"):
        await task


async def test_password_required(server: FakeServer) -> None:
    task = asyncio.create_task(RfbClient().connect(server.path))
    await server.accept()
    server.w.write(b"RFB 003.008\n\x01\x02")
    with pytest.raises(RfbAuthError, match="asks for a password"):
        await task


async def test_unsupported_security_type(server: FakeServer) -> None:
    task = asyncio.create_task(RfbClient().connect(server.path))
    await server.accept()
    server.w.write(b"RFB 003.008\n\x01\x10")  # Tight security only
    with pytest.raises(RfbAuthError, match="does not support"):
        await task


async def test_vnc_authentication(server: FakeServer) -> None:
    client = RfbClient(password="s3cret")
    task = asyncio.create_task(client.connect(server.path))
    await server.greet(security=b"\x02", result=False)
    assert server.response == vnc_auth_response("s3cret", server.challenge)
    server.w.write(struct.pack(">II", 1, 6) + b"denied")
    with pytest.raises(RfbAuthError, match="refused the password"):
        await task


async def test_connecting_to_nothing_says_the_vm_is_not_running(tmp_path: Path) -> None:
    with pytest.raises(RfbConnectError, match="VM is probably not running"):
        await RfbClient().connect(tmp_path / "missing.sock")


async def test_events_iterator_ends_with_disconnected(server: FakeServer) -> None:
    client, _ = await connected(server)
    seen: list[RfbEvent] = []

    async def consume() -> None:
        async for event in client.events():
            seen.append(event)

    consumer = asyncio.ensure_future(consume())
    await asyncio.sleep(0)
    server.update(rect(0, 0, 1, 1, p.Encoding.RAW, b"\x01\x02\x03\x00"))
    await until(lambda: bool(seen))
    server.w.close()
    await asyncio.wait_for(consumer, 5)  # the iterator ends by itself
    assert isinstance(seen[0], FrameUpdated) and isinstance(seen[-1], Disconnected)
