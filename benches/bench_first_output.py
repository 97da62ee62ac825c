#!/usr/bin/env python3
"""Time from "Start" to the guest's first serial output: kvmgui vs the same QEMU by hand.

Not a test. Run from the repository root:

    .venv/bin/python benches/bench_first_output.py [--rounds 9] [--quick] [--json FILE]

The guest is the test guest's "verbose" variant (tests/guest) booting from its ISO, 256 MiB,
one vCPU, under TCG: its boot loader (isolinux) writes to the serial port as soon as the BIOS
starts it, so the first byte comes a fraction of a second after QEMU starts and the figure is
about starting QEMU, not about the guest's boot. The clock stops at the first byte in the
serial log (polled every 5 ms).

- kvmgui: `VmController.start()` through a VmManager that has already probed the host and
  QEMU (the app does that once at start-up), i.e. what the Start button does: create the
  runtime folder and the start lock, build the argv, write meta.json, launch QEMU with -S,
  connect to QMP, `cont`.
- by hand: the argv kvmgui builds for the same VM (build_argv, without -S, in a folder of its
  own) started with subprocess.Popen, as someone pasting kvmgui's "show the command line"
  into a terminal would.

The rounds alternate the two; medians are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kvmgui.core.argv import build_argv, shell_line  # noqa: E402
from kvmgui.core.model import Accel, BootDevice, Cdrom, CdromSource, OsPreset  # noqa: E402
from kvmgui.core.paths import VmFolder, VmRuntimePaths  # noqa: E402
from kvmgui.core.presets import new_spec  # noqa: E402
from kvmgui.core.settings import Settings  # noqa: E402
from kvmgui.runtime.controller import MonitorRole  # noqa: E402
from kvmgui.runtime.manager import VmManager  # noqa: E402
from tests.guest.build import ensure_test_iso  # noqa: E402
from tests.runtime.helpers import RunEnv, create_vm  # noqa: E402

POLL_S = 0.005
TIMEOUT_S = 120.0


async def first_byte(path: Path, since: float) -> float:
    deadline = since + TIMEOUT_S
    while True:
        try:
            if path.stat().st_size > 0:
                return time.monotonic() - since
        except FileNotFoundError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"no serial output in {path} within {TIMEOUT_S:g} s")
        await asyncio.sleep(POLL_S)


async def main(args: argparse.Namespace) -> dict[str, object]:
    env = RunEnv.create()
    # A private copy: the shared cache may replace its ISOs while we run (another checkout).
    iso = Path(shutil.copyfile(ensure_test_iso(variant="verbose"), env.root / "guest.iso"))
    spec = replace(new_spec("first-output", OsPreset.LINUX), memory_mib=256, cpus=1,
                   accel=Accel.TCG, cdrom=Cdrom(CdromSource.ISO, str(iso)), disks=(),
                   boot_order=(BootDevice.CDROM, BootDevice.DISK))
    stored = create_vm(env, spec)
    manager = VmManager(env.paths, Settings(), store=env.store, role=MonitorRole.APP,
                        sample_stats=False)
    await manager.open()
    host, caps = await manager.environment()
    controller = manager.get(spec.id)

    hand_folder = VmFolder(env.root / "by-hand")
    hand_run = VmRuntimePaths(env.root / "hr")
    hand_folder.logs.mkdir(parents=True)
    hand_run.dir.mkdir(mode=0o700)
    hand_argv = build_argv(spec, caps=caps, host=host, folder=hand_folder, run=hand_run)
    assert "-S" not in hand_argv

    async def kvmgui_once() -> float:
        stored.folder.serial_log.unlink(missing_ok=True)
        started = time.monotonic()
        waiter = asyncio.ensure_future(first_byte(stored.folder.serial_log, started))
        outcome = await controller.start()
        if not outcome.ok:
            waiter.cancel()
            raise RuntimeError(f"kvmgui could not start the guest: {outcome.message}")
        try:
            return await waiter
        finally:
            await controller.force_off()

    async def by_hand_once() -> float:
        hand_folder.serial_log.unlink(missing_ok=True)
        for leftover in hand_run.dir.iterdir():
            leftover.unlink()
        started = time.monotonic()
        proc = subprocess.Popen(hand_argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            return await first_byte(hand_folder.serial_log, started)
        finally:
            proc.kill()
            await asyncio.to_thread(proc.wait)

    times: dict[str, list[float]] = {"kvmgui": [], "by_hand": []}
    try:
        for n in range(args.rounds):
            order = ("kvmgui", "by_hand") if n % 2 == 0 else ("by_hand", "kvmgui")
            for side in order:
                took = await (kvmgui_once() if side == "kvmgui" else by_hand_once())
                times[side].append(took)
                print(f"round {n + 1} {side:8}: first serial byte after {took:.3f} s")
    finally:
        for c in manager.controllers():
            if c.pid is not None:
                await c.force_off()
        await manager.close()
        env.cleanup()
    k, h = statistics.median(times["kvmgui"]), statistics.median(times["by_hand"])
    print(f"median: kvmgui {k:.3f} s, by hand {h:.3f} s (ratio {k / h:.3f})")
    return {"rounds": args.rounds, "kvmgui_s": k, "by_hand_s": h, "all": times,
            "argv": shell_line(hand_argv)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="three rounds")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.rounds = 3
    figures = asyncio.run(main(arguments))
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1))
