"""Resource figures of running VMs, sampled by one task for all of them.

Per VM and tick: two small /proc reads (stat for CPU time and start time, statm for resident
memory) and one QMP `query-blockstats`, all VMs' queries in parallel. CPU % is the CPU time
QEMU used between two samples over the wall time between them (100 % = one core busy), so a
4-vCPU guest can show up to 400 %. Nothing is polled for state: the sampler only reads
figures of VMs the controllers already know to be running.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kvmgui.runtime.tasks import cancel_and_wait

log = logging.getLogger(__name__)

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
BLOCKSTATS_TIMEOUT_S = 2.0
MIN_INTERVAL_S = 0.2


@dataclass(frozen=True)
class DiskIo:
    device: str  # the qdev id ("disk0", "cdrom0") or node name
    read_bytes: int
    write_bytes: int
    read_ops: int
    write_ops: int


@dataclass(frozen=True)
class VmStats:
    vm_id: str
    pid: int
    cpu_percent: float | None  # None on the first sample (needs two)
    rss_bytes: int | None
    uptime_s: float | None
    disks: tuple[DiskIo, ...] = ()
    sampled_at: float = 0.0  # time.monotonic()

    @property
    def read_bytes(self) -> int:
        return sum(d.read_bytes for d in self.disks)

    @property
    def write_bytes(self) -> int:
        return sum(d.write_bytes for d in self.disks)


@dataclass(frozen=True)
class ProcTimes:
    cpu_ticks: int  # utime + stime of all threads
    start_ticks: int  # start time after boot, in clock ticks


def read_proc_times(pid: int, proc: Path = Path("/proc")) -> ProcTimes | None:
    try:
        raw = (proc / str(pid) / "stat").read_bytes()
    except OSError:
        return None
    return parse_proc_stat(raw)


def parse_proc_stat(raw: bytes) -> ProcTimes | None:
    """/proc/<pid>/stat: fields after the `(comm)` one; utime=14, stime=15, starttime=22."""
    end = raw.rfind(b")")
    if end < 0:
        return None
    fields = raw[end + 2:].split()
    # fields[0] is field 3 (state), so field N is fields[N - 3].
    try:
        return ProcTimes(int(fields[11]) + int(fields[12]), int(fields[19]))
    except (IndexError, ValueError):
        return None


def read_rss(pid: int, proc: Path = Path("/proc")) -> int | None:
    try:
        fields = (proc / str(pid) / "statm").read_bytes().split()
        return int(fields[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return None


def system_uptime(proc: Path = Path("/proc")) -> float | None:
    try:
        return float((proc / "uptime").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None


def process_uptime(times: ProcTimes, now_uptime: float | None) -> float | None:
    if now_uptime is None:
        return None
    return max(0.0, now_uptime - times.start_ticks / CLOCK_TICKS)


def parse_blockstats(reply: Any) -> tuple[DiskIo, ...]:
    disks = []
    for entry in reply if isinstance(reply, list) else []:
        stats = entry.get("stats") or {}
        name = entry.get("qdev") or entry.get("device") or entry.get("node-name") or "?"
        # qdev paths look like /machine/peripheral/disk0/virtio-backend: keep the id.
        if name.startswith("/machine/peripheral/"):
            name = name.split("/")[3]
        disks.append(DiskIo(
            device=name,
            read_bytes=int(stats.get("rd_bytes", 0)),
            write_bytes=int(stats.get("wr_bytes", 0)),
            read_ops=int(stats.get("rd_operations", 0)),
            write_ops=int(stats.get("wr_operations", 0)),
        ))
    return tuple(disks)


class CpuMeter:
    """CPU % per process from successive /proc samples."""

    def __init__(self) -> None:
        self._last: dict[int, tuple[int, float, int]] = {}  # pid -> (ticks, when, start)

    def update(self, pid: int, times: ProcTimes, now: float) -> float | None:
        previous = self._last.get(pid)
        self._last[pid] = (times.cpu_ticks, now, times.start_ticks)
        # A different start time means the pid was reused by a new process.
        if previous is None or previous[2] != times.start_ticks or now <= previous[1]:
            return None
        used = (times.cpu_ticks - previous[0]) / CLOCK_TICKS
        return max(0.0, 100.0 * used / (now - previous[1]))

    def forget(self, keep: Iterable[int]) -> None:
        alive = set(keep)
        for pid in list(self._last):
            if pid not in alive:
                del self._last[pid]


class StatsSource(Protocol):
    """What the sampler needs from a VM controller."""

    @property
    def vm_id(self) -> str: ...

    @property
    def pid(self) -> int | None: ...

    async def blockstats(self, timeout: float) -> Any: ...


class StatsSampler:
    """One task sampling every running VM each `interval` seconds."""

    def __init__(
        self,
        sources: Callable[[], Iterable[StatsSource]],
        publish: Callable[[VmStats], None],
        interval: float = 2.0,
    ) -> None:
        self._sources = sources
        self._publish = publish
        self.interval = max(MIN_INTERVAL_S, interval)
        self._meter = CpuMeter()
        self._task: asyncio.Task[None] | None = None
        self._latest: dict[str, VmStats] = {}
        self._wake = asyncio.Event()
        self.ticks = 0

    def latest(self, vm_id: str) -> VmStats | None:
        return self._latest.get(vm_id)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if not self.running:
            self._task = asyncio.ensure_future(self._run())

    def set_interval(self, interval: float) -> None:
        self.interval = max(MIN_INTERVAL_S, interval)
        self._wake.set()

    async def stop(self) -> None:
        task, self._task = self._task, None
        await cancel_and_wait(task)

    async def _run(self) -> None:
        while True:
            started = time.monotonic()
            try:
                await self.sample_once()
            except Exception:  # never let one bad sample end the sampler
                log.exception("stats sampling failed")
            self._wake.clear()
            delay = max(0.0, self.interval - (time.monotonic() - started))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    async def sample_once(self) -> list[VmStats]:
        sources = [s for s in self._sources() if s.pid is not None]
        uptime = system_uptime()
        now = time.monotonic()
        figures: list[tuple[StatsSource, int, ProcTimes | None, int | None]] = []
        for source in sources:
            pid = source.pid
            assert pid is not None
            figures.append((source, pid, read_proc_times(pid), read_rss(pid)))
        replies = await asyncio.gather(
            *(self._blockstats(source) for source, *_ in figures)
        )
        results = []
        for (source, pid, times, rss), disks in zip(figures, replies, strict=True):
            cpu = self._meter.update(pid, times, now) if times else None
            stats = VmStats(
                vm_id=source.vm_id,
                pid=pid,
                cpu_percent=cpu,
                rss_bytes=rss,
                uptime_s=process_uptime(times, uptime) if times else None,
                disks=disks,
                sampled_at=now,
            )
            self._latest[source.vm_id] = stats
            results.append(stats)
        self._meter.forget(pid for _, pid, _, _ in figures)
        for vm_id in list(self._latest):
            if vm_id not in {s.vm_id for s in sources}:
                del self._latest[vm_id]
        for stats in results:
            self._publish(stats)
        self.ticks += 1
        return results

    async def _blockstats(self, source: StatsSource) -> tuple[DiskIo, ...]:
        try:
            return parse_blockstats(await source.blockstats(BLOCKSTATS_TIMEOUT_S))
        except Exception:  # a busy or vanished monitor only costs this tick's disk figures
            return ()
