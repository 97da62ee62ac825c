#!/usr/bin/env python3
"""The app's idle cost: CPU of the kvmgui process with 10 running guests in the grid view.

Not a test. Run from the repository root:

    .venv/bin/python benches/bench_grid.py [--vms 10] [--seconds 30] [--quick] [--json FILE]

Needs Xvfb and xdotool (Debian: sudo apt install xvfb xdotool) and qemu-system-x86_64.

- N VMs (TCG, -m 64, no disk) with `-boot reboot-timeout=-1`: SeaBIOS prints "No bootable
  device" and halts, so every guest shows a static screen while running (not paused: the app
  takes pictures of running guests only). They are started through the real runtime by this
  script, which then lets go of them, as the app does when it quits.
- The app (.venv/bin/kvmgui, its bytecode cached) starts under a private Xvfb with the same
  folders and default settings (pictures every 5 s, stats every 2 s), reattaches to the guests
  and shows them as cards; its window is made 1280x800 so that every card is on screen.
- After --settle seconds (default 15: reattached, first pictures taken), the kvmgui process's
  CPU time (utime + stime of all its threads, /proc/PID/stat) is read over --seconds
  (default 30) and given as % of one core. The guests' QEMUs are not counted in it; their
  own CPU over the same time is given next to it (answering the app's screendumps and stats
  queries included).
- Then the app is stopped and the guests forced off.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench_startup import BenchError, need, start_xvfb, window_up  # noqa: E402

from kvmgui.core.settings import Settings, save_settings  # noqa: E402
from kvmgui.runtime.manager import VmManager  # noqa: E402
from kvmgui.runtime.stats import CLOCK_TICKS, read_proc_times  # noqa: E402
from tests.runtime.helpers import RunEnv, create_vm, qemu_pids_using, tiny_spec  # noqa: E402

TITLE = "^kvmgui — "


def cpu_seconds(pid: int) -> float:
    times = read_proc_times(pid)
    if times is None:
        raise BenchError("the app exited during the measurement")
    return times.cpu_ticks / CLOCK_TICKS


async def start_guests(env: RunEnv, settings: Settings, count: int) -> None:
    for i in range(count):
        create_vm(env, tiny_spec(f"grid{i:02d}", extra_args=("-boot", "reboot-timeout=-1")))
    manager = VmManager(env.paths, settings, store=env.store, sample_stats=False)
    await manager.open()
    try:
        for controller in manager.controllers():
            outcome = await controller.start()
            if not outcome.ok:
                raise BenchError(f"{controller.name} did not start: {outcome.message}")
    finally:
        await manager.close()  # lets go: the guests keep running for the app


async def stop_guests(env: RunEnv, settings: Settings) -> None:
    manager = VmManager(env.paths, settings, store=env.store, sample_stats=False)
    await manager.open()
    for controller in manager.controllers():
        if controller.pid is not None:
            await controller.force_off()
    await manager.close()


def main(args: argparse.Namespace) -> dict[str, object]:
    xdotool = need("xdotool", "xdotool")
    if shutil.which("qemu-system-x86_64") is None:
        raise BenchError("QEMU is not installed: sudo apt install qemu-system-x86")
    env = RunEnv.create()
    settings = replace(Settings(), **args.setting)
    save_settings(env.paths.settings_file, settings)
    xvfb, display = start_xvfb()
    app: subprocess.Popen[bytes] | None = None
    try:
        asyncio.run(start_guests(env, settings, args.vms))
        print(f"{args.vms} guests running (SeaBIOS, static screen)")
        environ = env.full_environ()
        environ.update(
            DISPLAY=display,
            LANG="C.UTF-8",
            NO_AT_BRIDGE="1",
            QT_ACCESSIBILITY="0",
            PYTHONPYCACHEPREFIX=str(env.root / "pycache"),
        )
        environ.pop("PYTHONDONTWRITEBYTECODE", None)
        environ.pop("QT_QPA_PLATFORM", None)
        script = ROOT / ".venv" / "bin" / "kvmgui"
        argv = [str(script)] if script.exists() else [sys.executable, "-m", "kvmgui.ui.app"]
        if os.environ.get("BENCH_GRID_ARGV"):  # profiling: another way to start the app
            argv = os.environ["BENCH_GRID_ARGV"].split()
        app = subprocess.Popen(
            argv,
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while (window := window_up(xdotool, display, TITLE)) is None:
            if app.poll() is not None or time.monotonic() > deadline:
                raise BenchError("the app's window did not appear")
            time.sleep(0.1)
        subprocess.run(
            [xdotool, "windowsize", str(window), "1280", "800"],
            env={**os.environ, "DISPLAY": display},
            check=False,
        )
        time.sleep(args.settle)
        qemus = qemu_pids_using(env.root)
        c0, q0, w0 = cpu_seconds(app.pid), sum(map(cpu_seconds, qemus)), time.monotonic()
        time.sleep(args.seconds)
        wall = time.monotonic() - w0
        cpu = (cpu_seconds(app.pid) - c0) / wall * 100
        qemu_cpu = (sum(map(cpu_seconds, qemus)) - q0) / wall * 100
        if args.screenshot is not None:  # to see that every card shows its guest's screen
            subprocess.run(
                ["import", "-window", "root", str(args.screenshot)],
                env={**os.environ, "DISPLAY": display},
                check=False,
            )
        print(
            f"kvmgui with {args.vms} running guests in the grid, {args.seconds:g} s: "
            f"{cpu:.2f} % of one core (the guests' {len(qemus)} QEMUs: {qemu_cpu:.1f} %)"
        )
        return {
            "vms": args.vms,
            "seconds": args.seconds,
            "app_cpu_percent": cpu,
            "qemu_cpu_percent": qemu_cpu,
            "thumbnail_interval_s": settings.thumbnail_interval_s,
            "stats_interval_s": settings.stats_interval_s,
        }
    finally:
        if app is not None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        try:
            asyncio.run(stop_guests(env, replace(settings)))
        finally:
            env.cleanup()
            xvfb.terminate()
            xvfb.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vms", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--settle", type=float, default=15.0)
    parser.add_argument("--quick", action="store_true", help="10 s settle, 10 s measured")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--screenshot",
        type=Path,
        help="save the screen at the end (PNG; needs ImageMagick's import)",
    )
    parser.add_argument(
        "--set",
        dest="setting",
        action="append",
        default=[],
        metavar="NAME=SECONDS",
        help="another setting for the app (e.g. thumbnail_interval_s=600), to "
        "see what each part costs",
    )
    arguments = parser.parse_args()
    arguments.setting = {k: float(v) for k, v in (a.split("=", 1) for a in arguments.setting)}
    if arguments.quick:
        arguments.seconds = 10.0
        arguments.settle = 10.0
    try:
        figures = main(arguments)
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1))
