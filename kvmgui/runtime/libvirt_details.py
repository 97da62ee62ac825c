"""What the details window of a libvirt domain reads from its connection: the domain's XML
and its resource counters, each in one worker-thread call (LibvirtConnection.run), so a slow
or remote daemon never holds the event loop.

Counters come from libvirt's bulk statistics (virConnectGetAllDomainStats: one round trip to
the daemon for CPU time, memory, every disk and NIC); a driver that leaves some out (libvirt's
test driver) is asked with the older per-device calls instead.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import Any

from kvmgui.core.libvirt_domain_view import DomainView, parse_domain_view
from kvmgui.runtime.libvirt_conn import LibvirtConnection

# virDomainStatsTypes
_STATS_STATE = 0x1
_STATS_CPU_TOTAL = 0x2
_STATS_BALLOON = 0x4
_STATS_INTERFACE = 0x10
_STATS_BLOCK = 0x20
_STATS = _STATS_STATE | _STATS_CPU_TOTAL | _STATS_BALLOON | _STATS_INTERFACE | _STATS_BLOCK
_RUNNING_STATES = (1, 2, 4)  # running, blocked, shutting down


async def domain_xml(connection: LibvirtConnection, name: str) -> str:
    """The domain's XML as libvirt has it now (the live one while it runs: the display's
    socket and port are filled in). Secrets (display passwords) are left out by libvirt."""
    text: str = await connection.run(lambda conn: conn.lookupByName(name).XMLDesc(0), name)
    return text


async def domain_view(connection: LibvirtConnection, name: str) -> tuple[str, DomainView]:
    """The domain's XML and what the details show of it (DomainXmlError when unreadable)."""
    text = await domain_xml(connection, name)
    return text, parse_domain_view(text)


@dataclass(frozen=True)
class DomainCounters:
    """Cumulative counters of a domain at one moment (`sampled_at`, time.monotonic())."""

    sampled_at: float
    active: bool
    cpu_time_ns: int | None = None
    memory_bytes: int | None = None  # what the host gives it: QEMU's resident set, or balloon
    read_bytes: int = 0
    write_bytes: int = 0
    rx_bytes: int = 0
    tx_bytes: int = 0


@dataclass(frozen=True)
class DomainRates:
    """Use over the time between two DomainCounters."""

    cpu_percent: float | None  # of one host CPU, as top shows it
    memory_bytes: int | None
    read_per_s: float | None
    write_per_s: float | None
    rx_per_s: float | None
    tx_per_s: float | None


async def read_counters(connection: LibvirtConnection, name: str,
                        view: DomainView | None = None) -> DomainCounters:
    """The counters of `name`; `view` (its parsed XML) names the disks and NICs for a driver
    without bulk statistics."""

    def read(conn: Any) -> DomainCounters:
        dom = conn.lookupByName(name)
        try:
            ((_dom, stats),) = conn.domainListGetStats([dom], _STATS, 0)
        except connection.binding.libvirtError:
            stats = {}
        now = time.monotonic()
        state = stats.get("state.state")
        if state is None:
            state = dom.info()[0]
        if state not in _RUNNING_STATES and state != 3:  # not running nor paused
            return DomainCounters(now, active=False)
        if "cpu.time" in stats:
            return _from_bulk(now, stats)
        return _per_device(now, dom, view, connection.binding.libvirtError)

    counters: DomainCounters = await connection.run(read, name)
    return counters


def _from_bulk(now: float, stats: dict[str, Any]) -> DomainCounters:
    def total(prefix: str, key: str) -> int:
        count = int(stats.get(f"{prefix}.count", 0))
        return sum(int(stats.get(f"{prefix}.{i}.{key}", 0)) for i in range(count))

    memory = stats.get("balloon.rss") or stats.get("balloon.current")
    return DomainCounters(
        sampled_at=now, active=True, cpu_time_ns=int(stats["cpu.time"]),
        memory_bytes=int(memory) * 1024 if memory is not None else None,
        read_bytes=total("block", "rd.bytes"), write_bytes=total("block", "wr.bytes"),
        rx_bytes=total("net", "rx.bytes"), tx_bytes=total("net", "tx.bytes"))


def _per_device(now: float, dom: Any, view: DomainView | None,
                error: type[Exception]) -> DomainCounters:
    _state, _max_kib, mem_kib, _vcpus, cpu_ns = dom.info()
    memory = mem_kib
    with contextlib.suppress(error):
        memory = dom.memoryStats().get("rss", mem_kib)
    read = write = rx = tx = 0
    for disk in view.disks if view is not None else ():
        try:
            _rd_req, rd_bytes, _wr_req, wr_bytes, _err = dom.blockStats(disk.target)
        except error:
            continue  # an empty CD/DVD drive has no statistics
        read, write = read + max(0, rd_bytes), write + max(0, wr_bytes)
    for nic in view.nics if view is not None else ():
        if not nic.target:
            continue
        try:
            stats = dom.interfaceStats(nic.target)
        except error:
            continue
        rx, tx = rx + max(0, stats[0]), tx + max(0, stats[4])
    return DomainCounters(now, True, int(cpu_ns), int(memory) * 1024, read, write, rx, tx)


def rates(before: DomainCounters | None, after: DomainCounters) -> DomainRates | None:
    """What the domain used between two samples; None when it is not running or when the
    two samples do not belong to one run (counters went back: restarted meanwhile)."""
    if not after.active:
        return None
    if before is None or not before.active:
        return DomainRates(None, after.memory_bytes, None, None, None, None)
    elapsed = after.sampled_at - before.sampled_at
    if elapsed <= 0:
        return None

    def per_s(first: int, second: int) -> float | None:
        return (second - first) / elapsed if second >= first else None

    cpu = None
    if before.cpu_time_ns is not None and after.cpu_time_ns is not None \
            and after.cpu_time_ns >= before.cpu_time_ns:
        cpu = round(100 * (after.cpu_time_ns - before.cpu_time_ns) / 1e9 / elapsed, 1)
    return DomainRates(
        cpu_percent=cpu, memory_bytes=after.memory_bytes,
        read_per_s=per_s(before.read_bytes, after.read_bytes),
        write_per_s=per_s(before.write_bytes, after.write_bytes),
        rx_per_s=per_s(before.rx_bytes, after.rx_bytes),
        tx_per_s=per_s(before.tx_bytes, after.tx_bytes))
