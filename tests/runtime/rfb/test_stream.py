"""RfbStream: exact reads, direct reads into a caller's buffer, end of stream, backpressure."""

from __future__ import annotations

import asyncio
import socket

import pytest

from kvmgui.runtime.rfb.stream import RfbStream

pytestmark = pytest.mark.asyncio


async def pair() -> tuple[RfbStream, socket.socket]:
    ours, theirs = socket.socketpair()
    stream = RfbStream()
    await asyncio.get_running_loop().connect_accepted_socket(lambda: stream, ours)
    theirs.setblocking(False)
    return stream, theirs


async def send(sock: socket.socket, data: bytes) -> None:
    await asyncio.get_running_loop().sock_sendall(sock, data)


async def test_readexactly_and_readinto_mix_buffered_and_direct_data() -> None:
    stream, peer = await pair()
    payload = bytes(range(256)) * 4096  # 1 MiB
    await send(peer, b"HDR!" + payload[:1000])  # part of the payload arrives with the header
    assert await stream.readexactly(4) == b"HDR!"
    target = bytearray(len(payload))
    reading = asyncio.ensure_future(stream.readinto(memoryview(target)))
    await asyncio.sleep(0.01)
    assert not reading.done()
    await send(peer, payload[1000:] + b"tail")
    await asyncio.wait_for(reading, 5)
    assert target == payload
    assert await stream.readexactly(4) == b"tail"
    assert stream.bytes_received == 4 + len(payload) + 4
    peer.close()
    stream.close()


async def test_end_of_stream_in_the_middle_of_a_read() -> None:
    stream, peer = await pair()
    await send(peer, b"abc")
    peer.close()
    with pytest.raises(asyncio.IncompleteReadError):
        await asyncio.wait_for(stream.readexactly(10), 5)
    with pytest.raises(asyncio.IncompleteReadError):
        await asyncio.wait_for(stream.readinto(memoryview(bytearray(10))), 5)


async def test_many_small_reads_grow_and_compact_the_buffer() -> None:
    stream, peer = await pair()
    chunks = [bytes([i % 251]) * (i % 97 + 1) for i in range(2000)]
    sender = asyncio.ensure_future(send(peer, b"".join(chunks)))
    for chunk in chunks:
        assert await asyncio.wait_for(stream.readexactly(len(chunk)), 5) == chunk
    await sender
    peer.close()
    stream.close()
