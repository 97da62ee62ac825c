"""The stats sampler: /proc parsing, CPU %, and one real sampling round over running VMs."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.runtime.events import StatsSampled
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.stats import (
    CLOCK_TICKS,
    CpuMeter,
    ProcTimes,
    parse_blockstats,
    parse_proc_stat,
    read_proc_times,
    read_rss,
)
from tests.runtime.helpers import EventLog, RunEnv, create_vm, tiny_spec


def test_parse_proc_stat_with_spaces_and_parentheses_in_the_name() -> None:
    raw = (b"1234 (kvmgui-a) b) c) S 1 1234 1234 0 -1 4194560 100 0 0 0 "
           b"250 50 0 0 20 0 3 0 777 123456 789 18446744073709551615")
    assert parse_proc_stat(raw) == ProcTimes(cpu_ticks=300, start_ticks=777)
    assert parse_proc_stat(b"garbage") is None


def test_cpu_meter() -> None:
    meter = CpuMeter()
    assert meter.update(1, ProcTimes(100, 5), 10.0) is None  # needs two samples
    busy = meter.update(1, ProcTimes(100 + CLOCK_TICKS * 2, 5), 12.0)  # 2 s CPU in 2 s
    assert busy == pytest.approx(100.0)
    assert meter.update(1, ProcTimes(0, 6), 13.0) is None  # the pid was reused: start over
    meter.forget([])
    assert meter.update(1, ProcTimes(0, 6), 14.0) is None


def test_parse_blockstats() -> None:
    reply = [
        {"device": "", "qdev": "/machine/peripheral/disk0/virtio-backend", "node-name": "hd0",
         "stats": {"rd_bytes": 10, "wr_bytes": 20, "rd_operations": 1, "wr_operations": 2}},
        {"device": "", "qdev": "cdrom0", "stats": {"rd_bytes": 5}},
    ]
    disks = parse_blockstats(reply)
    assert [(d.device, d.read_bytes, d.write_bytes, d.read_ops, d.write_ops) for d in disks] == [
        ("disk0", 10, 20, 1, 2), ("cdrom0", 5, 0, 0, 0)]
    assert parse_blockstats(None) == ()


def test_reading_our_own_process() -> None:
    times = read_proc_times(os.getpid())
    assert times is not None and times.cpu_ticks > 0
    rss = read_rss(os.getpid())
    assert rss is not None and rss > 1024 * 1024
    assert read_proc_times(999999999) is None


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_one_sampler_for_all_running_vms(
    run_env: RunEnv, manager: VmManager, events: EventLog
) -> None:
    disk = Disk(str(run_env.root / "d.qcow2"), format=DiskFormat.QCOW2,
                size_bytes=16 * 1024 * 1024)
    create_vm(run_env, tiny_spec("s1", disks=(disk,)))
    create_vm(run_env, tiny_spec("s2"))
    create_vm(run_env, tiny_spec("s3"))  # never started: not sampled
    await manager.reload()
    for name in ("s1", "s2"):
        assert (await manager.get(name).start()).ok
    first = await manager.stats.sample_once()
    assert {s.vm_id for s in first} == {manager.get("s1").vm_id, manager.get("s2").vm_id}
    assert all(s.cpu_percent is None for s in first)
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    second = await manager.stats.sample_once()
    took = time.perf_counter() - started
    by_name = {manager.get(n).vm_id: n for n in ("s1", "s2")}
    for stats in second:
        assert stats.cpu_percent is not None and stats.cpu_percent >= 0
        assert stats.rss_bytes is not None and stats.rss_bytes > 10 * 1024 * 1024
        assert stats.uptime_s is not None and 0 < stats.uptime_s < 60
        if by_name[stats.vm_id] == "s1":
            # SeaBIOS reads the disk's first sector while looking for something to boot.
            assert [d.device for d in stats.disks] == ["disk0", "cdrom0"]
    assert took < 0.5, f"one sampling round of two VMs took {took:.3f} s"
    sampled = events.of_type(StatsSampled)
    assert len(sampled) == 4
    assert manager.stats.latest(manager.get("s1").vm_id) == next(
        s for s in second if by_name[s.vm_id] == "s1")

    # The periodic task publishes by itself, at the configured interval.
    manager.stats.set_interval(0.2)
    manager.stats.start()
    await events.wait_for(lambda: len(events.of_type(StatsSampled)) >= 8, 5)
    await manager.stats.stop()
    assert (await manager.get("s2").force_off()).ok
    after = await manager.stats.sample_once()
    assert [s.vm_id for s in after] == [manager.get("s1").vm_id]
    assert manager.stats.latest(manager.get("s2").vm_id) is None


def test_uptime_is_measured_from_proc(tmp_path: Path) -> None:
    from kvmgui.runtime.stats import process_uptime, system_uptime

    times = read_proc_times(os.getpid())
    assert times is not None
    up = process_uptime(times, system_uptime())
    assert up is not None and 0 <= up < 24 * 3600 * 365
