"""QmpSession against a real QEMU (-machine none), and a small fake QMP server for the error
paths a real QEMU does not produce on demand."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from kvmgui.runtime import process
from kvmgui.runtime.qmp_session import (
    QmpBusy,
    QmpCommandError,
    QmpDisconnected,
    QmpSession,
    QmpTimeout,
    QmpUnavailable,
    connect_first,
    hmp_error,
)
from tests.runtime.helpers import short_tmp

pytestmark = pytest.mark.asyncio


@dataclass
class Qemu:
    main: Path
    second: Path
    watch: process.ProcessWatch


@pytest_asyncio.fixture
async def qemu() -> AsyncIterator[Qemu]:
    folder = short_tmp()
    main, second = folder / "qmp.sock", folder / "qmp-cli.sock"
    pid = process.spawn_detached(
        ["qemu-system-x86_64", "-machine", "none", "-nodefaults", "-display", "none", "-S",
         "-qmp", f"unix:{main},server=on,wait=off", "-qmp", f"unix:{second},server=on,wait=off"],
        log_path=folder / "qemu.log",
    )
    watch = process.ProcessWatch(pid)
    watch.start()
    deadline = time.monotonic() + 10
    while not (main.exists() and second.exists()):
        assert time.monotonic() < deadline and not watch.exited
        await asyncio.sleep(0.02)
    yield Qemu(main, second, watch)
    await process.terminate(watch)
    for path in (main, second):  # left behind when a test killed QEMU with SIGKILL
        path.unlink(missing_ok=True)


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.lost = asyncio.Event()

    def on_event(self, name: str, data: dict[str, Any], when: float) -> None:
        assert when > 1e9  # QEMU's timestamp, in seconds since the epoch
        self.events.append((name, data))

    def on_lost(self) -> None:
        self.lost.set()

    def names(self) -> list[str]:
        return [name for name, _ in self.events]


async def wait_until(condition: Callable[[], bool], timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


@pytest.mark.qemu
async def test_events_status_and_quit(qemu: Qemu) -> None:
    rec = Recorder()
    session = QmpSession(qemu.main, name="t", on_event=rec.on_event, on_lost=rec.on_lost)
    status = await session.connect()
    assert status["status"] == "prelaunch" and status["running"] is False
    assert session.connected and session.greeting_version.startswith("7.")
    await session.execute("cont")
    await wait_until(lambda: "RESUME" in rec.names())
    await session.execute("stop")
    await wait_until(lambda: "STOP" in rec.names())
    assert (await session.execute("query-status"))["status"] == "paused"
    await session.execute("quit")
    # The SHUTDOWN event written just before QEMU closed the socket is still delivered, and
    # the loss is reported once; nothing raises (disconnect()'s EOFError is swallowed).
    await asyncio.wait_for(rec.lost.wait(), 5)
    assert rec.events[-1] == ("SHUTDOWN", {"guest": False, "reason": "host-qmp-quit"})
    assert not session.connected
    with pytest.raises(QmpDisconnected):
        await session.execute("query-status")
    await session.close()
    assert await qemu.watch.wait(5) == process.ExitStatus(code=0)


@pytest.mark.qemu
async def test_command_errors_and_hmp(qemu: Qemu) -> None:
    session = QmpSession(qemu.main)
    await session.connect()
    try:
        with pytest.raises(QmpCommandError) as err:
            await session.execute("no-such-command")
        assert err.value.error_class == "CommandNotFound"
        assert (await session.hmp("info version")).startswith("7.")
        with pytest.raises(QmpCommandError, match="unknown command"):
            await session.hmp("info nosuch")
        with pytest.raises(QmpCommandError, match="no block device can store vmstate"):
            await session.hmp("savevm snap1")  # an error in a *successful* QMP reply
    finally:
        await session.close()
    assert not qemu.watch.exited  # closing our session leaves QEMU running


@pytest.mark.qemu
async def test_one_client_per_monitor_busy_and_fallback(qemu: Qemu) -> None:
    holder = QmpSession(qemu.main)
    await holder.connect()
    try:
        started = time.monotonic()
        with pytest.raises(QmpBusy):
            await QmpSession(qemu.main).connect(timeout=0.5)
        assert time.monotonic() - started < 2
        session, status = await connect_first([(qemu.main, 0.5), (qemu.second, 2.0)], name="x")
        assert session.socket_path == qemu.second and status["status"] == "prelaunch"
        await session.close()
    finally:
        await holder.close()
    # Once the first client lets go, the monitor serves the next one again.
    again = QmpSession(qemu.main)
    await again.connect(timeout=5)
    await again.close()


@pytest.mark.qemu
async def test_hung_qemu_times_out_and_the_session_survives(qemu: Qemu) -> None:
    session = QmpSession(qemu.main, command_timeout=0.5)
    await session.connect()
    try:
        os.kill(qemu.watch.pid, signal.SIGSTOP)
        try:
            with pytest.raises(QmpTimeout, match=r"did not answer 'query-status' within 0\.5 s"):
                await session.execute("query-status")
        finally:
            os.kill(qemu.watch.pid, signal.SIGCONT)
        assert (await session.execute("query-status", timeout=5))["status"] == "prelaunch"
    finally:
        await session.close()


@pytest.mark.qemu
async def test_killed_qemu_is_noticed(qemu: Qemu) -> None:
    rec = Recorder()
    session = QmpSession(qemu.main, on_event=rec.on_event, on_lost=rec.on_lost)
    await session.connect()
    os.kill(qemu.watch.pid, signal.SIGKILL)
    await asyncio.wait_for(rec.lost.wait(), 5)
    assert await session.wait_closed(1)
    with pytest.raises(QmpDisconnected):
        await session.execute("query-status")
    await session.close()


async def test_missing_socket_is_unavailable() -> None:
    path = short_tmp() / "none.sock"
    with pytest.raises(QmpUnavailable):
        await QmpSession(path).connect(1)
    with pytest.raises(QmpUnavailable, match="does not exist"):
        await connect_first([(path, 1.0)], name="x")


# --------------------------------------------------------------------- a fake QMP server

GREETING = {"QMP": {"version": {"qemu": {"major": 9, "minor": 9, "micro": 9}, "package": ""},
                    "capabilities": []}}

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@contextlib.asynccontextmanager
async def fake_server(handler: Handler) -> AsyncIterator[Path]:
    path = short_tmp() / "fake.sock"
    server = await asyncio.start_unix_server(handler, path=str(path))
    try:
        yield path
    finally:
        server.close()
        await server.wait_closed()
        path.unlink()  # asyncio (< 3.13) leaves the socket file behind


async def _send(writer: asyncio.StreamWriter, message: dict[str, Any]) -> None:
    writer.write(json.dumps(message).encode() + b"\r\n")
    await writer.drain()


class Requests:
    """The client's messages: JSON objects back to back, without newlines."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._buffer = ""
        self._decoder = json.JSONDecoder()

    async def next(self) -> dict[str, Any]:
        while True:
            text = self._buffer.lstrip()
            if text:
                try:
                    message, end = self._decoder.raw_decode(text)
                except ValueError:
                    pass
                else:
                    self._buffer = text[end:]
                    return dict(message)
            chunk = await self._reader.read(4096)
            if not chunk:
                raise EOFError
            self._buffer += chunk.decode()


async def _handshake(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Requests:
    requests = Requests(reader)
    await _send(writer, GREETING)
    request = await requests.next()
    await _send(writer, {"return": {}, "id": request.get("id")})
    return requests


async def test_a_server_that_never_greets_is_busy() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)
        writer.close()

    async with fake_server(silent) as path:
        with pytest.raises(QmpBusy, match="Another program is connected"):
            await QmpSession(path).connect(timeout=0.3)


async def test_connection_lost_in_the_middle_of_a_command() -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        requests = await _handshake(reader, writer)
        request = await requests.next()  # query-status
        await _send(writer, {"return": {"status": "running", "running": True},
                             "id": request["id"]})
        await requests.next()  # the next command: no answer, just an event and EOF
        await _send(writer, {"event": "SHUTDOWN", "data": {"guest": True,
                                                           "reason": "guest-shutdown"},
                             "timestamp": {"seconds": 1700000000, "microseconds": 5}})
        writer.close()

    async with fake_server(hang_up) as path:
        rec = Recorder()
        session = QmpSession(path, on_event=rec.on_event, on_lost=rec.on_lost)
        assert (await session.connect())["status"] == "running"
        assert session.greeting_version == "9.9.9"
        with pytest.raises(QmpDisconnected, match="connection to the VM's monitor was lost"):
            await session.execute("system_powerdown")
        await asyncio.wait_for(rec.lost.wait(), 5)
        assert rec.names() == ["SHUTDOWN"]
        await session.close()


async def test_a_broken_event_callback_does_not_stop_the_stream() -> None:
    async def chatty(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        requests = await _handshake(reader, writer)
        request = await requests.next()
        for name in ("STOP", "RESUME"):
            await _send(writer, {"event": name, "timestamp": {"seconds": 1700000000,
                                                              "microseconds": 0}})
        await _send(writer, {"return": {"status": "running"}, "id": request["id"]})
        with contextlib.suppress(EOFError):
            await requests.next()

    seen: list[str] = []

    def callback(name: str, data: dict[str, Any], when: float) -> None:
        seen.append(name)
        if name == "STOP":
            raise RuntimeError("subscriber bug")

    async with fake_server(chatty) as path:
        session = QmpSession(path, on_event=callback)
        await session.connect()
        await wait_until(lambda: len(seen) == 2)
        assert seen == ["STOP", "RESUME"]
        await session.close()


@pytest.mark.filterwarnings("ignore:The test <Function test_hmp_error_text>")
def test_hmp_error_text() -> None:
    assert hmp_error("") is None
    assert hmp_error("QEMU 7.2.22 monitor\r\n") is None
    assert hmp_error("Error: Snapshot 'nosuch' does not exist\r\n") == \
        "Snapshot 'nosuch' does not exist"
    assert hmp_error("unknown command: 'info nosuch'\r\n") == "unknown command: 'info nosuch'"
