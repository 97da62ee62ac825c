"""The app's libvirt connections (besides this computer's own kvmgui VMs): each one connected
on demand, its state (connecting, connected, failed and why), its domains kept current from
libvirt's lifecycle events, and the CPU and memory of its running domains sampled at the
app's stats interval.

Everything runs on the asyncio loop; each libvirt call runs in a worker thread (through
LibvirtConnection), so a host that does not answer never blocks the caller. A connection that
drops (libvirt's close callback, keepalive for remote hosts) is marked failed and tried again
after a growing pause; the user can reconnect at any time. Listeners get a `HostsChanged`
for every change, on the loop's thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from kvmgui.core.connections import SavedConnection
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime.libvirt_conn import DomainInfo, DomainStateChanged, LibvirtConnection
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.state import VmState
from kvmgui.runtime.tasks import cancel_and_wait

log = logging.getLogger(__name__)

RETRY_DELAYS_S = (2.0, 5.0, 15.0, 30.0, 60.0)
KEEPALIVE_INTERVAL_S = 5
KEEPALIVE_COUNT = 3
VIR_DOMAIN_EVENT_DEFINED = 0
VIR_DOMAIN_EVENT_UNDEFINED = 1

Opener = Callable[[str], Awaitable[LibvirtConnection]]


class HostState(StrEnum):
    NOT_CONNECTED = "not-connected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    FAILED = "failed"


@dataclass(frozen=True)
class Domain:
    """A domain as the window shows it: libvirt's facts and the sampled CPU use."""

    info: DomainInfo
    cpu_percent: float | None = None  # of one host CPU; None when not running or not sampled

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def state(self) -> VmState:
        return self.info.state


@dataclass
class LibvirtHost:
    """One saved connection and what is known of it."""

    saved: SavedConnection
    state: HostState = HostState.NOT_CONNECTED
    error: LibvirtError | None = None  # why it failed (state FAILED)
    connection: LibvirtConnection | None = None
    domains: dict[str, Domain] = field(default_factory=dict)
    _cpu_times: dict[str, tuple[int, float]] = field(default_factory=dict)

    @property
    def uri(self) -> str:
        return self.saved.uri


@dataclass(frozen=True)
class HostsChanged:
    """Something of connection `uri` changed: its state or domain list (`name` empty), or
    domain `name`'s state or figures."""

    uri: str
    name: str = ""


Listener = Callable[[HostsChanged], None]


class LibvirtHosts:
    def __init__(
        self,
        saved: tuple[SavedConnection, ...] = (),
        *,
        stats_interval_s: float = 2.0,
        opener: Opener | None = None,
    ) -> None:
        self.hosts: dict[str, LibvirtHost] = {c.uri: LibvirtHost(c) for c in saved}
        self._interval = stats_interval_s
        self._open: Opener = opener if opener is not None else LibvirtConnection.open
        self._listeners: list[Listener] = []
        self._connecting: dict[str, asyncio.Task[None]] = {}
        self._samplers: dict[str, asyncio.Task[None]] = {}
        self._retries: dict[str, asyncio.Task[None]] = {}
        self._unsubscribe: dict[str, Callable[[], None]] = {}
        self._closed = False
        self._background: set[asyncio.Task[None]] = set()
        self.shutdown_timeout_s: float | None = 60.0  # the app's setting

    # --- listeners ----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _publish(self, uri: str, name: str = "") -> None:
        for listener in list(self._listeners):
            try:
                listener(HostsChanged(uri, name))
            except Exception:  # one listener's bug must not stop the others
                log.exception("libvirt hosts listener failed")

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- the list of connections --------------------------------------------------------

    def set_saved(self, saved: tuple[SavedConnection, ...]) -> None:
        """Follow the saved list: new connections are added (not connected yet), removed ones
        closed, labels updated; the order is the list's."""
        wanted = {c.uri: c for c in saved}
        for uri in [u for u in self.hosts if u not in wanted]:
            host = self.hosts.pop(uri)
            self._spawn(self._disconnect(host))
            self._publish(uri)
        hosts = {}
        for c in saved:
            host = self.hosts.get(c.uri) or LibvirtHost(c)
            if host.saved != c:
                host.saved = c
                self._publish(c.uri)
            hosts[c.uri] = host
        added = [u for u in hosts if u not in self.hosts]
        self.hosts = hosts
        for uri in added:
            self._publish(uri)

    def set_interval(self, seconds: float) -> None:
        self._interval = seconds

    def host(self, uri: str) -> LibvirtHost | None:
        return self.hosts.get(uri)

    # --- connecting ---------------------------------------------------------------------

    def connect(self, uri: str) -> asyncio.Task[None] | None:
        """Connect `uri` in the background (nothing when connected or connecting); the task
        ends once it is connected or has failed."""
        host = self.hosts.get(uri)
        if host is None or self._closed:
            return None
        if host.state is HostState.CONNECTED or uri in self._connecting:
            return self._connecting.get(uri)
        task = asyncio.ensure_future(self._connect(host))
        self._connecting[uri] = task
        task.add_done_callback(lambda _t: self._connecting.pop(uri, None))
        return task

    def connect_all(self) -> None:
        for uri in list(self.hosts):
            self.connect(uri)

    async def reconnect(self, uri: str) -> None:
        """Close `uri`'s connection (if any) and connect again; waits for the outcome."""
        host = self.hosts.get(uri)
        if host is None:
            return
        await cancel_and_wait(self._retries.pop(uri, None))
        await cancel_and_wait(self._connecting.get(uri))
        await self._disconnect(host)
        task = self.connect(uri)
        if task is not None:
            await task

    async def _connect(self, host: LibvirtHost, retry: int = 0) -> None:
        host.state, host.error = HostState.CONNECTING, None
        self._publish(host.uri)
        try:
            connection = await self._open(host.uri)
        except LibvirtError as err:
            self._failed(host, err, retry)
            return
        if self.hosts.get(host.uri) is not host or self._closed:
            await connection.close()  # removed or shut down meanwhile
            return
        host.connection = connection

        def on_event(change: DomainStateChanged) -> None:
            self._on_event(host, change)

        self._unsubscribe[host.uri] = connection.subscribe(on_event)
        loop = asyncio.get_running_loop()

        def closed(_conn: Any, _reason: int, _opaque: Any) -> None:
            # On libvirt's event thread: hand over to the loop.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._dropped, host, connection)

        def watch(conn: Any) -> None:
            # Drivers without one (libvirt's test driver) never drop.
            with contextlib.suppress(connection.binding.libvirtError):
                conn.registerCloseCallback(closed, None)
            if host.saved.is_remote:
                # A host that vanishes (cable, sleep) is noticed within about 15 s.
                with contextlib.suppress(connection.binding.libvirtError):
                    conn.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT)

        try:
            await connection.run(watch)
            domains = await connection.domains()
        except LibvirtError as err:
            await self._disconnect(host)
            self._failed(host, err, retry)
            return
        host.domains = {d.name: Domain(d) for d in domains}
        host.state = HostState.CONNECTED
        self._publish(host.uri)
        self._samplers[host.uri] = asyncio.ensure_future(self._sample(host))

    def _failed(self, host: LibvirtHost, err: LibvirtError, retry: int = 0) -> None:
        host.state, host.error = HostState.FAILED, err
        host.domains = {}
        self._publish(host.uri)
        if retry:  # a dropped connection is tried again, with growing pauses
            self._retry_later(host, retry)

    def _dropped(self, host: LibvirtHost, connection: LibvirtConnection) -> None:
        if host.connection is not connection or self.hosts.get(host.uri) is not host:
            return  # an old connection, closed on purpose
        self._spawn(self._disconnect(host))
        self._failed(
            host,
            LibvirtError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "runtime.libvirt_hosts",
                        "The connection to {uri} was lost; kvmgui tries again in a moment "
                        "(or click Reconnect).",
                    ),
                    uri=host.uri,
                ),
                code="lost",
            ),
            retry=1,
        )

    def _retry_later(self, host: LibvirtHost, retry: int) -> None:
        delay = RETRY_DELAYS_S[min(retry, len(RETRY_DELAYS_S)) - 1]

        async def later() -> None:
            await asyncio.sleep(delay)
            self._retries.pop(host.uri, None)
            if self.hosts.get(host.uri) is host and host.state is HostState.FAILED:
                await self._connect(host, retry + 1)

        if not self._closed:
            self._retries[host.uri] = asyncio.ensure_future(later())

    async def _disconnect(self, host: LibvirtHost) -> None:
        await cancel_and_wait(self._samplers.pop(host.uri, None))
        unsubscribe = self._unsubscribe.pop(host.uri, None)
        if unsubscribe is not None:
            unsubscribe()
        connection, host.connection = host.connection, None
        host.domains = {}
        host._cpu_times.clear()
        if host.state is HostState.CONNECTED:
            host.state = HostState.NOT_CONNECTED
        if connection is not None:
            with contextlib.suppress(LibvirtError):
                await connection.run(lambda conn: conn.unregisterCloseCallback())
            await connection.close()

    async def remove(self, uri: str) -> None:
        host = self.hosts.pop(uri, None)
        if host is None:
            return
        await cancel_and_wait(self._retries.pop(uri, None))
        await cancel_and_wait(self._connecting.get(uri))
        await self._disconnect(host)
        self._publish(uri)

    async def close(self) -> None:
        self._closed = True
        for task in [*self._retries.values(), *self._connecting.values()]:
            await cancel_and_wait(task)
        for host in list(self.hosts.values()):
            await self._disconnect(host)

    # --- domains ------------------------------------------------------------------------

    def _on_event(self, host: LibvirtHost, change: DomainStateChanged) -> None:
        domain = host.domains.get(change.name)
        if change.state is not None and domain is not None:
            info = replace(domain.info, state=change.state)
            cpu = domain.cpu_percent if change.state.is_active else None
            host.domains[change.name] = Domain(info, cpu)
            self._publish(host.uri, change.name)
        # Then the facts from libvirt (memory, a domain defined or undefined elsewhere).
        self._spawn(self._refresh(host, change))

    async def _refresh(self, host: LibvirtHost, change: DomainStateChanged) -> None:
        connection = host.connection
        if connection is None:
            return
        try:
            if change.event in (VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_UNDEFINED):
                domains = await connection.domains()
                if host.connection is connection:
                    old = host.domains
                    host.domains = {
                        d.name: Domain(d, old[d.name].cpu_percent if d.name in old else None)
                        for d in domains
                    }
                    self._publish(host.uri)
                return
            info = await connection.domain(change.name)
        except LibvirtError as err:
            if err.code == "unknown-domain" and host.domains.pop(change.name, None) is not None:
                self._publish(host.uri)
            elif err.code != "unknown-domain":
                log.info("libvirt %s: %s", host.uri, err.details or err)
            return
        if host.connection is not connection:
            return
        old_domain = host.domains.get(change.name)
        if old_domain is None:
            host.domains[change.name] = Domain(info)
            self._publish(host.uri)
            return
        cpu = old_domain.cpu_percent if info.state.is_active else None
        if Domain(info, cpu) != old_domain:
            host.domains[change.name] = Domain(info, cpu)
            self._publish(host.uri, change.name)

    async def _sample(self, host: LibvirtHost) -> None:
        """CPU and memory of the running domains, one libvirt call a tick for all of them."""
        connection = host.connection
        assert connection is not None

        def read(conn: Any) -> list[tuple[str, int, int]]:
            flag = connection.binding.VIR_CONNECT_LIST_DOMAINS_ACTIVE
            out = []
            for dom in conn.listAllDomains(flag):
                with contextlib.suppress(connection.binding.libvirtError):
                    _state, _max_kib, mem_kib, _vcpus, cpu_ns = dom.info()
                    out.append((dom.name(), mem_kib * 1024, cpu_ns))
            return out

        loop = asyncio.get_running_loop()
        while True:
            try:
                figures = await connection.run(read)
            except LibvirtError as err:
                log.info("libvirt %s: sampling failed: %s", host.uri, err.details or err)
                figures = []
            now = loop.time()
            for name, memory, cpu_ns in figures:
                domain = host.domains.get(name)
                if domain is None:
                    continue
                before = host._cpu_times.get(name)
                host._cpu_times[name] = (cpu_ns, now)
                cpu = domain.cpu_percent
                if before is not None and cpu_ns >= before[0] and now > before[1]:
                    cpu = round(100 * (cpu_ns - before[0]) / 1e9 / (now - before[1]), 1)
                if domain.state is not VmState.RUNNING:
                    cpu = None  # a paused guest uses none (a test driver's clock still runs)
                updated = Domain(replace(domain.info, memory_bytes=memory), cpu)
                if updated != domain:
                    host.domains[name] = updated
                    self._publish(host.uri, name)
            await asyncio.sleep(self._interval)

    # --- actions ------------------------------------------------------------------------

    def _connection(self, uri: str) -> LibvirtConnection:
        host = self.hosts.get(uri)
        if host is None or host.connection is None:
            raise LibvirtError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "runtime.libvirt_hosts", "{uri} is not connected; click Reconnect."
                    ),
                    uri=uri,
                ),
                code="closed",
            )
        return host.connection

    def connection(self, uri: str) -> LibvirtConnection | None:
        """The open connection of `uri` (for the details window), or None."""
        host = self.hosts.get(uri)
        return None if host is None else host.connection

    async def _act(
        self, uri: str, work: Callable[[LibvirtConnection], Awaitable[Outcome]]
    ) -> Outcome:
        try:
            return await work(self._connection(uri))
        except LibvirtError as err:
            return Outcome.failure(err.message, code=err.code, details=err.details)

    async def start(self, uri: str, name: str) -> Outcome:
        return await self._act(uri, lambda c: c.start(name))

    async def pause(self, uri: str, name: str) -> Outcome:
        return await self._act(uri, lambda c: c.pause(name))

    async def resume(self, uri: str, name: str) -> Outcome:
        return await self._act(uri, lambda c: c.resume(name))

    async def shutdown(self, uri: str, name: str, timeout: float | None) -> Outcome:
        """The ACPI button, then a wait of `timeout` s; code "timeout" when the guest stayed
        on (the caller offers to force it off)."""
        return await self._act(uri, lambda c: c.shutdown(name, timeout))

    async def force_off(self, uri: str, name: str) -> Outcome:
        return await self._act(uri, lambda c: c.force_off(name))

    async def reset(self, uri: str, name: str) -> Outcome:
        return await self._act(uri, lambda c: c.reset(name))

    async def screenshot(self, uri: str, name: str) -> bytes | None:
        """The picture of domain `name`'s first screen (virDomainScreenshot: PPM from QEMU,
        PNG from some drivers), or None when it has none to give (not running, no display,
        a driver without screenshots, not connected)."""
        host = self.hosts.get(uri)
        connection = None if host is None else host.connection
        if connection is None:
            return None
        libvirt = connection.binding

        def grab(conn: Any) -> bytes:
            stream = conn.newStream(0)
            try:
                conn.lookupByName(name).screenshot(stream, 0, 0)
                chunks: list[bytes] = []
                stream.recvAll(lambda _st, data, out: out.append(data), chunks)
                stream.finish()
            except libvirt.libvirtError:
                with contextlib.suppress(libvirt.libvirtError):
                    stream.abort()
                raise
            return b"".join(chunks)

        try:
            return await connection.run(grab, name)
        except LibvirtError as err:
            log.debug("screenshot of %s on %s: %s", name, uri, err.details or err)
            return None

    def domain_handle(self, uri: str, name: str) -> DomainHandle:
        return DomainHandle(self, uri, name)


@dataclass(frozen=True)
class DomainHandle:
    """One domain's power actions, shaped as a kvmgui VM controller's, so the window's
    actions work on either."""

    hosts: LibvirtHosts
    uri: str
    name: str

    async def start(self) -> Outcome:
        return await self.hosts.start(self.uri, self.name)

    async def pause(self) -> Outcome:
        return await self.hosts.pause(self.uri, self.name)

    async def resume(self) -> Outcome:
        return await self.hosts.resume(self.uri, self.name)

    async def shutdown(self, timeout: float | None = None, *, force: bool = False) -> Outcome:
        wait = self.hosts.shutdown_timeout_s if timeout is None else timeout
        outcome = await self.hosts.shutdown(self.uri, self.name, wait)
        if force and outcome.code == "timeout":
            return await self.force_off()
        return outcome

    async def force_off(self) -> Outcome:
        return await self.hosts.force_off(self.uri, self.name)

    async def reset(self) -> Outcome:
        return await self.hosts.reset(self.uri, self.name)
