#!/usr/bin/env python3
"""Stats sampler benchmark: what one sampling round costs with N running VMs.

Not a test. Run from the repository root:

    .venv/bin/python benches/bench_stats.py [--vms 10] [--rounds 50] [--seconds 60]
                                            [--quick] [--paused] [--json FILE]

It starts N VMs through the real runtime (TCG, -m 64, no OS: SeaBIOS finds nothing to boot and
idles; --paused stops them too), then measures in this process:

1. per round: wall time and CPU time (time.process_time) of `StatsSampler.sample_once()`,
   which reads /proc/<pid>/stat and /statm of every QEMU and asks each for `query-blockstats`
   over QMP (all VMs in parallel);
2. steady state (the supervision cost): the sampler task running at the app's default
   interval (Settings.stats_interval_s, 2 s) for --seconds (default 60, --quick 10); this
   process's CPU % over that time, i.e. what supervising the guests costs the app: the
   manager's event loop, its QMP sessions, the stats sampler and the performance advisor
   (which watches every sample), without the Qt window. QEMU's own work (including answering
   query-blockstats) is reported separately: CPU time of all QEMUs during the steady-state
   run, with and without sampling.

--json FILE writes the figures for benches/run_all.py. All VMs are forced off at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kvmgui.core.settings import Settings
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.stats import CLOCK_TICKS, read_proc_times
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec


def qemu_cpu_seconds(manager: VmManager) -> float:
    total = 0
    for c in manager.controllers():
        if c.pid is not None:
            times = read_proc_times(c.pid)
            total += times.cpu_ticks if times else 0
    return total / CLOCK_TICKS


async def main(args: argparse.Namespace) -> dict[str, float]:
    env = RunEnv.create()
    for i in range(args.vms):
        create_vm(env, tiny_spec(f"bench{i:02d}"))
    settings = Settings()
    manager = VmManager(env.paths, settings, store=env.store, role=MonitorRole.APP,
                        sample_stats=False)
    await manager.open()
    try:
        started = time.monotonic()
        for c in manager.controllers():
            outcome = await c.start()
            assert outcome.ok, outcome
            if args.paused:
                assert (await c.pause()).ok
        print(f"{args.vms} VMs started in {time.monotonic() - started:.1f} s "
              f"({'paused' if args.paused else 'running, idle in SeaBIOS'})")
        await asyncio.sleep(1)
        await manager.stats.sample_once()  # first round: no CPU % yet

        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(args.rounds):
            w0, c0 = time.perf_counter(), time.process_time()
            stats = await manager.stats.sample_once()
            cpus.append(time.process_time() - c0)
            walls.append(time.perf_counter() - w0)
            assert len(stats) == args.vms
            await asyncio.sleep(0.05)
        print(f"one round over {args.vms} VMs ({args.rounds} rounds): "
              f"wall median {statistics.median(walls) * 1000:.2f} ms "
              f"(max {max(walls) * 1000:.2f} ms), "
              f"CPU median {statistics.median(cpus) * 1000:.2f} ms "
              f"(mean {statistics.mean(cpus) * 1000:.2f} ms)")

        async def steady(sampling: bool) -> tuple[float, float]:
            q0, c0, w0 = qemu_cpu_seconds(manager), time.process_time(), time.monotonic()
            if sampling:
                manager.stats.set_interval(settings.stats_interval_s)
                manager.stats.start()
            await asyncio.sleep(args.seconds)
            if sampling:
                await manager.stats.stop()
            wall = time.monotonic() - w0
            return ((time.process_time() - c0) / wall * 100,
                    (qemu_cpu_seconds(manager) - q0) / wall * 100)

        idle_self, idle_qemu = await steady(False)
        busy_self, busy_qemu = await steady(True)
        print(f"steady state, {args.seconds:g} s at a {settings.stats_interval_s:g} s interval: "
              f"this process {busy_self:.2f} % of one core while sampling "
              f"({idle_self:.2f} % without); all QEMUs {busy_qemu:.1f} % "
              f"({idle_qemu:.1f} % without)")
        return {
            "vms": args.vms,
            "seconds": args.seconds,
            "interval_s": settings.stats_interval_s,
            "app_cpu_percent": busy_self,
            "app_cpu_percent_not_sampling": idle_self,
            "qemu_cpu_percent": busy_qemu,
            "qemu_cpu_percent_not_sampled": idle_qemu,
            "round_wall_ms": statistics.median(walls) * 1000,
            "round_cpu_ms": statistics.median(cpus) * 1000,
        }
    finally:
        for c in manager.controllers():
            if c.pid is not None:
                await c.force_off()
        await manager.close()
        env.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vms", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="length of each steady-state run (default 60)")
    parser.add_argument("--quick", action="store_true", help="10 s runs and 10 rounds")
    parser.add_argument("--paused", action="store_true")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.seconds = min(arguments.seconds, 10.0)
        arguments.rounds = min(arguments.rounds, 10)
    figures = asyncio.run(main(arguments))
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1))
