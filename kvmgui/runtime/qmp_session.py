"""One QMP connection to one QEMU, on top of `qemu.qmp.QMPClient`, with its traps handled.

qemu.qmp (QEMU's own asyncio QMP library) runs unchanged under qasync's loop, so there is no
reason for a client of our own. Its traps, each met while building kvmgui:
- connect() and execute() have no timeout: every call here goes through asyncio.wait_for. A
  monitor that another client holds accepts the connection but never greets, which is how a
  busy monitor shows up (QmpBusy).
- the default event listener is an unbounded queue: one task drains it for the whole session
  and hands every event to the owner's callback.
- the event stream never ends, not even when QEMU dies: a second task waits on
  runstate_changed() and reports the loss once the reader has hit EOF.
- disconnect() re-raises the reader's error (EOFError when QEMU exited): always called, and
  its errors swallowed.
- human-monitor-command reports errors as text in a successful reply: `hmp` turns them into
  QmpCommandError.

qemu.qmp itself is imported by the methods that talk to a QEMU, not with this module: the
controller of every VM imports this module, and a list of stopped VMs never needs the
library (about 1.5 MiB resident).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.runtime.tasks import cancel_and_wait

if TYPE_CHECKING:
    from qemu.qmp import QMPClient

# The library logs every failed connection attempt at ERROR level; without a handler of the
# application's own, Python's last-resort handler would print those to stderr in the CLI.
logging.getLogger("qemu.qmp").addHandler(logging.NullHandler())
log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
COMMAND_TIMEOUT_S = 10.0
RECONNECT_DELAYS_S = (0.2, 0.5, 1.0, 2.0, 5.0)
CONNECT_ATTEMPTS = 3
_TRANSIENT_ERRNOS = frozenset({errno.EINVAL, errno.ECONNRESET, errno.EPIPE})

EventCallback = Callable[[str, dict[str, Any], float], None]


class QmpError(KvmguiError):
    """A QMP problem; str() is a sentence for the user (QEMU's own words for a refused
    command)."""


class QmpUnavailable(QmpError):
    """Nothing answers on the monitor socket (QEMU is gone or not yet listening)."""


class QmpBusy(QmpUnavailable):
    """Another client holds this monitor (QEMU serves one client per socket)."""


class QmpTimeout(QmpError):
    """QEMU did not answer a command in time (it may be hung or very busy)."""


class QmpDisconnected(QmpError):
    """The connection was lost (QEMU exited or closed the monitor)."""


class QmpCommandError(QmpError):
    """QEMU refused a command; `error_class` is QMP's class (GenericError, CommandNotFound…)."""

    def __init__(self, command: str, error_class: str, description: str) -> None:
        super().__init__(description)
        self.command = command
        self.error_class = error_class
        self.description = description


def _connection_lost() -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.qmp_session",
                                     "The connection to the VM's monitor was lost."))


def hmp_error(text: str) -> str | None:
    """The error in an HMP reply, or None when the text is a normal answer.

    HMP prints "Error: …" for most failures and "unknown command: …" for typos; success is
    usually "" (commands like `info` return their output).
    """
    stripped = text.strip()
    for line in stripped.splitlines():
        low = line.lower()
        if low.startswith("error:") or low.startswith("unknown command"):
            return line.split(":", 1)[1].strip() if low.startswith("error:") else line.strip()
    return None


def event_time(event: dict[str, Any]) -> float:
    stamp = event.get("timestamp") or {}
    try:
        return float(stamp.get("seconds", 0)) + float(stamp.get("microseconds", 0)) / 1e6
    except (TypeError, ValueError, AttributeError):
        return 0.0


class QmpSession:
    """A connection to one QMP socket. Create, `await connect()`, use, `await close()`."""

    def __init__(
        self,
        socket_path: Path,
        *,
        name: str = "vm",
        on_event: EventCallback | None = None,
        on_lost: Callable[[], None] | None = None,
        command_timeout: float = COMMAND_TIMEOUT_S,
    ) -> None:
        self.socket_path = Path(socket_path)
        self.name = name
        self._on_event = on_event
        self._on_lost = on_lost
        self.command_timeout = command_timeout
        self._client: QMPClient | None = None
        self._pump: asyncio.Task[None] | None = None
        self._watch: asyncio.Task[None] | None = None
        self._teardown_task: asyncio.Task[None] | None = None
        self._closing = False
        self.greeting_version: str = ""

    @property
    def connected(self) -> bool:
        if self._client is None:
            return False
        from qemu.qmp.protocol import Runstate  # see the module's docstring

        return self._client.runstate is Runstate.RUNNING

    async def connect(self, timeout: float = CONNECT_TIMEOUT_S) -> dict[str, Any]:
        """Handshake, then `query-status`; returns its result ({"status": …, "running": …}).

        Raises QmpBusy when another client holds the monitor, QmpUnavailable when nothing
        listens, QmpTimeout/QmpDisconnected when QEMU does not answer the first query.
        """
        if self._client is not None:
            raise QmpError("This QMP session is already connected.")
        self._closing = False
        client = await self._handshake(timeout)
        self._client = client
        self._teardown_task = None
        with contextlib.suppress(Exception):
            # greeting.QMP is a model object, not a dict (greeting["QMP"] raises TypeError).
            v: Any = getattr(client.greeting, "QMP", None)
            v = v.version["qemu"] if v is not None else None
            if v:
                self.greeting_version = f"{v['major']}.{v['minor']}.{v['micro']}"
        self._pump = asyncio.ensure_future(self._drain_events(client))
        self._watch = asyncio.ensure_future(self._watch_runstate(client))
        try:
            status = await self.execute("query-status", timeout=timeout)
        except QmpError:
            await self.close()
            raise
        return dict(status) if isinstance(status, dict) else {}

    async def _handshake(self, timeout: float) -> QMPClient:
        from qemu.qmp import ConnectError  # see the module's docstring

        from kvmgui.runtime.qmp_client import QuietClient

        deadline = time.monotonic() + timeout
        attempt = 0
        while True:
            attempt += 1
            client = QuietClient(self.name)
            remaining = max(0.05, deadline - time.monotonic())
            try:
                await asyncio.wait_for(client.connect(str(self.socket_path)), remaining)
                return client
            except TimeoutError:
                raise QmpBusy(Message(QT_TRANSLATE_NOOP(
                    "runtime.qmp_session",
                    "Another program is connected to this VM's monitor (QEMU serves one client "
                    "at a time); close it or try again."))) from None
            except ConnectError as exc:
                # A connection queued while another client held the monitor can be dropped
                # by QEMU when that client leaves (recv then fails with EINVAL/ECONNRESET):
                # such a first attempt is worth repeating; a missing socket is not.
                transient = isinstance(exc.exc, EOFError) or (
                    isinstance(exc.exc, OSError) and exc.exc.errno in _TRANSIENT_ERRNOS)
                if not transient or attempt >= CONNECT_ATTEMPTS or time.monotonic() > deadline:
                    raise QmpUnavailable(Message(QT_TRANSLATE_NOOP(
                        "runtime.qmp_session",
                        "The VM's monitor at {socket} does not answer ({exc})."),
                        socket=str(self.socket_path), exc=str(exc.exc))) from None
            await asyncio.sleep(0.05 * attempt)

    async def _drain_events(self, client: QMPClient) -> None:
        async for event in client.events:
            self._dispatch(event)

    def _dispatch(self, event: Any) -> None:
        if self._on_event is None:
            return
        try:
            data = event.get("data") or {}
            self._on_event(str(event["event"]), dict(data), event_time(event))
        except Exception:  # a subscriber's bug must not stop the event stream
            log.exception("QMP event handler failed for %s", self.name)

    async def _watch_runstate(self, client: QMPClient) -> None:
        from qemu.qmp.protocol import Runstate  # see the module's docstring

        while client.runstate is Runstate.RUNNING:
            await client.runstate_changed()
        await self._teardown(client)
        if not self._closing and self._on_lost is not None:
            try:
                self._on_lost()
            except Exception:
                log.exception("QMP on_lost handler failed for %s", self.name)

    async def _teardown(self, client: QMPClient) -> None:
        # Both the runstate watcher and close() get here; the work is done once.
        if self._teardown_task is None:
            self._teardown_task = asyncio.ensure_future(self._do_teardown(client))
        await asyncio.shield(self._teardown_task)

    async def _do_teardown(self, client: QMPClient) -> None:
        """Stop the pump, deliver events still queued (SHUTDOWN before EOF), disconnect."""
        pump, self._pump = self._pump, None
        await cancel_and_wait(pump, quiet=True)
        for event in client.events.clear():
            self._dispatch(event)
        # Raises what ended the reader: EOFError when QEMU exited, OSError on socket errors.
        with contextlib.suppress(Exception):
            await client.disconnect()
        if self._client is client:
            self._client = None

    async def wait_closed(self, timeout: float) -> bool:
        """Wait until the connection has ended and its events were delivered."""
        watch = self._watch
        if watch is None:
            return True
        try:
            await asyncio.wait_for(asyncio.shield(watch), timeout)
        except TimeoutError:
            return False
        except asyncio.CancelledError:
            if not watch.cancelled():
                raise
        return True

    async def execute(
        self, command: str, arguments: dict[str, Any] | None = None, *,
        timeout: float | None = None,
    ) -> Any:
        from qemu.qmp import ExecInterruptedError, ExecuteError, StateError
        from qemu.qmp.protocol import Runstate  # see the module's docstring

        client = self._client
        if client is None or client.runstate is not Runstate.RUNNING:
            raise QmpDisconnected(_connection_lost())
        try:
            return await asyncio.wait_for(
                client.execute(command, arguments), timeout or self.command_timeout
            )
        except TimeoutError:
            raise QmpTimeout(Message(QT_TRANSLATE_NOOP(
                "runtime.qmp_session",
                "QEMU did not answer '{command}' within {seconds} s; it may be hung. Force the "
                "VM off if this persists."),
                command=command, seconds=f"{timeout or self.command_timeout:g}")) from None
        except ExecuteError as exc:
            raise QmpCommandError(command, exc.error_class, str(exc)) from None
        except (ExecInterruptedError, StateError, EOFError, OSError):
            raise QmpDisconnected(_connection_lost()) from None

    async def hmp(self, command_line: str, *, timeout: float | None = None) -> str:
        """Run a human-monitor command; its error text becomes a QmpCommandError."""
        text = await self.execute(
            "human-monitor-command", {"command-line": command_line}, timeout=timeout
        )
        text = str(text or "")
        problem = hmp_error(text)
        if problem is not None:
            raise QmpCommandError("human-monitor-command", "GenericError", problem)
        return text

    async def close(self) -> None:
        """Disconnect (QEMU keeps running). Safe to call more than once."""
        self._closing = True
        client = self._client
        watch, self._watch = self._watch, None
        if client is not None:
            await self._teardown(client)
        if watch is not asyncio.current_task():
            await cancel_and_wait(watch, quiet=True)


async def connect_first(
    sockets: Sequence[tuple[Path, float]],
    *,
    name: str,
    on_event: EventCallback | None = None,
    on_lost: Callable[[], None] | None = None,
) -> tuple[QmpSession, dict[str, Any]]:
    """Connect to the first socket that answers, each tried with its own timeout.

    Used for reattach: the manager's own monitor first, the short-lived clients' monitor
    when another manager holds the first.
    """
    last: QmpError = QmpUnavailable(Message(QT_TRANSLATE_NOOP(
        "runtime.qmp_session", "The VM has no monitor socket.")))
    for path, timeout in sockets:
        if not path.exists():
            last = QmpUnavailable(Message(QT_TRANSLATE_NOOP(
                "runtime.qmp_session", "The VM's monitor socket {path} does not exist."),
                path=str(path)))
            continue
        session = QmpSession(path, name=name, on_event=on_event, on_lost=on_lost)
        try:
            status = await session.connect(timeout)
        except QmpError as exc:
            last = exc
            continue
        return session, status
    raise last
