#!/usr/bin/env python3
"""UI event-loop latency benchmark: how late a 10 ms QTimer fires in the real app, idle and
with 10 guests running.

Not a test. Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benches/bench_ui_latency.py [--quick]
        [--seconds 30] [--json FILE]

The app is built exactly as `kvmgui` builds it (`kvmgui.ui.app.build`: AppContext, VmManager,
MainWindow, qasync loop on the QApplication), offscreen, with the default settings except the
accelerator (TCG: this machine has no usable KVM). It runs four scenarios, each for
--seconds (default 30, --quick 5):

1. empty:   no VM defined;
2. idle:    20 VMs defined, none running;
3. loaded:  20 VMs defined, 10 running (TCG, 32/64 MiB, no disk: SeaBIOS finds nothing to
            boot and idles; VNC on a unix socket), so the window polls stats every 2 s and
            thumbnails (a QMP screendump per VM) every 5 s, as it would for a user;
4. loaded-no-thumbnails: the same without the thumbnail rounds (to see what they cost: the
            PNG of each screendump is decoded and scaled on the Qt thread).

A PreciseTimer fires every 10 ms on the Qt thread; the lateness of each tick (the interval
minus 10 ms) is what a user feels as a sluggish window. Reported: p50 / p95 / p99 / max
lateness and the app process's CPU % over the window (QEMU's own CPU time is not included),
plus the thumbnails made and the time each spent decoding and scaling its PNG on the Qt
thread (the largest synchronous step the window takes per running VM).

Importable: `run(quick: bool = False, seconds: float | None = None) -> list[dict]` returns
one dict per scenario (for benches/run_all.py); `markdown(results) -> str` renders them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from kvmgui.core.model import Accel
from kvmgui.core.settings import Settings, save_settings
from tests.runtime.helpers import RunEnv, tiny_spec
from tests.ui.heartbeat import Heartbeat

HEARTBEAT_MS = 10
DEFINED = 20
RUNNING = 10
FULL_SECONDS = 30.0
QUICK_SECONDS = 5.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def _scenario(name: str, defined: int, running: int, seconds: float,
                    *, thumbnails: bool = True) -> dict[str, Any]:
    from kvmgui.ui.app import build

    env = RunEnv.create()
    settings = replace(Settings(), accelerator=Accel.TCG, confirm_force_off=False)
    if not thumbnails:
        # The longest interval the settings allow: one round when the window opens, then none.
        settings = replace(settings, thumbnail_interval_s=600.0)
    save_settings(env.paths.settings_file, settings)
    ids = [env.store.create(tiny_spec(f"lat{i:02d}", memory_mib=32 if i % 2 else 64)).spec.id
           for i in range(defined)]
    window = build(env.paths)  # its runtime starts in startup(), once the window is painted
    heartbeat = Heartbeat(HEARTBEAT_MS)
    # Time the one synchronous step of a thumbnail on the Qt thread (PNG decode + scale).
    from kvmgui.ui import thumbnails as thumbs

    real_scale = thumbs.scaled_thumbnail
    decode_s: list[float] = []

    def timed_scale(data: bytes) -> Any:
        began = time.perf_counter()
        try:
            return real_scale(data)
        finally:
            decode_s.append(time.perf_counter() - began)

    thumbs.scaled_thumbnail = timed_scale
    try:
        window.show()
        await window.startup()
        rows = [window.model.get(vm_id) for vm_id in ids[:running]]
        outcomes = await asyncio.gather(*(window.vm_actions.do_start(row)
                                          for row in rows if row is not None))
        failed = [o.message for o in outcomes if not o.ok]
        if failed:
            raise RuntimeError(f"VMs did not start: {failed}")
        await asyncio.sleep(1.0)  # let the start-up traffic settle
        heartbeat.start()
        decode_s.clear()
        cpu0, wall0 = time.process_time(), time.monotonic()
        await asyncio.sleep(seconds)
        cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
        heartbeat.stop()
        late = heartbeat.lateness
        return {
            "bench": "ui_latency",
            "scenario": name,
            "thumbnail_interval_s": settings.thumbnail_interval_s,
            "defined": defined,
            "running": running,
            "seconds": round(wall, 1),
            "ticks": len(late),
            "p50_ms": round(statistics.median(late) * 1000, 2),
            "p95_ms": round(_percentile(late, 95) * 1000, 2),
            "p99_ms": round(_percentile(late, 99) * 1000, 2),
            "max_ms": round(max(late) * 1000, 2),
            "app_cpu_percent": round(100 * cpu / wall, 1),
            "thumbnails": len(decode_s),
            "thumb_decode_mean_ms": round(statistics.fmean(decode_s) * 1000, 2) if decode_s
            else None,
            "thumb_decode_max_ms": round(max(decode_s) * 1000, 2) if decode_s else None,
        }
    finally:
        thumbs.scaled_thumbnail = real_scale
        heartbeat.stop()
        window.thumbnails.stop()
        manager = window.ctx.manager
        if manager is not None:
            for controller in manager.controllers():
                if controller.pid is not None:
                    await controller.force_off()
            await manager.close()
        window.close()  # nothing runs any more, so the window closes without asking
        for _ in range(50):
            if not window.isVisible():
                break
            await asyncio.sleep(0.05)
        window.deleteLater()
        leftovers = env.cleanup()
        if leftovers:
            raise RuntimeError(f"QEMU pid(s) {leftovers} were left running (now killed)")


def run(quick: bool = False, seconds: float | None = None) -> list[dict[str, Any]]:
    """Run the four scenarios in this process; one result dict per scenario."""
    import qasync

    duration = seconds if seconds is not None else (QUICK_SECONDS if quick else FULL_SECONDS)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    from kvmgui.ui import pyside_fixes

    pyside_fixes.install(app)

    async def all_scenarios() -> list[dict[str, Any]]:
        return [
            await _scenario("empty", 0, 0, duration),
            await _scenario("idle", DEFINED, 0, duration),
            await _scenario("loaded", DEFINED, RUNNING, duration),
            await _scenario("loaded-no-thumbnails", DEFINED, RUNNING, duration,
                            thumbnails=False),
        ]

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        results: list[dict[str, Any]] = loop.run_until_complete(all_scenarios())
        return results
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value}"


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        f"UI event-loop lateness of a {HEARTBEAT_MS} ms QTimer in the real app (offscreen, TCG)",
        "",
        "| scenario | defined | running | seconds | ticks | p50 ms | p95 ms | p99 ms | max ms "
        "| app CPU % | thumbnails | decode mean/max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['scenario']} | {r['defined']} | {r['running']} | {r['seconds']} "
            f"| {r['ticks']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} "
            f"| {r['app_cpu_percent']} | {r['thumbnails']} "
            f"| {_ms(r['thumb_decode_mean_ms'])} / {_ms(r['thumb_decode_max_ms'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 s per scenario instead of 30")
    parser.add_argument("--seconds", type=float, default=None, help="seconds per scenario")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)
    results = run(quick=args.quick, seconds=args.seconds)
    print(markdown(results))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
