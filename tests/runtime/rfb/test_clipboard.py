"""Clipboard text over RFB: the message bytes, the channel's decisions, and the client against
a scripted server that records every byte the client sends. The real-QEMU round trip is in
test_client_qemu_clipboard.py."""

from __future__ import annotations

import asyncio
import struct
import zlib

import pytest

from kvmgui.runtime.rfb import ClipboardReceived, RfbClient, protocol as p
from kvmgui.runtime.rfb.clipboard import (
    EXTENDED_CLIPBOARD,
    MAX_TEXT,
    ClipboardChannel,
    Flag,
    caps_message,
    client_cut_text,
    notify_message,
    parse_server_cut_text,
    provide_text_message,
    provided_text,
    request_text_message,
)
from tests.runtime.rfb.test_client_protocol import FakeServer, connected, rect, server, until

__all__ = ["server"]  # the fixture, imported for the tests below

H = bytes.fromhex

# What QEMU 7.2's VNC server sends (ui/vnc-clipboard.c), byte for byte.
QEMU_CAPS = H("03000000 fffffff8 1b000001 00000000")
QEMU_NOTIFY_TEXT = H("03000000 fffffffc 08000001")
QEMU_REQUEST_TEXT = H("03000000 fffffffc 02000001")
# "héllo\r\nwörld" from a Windows guest's agent: size 14, then UTF-8, deflated.
_PROVIDE_Z = H("789c636060e0cb38bc3227279f97abfcf0b6a29c140031db0673")
QEMU_PROVIDE_TEXT = (
    H("03000000") + struct.pack(">i", -(4 + len(_PROVIDE_Z))) + H("10000001") + _PROVIDE_Z
)

# What the client sends.
CLIENT_CAPS = H("06000000 fffffff8 1b000001 00100000")
CLIENT_NOTIFY_TEXT = H("06000000 fffffffc 08000001")
CLIENT_NOTIFY_EMPTY = H("06000000 fffffffc 08000000")
CLIENT_REQUEST_TEXT = H("06000000 fffffffc 02000001")


def server_message(data: bytes):  # type: ignore[no-untyped-def]
    (length,) = struct.unpack(">i", data[4:8])
    message = parse_server_cut_text(length, data[8:])
    assert message is not None
    return message


# -- bytes ------------------------------------------------------------------------------------


def test_pseudo_encoding_is_0xc0a1e5ce() -> None:
    assert struct.pack(">i", EXTENDED_CLIPBOARD) == H("c0a1e5ce")


def test_client_messages_byte_for_byte() -> None:
    assert caps_message() == CLIENT_CAPS
    assert notify_message(True) == CLIENT_NOTIFY_TEXT
    assert notify_message(False) == CLIENT_NOTIFY_EMPTY
    assert request_text_message() == CLIENT_REQUEST_TEXT
    assert client_cut_text("café €") == H("06000000 00000006") + b"caf\xe9 ?"


def test_provide_is_a_deflated_size_and_utf8_without_nul() -> None:
    data = provide_text_message("€ 5")
    assert data[:4] == H("06000000")
    (length, flags) = struct.unpack(">iI", data[4:12])
    assert length == -(len(data) - 8) and flags == Flag.PROVIDE | Flag.TEXT
    assert zlib.decompress(data[12:]) == H("00000005") + "€ 5".encode()


def test_qemus_provide_is_read_with_lf_line_ends() -> None:
    assert provided_text(server_message(QEMU_PROVIDE_TEXT)) == "héllo\nwörld"


@pytest.mark.parametrize(
    "payload",
    [
        b"not zlib",
        zlib.compress(b"\x00\x00"),  # shorter than its size field
        zlib.compress(b"\x00\x00\x00\x09short"),  # says 9 bytes, holds 5
        zlib.compress(struct.pack(">I", MAX_TEXT + 1) + b"x" * (MAX_TEXT + 1)),
    ],
)
def test_damaged_or_huge_provides_give_no_text(payload: bytes) -> None:
    message = parse_server_cut_text(-(4 + len(payload)), H("10000001") + payload)
    assert message is not None
    assert provided_text(message) is None


def test_a_zlib_bomb_is_inflated_only_as_far_as_the_text() -> None:
    payload = zlib.compress(struct.pack(">I", 8) + b"x" * (64 * MAX_TEXT))
    assert len(payload) < 128 * 1024
    message = parse_server_cut_text(-(4 + len(payload)), H("10000001") + payload)
    assert message is not None
    assert provided_text(message) == "x" * 8


def test_an_extended_message_without_flags_is_ignored() -> None:
    assert parse_server_cut_text(-2, b"\x00\x00") is None


# -- the channel's decisions ------------------------------------------------------------------


def test_off_sends_nothing_and_drops_guest_text() -> None:
    channel = ClipboardChannel()
    assert channel.host_changed("secret") == []
    for data in (QEMU_NOTIFY_TEXT, QEMU_REQUEST_TEXT, QEMU_PROVIDE_TEXT):
        assert channel.from_server(server_message(data)) == ([], None)
    assert channel.from_server(parse_server_cut_text(3, b"abc")) == ([], None)  # type: ignore[arg-type]
    assert channel.first_update() == []


def test_on_the_full_extended_exchange() -> None:
    channel = ClipboardChannel(sharing=True, advertised=True)
    # Host text before the server's caps waits for them; then caps, then the notify.
    assert channel.host_changed("from host") == []
    assert channel.from_server(server_message(QEMU_CAPS)) == (
        [CLIENT_CAPS, CLIENT_NOTIFY_TEXT],
        None,
    )
    # The text leaves only when QEMU asks (the guest pastes).
    out, text = channel.from_server(server_message(QEMU_REQUEST_TEXT))
    assert text is None and len(out) == 1
    assert provided_text(server_message(b"\x03" + out[0][1:])) == "from host"
    # The guest copies: QEMU notifies, the client asks, QEMU provides.
    assert channel.from_server(server_message(QEMU_NOTIFY_TEXT)) == ([CLIENT_REQUEST_TEXT], None)
    assert channel.from_server(server_message(QEMU_PROVIDE_TEXT)) == ([], "héllo\nwörld")
    # Putting it on the host clipboard reports it back: not news for the guest.
    assert channel.host_changed("héllo\nwörld") == []
    assert channel.host_changed(None) == [CLIENT_NOTIFY_EMPTY]
    # A request while the host holds no text is not answered with text.
    assert channel.from_server(server_message(QEMU_REQUEST_TEXT)) == ([], None)


def test_turning_off_withdraws_announced_text() -> None:
    channel = ClipboardChannel(sharing=True, advertised=True)
    channel.from_server(server_message(QEMU_CAPS))
    assert channel.host_changed("announced") == [CLIENT_NOTIFY_TEXT]
    assert channel.set_sharing(False) == [CLIENT_NOTIFY_EMPTY]
    assert channel.from_server(server_message(QEMU_REQUEST_TEXT)) == ([], None)
    assert channel.host_changed("later") == []
    assert channel.set_sharing(True) == []
    assert channel.host_changed("again") == [CLIENT_NOTIFY_TEXT]


def test_a_server_without_the_extension_gets_classic_latin1() -> None:
    channel = ClipboardChannel(sharing=True, advertised=True)
    assert channel.host_changed("über") == []
    assert channel.first_update() == [client_cut_text("über")]
    assert channel.host_changed("next") == [client_cut_text("next")]
    assert channel.from_server(parse_server_cut_text(5, b"gr\xfc\xdf\r")) == (  # type: ignore[arg-type]
        [],
        "grüß\r",
    )


# -- the client on the wire -------------------------------------------------------------------


async def drain_client(server: FakeServer, seconds: float = 0.3) -> bytes:
    """Everything the client sends within `seconds`."""
    data = b""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while (left := deadline - loop.time()) > 0:
        try:
            data += await asyncio.wait_for(server.r.read(65536), left)
        except TimeoutError:
            break
    return data


def without_update_requests(data: bytes) -> bytes:
    return data.replace(p.framebuffer_update_request(True, 0, 0, 4, 2), b"").replace(
        p.framebuffer_update_request(False, 0, 0, 4, 2), b""
    )


@pytest.mark.asyncio
async def test_off_the_client_neither_advertises_nor_sends_cut_text(server: FakeServer) -> None:
    client, events = await connected(server)
    _format, encodings, _request = server.init_result  # type: ignore[attr-defined]
    assert EXTENDED_CLIPBOARD not in encodings
    # Even a server that offers everything gets nothing back.
    server.w.write(QEMU_CAPS + QEMU_NOTIFY_TEXT + QEMU_REQUEST_TEXT + QEMU_PROVIDE_TEXT)
    server.w.write(H("03000000 00000003") + b"abc")
    server.update(rect(0, 0, 1, 1, p.Encoding.RAW, bytes(4)))
    assert client.send_clipboard_text("host secret") is False
    sent = without_update_requests(await drain_client(server))
    assert sent == b""
    assert not [e for e in events if isinstance(e, ClipboardReceived)]
    assert client.connected
    await client.close()


@pytest.mark.asyncio
async def test_on_the_client_advertises_and_round_trips(server: FakeServer) -> None:
    client, events = await connected(server, clipboard=True)
    _format, encodings, _request = server.init_result  # type: ignore[attr-defined]
    assert encodings[-1] == EXTENDED_CLIPBOARD
    server.w.write(QEMU_CAPS)
    assert await server.read(len(CLIENT_CAPS)) == CLIENT_CAPS
    assert client.send_clipboard_text("from host") is True
    assert await server.read(len(CLIENT_NOTIFY_TEXT)) == CLIENT_NOTIFY_TEXT
    server.w.write(QEMU_REQUEST_TEXT)
    head = await server.read(8)
    (length,) = struct.unpack(">i", head[4:])
    body = await server.read(-length)
    assert provided_text(server_message(b"\x03" + head[1:] + body)) == "from host"
    server.w.write(QEMU_NOTIFY_TEXT)
    assert await server.read(len(CLIENT_REQUEST_TEXT)) == CLIENT_REQUEST_TEXT
    server.w.write(QEMU_PROVIDE_TEXT)
    await until(lambda: any(isinstance(e, ClipboardReceived) for e in events))
    assert [e for e in events if isinstance(e, ClipboardReceived)] == [
        ClipboardReceived("héllo\nwörld")
    ]
    # Off: the announced text is withdrawn, then silence.
    client.set_clipboard_sharing(False)
    assert await server.read(len(CLIENT_NOTIFY_EMPTY)) == CLIENT_NOTIFY_EMPTY
    assert client.send_clipboard_text("not shared") is False
    server.w.write(QEMU_NOTIFY_TEXT + QEMU_REQUEST_TEXT)
    assert without_update_requests(await drain_client(server)) == b""
    await client.close()


@pytest.mark.asyncio
async def test_turning_on_during_a_session_advertises_once(server: FakeServer) -> None:
    client, _events = await connected(server)
    client.set_clipboard_sharing(True)
    _format, encodings, _request = server.init_result  # type: ignore[attr-defined]
    expected = p.set_encodings([*encodings, EXTENDED_CLIPBOARD])
    assert await server.read(len(expected)) == expected
    client.set_clipboard_sharing(False)
    client.set_clipboard_sharing(True)
    assert without_update_requests(await drain_client(server)) == b""
    await client.close()


@pytest.mark.asyncio
async def test_huge_cut_text_is_skipped_unread(server: FakeServer) -> None:
    client, events = await connected(server, clipboard=True)
    size = 2 * MAX_TEXT + 1
    server.w.write(H("03000000") + struct.pack(">I", size) + b"x" * size)
    server.update(rect(0, 0, 1, 1, p.Encoding.RAW, bytes(4)))
    await until(lambda: client.stats.updates == 1)
    assert client.connected
    assert not [e for e in events if isinstance(e, ClipboardReceived)]
    await client.close()


def test_the_default_client_does_not_share() -> None:
    assert RfbClient().clipboard_sharing is False
