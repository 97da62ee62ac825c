"""One libvirt connection (a URI such as qemu:///system or qemu+ssh://user@host/system): its
domains, their lifecycle operations and their state changes, for the CLI and (later) the UI.

Every libvirt call may block (a remote host over ssh, a busy daemon), so each one runs in a
worker thread (asyncio.to_thread); the event loop never waits on libvirt. State changes come
from libvirt's own domain lifecycle events, not from polling: libvirt's events are dispatched
by one daemon thread of the process (as virt-manager does, with an implementation of our own
rather than libvirt's GLib one, which would share Qt's main context), and each event is
handed to the asyncio loop that opened the connection with call_soon_threadsafe.

The binding (libvirt-python) is imported on first use, so kvmgui without the `libvirt`
extra still runs everything else and says what to install when a URI is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import select
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.remote_console import goes_through_ssh
from kvmgui.runtime.libvirt_errors import (
    VIR_ERR_INVALID_ARG,
    VIR_ERR_NO_DOMAIN,
    VIR_ERR_NO_SUPPORT,
    VIR_ERR_OPERATION_INVALID,
    LibvirtError,
    RawLibvirtError,
    explain,
)
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.state import VmState

R = TypeVar("R")

# virDomainState → what the user sees (PMSUSPENDED: the guest slept itself, shown as paused).
_STATES = {
    0: VmState.STOPPED,  # NOSTATE
    1: VmState.RUNNING,  # RUNNING
    2: VmState.RUNNING,  # BLOCKED (waiting on I/O, still running)
    3: VmState.PAUSED,  # PAUSED
    4: VmState.SHUTTING_DOWN,  # SHUTDOWN
    5: VmState.STOPPED,  # SHUTOFF
    6: VmState.CRASHED,  # CRASHED
    7: VmState.PAUSED,  # PMSUSPENDED
}
# virDomainEventType → the state the domain is in after the event.
_EVENT_STATES = {
    0: None,  # DEFINED: the state is unchanged
    1: None,  # UNDEFINED
    2: VmState.RUNNING,  # STARTED
    3: VmState.PAUSED,  # SUSPENDED
    4: VmState.RUNNING,  # RESUMED
    5: VmState.STOPPED,  # STOPPED
    6: VmState.SHUTTING_DOWN,  # SHUTDOWN (the guest is powering off; STOPPED follows)
    7: VmState.PAUSED,  # PMSUSPENDED
    8: VmState.CRASHED,  # CRASHED
}
VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0


def state_of(libvirt_state: int) -> VmState:
    return _STATES.get(libvirt_state, VmState.STOPPED)


@dataclass(frozen=True)
class DomainInfo:
    """One domain as a list shows it."""

    name: str
    uuid: str
    state: VmState
    vcpus: int
    memory_bytes: int  # current memory (the balloon's size when running)
    max_memory_bytes: int
    persistent: bool
    autostart: bool
    domain_type: str  # "kvm" or "qemu" (TCG)
    cpu_time_ns: int


@dataclass(frozen=True)
class DomainStateChanged:
    """A lifecycle event of a domain of connection `uri`."""

    uri: str
    name: str
    uuid: str
    state: VmState | None  # None: defined or undefined, the run state did not change
    event: int  # libvirt's virDomainEventType
    detail: int  # libvirt's detail of it


Listener = Callable[[DomainStateChanged], None]


# libvirt's virEventHandleType and poll(2)'s bits, both ways.
_TO_POLL = ((1, select.POLLIN), (2, select.POLLOUT), (4, select.POLLERR), (8, select.POLLHUP))


@dataclass
class _Handle:
    fd: int
    events: int  # libvirt's VIR_EVENT_HANDLE_* bits
    callback: Any
    opaque: Any


@dataclass
class _Timer:
    interval_ms: int  # -1: off; 0: at each turn of the loop
    callback: Any
    opaque: Any
    due: float = 0.0  # time.monotonic()

    def restart(self, now: float) -> None:
        """Due one interval after `now` (a timer that is off is never due)."""
        self.due = now + max(self.interval_ms, 0) / 1000


Entry = TypeVar("Entry", _Handle, _Timer)


class _EventThread:
    """libvirt's event implementation: file handles and timers polled in Python by one
    daemon thread, registered with virEventRegisterImpl.

    libvirt allows one event implementation per process, registered before the first
    connection is opened, so it is kept here once. Not libvirt's default one: since libvirt
    9 it iterates GLib's default main context, which Qt's event dispatcher iterates on the
    Qt thread too, so a thread running it would run Qt's timers and socket notifiers off the
    Qt thread (and the Qt thread libvirt's). Not libvirtaio either: it binds libvirt to one
    asyncio loop for the life of the process and is not safe to call from the worker
    threads that make libvirt's calls. This loop owns its own poll set, so it needs nothing
    of whoever else runs in the process. libvirt calls add/update/remove from any thread
    (a lock guards the tables; a pipe wakes the poll); the thread runs while a connection
    is open and stops with the last one.
    """

    _lock = threading.RLock()
    _registered = False
    _open = 0
    _thread: threading.Thread | None = None
    _handles: dict[int, _Handle] = {}  # noqa: RUF012 (process-wide by libvirt's design)
    _timers: dict[int, _Timer] = {}  # noqa: RUF012
    _freed: list[Any] = []  # noqa: RUF012 (opaques to hand back to libvirt, off its call)
    _next_id = 0
    _wake_r = -1
    _wake_w = -1

    @classmethod
    def acquire(cls, libvirt: ModuleType) -> None:
        with cls._lock:
            if not cls._registered:
                cls._wake_r, cls._wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
                libvirt.virEventRegisterImpl(
                    cls._add_handle, cls._update_handle, cls._remove_handle,
                    cls._add_timeout, cls._update_timeout, cls._remove_timeout)
                cls._registered = True
            cls._open += 1
            if cls._thread is None:
                cls._thread = threading.Thread(
                    target=cls._run, args=(libvirt,), name="libvirt-events", daemon=True)
                cls._thread.start()

    @classmethod
    def release(cls, _libvirt: ModuleType) -> None:
        with cls._lock:
            cls._open -= 1
        cls._wake()  # the thread then sees whether a connection is left

    # --- what libvirt calls (any thread) ------------------------------------------------

    @classmethod
    @contextlib.contextmanager
    def _changing(cls) -> Iterator[None]:
        """Holds the lock while the tables change, then wakes the thread: its next poll
        sees the change."""
        with cls._lock:
            yield
        cls._wake()

    @classmethod
    def _add_handle(cls, fd: int, events: int, callback: Any, opaque: Any) -> int:
        return cls._add(cls._handles, _Handle(fd, events, callback, opaque))

    @classmethod
    def _update_handle(cls, watch: int, events: int) -> None:
        with cls._changing():
            if watch in cls._handles:
                cls._handles[watch].events = events

    @classmethod
    def _remove_handle(cls, watch: int) -> int:
        return cls._remove(cls._handles, watch)

    @classmethod
    def _add_timeout(cls, interval_ms: int, callback: Any, opaque: Any) -> int:
        entry = _Timer(interval_ms, callback, opaque)
        entry.restart(time.monotonic())
        return cls._add(cls._timers, entry)

    @classmethod
    def _update_timeout(cls, timer: int, interval_ms: int) -> None:
        with cls._changing():
            entry = cls._timers.get(timer)
            if entry is not None:
                entry.interval_ms = interval_ms
                entry.restart(time.monotonic())

    @classmethod
    def _remove_timeout(cls, timer: int) -> int:
        return cls._remove(cls._timers, timer)

    @classmethod
    def _add(cls, table: dict[int, Entry], entry: Entry) -> int:
        """`entry` under a new number (libvirt's watch or timer id), unique in the process."""
        with cls._changing():
            cls._next_id += 1
            key = cls._next_id
            table[key] = entry
        return key

    @classmethod
    def _remove(cls, table: dict[int, _Handle] | dict[int, _Timer], key: int) -> int:
        """Forget a handle or a timer: 0, or -1 when it is not known. Its opaque goes back to
        libvirt from the thread, outside libvirt's own call."""
        with cls._lock:
            entry = table.pop(key, None)
            if entry is None:
                return -1
            cls._freed.append(entry.opaque)
        cls._wake()
        return 0

    @classmethod
    def _wake(cls) -> None:
        with contextlib.suppress(BlockingIOError):  # a wake-up is already pending
            os.write(cls._wake_w, b"x")

    # --- the thread ---------------------------------------------------------------------

    @classmethod
    def _run(cls, libvirt: ModuleType) -> None:
        while True:
            with cls._lock:
                if cls._open == 0:
                    cls._thread = None
                    freed, cls._freed = cls._freed, []
                    break
            cls._turn(libvirt)
        # What the last connection's close gave back is freed now, not at the next open.
        for opaque in freed:
            libvirt.virEventInvokeFreeCallback(opaque)

    @classmethod
    def _turn(cls, libvirt: ModuleType) -> None:
        poller = select.poll()
        poller.register(cls._wake_r, select.POLLIN)
        with cls._lock:
            wanted: dict[int, int] = {}
            for handle in cls._handles.values():
                bits = sum(p for v, p in _TO_POLL if handle.events & v)
                if bits:
                    wanted[handle.fd] = wanted.get(handle.fd, 0) | bits
            for fd, bits in wanted.items():
                poller.register(fd, bits)
            dues = [t.due for t in cls._timers.values() if t.interval_ms >= 0]
        wait = None if not dues else max(0, math.ceil((min(dues) - time.monotonic()) * 1000))
        ready = poller.poll(wait)
        with contextlib.suppress(BlockingIOError):
            os.read(cls._wake_r, 4096)
        for fd, revents in ready:
            if fd == cls._wake_r:
                continue
            events = sum(v for v, p in _TO_POLL if revents & p)
            with cls._lock:
                fired = [(w, h) for w, h in cls._handles.items() if h.fd == fd]
            for watch, handle in fired:
                with cls._lock:
                    if cls._handles.get(watch) is not handle:
                        continue  # removed by an earlier callback of this turn
                mask = handle.events | 4 | 8  # errors and hang-ups always reach the watcher
                if events & mask:
                    handle.callback(watch, fd, events & mask, handle.opaque)
        now = time.monotonic()
        with cls._lock:
            due = [(i, t) for i, t in cls._timers.items() if t.interval_ms >= 0 and t.due <= now]
        for timer, entry in due:
            with cls._lock:
                if cls._timers.get(timer) is not entry or entry.interval_ms < 0:
                    continue
                entry.restart(now)
            entry.callback(timer, entry.opaque)
        with cls._lock:
            freed, cls._freed = cls._freed, []
        for opaque in freed:
            libvirt.virEventInvokeFreeCallback(opaque)


def _binding() -> ModuleType:
    try:
        import libvirt
    except ImportError as exc:
        raise LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_conn",
            "The libvirt Python binding is not installed; install kvmgui with its libvirt "
            "extra: pip install 'kvmgui[libvirt]' (or run scripts/setup.sh again).")),
            str(exc), "no-binding") from None
    # libvirt prints every error on stderr besides raising it; the raised error is reported.
    libvirt.registerErrorHandler(_ignore_error, None)
    module: ModuleType = libvirt
    return module


def _ignore_error(_opaque: object, _error: object) -> None:
    return None


def _use_askpass(askpass: str) -> None:
    """Have the ssh that libvirt starts ask through `askpass`.

    libvirt starts ssh with an environment of its own choosing: SSH_ASKPASS and DISPLAY pass,
    SSH_ASKPASS_REQUIRE does not (libvirt 9.0). So the variables are set in the process's
    environment, which only the app does (its connections all want the dialog): ssh then uses
    the dialog wherever it has no terminal to ask on, which is the case of an app started
    from the desktop; started from a terminal, it asks there, as virsh would."""
    os.environ["SSH_ASKPASS"] = askpass
    os.environ["SSH_ASKPASS_REQUIRE"] = "force"


class LibvirtConnection:
    """A connection to one libvirt URI. Open it with `await LibvirtConnection.open(uri)`;
    always `await close()` it."""

    def __init__(self, uri: str, libvirt: ModuleType, conn: Any,
                 loop: asyncio.AbstractEventLoop) -> None:
        self.uri = uri
        self._libvirt = libvirt
        self._conn = conn
        self._loop = loop
        self._listeners: list[Listener] = []
        self._callback_id: int | None = None

    @classmethod
    async def open(cls, uri: str, *, askpass: str | None = None) -> LibvirtConnection:
        """Open `uri` off the event loop's thread and start receiving its domain events.

        `askpass`: the program ssh asks through when it must (a passphrase, an unknown host
        key) on a connection over SSH; the app gives its dialog, the CLI none (ssh then asks
        on the terminal, as for virsh)."""
        libvirt = _binding()
        if askpass is not None and goes_through_ssh(uri):
            _use_askpass(askpass)
        _EventThread.acquire(libvirt)
        try:
            conn = await asyncio.to_thread(libvirt.open, uri)
        except libvirt.libvirtError as exc:
            _EventThread.release(libvirt)
            raise _explain(exc, uri) from None
        self = cls(uri, libvirt, conn, asyncio.get_running_loop())
        try:
            self._callback_id = await asyncio.to_thread(
                conn.domainEventRegisterAny, None, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                self._on_lifecycle, None)
        except libvirt.libvirtError as exc:
            await asyncio.to_thread(conn.close)
            _EventThread.release(libvirt)
            raise _explain(exc, uri) from None
        return self

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        callback_id, self._callback_id = self._callback_id, None

        def shut() -> None:
            # A connection already gone has nothing left to deregister or close.
            if callback_id is not None:
                with contextlib.suppress(self._libvirt.libvirtError):
                    conn.domainEventDeregisterAny(callback_id)
            with contextlib.suppress(self._libvirt.libvirtError):
                conn.close()

        await asyncio.to_thread(shut)
        _EventThread.release(self._libvirt)

    async def __aenter__(self) -> LibvirtConnection:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- events -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` on the event loop for each lifecycle event; returns the
        unsubscribe function."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _on_lifecycle(self, _conn: Any, dom: Any, event: int, detail: int,
                      _opaque: Any) -> None:
        # On libvirt's event thread: read what is needed (no call to the daemon) and hand it
        # over to the asyncio loop.
        change = DomainStateChanged(self.uri, dom.name(), dom.UUIDString(),
                                    _EVENT_STATES.get(event), event, detail)
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody listens
            self._loop.call_soon_threadsafe(self._deliver, change)

    def _deliver(self, change: DomainStateChanged) -> None:
        for listener in list(self._listeners):
            listener(change)

    async def wait_for_state(self, name: str, states: set[VmState],
                             timeout: float | None) -> VmState | None:
        """Wait (from events) until domain `name` is in one of `states`; the state reached,
        or None after `timeout` seconds. Checks the current state first."""
        reached: asyncio.Future[VmState] = self._loop.create_future()

        def on_change(change: DomainStateChanged) -> None:
            if change.name == name and change.state in states and not reached.done():
                reached.set_result(change.state)

        unsubscribe = self.subscribe(on_change)
        try:
            current = (await self.domain(name)).state
            if current in states:
                return current
            try:
                return await asyncio.wait_for(reached, timeout)
            except TimeoutError:
                return None
        finally:
            unsubscribe()

    # --- queries ------------------------------------------------------------------------

    async def domains(self) -> list[DomainInfo]:
        """Every domain of the connection (running and defined), sorted by name."""

        def read() -> list[DomainInfo]:
            infos = []
            for dom in self._live().listAllDomains(0):
                try:
                    infos.append(self._info(dom))
                except self._libvirt.libvirtError as exc:
                    if exc.get_error_code() != VIR_ERR_NO_DOMAIN:  # undefined meanwhile
                        raise
            return sorted(infos, key=lambda i: i.name.lower())

        return await self._call(read)

    async def domain(self, name: str) -> DomainInfo:
        return await self._call(lambda: self._info(self._lookup(name)), name)

    def _info(self, dom: Any) -> DomainInfo:
        state, max_kib, mem_kib, vcpus, cpu_ns = dom.info()
        try:
            domain_type = ET.fromstring(dom.XMLDesc(0)).get("type", "")
        except ET.ParseError:
            domain_type = ""
        return DomainInfo(
            name=dom.name(), uuid=dom.UUIDString(), state=state_of(state), vcpus=vcpus,
            memory_bytes=mem_kib * 1024, max_memory_bytes=max_kib * 1024,
            persistent=bool(dom.isPersistent()), autostart=bool(dom.autostart()),
            domain_type=domain_type, cpu_time_ns=cpu_ns)

    # --- operations ---------------------------------------------------------------------

    async def start(self, name: str) -> Outcome:
        info = await self.domain(name)
        if info.state.is_active:
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_conn", "'{name}' is already running."), name=name),
                code="already-running")
        return await self._act(name, lambda dom: dom.create(), Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_conn", "'{name}' started."), name=name))

    async def pause(self, name: str) -> Outcome:
        info = await self.domain(name)
        if info.state is not VmState.RUNNING:
            return self._not_running(name)
        return await self._act(name, lambda dom: dom.suspend(), Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_conn", "'{name}' is paused."), name=name))

    async def resume(self, name: str) -> Outcome:
        info = await self.domain(name)
        if info.state is not VmState.PAUSED:
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_conn", "'{name}' is not paused."), name=name), code="not-paused")
        return await self._act(name, lambda dom: dom.resume(), Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_conn", "'{name}' is running again."), name=name))

    async def force_off(self, name: str) -> Outcome:
        return await self._act_if_active(name, lambda dom: dom.destroy(), Message(
            QT_TRANSLATE_NOOP("runtime.libvirt_conn", "'{name}' was forced off."), name=name))

    async def reset(self, name: str) -> Outcome:
        return await self._act_if_active(name, lambda dom: dom.reset(0), Message(
            QT_TRANSLATE_NOOP("runtime.libvirt_conn", "'{name}' was reset."), name=name))

    async def shutdown(self, name: str, timeout: float | None = None, *,
                       force: bool = False) -> Outcome:
        """Press the ACPI power button; wait up to `timeout` seconds (None: forever, 0: only
        ask) for the domain to stop, then force it off when `force`."""
        asked = await self._act_if_active(
            name, self._power_button,
            Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_conn", "'{name}' was asked to shut down."), name=name))
        if not asked.ok or timeout == 0:
            return asked
        stopped = await self.wait_for_state(name, {VmState.STOPPED, VmState.CRASHED}, timeout)
        if stopped is not None:
            return Outcome.success(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_conn", "'{name}' shut down."), name=name))
        if force:
            forced = await self.force_off(name)
            if forced.ok:
                return Outcome.success(Message(QT_TRANSLATE_NOOP(
                    "runtime.libvirt_conn",
                    "'{name}' did not shut down in time and was forced off."),
                    name=name))
            return forced
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_conn",
            "'{name}' did not shut down in time; force it off with kill, or wait longer."),
            name=name), code="timeout")

    # --- plumbing -----------------------------------------------------------------------

    def _power_button(self, dom: Any) -> None:
        try:
            dom.shutdownFlags(self._libvirt.VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN)
        except self._libvirt.libvirtError as exc:
            # A driver without that choice (libvirt's test driver) shuts down its own way.
            if exc.get_error_code() not in (VIR_ERR_INVALID_ARG, VIR_ERR_NO_SUPPORT):
                raise
            dom.shutdown()

    @staticmethod
    def _not_running(name: str) -> Outcome:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_conn", "'{name}' is not running."), name=name), code="not-running")

    async def _act_if_active(self, name: str, step: Callable[[Any], object],
                             done: Message) -> Outcome:
        """_act on a running or paused domain; "not running" otherwise."""
        info = await self.domain(name)
        if not info.state.is_active:
            return self._not_running(name)
        return await self._act(name, step, done)

    async def _act(self, name: str, step: Callable[[Any], object],
                   done: Message) -> Outcome:
        try:
            await self._call(lambda: step(self._lookup(name)), name)
        except LibvirtError as err:
            return Outcome.failure(err.message, code=err.code, details=err.details)
        return Outcome.success(done)

    async def run(self, fn: Callable[[Any], R], domain: str = "") -> R:
        """`fn(virConnect)` in a worker thread, libvirt's errors explained (LibvirtError).

        For the modules built on a connection (storage pools, moving a VM, a domain's XML):
        they make their own libvirt calls without reaching into this class."""
        return await self._call(lambda: fn(self._live()), domain)

    @property
    def binding(self) -> ModuleType:
        """The libvirt module, for its constants (VIR_STORAGE_…, VIR_DOMAIN_…)."""
        return self._libvirt

    def _live(self) -> Any:
        if self._conn is None:
            raise LibvirtError(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_conn", "The connection to {uri} is closed."), uri=self.uri),
                code="closed")
        return self._conn

    def _lookup(self, name: str) -> Any:
        return self._live().lookupByName(name)

    async def _call(self, fn: Callable[[], R], domain: str = "") -> R:
        try:
            return await asyncio.to_thread(fn)
        except self._libvirt.libvirtError as exc:
            raise _explain(exc, self.uri, domain) from None


def _explain(exc: Any, uri: str, domain: str = "") -> LibvirtError:
    code = exc.get_error_code()
    text = exc.get_error_message() or str(exc)
    err = explain(RawLibvirtError(code or 0, text), uri, domain)
    if code == VIR_ERR_OPERATION_INVALID:
        err.code = "invalid"
    return err


@dataclass(frozen=True)
class DomainStatus:
    """A domain's state and resource use, sampled over a short time."""

    info: DomainInfo
    cpu_percent: float | None  # of one host CPU, as top shows it; None when not running


async def sample_status(connection: LibvirtConnection, name: str,
                        sample_s: float = 0.5) -> DomainStatus:
    """`name`'s state, with its CPU use measured from libvirt's CPU time over `sample_s`."""
    first = await connection.domain(name)
    if first.state not in (VmState.RUNNING, VmState.SHUTTING_DOWN):
        return DomainStatus(first, None)
    start = asyncio.get_running_loop().time()
    await asyncio.sleep(sample_s)
    second = await connection.domain(name)
    elapsed = asyncio.get_running_loop().time() - start
    if second.cpu_time_ns < first.cpu_time_ns or elapsed <= 0:
        return DomainStatus(second, None)  # restarted meanwhile
    used = (second.cpu_time_ns - first.cpu_time_ns) / 1e9
    return DomainStatus(second, round(100 * used / elapsed, 1))
